"""Organisations: the target companies plus chambers, missions, sister cities, industry bodies."""

from __future__ import annotations

import random
from typing import Any

from tools.sample.companies_a import COMPANIES_A
from tools.sample.companies_b import COMPANIES_B
from tools.sample.regions import INDUSTRY_ZH

# HQ towns near a city the delegations travel to: visits there are planned from that city.
VISIT_CITY: dict[str, str] = {
    "丰田市": "名古屋", "刈谷": "名古屋", "横滨": "东京", "山梨": "东京", "堺市": "大阪",
    "京都": "大阪", "门真": "大阪", "神户": "大阪", "北九州": "大阪", "水原": "首尔",
    "利川": "首尔", "龙仁": "首尔", "沃尔夫斯堡": "法兰克福", "腓特烈港": "斯图加特",
    "奥格斯堡": "慕尼黑", "埃斯林根": "斯图加特", "沃尔多夫": "法兰克福", "费尔德霍芬": "阿姆斯特丹",
    "圣克拉拉": "圣何塞", "库比蒂诺": "圣何塞", "弗里蒙特": "圣何塞", "迪尔伯恩": "底特律",
    "贝德福德": "波士顿", "无锡": "苏州", "常州": "南京",
}

# kind, name_zh, name_en, hq_city, country, website, industry or None
_OTHERS: list[tuple[str, str, str, str, str, str, str | None]] = [
    ("chamber", "香港中华总商会", "Chinese General Chamber of Commerce", "香港", "HK",
     "www.cgcc.org.hk", None),
    ("chamber", "香港中华厂商联合会", "Chinese Manufacturers' Association of Hong Kong", "香港",
     "HK", "www.cma.org.hk", None),
    ("chamber", "香港总商会", "Hong Kong General Chamber of Commerce", "香港", "HK",
     "www.chamber.org.hk", None),
    ("chamber", "澳门中华总商会", "Macao Chamber of Commerce", "澳门", "MO", "www.acm.org.mo",
     None),
    ("chamber", "德国工商大会", "Association of German Chambers of Commerce and Industry (DIHK)",
     "柏林", "DE", "www.dihk.de", None),
    ("chamber", "中国德国商会（华南及西南）", "German Chamber of Commerce in China – South & "
     "Southwest", "广州", "CN", "china.ahk.de", None),
    ("chamber", "中国欧盟商会", "European Union Chamber of Commerce in China", "北京", "CN",
     "www.europeanchamber.com.cn", None),
    ("chamber", "华南美国商会", "American Chamber of Commerce in South China", "广州", "CN",
     "www.amcham-southchina.org", None),
    ("chamber", "中国日本商会", "Japanese Chamber of Commerce and Industry in China", "北京",
     "CN", "www.cjcci.org", None),
    ("chamber", "大韩商工会议所", "Korea Chamber of Commerce and Industry", "首尔", "KR",
     "www.korcham.net", None),
    ("chamber", "英中贸易协会", "China-Britain Business Council", "伦敦", "GB", "www.cbbc.org",
     None),
    ("chamber", "法国中国工商会", "French Chamber of Commerce and Industry in China", "北京",
     "CN", "www.ccifc.org", None),
    ("foreign_mission", "德国驻广州总领事馆", "Consulate General of Germany in Guangzhou",
     "广州", "CN", "china.diplo.de", None),
    ("foreign_mission", "日本国驻广州总领事馆", "Consulate General of Japan in Guangzhou",
     "广州", "CN", "www.guangzhou.cn.emb-japan.go.jp", None),
    ("foreign_mission", "大韩民国驻广州总领事馆", "Consulate General of Korea in Guangzhou",
     "广州", "CN", "overseas.mofa.go.kr", None),
    ("foreign_mission", "法国驻广州总领事馆", "Consulate General of France in Guangzhou",
     "广州", "CN", "canton.consulfrance.org", None),
    ("foreign_mission", "英国驻广州总领事馆", "British Consulate General Guangzhou", "广州",
     "CN", "www.gov.uk", None),
    ("foreign_mission", "荷兰驻广州总领事馆", "Consulate General of the Netherlands in "
     "Guangzhou", "广州", "CN", "www.netherlandsworldwide.nl", None),
    ("foreign_mission", "意大利驻广州总领事馆", "Consulate General of Italy in Guangzhou",
     "广州", "CN", "consguangzhou.esteri.it", None),
    ("foreign_mission", "美国驻广州总领事馆", "U.S. Consulate General Guangzhou", "广州", "CN",
     "china.usembassy-china.org.cn", None),
    ("sister_city", "英国谢菲尔德市（示例）", "City of Sheffield (sample)", "谢菲尔德", "GB",
     "www.sheffield.gov.uk", None),
    ("sister_city", "日本相模原市（示例）", "Sagamihara City (sample)", "相模原", "JP",
     "www.city.sagamihara.kanagawa.jp", None),
    ("sister_city", "美国萨克拉门托市（示例）", "City of Sacramento (sample)", "萨克拉门托",
     "US", "www.cityofsacramento.org", None),
    ("sister_city", "德国埃森市（示例）", "City of Essen (sample)", "埃森", "DE", "www.essen.de",
     None),
    ("industry_body", "中国汽车工业协会", "China Association of Automobile Manufacturers",
     "北京", "CN", "www.caam.org.cn", "NEV"),
    ("industry_body", "中国半导体行业协会", "China Semiconductor Industry Association", "北京",
     "CN", "www.csia.net.cn", "SEMI"),
    ("industry_body", "中国医疗器械行业协会", "China Association for Medical Devices Industry",
     "北京", "CN", "www.camdi.org", "MED"),
    ("industry_body", "中国化学与物理电源行业协会", "China Industrial Association of Power "
     "Sources", "北京", "CN", "www.ciaps.org.cn", "STORAGE"),
    ("industry_body", "中国自行车协会", "China Bicycle Association", "北京", "CN",
     "www.china-bicycle.com", "EBIKE"),
    ("industry_body", "中国烹饪协会", "China Cuisine Association", "北京", "CN",
     "www.ccas.com.cn", "FOOD"),
    ("industry_body", "中国软件行业协会", "China Software Industry Association", "北京", "CN",
     "www.csia.org.cn", "SOFT"),
    ("industry_body", "德国机械设备制造业联合会", "VDMA", "法兰克福", "DE", "www.vdma.org",
     "ROBOT"),
    ("industry_body", "德国电气电子行业协会", "ZVEI", "法兰克福", "DE", "www.zvei.org", "SEMI"),
    ("industry_body", "日本机器人工业会", "Japan Robot Association", "东京", "JP",
     "www.jara.jp", "ROBOT"),
    ("industry_body", "国际半导体产业协会", "SEMI", "圣何塞", "US", "www.semi.org", "SEMI"),
    ("partner", "香港贸易发展局", "Hong Kong Trade Development Council", "香港", "HK",
     "www.hktdc.com", None),
    ("partner", "澳门贸易投资促进局", "Macao Trade and Investment Promotion Institute", "澳门",
     "MO", "www.ipim.gov.mo", None),
    ("partner", "香港科技园公司", "Hong Kong Science and Technology Parks", "香港", "HK",
     "www.hkstp.org", None),
    ("partner", "日本贸易振兴机构", "JETRO", "东京", "JP", "www.jetro.go.jp", None),
    ("partner", "大韩贸易投资振兴公社", "KOTRA", "首尔", "KR", "www.kotra.or.kr", None),
    ("partner", "东莞市驻上海联络处（示例）", "Dongguan Liaison Office in Shanghai (sample)",
     "上海", "CN", "", None),
    ("partner", "东莞市驻北京联络处（示例）", "Dongguan Liaison Office in Beijing (sample)",
     "北京", "CN", "", None),
]

_POINTS = [
    "介绍东莞“{ind}”产业链配套与松山湖、滨海湾等重点平台的空间资源",
    "推介“一园一策”“一镇一策”扶持政策，争取新增产能或区域总部落户东莞",
    "了解其在华南的产能布局计划，邀请高层来莞考察",
    "对接本地龙头企业上下游配套需求，探讨合资合作",
    "争取研发中心、结算中心或第二总部落户",
    "邀请参加全球招商大会及{ind}产业峰会",
]


def build_organisations(rng: random.Random) -> list[dict[str, Any]]:
    orgs: list[dict[str, Any]] = []
    for zh, en, ind, fg, ct, city, cc, web in COMPANIES_A + COMPANIES_B:
        points = rng.sample(_POINTS, 2)
        orgs.append({
            "name_zh": zh, "name_en": en, "kind": "company", "industry": ind,
            "fortune_global_500_rank": fg, "china_top_500_rank": ct,
            "hq_city": city, "hq_country": cc, "website": web,
            "talking_points": "；".join(p.format(ind=INDUSTRY_ZH[ind]) for p in points) + "。",
            "notes": "",
        })
    for kind, zh, en, city, cc, web, other_ind in _OTHERS:
        orgs.append({
            "name_zh": zh, "name_en": en, "kind": kind, "industry": other_ind,
            "fortune_global_500_rank": None, "china_top_500_rank": None,
            "hq_city": city, "hq_country": cc, "website": web,
            "talking_points": "借助“五外联动”渠道，协助推介东莞投资环境、对接目标企业。",
            "notes": "",
        })
    return orgs


def visit_city(hq_city: str) -> str:
    return VISIT_CITY.get(hq_city, hq_city)
