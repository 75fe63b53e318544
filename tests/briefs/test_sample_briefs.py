"""Every document printed from the sample 2023 campaign, checked against the data it holds.

Expected times are computed here independently of the renderer: local time from the item's
IANA zone, Beijing time as UTC+8.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from briefs import (
    BriefOptions,
    collect_campaign,
    collect_event,
    collect_trip,
    render_campaign,
    render_event,
    render_trip,
)
from briefs.words import Words
from models.enums import RsvpState
from tests.briefs.pdf_helpers import check_pdf, flat, fonts, needs_check_pdf, reader, squash

ZH = BriefOptions(generated_on=date(2023, 3, 20))
TRIP = "TRIP-2023-005"  # Germany, 23–30 March: Europe changes to summer time on the 26th
EVENT = "EVT-2023-026"  # the Global Investment Conference


def _hm(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _beijing(moment: datetime) -> datetime:
    return (moment.astimezone(UTC) + timedelta(hours=8)).replace(tzinfo=None)


def test_sample_trip_brief(sample_sessions: sessionmaker[Session]) -> None:
    with sample_sessions() as session:
        data = collect_trip(session, TRIP)
    pdf = render_trip(data, ZH)
    text = flat(pdf)
    t = data.trip
    assert squash(t.title_zh) in text
    assert Words().span(t.start_date, t.end_date).replace(" ", "") in text
    for member in t.members:
        assert squash(member.person.name_zh) in text
    for org in t.targets:
        assert squash(org.name_zh) in text
    offsets = set()
    for item in t.items:
        local = item.starts_at.astimezone(ZoneInfo(item.timezone))
        offsets.add(local.utcoffset())
        # a flight's landing is printed in the zone it lands in (issue 11), not the departure's
        start, end = local, item.ends_at.astimezone(ZoneInfo(item.end_zone))
        beijing = _beijing(item.starts_at)
        assert f"{_hm(start)}–" in text
        if start.date() == end.date():
            assert f"{_hm(start)}–{_hm(end)}" in text, item.title_zh
        assert _hm(beijing) in text
        assert squash(item.title_zh) in text
    assert len(offsets) >= 2  # the brief spans the change to summer time
    assert "UTC+1" in text and "UTC+2" in text
    for conflict in data.conflicts:
        assert squash(conflict.message_zh) in text
    assert all(fonts(pdf).values())
    assert 8 <= len(reader(pdf).pages) <= 40


def test_sample_event_run_of_show(sample_sessions: sessionmaker[Session]) -> None:
    with sample_sessions() as session:
        data = collect_event(session, EVENT)
    pdf = render_event(data, ZH)
    text = flat(pdf)
    e = data.event
    zone = ZoneInfo(e.timezone)
    assert squash(e.title_zh) in text
    for s in e.sessions:
        assert f"{_hm(s.starts_at.astimezone(zone))}–{_hm(s.ends_at.astimezone(zone))}" in text
        assert squash(s.title_zh) in text
        for speaker in s.speakers:
            assert squash(speaker.name_zh) in text
    for invitation in e.invitations:
        assert squash(invitation.organisation.name_zh) in text
    accepted = sum(i.guests for i in e.invitations
                   if i.rsvp in (RsvpState.ACCEPTED, RsvpState.ATTENDED))
    assert f"确认出席{accepted}人" in text
    for state in RsvpState:
        n = sum(1 for i in e.invitations if i.rsvp is state)
        if n:
            assert f"{state.zh}：{n}家" in text
    for conflict in data.conflicts:
        assert squash(conflict.message_zh) in text
    assert all(fonts(pdf).values())


def test_sample_campaign_report(sample_sessions: sessionmaker[Session]) -> None:
    with sample_sessions() as session:
        data = collect_campaign(session)
    pdf = render_campaign(data, ZH)
    text = flat(pdf)
    w = Words()
    p = data.progress
    for m in p.measures:
        value = w.money if m.key == "investment_cny" else (lambda n: f"{n:,}")
        assert squash(f"{value(m.target)}{value(m.done)}{value(m.planned)}") in text, m.key
    regions = p.by_region
    total = ["合计", sum(r.trips for r in regions), sum(r.events for r in regions),
             sum(r.leads for r in regions), w.money(sum(r.signed_cny for r in regions))]
    assert squash("".join(map(str, total))) in text
    top = data.year_board[0]
    assert squash(f"1{top.unit.name_zh}") in text
    for lead in data.flagship_leads:
        assert lead.code in text
    for trip in data.trips:
        assert trip.code in text
    assert 8 <= len(reader(pdf).pages) <= 40
    assert all(fonts(pdf).values())


@needs_check_pdf
def test_sample_documents_pass_check_pdf(sample_sessions: sessionmaker[Session],
                                         tmp_path: Path) -> None:
    with sample_sessions() as session:
        trip = collect_trip(session, TRIP)
        event = collect_event(session, EVENT)
        campaign = collect_campaign(session)
    t, e, p = trip.trip, event.event, campaign.progress
    visit = next(i for i in t.items if i.organisation and i.kind.value == "company_visit")
    assert visit.organisation is not None
    local = visit.starts_at.astimezone(ZoneInfo(visit.timezone))
    documents = [
        ("trip", render_trip(trip, ZH), [t.title_zh, visit.organisation.name_zh,
                                         f"{_hm(local)}–", _hm(_beijing(visit.starts_at))]),
        ("event", render_event(event, ZH), [e.title_zh, e.sessions[0].title_zh,
                                            e.invitations[0].organisation.name_zh]),
        ("campaign", render_campaign(campaign, ZH),
         [p.campaign.name_zh, campaign.year_board[0].unit.name_zh,
          Words().money(p.measures[3].target)]),
    ]
    for name, pdf, expect in documents:
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        result = check_pdf(path, *expect)
        assert result is not None and result.returncode == 0, (name, result)


def test_every_kind_of_sample_record_prints(sample_sessions: sessionmaker[Session]) -> None:
    """One trip per status and region and one event per status and kind: cancelled, draft,
    domestic, abroad... none breaks a brief (the checks above look at the text)."""
    from models import queries

    with sample_sessions() as session:
        trips = queries.list_trips(session)
        events = queries.list_events(session)
        trip_codes = {t.status.value: t.code for t in trips} | {t.region.code: t.code for t in trips}
        event_codes = {e.status.value: e.code for e in events} | {e.kind.value: e.code for e in events}
        trip_data = [collect_trip(session, code) for code in sorted(set(trip_codes.values()))]
        event_data = [collect_event(session, code) for code in sorted(set(event_codes.values()))]
    assert any(d.trip.status.value == "cancelled" for d in trip_data)
    assert any(d.event.status.value == "cancelled" for d in event_data)
    for trip in trip_data:
        assert trip.trip.code in (reader(render_trip(trip, ZH)).metadata.subject or "")
    for event in event_data:
        assert event.event.code in (reader(render_event(event, ZH)).metadata.subject or "")
