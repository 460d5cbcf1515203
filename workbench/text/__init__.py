"""Text units shared by the aligner and the checks: quantities in Chinese and English (quantity*.py)."""
