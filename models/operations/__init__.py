"""Write side: verb-named operations that validate, change and report what changed.

They take the caller's session as first argument and never commit: the caller owns the
transaction (``with Session.begin() as s: trips.create_trip(s, draft)``).
"""
