"""Closed vocabularies of the domain, with Chinese and English labels."""

from __future__ import annotations

from enum import StrEnum

from models.language import Lang


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Chinese and an English label."""

    @property
    def zh(self) -> str:
        return _LABELS[self][0]

    @property
    def en(self) -> str:
        return _LABELS[self][1]

    def label(self, lang: Lang = Lang.ZH) -> str:
        return lang.pick(self.zh, self.en)


class RegionKind(LabelledEnum):
    OVERSEAS = "overseas"
    DOMESTIC = "domestic"
    LOCAL = "local"


class UnitKind(LabelledEnum):
    TOWN_STREET = "town_street"
    PARK = "park"
    DEPARTMENT = "department"
    SOE = "soe"


class PersonKind(LabelledEnum):
    CITY_LEADER = "city_leader"
    BUREAU_STAFF = "bureau_staff"
    UNIT_STAFF = "unit_staff"
    DELEGATE = "delegate"
    EXTERNAL = "external"


class OrganisationKind(LabelledEnum):
    COMPANY = "company"
    CHAMBER = "chamber"
    FOREIGN_MISSION = "foreign_mission"
    SISTER_CITY = "sister_city"
    INDUSTRY_BODY = "industry_body"
    PARTNER = "partner"


class TripStatus(LabelledEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    APPROVED = "approved"
    UNDERWAY = "underway"
    DONE = "done"
    CANCELLED = "cancelled"


class EventStatus(LabelledEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    APPROVED = "approved"
    UNDERWAY = "underway"
    DONE = "done"
    CANCELLED = "cancelled"


class MemberRole(LabelledEnum):
    LEADER = "leader"
    DEPUTY = "deputy"
    MEMBER = "member"
    LIAISON = "liaison"
    INTERPRETER = "interpreter"
    SECRETARY = "secretary"
    SECURITY = "security"
    MEDIA = "media"


class ItemKind(LabelledEnum):
    FLIGHT = "flight"
    TRAIN = "train"
    TRANSFER = "transfer"
    COMPANY_VISIT = "company_visit"
    PROMOTION_MEETING = "promotion_meeting"
    BANQUET = "banquet"
    SIGNING = "signing"
    HOTEL = "hotel"
    FREE_TIME = "free_time"
    MEETING = "meeting"  # a meeting or a phone / video call that is not a company visit
    TRADE_FAIR = "trade_fair"


class EventKind(LabelledEnum):
    INDUSTRY_SUMMIT = "industry_summit"
    MULTINATIONAL_TOUR = "multinational_tour"
    VIP_MEETING = "vip_meeting"
    GLOBAL_CONFERENCE = "global_conference"
    SIGNING_CEREMONY = "signing_ceremony"
    OTHER = "other"


class RsvpState(LabelledEnum):
    INVITED = "invited"
    ACCEPTED = "accepted"
    TENTATIVE = "tentative"
    DECLINED = "declined"
    ATTENDED = "attended"


class LeadStage(LabelledEnum):
    CONTACT = "contact"
    NEGOTIATION = "negotiation"
    SIGNED = "signed"
    CONSTRUCTION = "construction"
    FUNDS_IN = "funds_in"
    PRODUCTION = "production"
    DROPPED = "dropped"


class VisitStatus(LabelledEnum):
    """A headquarters visit of the 百队千企 campaign: planned, done or called off."""

    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"

    # The values are those of TripStatus, and str-valued members with equal values are equal
    # dict keys: the labels live in a table of their own.
    @property
    def zh(self) -> str:
        return _VISIT_LABELS[self.value][0]

    @property
    def en(self) -> str:
        return _VISIT_LABELS[self.value][1]


_VISIT_LABELS = {"planned": ("计划拜访", "Planned"), "done": ("已拜访", "Visited"),
                 "cancelled": ("已取消", "Cancelled")}


class ConflictKind(LabelledEnum):
    """What the conflict finder found (``models.conflicts``)."""

    PERSON_DOUBLE_BOOKED = "person_double_booked"
    VENUE_DOUBLE_BOOKED = "venue_double_booked"
    ITEM_OUTSIDE_TRIP = "item_outside_trip"
    LEADER_AWAY = "leader_away"
    # the scheduling checks (``models.checks``)
    HOLIDAY = "holiday"
    MOVED_WORKDAY = "moved_workday"
    CALENDAR_UNKNOWN = "calendar_unknown"
    BLACKOUT = "blackout"
    OUTSIDE_HOURS = "outside_hours"
    WEEKEND = "weekend"
    TOO_TIGHT = "too_tight"
    LANDS_LATE = "lands_late"
    CITY_CHANGE = "city_change"
    NIGHT_WITHOUT_STAY = "night_without_stay"
    TRIPS_PER_MONTH = "trips_per_month"
    TARGET_SHORT = "target_short"
    REGION_UNCOVERED = "region_uncovered"
    INDUSTRY_UNCOVERED = "industry_uncovered"


class Severity(LabelledEnum):
    """How much a conflict matters: an error must be resolved, a warning is worth a look."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


TRIP_FLOW: dict[TripStatus, tuple[TripStatus, ...]] = {
    TripStatus.DRAFT: (TripStatus.PLANNED, TripStatus.CANCELLED),
    TripStatus.PLANNED: (TripStatus.DRAFT, TripStatus.APPROVED, TripStatus.CANCELLED),
    TripStatus.APPROVED: (TripStatus.PLANNED, TripStatus.UNDERWAY, TripStatus.CANCELLED),
    TripStatus.UNDERWAY: (TripStatus.DONE, TripStatus.CANCELLED),
    TripStatus.DONE: (),
    TripStatus.CANCELLED: (TripStatus.DRAFT,),
}

_LABELS: dict[LabelledEnum, tuple[str, str]] = {
    RegionKind.OVERSEAS: ("境外", "Overseas"),
    RegionKind.DOMESTIC: ("国内", "Domestic"),
    RegionKind.LOCAL: ("本地", "Local"),
    UnitKind.TOWN_STREET: ("镇街", "Town/street"),
    UnitKind.PARK: ("园区", "Park"),
    UnitKind.DEPARTMENT: ("市直部门", "Department"),
    UnitKind.SOE: ("市属国企", "City-owned enterprise"),
    PersonKind.CITY_LEADER: ("市领导", "City leader"),
    PersonKind.BUREAU_STAFF: ("投促局工作人员", "Bureau staff"),
    PersonKind.UNIT_STAFF: ("责任单位工作人员", "Unit staff"),
    PersonKind.DELEGATE: ("团组成员", "Delegate"),
    PersonKind.EXTERNAL: ("外部联系人", "External contact"),
    OrganisationKind.COMPANY: ("企业", "Company"),
    OrganisationKind.CHAMBER: ("商协会", "Chamber of commerce"),
    OrganisationKind.FOREIGN_MISSION: ("驻华机构", "Foreign mission"),
    OrganisationKind.SISTER_CITY: ("友好城市", "Sister city"),
    OrganisationKind.INDUSTRY_BODY: ("行业机构", "Industry body"),
    OrganisationKind.PARTNER: ("合作伙伴", "Partner"),
    TripStatus.DRAFT: ("草稿", "Draft"),
    TripStatus.PLANNED: ("已计划", "Planned"),
    TripStatus.APPROVED: ("已批准", "Approved"),
    TripStatus.UNDERWAY: ("进行中", "Underway"),
    TripStatus.DONE: ("已完成", "Done"),
    TripStatus.CANCELLED: ("已取消", "Cancelled"),
    EventStatus.DRAFT: ("草稿", "Draft"),
    EventStatus.PLANNED: ("已计划", "Planned"),
    EventStatus.APPROVED: ("已批准", "Approved"),
    EventStatus.UNDERWAY: ("进行中", "Underway"),
    EventStatus.DONE: ("已完成", "Done"),
    EventStatus.CANCELLED: ("已取消", "Cancelled"),
    MemberRole.LEADER: ("团长", "Head of delegation"),
    MemberRole.DEPUTY: ("副团长", "Deputy head"),
    MemberRole.MEMBER: ("团员", "Member"),
    MemberRole.LIAISON: ("联络员", "Liaison"),
    MemberRole.INTERPRETER: ("翻译", "Interpreter"),
    MemberRole.SECRETARY: ("秘书", "Secretary"),
    MemberRole.SECURITY: ("安保", "Security"),
    MemberRole.MEDIA: ("随团媒体", "Media"),
    ItemKind.FLIGHT: ("航班", "Flight"),
    ItemKind.TRAIN: ("火车", "Train"),
    ItemKind.TRANSFER: ("接送", "Transfer"),
    ItemKind.COMPANY_VISIT: ("企业拜访", "Company visit"),
    ItemKind.PROMOTION_MEETING: ("推介会", "Promotion meeting"),
    ItemKind.BANQUET: ("宴请", "Banquet"),
    ItemKind.SIGNING: ("签约", "Signing"),
    ItemKind.HOTEL: ("酒店", "Hotel"),
    ItemKind.FREE_TIME: ("自由活动", "Free time"),
    ItemKind.MEETING: ("会谈/通话", "Meeting / call"),
    ItemKind.TRADE_FAIR: ("展会", "Trade fair"),
    EventKind.INDUSTRY_SUMMIT: ("产业峰会", "Industry summit"),
    EventKind.MULTINATIONAL_TOUR: ("跨国公司东莞行", "Multinational Companies Tour"),
    EventKind.VIP_MEETING: ("投资东莞尊享会", "Invest Dongguan VIP Meeting"),
    EventKind.GLOBAL_CONFERENCE: ("全球招商大会", "Global Investment Conference"),
    EventKind.SIGNING_CEREMONY: ("签约仪式", "Signing ceremony"),
    EventKind.OTHER: ("其他", "Other"),
    RsvpState.INVITED: ("已邀请", "Invited"),
    RsvpState.ACCEPTED: ("确认出席", "Accepted"),
    RsvpState.TENTATIVE: ("待定", "Tentative"),
    RsvpState.DECLINED: ("谢绝", "Declined"),
    RsvpState.ATTENDED: ("已出席", "Attended"),
    LeadStage.CONTACT: ("接洽", "Contact"),
    LeadStage.NEGOTIATION: ("洽谈", "Negotiation"),
    LeadStage.SIGNED: ("签约", "Signed"),
    LeadStage.CONSTRUCTION: ("动工", "Construction"),
    LeadStage.FUNDS_IN: ("资金到位", "Funds in"),
    LeadStage.PRODUCTION: ("投产", "Production"),
    LeadStage.DROPPED: ("终止", "Dropped"),
    ConflictKind.PERSON_DOUBLE_BOOKED: ("人员重复安排", "Person double-booked"),
    ConflictKind.VENUE_DOUBLE_BOOKED: ("场地冲突", "Venue double-booked"),
    ConflictKind.ITEM_OUTSIDE_TRIP: ("行程超出日期", "Item outside the trip's dates"),
    ConflictKind.LEADER_AWAY: ("领导出访期间主持活动", "Leader away while hosting an event"),
    Severity.ERROR: ("冲突", "Conflict"),
    ConflictKind.HOLIDAY: ("公众假期", "Public holiday"),
    ConflictKind.MOVED_WORKDAY: ("调休上班", "Moved working day"),
    ConflictKind.CALENDAR_UNKNOWN: ("调休安排未公布", "Working days not announced"),
    ConflictKind.BLACKOUT: ("禁排日期", "Blackout date"),
    ConflictKind.OUTSIDE_HOURS: ("非工作时间", "Outside business hours"),
    ConflictKind.WEEKEND: ("当地周末", "Local weekend"),
    ConflictKind.TOO_TIGHT: ("衔接时间不足", "Not enough time to get there"),
    ConflictKind.LANDS_LATE: ("航班晚于会见", "Lands after the meeting"),
    ConflictKind.CITY_CHANGE: ("换城市无交通", "City change without transport"),
    ConflictKind.NIGHT_WITHOUT_STAY: ("夜间无住宿", "Night without a stay"),
    ConflictKind.TRIPS_PER_MONTH: ("当月出访过多", "Too many trips in a month"),
    ConflictKind.TARGET_SHORT: ("计划未达目标", "Plan short of target"),
    ConflictKind.REGION_UNCOVERED: ("区域无安排", "Region with no trip"),
    ConflictKind.INDUSTRY_UNCOVERED: ("产业无安排", "Industry with nothing planned"),
    Severity.WARNING: ("提醒", "Warning"),
    Severity.NOTE: ("备注", "Note"),
}
