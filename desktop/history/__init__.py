"""Who changed what: a record's audit history and an organisation's history with the bureau."""
