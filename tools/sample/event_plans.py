"""The themed investment events of 2023.

Row: date (MM-DD), start, end ("HH:MM" or "MM-DD HH:MM" for a later day), kind, title_zh,
title_en, venue, city, industries, host unit, capacity.
"""

from __future__ import annotations

EventPlan = tuple[str, str, str, str, str, str, str, str, list[str], str, int]

ALL = ["NEV", "SMT", "SEMI", "ROBOT", "STORAGE", "EBIKE", "MED", "FOOD", "SOFT"]
EXPO = "东莞国际会展中心"
SSL = "松山湖国际会议中心"
CIVIC = "东莞市民服务中心"
HOTEL = "东莞会展国际大酒店"

EVENT_PLANS: list[EventPlan] = [
    ("01-12", "09:30", "12:00", "vip_meeting", "投资东莞尊享会（新春专场）", "Invest Dongguan VIP Meeting "
     "(Spring Festival)", HOTEL, "东莞", ["SMT", "NEV"], "市投资促进局", 150),
    ("02-16", "14:30", "17:30", "signing_ceremony", "2023 年一季度重大项目集中签约仪式",
     "Q1 major projects signing ceremony", CIVIC, "东莞", ["NEV", "SEMI", "STORAGE"],
     "市发展和改革局", 300),
    ("02-28", "09:00", "17:30", "industry_summit", "新能源汽车产业链招商峰会", "NEV supply-chain summit",
     EXPO, "东莞", ["NEV"], "市工业和信息化局", 600),
    ("03-08", "14:00", "17:00", "multinational_tour", "跨国公司东莞行（松山湖站）",
     "Multinational Companies Dongguan Tour: Songshan Lake", SSL, "东莞", ["SEMI", "SMT"],
     "松山湖高新区", 200),
    ("03-21", "09:30", "17:00", "industry_summit", "智能移动终端产业生态大会", "Smart terminals "
     "ecosystem conference", SSL, "东莞", ["SMT"], "松山湖高新区", 500),
    ("03-30", "14:00", "17:00", "other", "“五外联动”驻外机构及商协会座谈会", "Five foreign linkages "
     "round table", HOTEL, "东莞", [], "市外事局", 80),
    ("04-11", "09:30", "12:00", "vip_meeting", "投资东莞尊享会（深圳专场）", "Invest Dongguan VIP "
     "Meeting (Shenzhen)", "深圳福田香格里拉大酒店", "深圳", ["SMT", "ROBOT"], "市投资促进局", 120),
    ("04-25", "09:00", "17:00", "industry_summit", "半导体及集成电路产业招商大会", "Semiconductor "
     "investment conference", SSL, "东莞", ["SEMI"], "市科学技术局", 400),
    ("05-10", "14:00", "17:30", "multinational_tour", "跨国公司东莞行（外资增资扩产专场）",
     "Multinational Companies Dongguan Tour: expansion", CIVIC, "东莞", ["NEV", "MED"], "市商务局", 200),
    ("05-18", "09:30", "17:00", "industry_summit", "智能机器人产业创新发展峰会", "Smart robotics "
     "innovation summit", "松山湖凯悦酒店", "东莞", ["ROBOT"], "市工业和信息化局", 350),
    ("05-25", "09:30", "12:00", "other", "招商大使聘任仪式暨“以商引商”座谈会", "Investment ambassadors "
     "appointment", CIVIC, "东莞", [], "市工商联", 120),
    ("06-01", "14:30", "17:30", "signing_ceremony", "上半年重大项目集中签约仪式", "H1 major projects "
     "signing ceremony", CIVIC, "东莞", ["NEV", "STORAGE", "SMT"], "市发展和改革局", 300),
    ("06-09", "09:30", "12:00", "vip_meeting", "投资东莞尊享会（香港专场）", "Invest Dongguan VIP "
     "Meeting (Hong Kong)", "香港会议展览中心", "香港", ["SMT", "FOOD", "STORAGE"], "市港澳事务局", 200),
    ("06-20", "09:00", "17:30", "industry_summit", "新型储能产业发展大会", "Energy storage industry "
     "conference", "滨海湾新区展示中心", "东莞", ["STORAGE"], "滨海湾新区", 400),
    ("07-06", "14:00", "17:00", "multinational_tour", "跨国公司东莞行（日韩企业专场）",
     "Multinational Companies Dongguan Tour: Japan & Korea", SSL, "东莞", ["SMT", "NEV"], "市商务局", 180),
    ("07-14", "09:00", "17:00", "other", "东莞招商图谱 3.0 发布暨产业链招商培训会", "Investment map 3.0 "
     "launch and training", CIVIC, "东莞", ALL, "市投资促进局", 300),
    ("07-20", "14:30", "17:00", "signing_ceremony", "滨海湾新区重大项目签约仪式", "Binhaiwan major "
     "projects signing", "滨海湾新区展示中心", "东莞", ["STORAGE", "NEV"], "滨海湾新区", 200),
    ("07-27", "09:30", "17:00", "industry_summit", "电动自行车产业高质量发展大会", "E-bike industry "
     "conference", "广东现代国际展览中心", "东莞", ["EBIKE"], "厚街镇", 400),
    ("08-10", "09:30", "12:00", "vip_meeting", "投资东莞尊享会（上海专场）", "Invest Dongguan VIP "
     "Meeting (Shanghai)", "上海国际会议中心", "上海", ["SEMI", "MED", "SOFT"], "市投资促进局", 150),
    ("08-30", "09:00", "17:30", "industry_summit", "预制菜产业大会暨湾区美食博览会", "Prepared meals "
     "conference and food expo", EXPO, "东莞", ["FOOD"], "市农业农村局", 800),
    ("09-06", "14:30", "17:30", "signing_ceremony", "三季度重大项目集中签约仪式", "Q3 major projects "
     "signing ceremony", CIVIC, "东莞", ["SEMI", "MED", "ROBOT"], "市发展和改革局", 300),
    ("09-15", "09:30", "17:00", "industry_summit", "高端医疗器械产业招商峰会", "High-end medical devices "
     "summit", SSL, "东莞", ["MED"], "市卫生健康局", 350),
    ("09-26", "09:30", "12:00", "vip_meeting", "投资东莞尊享会（港资企业专场）", "Invest Dongguan VIP "
     "Meeting (Hong Kong-invested firms)", "虎门镇会议中心", "东莞", ["SMT", "FOOD"], "虎门镇", 120),
    ("10-10", "14:00", "17:00", "multinational_tour", "跨国公司东莞行（欧美企业专场）",
     "Multinational Companies Dongguan Tour: Europe & US", HOTEL, "东莞", ["NEV", "MED", "ROBOT"],
     "市商务局", 200),
    ("10-18", "09:30", "17:00", "industry_summit", "国产基础软件生态大会", "Domestic basic software "
     "ecosystem conference", SSL, "东莞", ["SOFT"], "市政务服务数据管理局", 400),
    ("10-31", "09:00", "11-01 17:30", "global_conference", "2023 东莞全球招商大会", "2023 Dongguan "
     "Global Investment Conference", EXPO, "东莞", ALL, "市投资促进局", 1500),
    ("11-01", "13:30", "17:00", "other", "2023 东莞智能制造人才专场招聘会", "Smart manufacturing "
     "job fair", EXPO, "东莞", ["ROBOT", "SMT"], "市人力资源和社会保障局", 1000),
    ("11-09", "09:30", "12:00", "vip_meeting", "投资东莞尊享会（欧洲企业专场）", "Invest Dongguan VIP "
     "Meeting (European firms)", "松山湖凯悦酒店", "东莞", ["NEV", "MED"], "市投资促进局", 120),
    ("11-22", "14:00", "17:00", "multinational_tour", "跨国公司东莞行（港澳企业专场）",
     "Multinational Companies Dongguan Tour: Hong Kong & Macau", "滨海湾新区展示中心", "东莞",
     ["FOOD", "SMT"], "滨海湾新区", 200),
    ("11-29", "14:30", "17:30", "signing_ceremony", "四季度重大项目集中签约仪式", "Q4 major projects "
     "signing ceremony", CIVIC, "东莞", ["SEMI", "STORAGE", "SOFT"], "市发展和改革局", 300),
    ("12-05", "09:30", "12:00", "vip_meeting", "投资东莞尊享会（深圳前海专场）", "Invest Dongguan VIP "
     "Meeting (Qianhai)", "深圳前海华侨城JW万豪酒店", "深圳", ["SOFT", "SEMI"], "市投资促进局", 120),
    ("12-12", "09:00", "12:00", "other", "2023 年招商引资工作总结暨英雄榜发布会", "Year review and "
     "investment leaderboard", CIVIC, "东莞", [], "市投资促进局", 300),
    ("12-15", "14:00", "17:00", "multinational_tour", "跨国公司东莞行（年终专场）",
     "Multinational Companies Dongguan Tour: year end", HOTEL, "东莞", ["SEMI", "ROBOT"], "市商务局",
     180),
    ("12-20", "14:30", "17:00", "signing_ceremony", "年度重大项目签约暨集中开工仪式", "Annual projects "
     "signing and groundbreaking", "滨海湾新区展示中心", "东莞", ALL, "滨海湾新区", 400),
]

CANCELLED_EVENTS: dict[str, str] = {
    "投资东莞尊享会（港资企业专场）":
        "受台风天气影响取消，相关企业并入十一月“跨国公司东莞行（港澳企业专场）”邀请。",
}
# The summit whose host leads a trip at the same time (a deliberate conflict of the sample).
LEADER_AWAY = ("预制菜产业大会暨湾区美食博览会", "苏宁预制菜与智能机器人招商")
CONFERENCE = "2023 东莞全球招商大会"
