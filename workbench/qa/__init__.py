"""Translation QA: the driver that runs every check on a document (driver, recheck), the one-click fixes,
the reports, the checks themselves (checks/), the grammar engines (engines/) and the per-project check
settings file (config_file)."""
