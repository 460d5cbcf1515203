"""Session-state keys, in one place."""

PROJECT = "project"
DOCUMENT = "document"
PAGE_NUMBER = "page_number"
USER = "user"  # the name the pages act for, kept across pages (a widget's own state is not)
USER_FIELD = "user_field"  # the sidebar's "Your name" field
LOGIN = "logged_in_account"  # a workbench.ui.accounts.Login once someone has logged in
ONLY_FINDINGS = "only_findings"
GLOSSARY_NOTICES = "glossary_notices"
FILTER_CATEGORIES = "filter_categories"
FILTER_STATUSES = "filter_statuses"
FILTER_SEARCH = "filter_search"
