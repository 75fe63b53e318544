"""Undoable edits of the campaign's steering: the chain leaders (链长) of the key industries
and the target list (千企). People and organisations are found again by UUID (an undone
delete gives them new ids); industries and regions are reference data and keep theirs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges, merge
from models.operations import teams
from models.operations.teams import TargetState
from models.organisations import Organisation
from models.people import Person
from models.records import id_by_uuid, uuid_by_id

translate = QCoreApplication.translate


class SetChainLeaders(PlannerCommand):
    """Name the chain leaders of some industries: (industry id, person id or None) each."""

    def __init__(self, ctx: AppContext, before: dict[int, int | None],
                 after: dict[int, int | None]) -> None:
        super().__init__(ctx, translate("SetChainLeaders", "Set the chain leaders"))
        with ctx.sessions() as session:
            self.before = {i: _uuid(session, p) for i, p in before.items()}
            self.after = {i: _uuid(session, p) for i, p in after.items()}

    def _set(self, session: Session, leaders: dict[int, str | None]) -> OpChanges:
        return merge(teams.set_chain_leader(
            session, industry, id_by_uuid(session, Person, uuid) if uuid else None).changes
            for industry, uuid in leaders.items())

    def forward(self, session: Session) -> OpChanges:
        return self._set(session, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._set(session, self.before)


def _uuid(session: Session, person_id: int | None) -> str | None:
    return uuid_by_id(session, Person, person_id) if person_id is not None else None


class _TargetCommand(PlannerCommand):
    """A change of the target list; undo puts each organisation back where it stood."""

    def __init__(self, ctx: AppContext, text: str, organisation_ids: list[int]) -> None:
        super().__init__(ctx, text)
        with ctx.sessions() as session:
            self.uuids = [uuid_by_id(session, Organisation, i) for i in organisation_ids]
        self.before: list[tuple[str, TargetState]] = []

    def _ids(self, session: Session) -> list[int]:
        return [id_by_uuid(session, Organisation, u) for u in self.uuids]

    def change(self, session: Session, ids: list[int]) -> OpChanges:
        raise NotImplementedError

    def forward(self, session: Session) -> OpChanges:
        ids = self._ids(session)
        self.before = list(zip(self.uuids, teams.target_states(session, ids), strict=True))
        return self.change(session, ids)

    def backward(self, session: Session) -> OpChanges:
        states = [TargetState(id_by_uuid(session, Organisation, uuid), s.on_list,
                              s.industry_id, s.region_id) for uuid, s in self.before]
        return teams.restore_targets(session, states).changes


class MarkTargets(_TargetCommand):
    """Put organisations on the target list, for an industry chain and a region."""

    def __init__(self, ctx: AppContext, organisation_ids: list[int], industry_id: int | None,
                 region_id: int | None, label: str) -> None:
        super().__init__(ctx, translate("MarkTargets", "Mark %1 as target HQ").replace(
            "%1", label), organisation_ids)
        self.industry_id = industry_id
        self.region_id = region_id

    def change(self, session: Session, ids: list[int]) -> OpChanges:
        return teams.mark_targets(session, ids, self.industry_id, self.region_id).changes


class UnmarkTargets(_TargetCommand):
    """Take organisations off the target list."""

    def __init__(self, ctx: AppContext, organisation_ids: list[int], label: str) -> None:
        super().__init__(ctx, translate("UnmarkTargets", "Remove %1 from the target list")
                         .replace("%1", label), organisation_ids)

    def change(self, session: Session, ids: list[int]) -> OpChanges:
        return teams.unmark_targets(session, ids).changes
