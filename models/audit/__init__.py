"""Audit history: who changed which record, when, which fields, from what to what.

Every flush of a planner session (:class:`models.concurrency.PlannerSession`) writes one
``audit_log`` row per editable record it creates, changes or deletes, in the same transaction
as the change itself: a rolled-back save leaves no history, a committed one always has it.

- ``changes`` maps each field to ``[old, new]`` in plain JSON: references to other records as
  their labels at the time (a leader's name, an organisation's name), enums as their values,
  dates as ISO text, instants as ISO text in the record's own time zone, collections (cities,
  delegation, invitations, attendees) as lists. A deleted record keeps its last content.
- A change to a record's parts (its itinerary, agenda, delegation, invitations) is a change of
  the record: its revision rises, so a stale save of the whole record is refused too.
- "Who" is :func:`models.audit.actor.current_actor`: ``session.info["actor"]``, else what the
  program set with ``set_actor``, else ``$CAMPAIGN_PLANNER_USER``, else ``user@host`` of the OS.
- On PostgreSQL the database writes the rows (triggers of migration 0008) with the role signed
  in and its own clock; the program only hands it how the changes read (labels, collections),
  and no row can be changed or deleted. On SQLite the program writes them.
- Each row is chained to the one before by ``row_hash`` (:mod:`models.audit.chain`);
  ``history --verify`` names the first row changed or removed behind the program's back.

One module per concern; import the one you need:

- :mod:`models.audit.table`: the ``audit_log`` table (:class:`AuditEntry`) and its actions;
- :mod:`models.audit.actor`: who the changes are by;
- :mod:`models.audit.inspection`: reading a record's mapping and its old and new values;
- :mod:`models.audit.recording`: the flush listeners that write the history;
- :mod:`models.audit.chain`: the hash chain and its verification;
- :mod:`models.audit.history`: reading the history (``record_history``, ``find_record``,
  ``last_change``, :class:`AuditRow`);
- :mod:`models.audit.labels`: how records, fields and values read to a person.

Importing this package imports none of them: a planner session's first flush installs the
listeners (:func:`models.concurrency.install_write_listeners`), so no session flushes without
its history, and a program that only reads (or only asks who is signed in) does not load them.
"""
