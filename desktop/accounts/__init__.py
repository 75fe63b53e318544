"""Accounts in the window: signing in to the shared server, and the admins' accounts page."""
