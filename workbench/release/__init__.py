"""The approved release: the approval gate and manifest (export), the value types every export format
writes (model) and the word-level diff of draft against edit (diffing)."""
