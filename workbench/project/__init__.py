"""The application layer the CLI and the UI share: the checked read model of a project (checked,
snapshot) and the use cases that change pairs (realign: merge and split). store/ keeps only persistence."""
