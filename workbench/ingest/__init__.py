"""Turning files into a project's pairs: segment and align a document pair (pipeline), read a bilingual
file (bilingual), read a translation memory (memory)."""
