"""The main window's pages: the dashboard and one page per kind of record."""
