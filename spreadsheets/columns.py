"""Which column of a sheet holds what: header names in Chinese and English, per kind of record.

Headers are compared after NFKC (full-width letters and brackets become ASCII), case folding,
traditional characters read as simplified (sheets from Hong Kong, Macau and Taiwan), and
removing spaces, underscores and required-field stars, so "机构名称", " *机构名称 ", "機構名稱",
"Name (EN)" and "ＮＡＭＥ（ｅｎ）" all find their column. A header with a bracketed note
("金额（万元）", "Amount (CNY bn)") is matched without the note; for amounts the note gives the
column's unit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from models.language import Lang
from spreadsheets.values import header_multiplier


@dataclass(frozen=True)
class Column:
    """A field a sheet may carry. ``attrs`` are the draft attributes it fills."""

    key: str
    zh: str
    en: str
    aliases: tuple[str, ...]
    required: bool = False
    attrs: tuple[str, ...] = ()

    def label(self, lang: Lang = Lang.ZH) -> str:
        return lang.pick(self.zh, self.en)

    @property
    def targets(self) -> tuple[str, ...]:
        return self.attrs or (self.key,)


ORGANISATION_COLUMNS: tuple[Column, ...] = (
    Column("name_zh", "名称", "Name", ("名称", "机构名称", "企业名称", "公司名称", "中文名称", "机构",
                                      "企业", "公司", "name", "name(zh)", "chinesename", "organisation",
                                      "organization", "company", "companyname"), required=True),
    Column("name_en", "英文名称", "Name (EN)", ("英文名称", "英文名", "英文", "外文名称", "name(en)",
                                              "englishname", "nameen")),
    Column("kind", "类型", "Kind", ("类型", "机构类型", "类别", "性质", "kind", "type")),
    Column("industry", "产业", "Industry", ("产业", "所属产业", "行业", "所属行业", "产业链", "industry",
                                            "sector"), attrs=("industry_id",)),
    Column("fortune_global_500_rank", "世界500强排名", "Fortune Global 500 rank",
           ("世界500强排名", "世界500强", "财富世界500强", "财富世界500强排名", "世界五百强",
            "fortuneglobal500", "fortuneglobal500rank", "global500", "global500rank",
            "fortune500rank")),
    Column("china_top_500_rank", "中国500强排名", "China Top 500 rank",
           ("中国500强排名", "中国500强", "中国企业500强", "中国企业500强排名", "中国五百强",
            "chinatop500", "chinatop500rank", "china500", "china500rank")),
    Column("hq_city", "总部城市", "HQ city", ("总部城市", "总部所在城市", "总部所在地", "总部",
                                              "城市", "hqcity", "headquarterscity", "headquarters",
                                              "city")),
    Column("hq_country", "国家/地区", "Country", ("国家/地区", "国家或地区", "国家", "地区", "国别",
                                                "总部国家", "country", "country/region", "hqcountry",
                                                "countrycode")),
    Column("website", "网址", "Website", ("网址", "网站", "官网", "主页", "website", "web", "url",
                                          "homepage")),
    Column("talking_points", "洽谈要点", "Talking points", ("洽谈要点", "推介要点", "要点",
                                                            "talkingpoints")),
    Column("notes", "备注", "Notes", ("备注", "说明", "附注", "notes", "note", "remarks", "comments")),
)

PERSON_COLUMNS: tuple[Column, ...] = (
    Column("name_zh", "姓名", "Name", ("姓名", "中文名", "中文姓名", "名字", "人员", "name", "name(zh)",
                                      "chinesename", "fullname"), required=True),
    Column("name_en", "英文名", "Name (EN)", ("英文名", "英文姓名", "英文名称", "name(en)",
                                            "englishname", "nameen")),
    Column("kind", "类别", "Kind", ("类别", "人员类别", "身份", "类型", "kind", "type", "role")),
    Column("title_zh", "职务", "Title", ("职务", "职位", "岗位", "title", "position", "jobtitle")),
    Column("title_en", "英文职务", "Title (EN)", ("英文职务", "职务英文", "title(en)", "englishtitle")),
    Column("unit", "单位", "Unit", ("单位", "工作单位", "所在单位", "责任单位", "所属单位", "机构",
                                    "公司", "unit", "organisation", "organization", "company",
                                    "employer"), attrs=("unit_id", "organisation_id")),
    Column("phone", "电话", "Phone", ("电话", "手机", "手机号", "手机号码", "联系电话", "电话号码",
                                      "phone", "mobile", "tel", "telephone")),
    Column("email", "邮箱", "E-mail", ("邮箱", "电子邮箱", "电子邮件", "邮件", "电邮", "email", "e-mail",
                                       "mail")),
    Column("languages", "语言", "Languages", ("语言", "工作语言", "外语", "languages", "language")),
    Column("notes", "备注", "Notes", ("备注", "说明", "notes", "note", "remarks")),
)

LEAD_COLUMNS: tuple[Column, ...] = (
    Column("code", "编号", "Code", ("编号", "项目编号", "code", "leadcode", "id")),
    Column("title_zh", "项目名称", "Project", ("项目名称", "项目", "名称", "title", "project",
                                              "projectname", "name"), required=True),
    Column("title_en", "英文项目名称", "Project (EN)", ("英文项目名称", "项目英文名称", "英文名称",
                                                      "title(en)", "project(en)", "englishtitle")),
    Column("organisation", "机构", "Organisation", ("机构", "企业", "公司", "机构名称", "企业名称",
                                                    "投资方", "投资主体", "签约企业", "organisation",
                                                    "organization", "company", "investor"),
           required=True, attrs=("organisation_id",)),
    Column("amount_cny", "金额", "Amount", ("金额", "投资金额", "投资额", "总投资", "计划投资", "计划总投资",
                                          "协议投资额", "amount", "investment", "amountcny")),
    Column("stage", "阶段", "Stage", ("阶段", "项目阶段", "进展", "进度", "状态", "stage", "status")),
    Column("industry", "产业", "Industry", ("产业", "所属产业", "行业", "所属行业", "industry", "sector"),
           attrs=("industry_id",)),
    Column("unit", "责任单位", "Unit", ("责任单位", "单位", "牵头单位", "跟进单位", "unit",
                                        "creditedunit", "responsibleunit"), attrs=("unit_id",)),
    Column("source", "来源活动", "Source", ("来源活动", "来源", "信息来源", "source", "sourcetrip",
                                            "sourceevent"), attrs=("source_trip_id", "source_event_id")),
    Column("first_contact_on", "首次接洽", "First contact", ("首次接洽", "首次接洽日期", "首次接洽时间",
                                                             "接洽日期", "firstcontact",
                                                             "firstcontacton")),
    Column("signed_on", "签约日期", "Signed on", ("签约日期", "签约时间", "签约", "signed", "signedon",
                                                "signingdate")),
    Column("funds_in_cny", "到位资金", "Funds in", ("到位资金", "资金到位", "实际到位资金", "fundsin",
                                                  "fundsincny")),
    Column("notes", "备注", "Notes", ("备注", "说明", "notes", "note", "remarks")),
)

AMOUNT_KEYS = frozenset({"amount_cny", "funds_in_cny"})
_BRACKETS = re.compile(r"[(\[【〔](.*?)[)\]】〕]")
_ENGLISH_NOTES = frozenset({"英文", "英", "外文", "en", "eng", "english"})


# the traditional forms of the characters the header names above use
_TRADITIONAL = str.maketrans(
    "業產體區協單號員國頭實崗態總劃別務動備註強時機來構類約編網職聯話語說談財責質資進郵鏈間階際頁項額計議簽稱碼點牽狀電",
    "业产体区协单号员国头实岗态总划别务动备注强时机来构类约编网职联话语说谈财责质资进邮链间阶际页项额计议签称码点牵状电",
)


def header_key(header: str) -> str:
    """How a header is compared: NFKC, case-folded, simplified, without spaces, underscores,
    stars and colons."""
    normal = unicodedata.normalize("NFKC", header).casefold().translate(_TRADITIONAL)
    return re.sub(r"[\s_*:：]", "", normal)


@dataclass(frozen=True)
class ColumnMap:
    """Where each recognised field sits. ``ignored`` are the headers nothing was found for."""

    headers: tuple[str, ...]
    index: dict[str, int]
    multipliers: dict[str, int] = field(default_factory=dict)
    ignored: tuple[str, ...] = ()
    problems: tuple[tuple[str, str], ...] = ()  # (zh, en) messages: missing or repeated fields

    def header(self, key: str) -> str:
        return self.headers[self.index[key]]


def map_columns(headers: tuple[str, ...], columns: tuple[Column, ...]) -> ColumnMap:
    """Find ``columns`` among ``headers``: exact names first, then names without bracketed notes."""
    aliases = {header_key(alias): col for col in columns for alias in (*col.aliases, col.zh, col.en)}
    by_key = {col.key: col for col in columns}
    index: dict[str, int] = {}
    multipliers: dict[str, int] = {}
    ignored: list[str] = []
    problems: list[tuple[str, str]] = []
    for position, header in enumerate(headers):
        if not header.strip():
            continue
        key = header_key(header)
        column = aliases.get(key)
        note = ""
        if column is None:
            notes = _BRACKETS.findall(unicodedata.normalize("NFKC", header))
            column = aliases.get(header_key(_BRACKETS.sub("", unicodedata.normalize("NFKC", header))))
            note = " ".join(notes)
            if column is not None and header_key(note) in _ENGLISH_NOTES:  # "名称（英文）"
                column = by_key.get(column.key.removesuffix("_zh") + "_en", column)
        if column is None:
            ignored.append(header.strip())
            continue
        if column.key in index:
            first = headers[index[column.key]].strip()
            problems.append((f"“{first}”和“{header.strip()}”两列都是{column.zh}，请删去一列",
                             f"Both '{first}' and '{header.strip()}' are {column.en}: remove one"))
            continue
        index[column.key] = position
        if column.key in AMOUNT_KEYS and note:
            unit = header_multiplier(note)
            if unit is None:
                problems.append((f"“{header.strip()}”的单位无法识别（可用 元、万元、亿元）",
                                 f"Unknown unit in '{header.strip()}' (use 元, 万元 or 亿元)"))
            else:
                multipliers[column.key] = unit
    for column in columns:
        if column.required and column.key not in index:
            names = "、".join(dict.fromkeys((column.zh, *column.aliases[:3], column.en)))
            found = "、".join(h.strip() for h in headers if h.strip()) or "（无）"
            problems.append((f"找不到“{column.zh}”列（可用列名：{names}）；表头为：{found}",
                             f"No '{column.en}' column (e.g. {names}); the headers are: {found}"))
    return ColumnMap(tuple(headers), index, multipliers, tuple(ignored), tuple(problems))
