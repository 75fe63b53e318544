"""Write side: verb-named operations that validate, change and report what changed.

They take the caller's session as first argument and never commit: the caller owns the
transaction (``with Session.begin() as s: trips.create_trip(s, draft)``). Each returns a
:class:`models.changes.OpResult`: its value (a row, an id, the draft that re-creates a
deleted record) and the :class:`~models.changes.OpChanges` it made, which undo forwards to
the window's views.
"""
