"""A small campaign with everything a brief prints: a trip across Europe's daylight-saving
change, earlier contacts, leads, an event with an agenda and RSVPs, conflicts, and names that
contain markup characters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from models.enums import (
    EventKind,
    EventStatus,
    ItemKind,
    LeadStage,
    MemberRole,
    OrganisationKind,
    PersonKind,
    RsvpState,
    TripStatus,
)
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    create_organisation,
    create_person,
)
from models.operations.events import EventDraft, InvitationDraft, SessionDraft, create_event
from models.operations.leads import LeadDraft, create_lead, record_hq_visit
from models.timeutil import at
from tests.factories import World, confirm_results, item_draft, make_trip, make_world

BERLIN = "Europe/Berlin"
MARKUP_ORG = 'A&B <Tech> "Quotes" 公司'
MARKUP_ORG_EN = "A&B <Tech> GmbH"
MARKUP_NOTE = '<b>不是粗体</b> & "引号" 5 < 6 > 4'
LONG_PURPOSE = (
    "拜访博世集团总部，推介松山湖高新区和东莞新能源汽车产业链，重点洽谈汽车电子、动力电池和智能制造项目，"
    "争取在年内签约落地；同时走访法兰克福商会，宣传“有空间、进莞来”，邀请企业参加全球招商大会。"
)


@dataclass(frozen=True)
class BriefWorld:
    trip_code: str
    event_code: str
    empty_trip_code: str
    world: World


def build_brief_world(session: Session) -> BriefWorld:
    w = make_world(session)
    contact = create_person(session, PersonDraft(
        "汉斯·穆勒", PersonKind.EXTERNAL, "Hans Müller", "中国区总裁", "President China",
        organisation_id=w.org_id, phone="+49 711 400 40990", email="hans.mueller@example.de",
        languages="de,en")).value
    markup_org = create_organisation(session, OrganisationDraft(
        MARKUP_ORG, OrganisationKind.COMPANY, MARKUP_ORG_EN, industry_id=w.industry_id,
        china_top_500_rank=321, hq_city="München", hq_country="DE",
        talking_points=MARKUP_NOTE, notes="R&D <lab> in Munich")).value
    chamber = create_organisation(session, OrganisationDraft(
        "法兰克福中国商会", OrganisationKind.CHAMBER, "China Chamber Frankfurt",
        hq_city="Frankfurt", hq_country="DE")).value
    interpreter = create_person(session, PersonDraft(
        "周安娜", PersonKind.BUREAU_STAFF, "Zhou Anna", "翻译", "Interpreter",
        phone="+86 138 0000 0001")).value

    earlier = make_trip(session, w, title_zh="欧洲预访", title_en="Europe scouting",
                        start_date=date(2023, 1, 10), end_date=date(2023, 1, 12),
                        status=TripStatus.DONE, members=[(w.staff_id, MemberRole.LEADER)],
                        leader_id=w.staff_id, purpose="",
                        items=[item_draft(w, starts_at=at(date(2023, 1, 11), "10:00", BERLIN),
                                          ends_at=at(date(2023, 1, 11), "11:30", BERLIN),
                                          title_zh="初次拜访博世",
                                          title_en="First visit to Bosch",
                                          attendee_ids=[w.staff_id],
                                          outcome="同意来莞考察")])
    record_hq_visit(session, w.org_id, date(2023, 2, 15), unit_id=w.unit_id, team="第12队",
                    notes="了解投资意向")
    create_event(session, EventDraft(
        EventKind.VIP_MEETING, "投资东莞尊享会（二月）", at(date(2023, 2, 20), "14:00",
                                                       "Asia/Shanghai"),
        at(date(2023, 2, 20), "17:00", "Asia/Shanghai"), "Asia/Shanghai",
        title_en="Invest Dongguan VIP Meeting (February)", venue="东莞会展国际大酒店",
        city_id=w.dongguan_id, status=EventStatus.DONE,
        invitations=[InvitationDraft(w.org_id, RsvpState.ATTENDED, 2)]))

    trip = make_trip(
        session, w, code="TRIP-2023-007", status=TripStatus.APPROVED,
        members=[(w.leader_id, MemberRole.LEADER), (w.staff_id, MemberRole.LIAISON),
                 (w.delegate_id, MemberRole.MEMBER), (interpreter.id, MemberRole.INTERPRETER)],
        target_ids=[w.org_id, markup_org.id, chamber.id],
        purpose=LONG_PURPOSE,
        key_messages="东莞“有空间、进莞来”：松山湖科学城、滨海湾新区可提供连片产业用地。",
        logistics="全团统一购买境外意外保险。\n\n用车：当地租用 9 座商务车一辆。",
        emergency_contacts="中国驻法兰克福总领馆领事保护电话 +49 69 7538 5890",
        items=[
            item_draft(w, 23, "02:10", "07:15", kind=ItemKind.FLIGHT, timezone="Asia/Shanghai",
                       title_zh="CA931 北京—法兰克福", title_en="CA931 Beijing–Frankfurt",
                       place="首都国际机场 T3", organisation_id=None,
                       attendee_ids=[w.leader_id, w.staff_id]),
            item_draft(w, 23, "15:00", "16:00", kind=ItemKind.HOTEL,
                       title_zh="法兰克福洲际酒店", title_en="InterContinental Frankfurt",
                       place="Wilhelm-Leuschner-Str. 43", organisation_id=None, attendee_ids=[],
                       ends_at=at(date(2023, 3, 30), "11:00", BERLIN)),
            item_draft(w, 24, "09:00", "11:00", notes="携带松山湖招商手册 20 本",
                       attendee_ids=[w.leader_id, w.staff_id]),
            item_draft(w, 24, "14:00", "15:30", title_zh=f"拜访 {MARKUP_ORG}",
                       title_en=f"Visit {MARKUP_ORG_EN}", organisation_id=markup_org.id,
                       place="Leopoldstraße 1 <Haus B>", attendee_ids=[w.leader_id]),
            item_draft(w, 27, "10:00", "12:00", kind=ItemKind.PROMOTION_MEETING,
                       title_zh="东莞投资环境推介会", title_en="Invest Dongguan promotion meeting",
                       organisation_id=chamber.id, place="Frankfurt Messe, Halle 3",
                       attendee_ids=[w.leader_id, w.staff_id, interpreter.id]),
        ],
    )
    create_lead(session, LeadDraft(
        "博世新能源汽车零部件项目", w.org_id, 6_000_000_000, LeadStage.SIGNED,
        title_en="Bosch NEV components plant", industry_id=w.industry_id, unit_id=w.unit_id,
        source_trip_id=earlier.id, first_contact_on=date(2023, 1, 11),
        signed_on=date(2023, 3, 1), funds_in_cny=500_000_000))
    create_lead(session, LeadDraft(
        "智能座舱研发中心", markup_org.id, 800_000_000, LeadStage.NEGOTIATION,
        title_en="Smart cockpit R&D centre", industry_id=w.industry_id, unit_id=w.unit_id,
        first_contact_on=date(2023, 2, 1)))
    event = create_event(session, EventDraft(
        EventKind.INDUSTRY_SUMMIT, "2023 新能源汽车产业峰会",
        at(date(2023, 3, 28), "09:00", "Asia/Shanghai"),
        at(date(2023, 3, 28), "17:30", "Asia/Shanghai"), "Asia/Shanghai",
        title_en="2023 New-Energy Vehicle Summit", code="EVT-2023-012",
        venue="松山湖国际会议中心", city_id=w.dongguan_id, host_unit_id=w.unit_id,
        lead_person_id=w.leader_id, capacity=3, status=EventStatus.APPROVED,
        industry_ids=[w.industry_id], description="邀请新能源汽车产业链龙头企业，发布投资机会清单。",
        responsibilities="松山湖高新区：会场布置与安保\n市投资促进局：嘉宾邀请、签约安排",
        sessions=[
            SessionDraft("开幕致辞", at(date(2023, 3, 28), "09:00", "Asia/Shanghai"),
                         at(date(2023, 3, 28), "09:30", "Asia/Shanghai"), "Opening remarks",
                         "主会场 A厅", [w.leader_id]),
            SessionDraft("主旨演讲：汽车电子的未来", at(date(2023, 3, 28), "09:30", "Asia/Shanghai"),
                         at(date(2023, 3, 28), "10:30", "Asia/Shanghai"),
                         "Keynote: the future of automotive electronics", "主会场 A厅",
                         [contact.id], notes="同声传译"),
        ],
        invitations=[InvitationDraft(w.org_id, RsvpState.ACCEPTED, 3),
                     InvitationDraft(markup_org.id, RsvpState.TENTATIVE, 2, MARKUP_NOTE),
                     InvitationDraft(chamber.id, RsvpState.DECLINED, 1)],
    )).value
    make_trip(session, w, title_zh="京津冀对接", title_en="Beijing liaison",
              start_date=date(2023, 3, 29), end_date=date(2023, 3, 31), leader_id=None,
              members=[(w.delegate_id, MemberRole.MEMBER)], target_ids=[], purpose="")
    empty_trip = make_trip(session, w, title_zh="空白行程", title_en="Empty trip",
                           start_date=date(2023, 11, 6), end_date=date(2023, 11, 8),
                           members=[], leader_id=None, target_ids=[], industry_ids=[],
                           city_ids=[], purpose="")
    confirm_results(session)  # the signed project and the done visits, as a planner confirmed them
    return BriefWorld(trip.code, event.code, empty_trip.code, w)
