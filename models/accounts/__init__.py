"""Accounts on the shared server: who signs in, as what, and what they may change.

- :mod:`~models.accounts.names`: the roles (admin, planner, unit, viewer), logins, and the
  PostgreSQL group roles of a database;
- :mod:`~models.accounts.table`: the ``accounts`` table;
- :mod:`~models.accounts.signed_in`: who the session belongs to;
- :mod:`~models.accounts.service`: list, add, disable/enable, set role, reset password;
- :mod:`~models.accounts.permissions`: what the signed-in account may change (checked before a
  flush, and by the window before it opens an editor).
"""

from models.accounts.names import AccountRole, group_role
from models.accounts.signed_in import SignedIn, is_shared, signed_in
from models.accounts.table import Account

__all__ = ["Account", "AccountRole", "SignedIn", "group_role", "is_shared", "signed_in"]
