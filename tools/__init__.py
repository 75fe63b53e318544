"""Developer tools (not shipped): the sample-campaign generator."""
