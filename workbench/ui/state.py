"""Session-state keys, in one place."""

PROJECT = "project"
DOCUMENT = "document"
PAGE_NUMBER = "page_number"
USER = "user"
ONLY_FINDINGS = "only_findings"
GLOSSARY_NOTICES = "glossary_notices"
