"""A unit account's new trips, events, projects and visits belong to its unit.

The unit field of a new record starts at the account's unit and offers it alone (the save
would refuse any other: :mod:`models.accounts.permissions`); a record the unit already owns
keeps its unit field limited the same way. Other accounts (planners, admins, the one person of
a SQLite file) choose freely.
"""

from __future__ import annotations

from desktop.context import AppContext
from desktop.editors.form import IdCombo
from models.accounts.names import AccountRole
from models.accounts.signed_in import signed_in


def own_unit(ctx: AppContext) -> int | None:
    """The unit of the signed-in unit account (None: any other account)."""
    with ctx.sessions() as session:
        account = signed_in(session)
    if account.shared and account.role is AccountRole.UNIT:
        return account.unit_id
    return None


def keep_to_own_unit(combo: IdCombo, unit_id: int | None, current: int | None, new: bool) -> None:
    """Offer ``unit_id`` alone in ``combo`` for a new record or one of the unit's own (another
    unit's record, opened read-only, keeps showing its own unit)."""
    if unit_id is not None and (new or current == unit_id):
        combo.limit_to(unit_id)
