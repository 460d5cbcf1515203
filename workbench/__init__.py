"""Chinese→English translation workbench: a pure core with a thin CLI and Streamlit UI."""

__version__ = "0.1.0"
