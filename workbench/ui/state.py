"""Session-state keys, in one place."""

PROJECT = "project"
DOCUMENT = "document"
PAGE_NUMBER = "page_number"
