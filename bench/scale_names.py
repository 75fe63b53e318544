"""Name pools of the scale dataset: companies, people, places and itinerary wording.

Chinese with an English counterpart, so that both languages of the app have text to show.
People's given names and the sample's surnames come from ``tools/sample/names.py``.
"""

from __future__ import annotations

import random

from tools.sample.names import FOREIGN, GIVEN, SURNAMES

# place prefixes of company names (字号前的地名)
PLACES = [
    ("东莞", "Dongguan"), ("深圳", "Shenzhen"), ("广州", "Guangzhou"), ("苏州", "Suzhou"),
    ("上海", "Shanghai"), ("北京", "Beijing"), ("杭州", "Hangzhou"), ("宁波", "Ningbo"),
    ("佛山", "Foshan"), ("珠海", "Zhuhai"), ("厦门", "Xiamen"), ("合肥", "Hefei"),
    ("武汉", "Wuhan"), ("成都", "Chengdu"), ("西安", "Xi'an"), ("天津", "Tianjin"),
    ("无锡", "Wuxi"), ("常州", "Changzhou"), ("南京", "Nanjing"), ("青岛", "Qingdao"),
    ("香港", "Hong Kong"), ("台州", "Taizhou"), ("惠州", "Huizhou"), ("中山", "Zhongshan"),
]
# trade names (字号)
BRANDS = [
    ("恒瑞", "Hengrui"), ("华信", "Huaxin"), ("锦程", "Jincheng"), ("宏达", "Hongda"),
    ("立讯", "Lixun"), ("创维", "Chuangwei"), ("海川", "Haichuan"), ("鼎盛", "Dingsheng"),
    ("瑞丰", "Ruifeng"), ("精工", "Jinggong"), ("明阳", "Mingyang"), ("新宙邦", "Xinzhoubang"),
    ("科达", "Keda"), ("天禾", "Tianhe"), ("中微", "Zhongwei"), ("晶合", "Jinghe"),
    ("汇川", "Huichuan"), ("拓邦", "Topband"), ("欣旺达", "Sunwoda"), ("珺鹏", "Junpeng"),
    ("龘龙", "Dalong"), ("𠮷祥", "Jixiang"), ("德赛", "Desay"), ("亿纬", "Yiwei"),
    ("长盈", "Changying"), ("领益", "Lingyi"), ("星源", "Xingyuan"), ("博实", "Boshi"),
    ("安翰", "Anhan"), ("迈瑞", "Mairui"), ("华大", "Huada"), ("美的", "Meidi"),
    ("金域", "Jinyu"), ("先导", "Xiandao"), ("盛弘", "Shenghong"), ("英维克", "Envicool"),
]
# industry words by industry code (行业词)
TRADES: dict[str, list[tuple[str, str]]] = {
    "NEV": [("新能源汽车", "New Energy Vehicle"), ("汽车零部件", "Auto Parts"),
            ("动力电池", "Power Battery")],
    "SMT": [("智能终端", "Smart Devices"), ("精密电子", "Precision Electronics"),
            ("通信技术", "Communication Technology")],
    "SEMI": [("半导体", "Semiconductor"), ("集成电路", "Integrated Circuit"),
             ("微电子", "Microelectronics")],
    "ROBOT": [("机器人", "Robotics"), ("智能装备", "Intelligent Equipment"),
              ("自动化", "Automation")],
    "STORAGE": [("储能科技", "Energy Storage"), ("新能源", "New Energy"), ("电力", "Power")],
    "EBIKE": [("电动车", "E-bike"), ("电机", "Motor"), ("出行科技", "Mobility")],
    "MED": [("医疗器械", "Medical Devices"), ("生物科技", "Biotech"), ("医疗科技", "MedTech")],
    "FOOD": [("食品", "Food"), ("预制菜", "Prepared Food"), ("餐饮供应链", "Catering Supply")],
    "SOFT": [("软件", "Software"), ("信息技术", "Information Technology"),
             ("数据科技", "Data Technology")],
}
SUFFIXES = [("有限公司", "Co., Ltd."), ("股份有限公司", "Holdings Co., Ltd."),
            ("集团有限公司", "Group Co., Ltd."), ("科技有限公司", "Technology Co., Ltd.")]
FOREIGN_COMPANIES = [
    ("株式会社", "Corporation", "JP", "东京"), ("GmbH", "GmbH", "DE", "斯图加特"),
    ("Inc.", "Inc.", "US", "圣何塞"), ("주식회사", "Co., Ltd.", "KR", "首尔"),
    ("S.A.", "S.A.", "FR", "巴黎"), ("B.V.", "B.V.", "NL", "阿姆斯特丹"),
]
GIVEN_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文辉建国志晓海燕玲林斌鹏宇浩然嘉欣"

ROOMS = ["主会场", "一号会议室", "二号会议室", "多功能厅", "贵宾厅", "签约厅", "展厅"]
VENUES = [("东莞会展国际大酒店", "东莞"), ("松山湖国际创新创业社区", "东莞"),
          ("广东现代国际展览中心", "东莞"), ("滨海湾新区规划展览馆", "东莞"),
          ("深圳会展中心", "深圳"), ("上海中心大厦", "上海"), ("香港会议展览中心", "香港"),
          ("东京国际论坛", "东京"), ("法兰克福会展中心", "法兰克福"), ("圣何塞会议中心", "圣何塞")]
SESSION_TITLES = [
    ("领导致辞", "Welcome address"), ("东莞投资环境推介", "Invest Dongguan presentation"),
    ("产业政策解读", "Industrial policy briefing"), ("企业代表发言", "Company speeches"),
    ("重点项目签约", "Project signing"), ("圆桌对话", "Round table"),
    ("一对一洽谈", "One-to-one meetings"), ("参观考察", "Site visit"),
]
EVENT_THEMES = [
    ("产业峰会", "Industry Summit"), ("跨国公司东莞行", "Multinational Companies Tour"),
    ("投资东莞尊享会", "Invest Dongguan VIP Meeting"), ("全球招商大会", "Global Investment Conference"),
    ("项目签约仪式", "Signing Ceremony"), ("产业链对接会", "Supply-chain Matchmaking"),
]
HOTELS = ["香港港丽酒店", "东京帝国酒店", "法兰克福洲际酒店", "首尔乐天酒店", "上海浦东香格里拉",
          "北京国贸大酒店", "纽约华尔道夫酒店", "圣何塞费尔蒙酒店"]
CANCEL_REASONS = ["因行程调整取消", "对方企业日程冲突，改期另行安排", "因疫情防控要求取消",
                  "领导另有重要公务，活动取消"]


def company_name(industry: str, k: int) -> tuple[str, str]:
    """The ``k``-th fictional company name of an industry (Chinese, English), unique per k.

    The combinations of place, trade name, trade word and legal form are walked with a stride
    so that neighbours differ; past the last combination a branch office keeps names unique.
    """
    trades = TRADES[industry]
    size = len(PLACES) * len(BRANDS) * len(trades) * len(SUFFIXES)
    serial, index = divmod(k, size)
    index = (index * 7919) % size  # 7919 is prime, coprime with the pool sizes
    index, place = divmod(index, len(PLACES))
    index, brand = divmod(index, len(BRANDS))
    suffix, trade = divmod(index, len(trades))
    zh = f"{PLACES[place][0]}{BRANDS[brand][0]}{trades[trade][0]}{SUFFIXES[suffix][0]}"
    en = f"{PLACES[place][1]} {BRANDS[brand][1]} {trades[trade][1]} {SUFFIXES[suffix][1]}"
    if serial:
        zh, en = f"{zh}第{serial}分公司", f"{en}, Branch {serial}"
    return zh, en


def foreign_company_name(rng: random.Random, n: int) -> tuple[str, str, str, str]:
    """(name_zh, name_en, country, hq city) of a fictional foreign company."""
    form_zh, form_en, country, city = FOREIGN_COMPANIES[n % len(FOREIGN_COMPANIES)]
    brand = rng.choice(BRANDS)
    return (f"{brand[0]}{form_zh}（{country}-{n}）", f"{brand[1]} {form_en} ({country}-{n})",
            country, city)


def person_name(rng: random.Random) -> tuple[str, str]:
    """A fictional Chinese name (two or three characters) with its pinyin-style English."""
    surname = rng.choice(SURNAMES)
    if rng.random() < 0.6:
        given = rng.choice(GIVEN)
        return surname[0] + given[0], f"{surname[1]} {given[1]}"
    char = rng.choice(GIVEN_CHARS)
    return surname[0] + char, f"{surname[1]} {char}"


def foreign_person(rng: random.Random) -> tuple[str, str, str]:
    """(name_zh, name_en, languages) of a fictional foreign contact."""
    zh, en, languages, _country = rng.choice(FOREIGN)
    return zh, en, languages
