"""The command line: a thin layer over the application; main builds the parser, files and accounts hold
the import/export and account commands."""
