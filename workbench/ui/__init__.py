"""Streamlit user interface; only this package imports Streamlit."""
