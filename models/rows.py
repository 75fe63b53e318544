"""Plain, frozen rows built inside a session and handed to the CLI, the window and the builders.

Nothing here touches the database: a row can be kept, compared and passed between threads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from models.enums import (
    EventKind,
    EventStatus,
    ItemKind,
    LeadStage,
    MemberRole,
    OrganisationKind,
    PersonKind,
    RegionKind,
    RsvpState,
    TripStatus,
    UnitKind,
    VisitStatus,
)
from models.language import Lang
from models.timeutil import BEIJING


def pick(zh: str, en: str, lang: Lang) -> str:
    """The name in ``lang``: English when asked and present, otherwise Chinese."""
    return en if lang == "en" and en else zh


@dataclass(frozen=True, slots=True)
class Ref:
    """A named record referred to by another (industry, unit, organisation, region)."""

    id: int
    name_zh: str
    name_en: str = ""
    code: str = ""

    def name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.name_zh, self.name_en, lang)


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: int
    uuid: str
    revision: int
    year: int
    name_zh: str
    name_en: str
    slogan: str
    target_trips: int
    target_events: int
    target_hq_visits: int
    target_investment_cny: int
    flagship_threshold_cny: int
    target_flagship_projects: int
    duty_phone: str = ""  # the bureau's 24-hour duty phone
    slogan_en: str = ""

    def slogan_text(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.slogan, self.slogan_en, lang)

    def name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.name_zh, self.name_en, lang)


@dataclass(frozen=True, slots=True)
class RegionRow:
    id: int
    code: str
    name_zh: str
    name_en: str
    kind: RegionKind

    def name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.name_zh, self.name_en, lang)


@dataclass(frozen=True, slots=True)
class CityRow:
    id: int
    name_zh: str
    name_en: str
    country_code: str
    timezone: str
    region_id: int

    def name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.name_zh, self.name_en, lang)


@dataclass(frozen=True, slots=True)
class UnitRow:
    id: int
    name_zh: str
    name_en: str
    kind: UnitKind

    def name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.name_zh, self.name_en, lang)


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: int
    uuid: str
    revision: int
    name_zh: str
    name_en: str
    kind: PersonKind
    title_zh: str
    title_en: str
    unit: Ref | None
    organisation: Ref | None
    phone: str
    email: str
    languages: str
    notes: str = ""
    mobile_abroad: str = ""
    passport_number: str = ""
    passport_expires: date | None = None
    visa_status: str = ""
    dietary: str = ""

    def name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.name_zh, self.name_en, lang)

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)


@dataclass(frozen=True, slots=True)
class OrganisationRow:
    id: int
    uuid: str
    revision: int
    name_zh: str
    name_en: str
    kind: OrganisationKind
    industry: Ref | None
    fortune_global_500_rank: int | None
    china_top_500_rank: int | None
    hq_city: str
    hq_country: str
    website: str
    talking_points: str
    notes: str
    contacts: tuple[PersonRow, ...] = ()
    business: str = ""
    revenue_cny: int | None = None
    employees: int | None = None
    china_presence: str = ""
    gba_presence: str = ""
    hq_city_en: str = ""  # the headquarters' city in English when it is a known city

    def name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.name_zh, self.name_en, lang)

    def hq_city_name(self, lang: Lang = Lang.ZH) -> str:
        """The headquarters' city in ``lang``: a known city's English name, else as typed."""
        return pick(self.hq_city, self.hq_city_en, lang)


@dataclass(frozen=True, slots=True)
class MemberRow:
    person: PersonRow
    role: MemberRole


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    uuid: str
    revision: int
    updated_at: datetime
    trip_id: int
    trip_uuid: str
    trip_code: str
    kind: ItemKind
    title_zh: str
    title_en: str
    starts_at: datetime  # aware, UTC
    ends_at: datetime  # aware, UTC
    timezone: str  # IANA zone of the place
    city: CityRow | None
    place: str
    organisation: Ref | None
    attendees: tuple[PersonRow, ...]
    notes: str
    outcome: str
    all_day: bool = False  # shown and exported as whole days, not as 00:00-23:59
    external_uid: str = ""  # the partner's calendar UID, exported instead of ours
    arrival_timezone: str = ""  # a travel leg's arrival zone; "" = the departure's
    carrier: str = ""
    service_number: str = ""
    from_place: str = ""
    from_code: str = ""
    from_terminal: str = ""
    to_place: str = ""
    to_code: str = ""
    to_terminal: str = ""
    booking_ref: str = ""
    seat_class: str = ""
    meeting_point: str = ""
    address: str = ""
    phone: str = ""
    counterparts: tuple[PersonRow, ...] = ()
    ask: str = ""
    offer: str = ""

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)

    @property
    def end_zone(self) -> str:
        """The zone of the end: a travel leg's arrival zone, else the item's own."""
        return self.arrival_timezone or self.timezone

    @property
    def local_arrival(self) -> datetime:
        """The end in the local time of where it happens (a flight lands in its own zone)."""
        return self.ends_at.astimezone(ZoneInfo(self.end_zone))

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(self.timezone))

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(ZoneInfo(self.timezone))

    @property
    def beijing_start(self) -> datetime:
        return self.starts_at.astimezone(BEIJING)

    @property
    def beijing_end(self) -> datetime:
        return self.ends_at.astimezone(BEIJING)


@dataclass(frozen=True, slots=True)
class TripRow:
    id: int
    uuid: str
    revision: int
    updated_at: datetime
    code: str
    campaign_year: int
    title_zh: str
    title_en: str
    region: RegionRow
    start_date: date
    end_date: date  # inclusive
    status: TripStatus
    leader: PersonRow | None
    host_unit: Ref | None

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)


@dataclass(frozen=True, slots=True)
class TripDetail(TripRow):
    cities: tuple[CityRow, ...]
    industries: tuple[Ref, ...]
    targets: tuple[OrganisationRow, ...]
    members: tuple[MemberRow, ...]
    items: tuple[ItemRow, ...]
    purpose: str
    key_messages: str
    logistics: str
    emergency_contacts: str
    cancel_reason: str
    notes: str


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    uuid: str
    revision: int
    updated_at: datetime
    title_zh: str
    title_en: str
    starts_at: datetime
    ends_at: datetime
    room: str
    speakers: tuple[PersonRow, ...]
    notes: str

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)


@dataclass(frozen=True, slots=True)
class InvitationRow:
    organisation: OrganisationRow
    rsvp: RsvpState
    guests: int
    notes: str


@dataclass(frozen=True, slots=True)
class StaffPostRow:
    """A staff post of the run-of-show."""

    post: str
    room: str
    person: PersonRow | None
    starts_at: datetime
    ends_at: datetime
    duty: str
    post_en: str = ""
    room_en: str = ""
    duty_en: str = ""

    def post_name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.post, self.post_en, lang)

    def room_name(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.room, self.room_en, lang)

    def duty_text(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.duty, self.duty_en, lang)


@dataclass(frozen=True, slots=True)
class VipSeatRow:
    """A guest of honour with the organisation and title the seating list prints."""

    person: PersonRow
    organisation: Ref | None
    title: str
    table_no: str
    seat_no: str


@dataclass(frozen=True, slots=True)
class UnitDutyRow:
    """What one responsible unit does for the event, and whom to call there."""

    unit: Ref
    duty: str
    contact: PersonRow | None


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    uuid: str
    revision: int
    updated_at: datetime
    code: str
    campaign_year: int
    kind: EventKind
    title_zh: str
    title_en: str
    venue: str
    city: CityRow | None
    region: RegionRow | None
    timezone: str
    starts_at: datetime
    ends_at: datetime
    host_unit: Ref | None
    lead_person: PersonRow | None
    capacity: int | None
    status: EventStatus

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(self.timezone))

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(ZoneInfo(self.timezone))


@dataclass(frozen=True, slots=True)
class EventDetail(EventRow):
    industries: tuple[Ref, ...]
    sessions: tuple[SessionRow, ...]
    invitations: tuple[InvitationRow, ...]
    description: str
    responsibilities: str
    cancel_reason: str
    notes: str
    external_uid: str = ""  # the partner's calendar UID, exported instead of ours
    staff_posts: tuple[StaffPostRow, ...] = ()
    vip_seats: tuple[VipSeatRow, ...] = ()
    unit_duties: tuple[UnitDutyRow, ...] = ()

    @property
    def confirmed_guests(self) -> int:
        return sum(
            inv.guests
            for inv in self.invitations
            if inv.rsvp in (RsvpState.ACCEPTED, RsvpState.ATTENDED)
        )


@dataclass(frozen=True, slots=True)
class StageStep:
    """One step of a project's stage history."""

    stage: LeadStage
    on: date
    by: str
    reason: str = ""


_SIGNED = frozenset({LeadStage.SIGNED, LeadStage.CONSTRUCTION, LeadStage.FUNDS_IN,
                     LeadStage.PRODUCTION})  # models.leads.SIGNED_STAGES


@dataclass(frozen=True, slots=True)
class LeadRow:
    id: int
    uuid: str
    revision: int
    code: str
    title_zh: str
    title_en: str
    organisation: Ref
    industry: Ref | None
    amount_cny: int
    stage: LeadStage
    unit: Ref | None
    source_trip_code: str | None
    source_event_code: str | None
    first_contact_on: date | None
    signed_on: date | None
    funds_in_cny: int
    is_flagship: bool
    notes: str
    region: Ref | None = None  # of the source trip or event
    source_item_id: int | None = None
    source_session_id: int | None = None
    source_meeting: str = ""  # the itinerary item's or agenda session's title
    history: tuple[StageStep, ...] = ()
    leader: Ref | None = None  # 挂点领导
    confirmed_at: datetime | None = None  # a planner confirmed the signed result
    confirmed_by: str = ""

    @property
    def awaits_confirmation(self) -> bool:
        """Signed (or later) and not yet confirmed: counted apart on the leaderboard."""
        return self.stage in _SIGNED and self.confirmed_at is None

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)

    @property
    def source_code(self) -> str | None:
        return self.source_trip_code or self.source_event_code


@dataclass(frozen=True, slots=True)
class LeadChoice:
    """A project as a picker lists it (a visit's follow-up): its code, titles and company."""

    id: int
    code: str
    title_zh: str
    title_en: str
    organisation_id: int

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)


@dataclass(frozen=True, slots=True)
class HqVisitRow:
    id: int
    organisation: Ref
    unit: Ref | None
    visited_on: date
    team: str  # the team's Chinese name ("" without a team)
    trip_code: str | None
    notes: str
    uuid: str = ""
    revision: int = 0
    team_id: int | None = None
    status: VisitStatus = VisitStatus.DONE
    place: str = ""
    outcome: str = ""
    follow_up_code: str | None = None
    industry: Ref | None = None  # the organisation's
    region: Ref | None = None  # on the target list
    is_target: bool = False
    updated_at: datetime | None = None
    confirmed_at: datetime | None = None  # a planner confirmed the visit was done
    confirmed_by: str = ""
    team_en: str = ""  # the team's English name ("" when it has none)
    place_en: str = ""  # the place in English when it is a known city ("" for free text)

    @property
    def awaits_confirmation(self) -> bool:
        """Done and not yet confirmed: counted apart on the leaderboard."""
        return self.status is VisitStatus.DONE and self.confirmed_at is None

    def team_name(self, lang: Lang = Lang.ZH) -> str:
        """The team's name in ``lang`` ("" without a team)."""
        return pick(self.team, self.team_en, lang)

    def place_name(self, lang: Lang = Lang.ZH) -> str:
        """Where the visit is, in ``lang``: a known city's English name, free text as typed."""
        return pick(self.place, self.place_en, lang)


@dataclass(frozen=True, slots=True)
class TeamRow:
    """A team of the 百队千企 campaign with its visits counted."""

    id: int
    uuid: str
    revision: int
    name: str
    leader: Ref | None
    unit: Ref | None
    members: tuple[Ref, ...]
    target_visits: int
    done_visits: int
    planned_visits: int
    notes: str
    name_en: str = ""

    def label(self, lang: Lang = Lang.ZH) -> str:
        """The team's name in ``lang``: English when asked and present, otherwise Chinese."""
        return pick(self.name, self.name_en, lang)


@dataclass(frozen=True, slots=True)
class TargetRow:
    """An organisation on the target list (千企), and whether a team has been there."""

    id: int
    organisation: Ref
    industry: Ref | None
    region: Ref | None
    hq: str  # city, country
    visited: bool
    planned: bool


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """Target HQs of one team, industry or region: visited, planned, not yet touched."""

    key: Ref
    targets: int
    visited: int
    planned: int

    @property
    def untouched(self) -> int:
        return max(0, self.targets - self.visited - self.planned)

    @property
    def share_visited(self) -> float:
        return self.visited / self.targets if self.targets else 0.0
