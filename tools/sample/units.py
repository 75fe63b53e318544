"""The ~70 responsible units (责任单位): towns/streets and parks, departments and city SOEs."""

from __future__ import annotations

from typing import Any

_PARKS = [
    ("松山湖高新区", "Songshan Lake High-tech Zone"),
    ("滨海湾新区", "Binhaiwan New Area"),
    ("水乡功能区", "Water Town Functional Zone"),
    ("东莞港", "Port of Dongguan"),
    ("银瓶合作创新区", "Yinping Cooperation and Innovation Zone"),
]

_TOWNS = [
    ("长安镇", "Chang'an"), ("虎门镇", "Humen"), ("厚街镇", "Houjie"), ("塘厦镇", "Tangxia"),
    ("凤岗镇", "Fenggang"), ("清溪镇", "Qingxi"), ("大朗镇", "Dalang"), ("寮步镇", "Liaobu"),
    ("黄江镇", "Huangjiang"), ("常平镇", "Changping"), ("樟木头镇", "Zhangmutou"),
    ("谢岗镇", "Xiegang"), ("桥头镇", "Qiaotou"), ("企石镇", "Qishi"), ("石排镇", "Shipai"),
    ("茶山镇", "Chashan"), ("东坑镇", "Dongkeng"), ("横沥镇", "Hengli"), ("石碣镇", "Shijie"),
    ("石龙镇", "Shilong"), ("高埗镇", "Gaobu"), ("中堂镇", "Zhongtang"), ("麻涌镇", "Machong"),
    ("洪梅镇", "Hongmei"), ("道滘镇", "Daojiao"), ("沙田镇", "Shatian"),
    ("望牛墩镇", "Wangniudun"), ("大岭山镇", "Dalingshan"),
]
_STREETS = [
    ("莞城街道", "Guancheng Subdistrict"), ("南城街道", "Nancheng Subdistrict"),
    ("东城街道", "Dongcheng Subdistrict"), ("万江街道", "Wanjiang Subdistrict"),
    ("松山湖街道", "Songshan Lake Subdistrict"),
]

_DEPARTMENTS = [
    ("市发展和改革局", "Development and Reform Bureau"),
    ("市工业和信息化局", "Industry and Information Technology Bureau"),
    ("市商务局", "Commerce Bureau"),
    ("市科学技术局", "Science and Technology Bureau"),
    ("市投资促进局", "Investment Promotion Bureau"),
    ("市自然资源局", "Natural Resources Bureau"),
    ("市财政局", "Finance Bureau"),
    ("市人力资源和社会保障局", "Human Resources and Social Security Bureau"),
    ("市住房和城乡建设局", "Housing and Urban-Rural Development Bureau"),
    ("市市场监督管理局", "Market Supervision Administration"),
    ("市外事局", "Foreign Affairs Office"),
    ("市生态环境局", "Ecology and Environment Bureau"),
    ("市交通运输局", "Transport Bureau"),
    ("市农业农村局", "Agriculture and Rural Affairs Bureau"),
    ("市卫生健康局", "Health Commission"),
    ("市教育局", "Education Bureau"),
    ("市文化广电旅游体育局", "Culture, Radio, TV, Tourism and Sports Bureau"),
    ("市国有资产监督管理委员会", "State-owned Assets Supervision Commission"),
    ("市金融工作局", "Financial Work Bureau"),
    ("市政务服务数据管理局", "Government Services and Data Administration"),
    ("市港澳事务局", "Hong Kong and Macao Affairs Bureau"),
    ("市城市管理和综合执法局", "Urban Management Bureau"),
    ("市水务局", "Water Affairs Bureau"),
    ("市统计局", "Statistics Bureau"),
    ("市药品监督管理局", "Medical Products Administration"),
    ("东莞海关", "Dongguan Customs"),
    ("市税务局", "Taxation Bureau"),
    ("市贸促会", "CCPIT Dongguan"),
    ("市工商联", "Federation of Industry and Commerce"),
    ("市侨务局", "Overseas Chinese Affairs Bureau"),
]

_SOES = [
    ("东莞金控集团", "Dongguan Financial Holdings Group"),
    ("东莞交投集团", "Dongguan Transport Investment Group"),
    ("东莞水务集团", "Dongguan Water Group"),
    ("东莞实业投资控股集团", "Dongguan Industrial Investment Holdings"),
    ("东莞控股", "Dongguan Development Holdings"),
]

UNITS: list[dict[str, Any]] = (
    [{"name_zh": zh, "name_en": en, "kind": "park"} for zh, en in _PARKS]
    + [{"name_zh": zh, "name_en": f"{en} Town", "kind": "town_street"} for zh, en in _TOWNS]
    + [{"name_zh": zh, "name_en": en, "kind": "town_street"} for zh, en in _STREETS]
    + [{"name_zh": zh, "name_en": en, "kind": "department"} for zh, en in _DEPARTMENTS]
    + [{"name_zh": zh, "name_en": en, "kind": "soe"} for zh, en in _SOES]
)

BUREAU = "市投资促进局"
# Units that host trips and events (and have staff in the directory).
HOST_UNITS: list[str] = [
    "松山湖高新区", "滨海湾新区", "水乡功能区", "银瓶合作创新区", "长安镇", "虎门镇", "塘厦镇",
    "凤岗镇", "清溪镇", "大朗镇", "寮步镇", "常平镇", "谢岗镇", "石龙镇", "麻涌镇",
    "市工业和信息化局", "市商务局", "市科学技术局", "市农业农村局", "市外事局",
]
TOWN_UNITS: list[str] = [u["name_zh"] for u in UNITS if u["kind"] in ("park", "town_street")]
