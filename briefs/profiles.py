"""Sections both briefs share: organisation profiles, the city's pitch, the conflict checklist."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from briefs.blocks import CheckBox, Markup, empty, facts, grid, name_with_other, prose, text
from briefs.data import CityPitch, OrganisationProfile
from briefs.options import Kit
from briefs.paragraphs import Para
from briefs.styles import ACCENT, AMBER
from briefs.words import esc
from models.conflicts import Conflict
from models.enums import Severity
from models.progress import Measure
from models.rows import OrganisationRow, PersonRow


def ranks(org: OrganisationRow, k: Kit) -> str:
    w = k.w
    parts = [w.rank("世界500强", "Fortune Global 500", org.fortune_global_500_rank),
             w.rank("中国500强", "China Top 500", org.china_top_500_rank)]
    return w("；", "; ").join(p for p in parts if p)


def size(org: OrganisationRow, k: Kit) -> str:
    """营业收入 1,200 亿元；员工 42 万人 / revenue CNY 120 bn; 420,000 employees."""
    w = k.w
    parts = []
    if org.revenue_cny:
        parts.append(w(f"营业收入 {w.money(org.revenue_cny)}", f"revenue {w.money(org.revenue_cny)}"))
    if org.employees:
        parts.append(w(f"员工 {org.employees:,} 人", f"{org.employees:,} employees"))
    return w("；", "; ").join(parts)


def headquarters(org: OrganisationRow, k: Kit) -> str:
    return k.w("，", ", ").join(x for x in (org.hq_city, k.w.country(org.hq_country)) if x)


def contacts_table(people: Sequence[PersonRow], k: Kit, with_org: bool = False) -> Flowable:
    w = k.w
    headers = [("姓名", "Name"), ("职务", "Title")]
    widths = [1.15, 1.25] if with_org else [1.4, 1.9]
    if with_org:
        headers.append(("单位 / 机构", "Unit / organisation"))
        widths.append(1.5)
    headers += [("电话", "Phone"), ("电子邮箱", "E-mail"), ("语言", "Lang.")]
    widths += [1.45, 2.65, 0.8]
    rows = []
    for p in people:
        row: list[str | Flowable] = [name_with_other(p.name(w.lang), p.name_en if not w.en
                                                     else p.name_zh), p.title(w.lang)]
        if with_org:
            where = p.organisation or p.unit
            row.append(where.name(w.lang) if where else "")
        row += [k.options.personal(p.phone), p.email, w.languages(p.languages)]
        rows.append(row)
    return grid(headers, rows, widths, k.s, w)


def organisation_profile(profile: OrganisationProfile, k: Kit,
                         extra_facts: Sequence[tuple[str, str, str | Flowable]] = ()
                         ) -> list[Flowable]:
    """One organisation: facts, contacts, earlier contacts, leads and talking points."""
    s, w = k.s, k.w
    org = profile.organisation
    other = org.name_en if not w.en else org.name_zh
    name = org.name(w.lang)
    story: list[Flowable] = [k.outline.sub(name, other if other != name else "")]
    story.append(facts([
        ("类型", "Kind", org.kind.label(w.lang)),
        ("产业", "Industry", org.industry.name(w.lang) if org.industry else ""),
        ("排名", "Ranking", ranks(org, k)),
        ("总部", "Headquarters", headquarters(org, k)),
        ("网站", "Website", org.website),
        ("主营业务", "Business", org.business),
        ("规模", "Size", size(org, k)),
        ("在华布局", "In China", org.china_presence),
        ("在大湾区", "Greater Bay Area", org.gba_presence),
        *extra_facts,
        ("备注", "Notes", org.notes),
    ], s, w))
    story += [k.outline.minor("联系人", "Contacts"),
              contacts_table(org.contacts, k)]
    story += [k.outline.minor("往来记录", "Earlier contacts")]
    if profile.history_total > len(profile.history):
        note = Para(esc(w(
            f"共 {profile.history_total} 次，列出最近 {len(profile.history)} 次。",
            f"{profile.history_total} in all; the latest {len(profile.history)} are listed.")),
            s.note)
        story.append(note)
    story.append(grid(
        [("日期", "Date"), ("方式", "Kind"), ("编号", "Code"), ("事项", "What"),
         ("结果 / 备注", "Outcome / notes")],
        [[w.day(r.on, False), r.kind(w.lang), r.code, r.what(w.lang), r.result(w.lang)]
         for r in profile.history],
        [1.3, 1.0, 1.2, 2.2, 2.3], s, w,
    ))
    story += [k.outline.minor("项目线索", "Leads and projects")]
    story.append(grid(
        [("编号", "Code"), ("项目", "Project"), ("金额", "Amount"), ("阶段", "Stage"),
         ("责任单位", "Unit")],
        [[x.code, x.title(w.lang), w.money(x.amount_cny), x.stage.label(w.lang),
          x.unit.name(w.lang) if x.unit else ""] for x in profile.leads],
        [1.3, 2.6, 1.2, 0.9, 1.8], s, w, right=(2,),
    ))
    story += [k.outline.minor("谈话要点", "Talking points"),
              *prose(org.talking_points, s, w)]
    return story


def measure_value(m: Measure, value: int, k: Kit) -> str:
    return k.w.money(value) if m.key == "investment_cny" else f"{value:,}"


def pitch_section(pitch: CityPitch, k: Kit, highlight: Sequence[int] = ()) -> list[Flowable]:
    """The city's pitch: slogan, the campaign's targets with progress, the key industries."""
    s, w = k.s, k.w
    c = pitch.campaign
    story: list[Flowable] = [k.outline.section("城市推介", "The city's pitch")]
    if c.slogan:
        slogan = esc(c.slogan_text(w.lang))
        story.append(Para(f'<font size="15" color="{ACCENT.hexval()}">{slogan}</font>',
                          s.body))
    story.append(text(c.name(w.lang), s.body))
    story.append(k.outline.minor("全年目标与进展", "Targets for the year and progress"))
    rows = []
    for m in pitch.measures:
        label = m.label(w.lang)
        if m.key == "flagship_projects" and c.flagship_threshold_cny:
            label += w(f"（单个项目 ≥ {w.money(c.flagship_threshold_cny)}）",
                       f" (each ≥ {w.money(c.flagship_threshold_cny)})")
        rows.append([label, measure_value(m, m.target, k), measure_value(m, m.done, k),
                     measure_value(m, m.planned, k), w.percent(m.ratio) if m.target else ""])
    story.append(grid([("目标项", "Measure"), ("全年目标", "Target"), ("已完成", "Done"),
                       ("已安排（含完成）", "Planned incl. done"), ("完成率", "Done %")],
                      rows, [2.6, 1.3, 1.3, 1.5, 0.9], s, w, right=(1, 2, 3, 4)))
    story += [k.outline.minor("重点产业", "Key industries")]
    marked = set(highlight)
    story.append(grid(
        [("序号", "No."), ("产业", "Industry"), ("英文名称", "In English"), ("本次重点", "Focus")],
        [[str(n), i.name_zh, i.name_en, Markup(f'<font color="{ACCENT.hexval()}">★</font>')
          if i.id in marked else ""] for n, i in enumerate(pitch.industries, start=1)],
        [0.5, 2.4, 3.2, 0.9], s, w,
    ))
    return story


def conflict_section(conflicts: Sequence[Conflict], k: Kit) -> list[Flowable]:
    """The open findings of the checks (acknowledged ones left out) as a checklist to tick
    before departure."""
    s, w = k.s, k.w
    story: list[Flowable] = [k.outline.section("冲突与提醒核对清单", "Conflicts and warnings checklist")]
    if not conflicts:
        story.append(empty(s, w, w("系统未发现冲突或提醒。", "the planner found no conflicts or warnings.")))
        return story
    story.append(Para(esc(w(f"系统发现 {len(conflicts)} 项，请逐项核实后勾选。",
                            f"The planner found {len(conflicts)} item(s); check each one "
                            "and tick it.")), s.body))
    rows = []
    for c in conflicts:
        colour = ACCENT if c.severity is Severity.ERROR else AMBER
        level = w(c.severity.zh, c.severity.en)
        rows.append([CheckBox(), Markup(f'<font color="{colour.hexval()}">{esc(level)}</font>'),
                     " · ".join(c.codes), c.text(w.lang)])
    story.append(grid([("核实", "Done"), ("级别", "Level"), ("涉及", "Concerns"),
                       ("内容", "Finding")], rows, [0.5, 0.7, 1.6, 5.2], s, w))
    return story
