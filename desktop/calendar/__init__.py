"""The calendar (month, week, agenda) and the year timeline, painted from ``planning/``."""
