"""Travel legs: outbound and return journeys, moves between cities, hotels."""

from __future__ import annotations

# flight minutes between Hong Kong / Shenzhen and a destination (either direction)
FLIGHT_MINUTES: dict[str, int] = {
    "东京": 270, "大阪": 240, "名古屋": 250, "首尔": 220, "釜山": 200,
    "法兰克福": 720, "慕尼黑": 715, "斯图加特": 730, "巴黎": 790, "伦敦": 770, "阿姆斯特丹": 760,
    "米兰": 740, "圣何塞": 760, "旧金山": 760, "纽约": 930, "波士顿": 900, "底特律": 960,
    "北京": 200, "天津": 190, "石家庄": 180, "上海": 140, "苏州": 150, "杭州": 130, "南京": 140,
    "合肥": 130,
}
US_CITIES = {"圣何塞", "旧金山", "纽约", "波士顿", "底特律"}

# (from, to): kind, minutes, title_zh, title_en, place
MOVES: dict[tuple[str, str], tuple[str, int, str, str, str]] = {
    ("东京", "首尔"): ("flight", 150, "东京—首尔航班", "Flight Tokyo–Seoul", "羽田机场 → 金浦机场"),
    ("名古屋", "东京"): ("train", 100, "新干线 名古屋—东京", "Shinkansen Nagoya–Tokyo",
                      "名古屋站 → 东京站"),
    ("大阪", "东京"): ("train", 150, "新干线 新大阪—东京", "Shinkansen Shin-Osaka–Tokyo",
                    "新大阪站 → 东京站"),
    ("首尔", "釜山"): ("train", 160, "KTX 首尔—釜山", "KTX Seoul–Busan", "首尔站 → 釜山站"),
    ("法兰克福", "斯图加特"): ("train", 80, "ICE 法兰克福—斯图加特", "ICE Frankfurt–Stuttgart",
                        "法兰克福中央车站 → 斯图加特中央车站"),
    ("斯图加特", "慕尼黑"): ("train", 135, "ICE 斯图加特—慕尼黑", "ICE Stuttgart–Munich",
                       "斯图加特中央车站 → 慕尼黑中央车站"),
    ("圣何塞", "旧金山"): ("transfer", 70, "乘车前往旧金山", "Drive to San Francisco",
                      "圣何塞 → 旧金山"),
    ("巴黎", "伦敦"): ("train", 140, "欧洲之星 巴黎—伦敦", "Eurostar Paris–London",
                    "巴黎北站 → 伦敦圣潘克拉斯站"),
    ("伦敦", "巴黎"): ("train", 140, "欧洲之星 伦敦—巴黎", "Eurostar London–Paris",
                    "伦敦圣潘克拉斯站 → 巴黎北站"),
    ("阿姆斯特丹", "慕尼黑"): ("flight", 95, "阿姆斯特丹—慕尼黑航班", "Flight Amsterdam–Munich",
                         "史基浦机场 → 慕尼黑机场"),
    ("阿姆斯特丹", "米兰"): ("flight", 110, "阿姆斯特丹—米兰航班", "Flight Amsterdam–Milan",
                        "史基浦机场 → 米兰利纳特机场"),
    ("底特律", "纽约"): ("flight", 110, "底特律—纽约航班", "Flight Detroit–New York",
                      "底特律机场 → 拉瓜迪亚机场"),
    ("纽约", "波士顿"): ("train", 220, "Amtrak 纽约—波士顿", "Amtrak New York–Boston",
                      "纽约宾州车站 → 波士顿南站"),
    ("北京", "天津"): ("train", 35, "京津城际 北京南—天津", "Intercity Beijing–Tianjin",
                    "北京南站 → 天津站"),
    ("天津", "北京"): ("train", 35, "京津城际 天津—北京南", "Intercity Tianjin–Beijing",
                    "天津站 → 北京南站"),
    ("北京", "石家庄"): ("train", 80, "高铁 北京西—石家庄", "High-speed rail Beijing–Shijiazhuang",
                      "北京西站 → 石家庄站"),
    ("上海", "苏州"): ("train", 30, "高铁 上海虹桥—苏州", "High-speed rail Shanghai–Suzhou",
                    "上海虹桥站 → 苏州站"),
    ("苏州", "南京"): ("train", 75, "高铁 苏州—南京南", "High-speed rail Suzhou–Nanjing",
                    "苏州站 → 南京南站"),
    ("合肥", "南京"): ("train", 60, "高铁 合肥南—南京南", "High-speed rail Hefei–Nanjing",
                    "合肥南站 → 南京南站"),
    ("杭州", "上海"): ("train", 60, "高铁 杭州东—上海虹桥", "High-speed rail Hangzhou–Shanghai",
                    "杭州东站 → 上海虹桥站"),
    ("上海", "合肥"): ("train", 150, "高铁 上海虹桥—合肥南", "High-speed rail Shanghai–Hefei",
                    "上海虹桥站 → 合肥南站"),
    ("香港", "澳门"): ("transfer", 90, "经港珠澳大桥前往澳门", "Drive to Macau via the bridge",
                    "香港口岸 → 港珠澳大桥 → 澳门口岸"),
}

AIRPORT_CITY: dict[str, str] = {"苏州": "上海"}

HOTELS: dict[str, str] = {
    "北京": "北京国贸大酒店 (China World Hotel)", "天津": "天津丽思卡尔顿酒店 (Ritz-Carlton Tianjin)",
    "石家庄": "石家庄万豪酒店 (Shijiazhuang Marriott)", "上海": "上海虹桥宾馆 (Hongqiao Hotel)",
    "苏州": "苏州金鸡湖大酒店 (Jinji Lake Hotel)", "杭州": "杭州西湖国宾馆 (West Lake State Guest House)",
    "南京": "南京金陵饭店 (Jinling Hotel)", "合肥": "合肥稻香楼宾馆 (Daoxianglou Hotel)",
    "香港": "香港港丽酒店 (Conrad Hong Kong)", "澳门": "澳门美高梅酒店 (MGM Macau)",
    "东京": "东京帝国酒店 (Imperial Hotel Tokyo)", "大阪": "大阪丽思卡尔顿酒店 (Ritz-Carlton Osaka)",
    "名古屋": "名古屋万豪酒店 (Nagoya Marriott Associa)", "首尔": "首尔乐天酒店 (Lotte Hotel Seoul)",
    "釜山": "釜山威斯汀朝鲜酒店 (Westin Josun Busan)",
    "法兰克福": "法兰克福洲际酒店 (InterContinental Frankfurt)",
    "斯图加特": "斯图加特万豪酒店 (Le Méridien Stuttgart)",
    "慕尼黑": "慕尼黑巴伐利亚宫廷酒店 (Bayerischer Hof)",
    "巴黎": "巴黎威斯汀酒店 (The Westin Paris)", "伦敦": "伦敦希尔顿酒店 (London Hilton)",
    "阿姆斯特丹": "阿姆斯特丹希尔顿酒店 (Hilton Amsterdam)", "米兰": "米兰喜来登酒店 (Sheraton Milan)",
    "圣何塞": "圣何塞费尔蒙酒店 (Fairmont San Jose)", "旧金山": "旧金山凯悦酒店 (Hyatt Regency SF)",
    "纽约": "纽约华尔道夫酒店 (Waldorf Astoria New York)", "波士顿": "波士顿万豪酒店 (Boston Marriott)",
    "底特律": "底特律威斯汀酒店 (Westin Book Cadillac)",
}

EMBASSY: dict[str, str] = {
    "HK": "外交部驻香港特派员公署", "MO": "外交部驻澳门特派员公署",
    "JP": "中国驻日本使馆及驻大阪、名古屋总领馆",
    "KR": "中国驻韩国使馆及驻釜山总领馆", "DE": "中国驻德国使馆及驻法兰克福、慕尼黑总领馆",
    "FR": "中国驻法国使馆", "GB": "中国驻英国使馆", "NL": "中国驻荷兰使馆", "IT": "中国驻米兰总领馆",
    "US": "中国驻美国使馆及驻旧金山、纽约、芝加哥总领馆", "CN": "",
}


def hotel(city: str) -> str:
    return HOTELS.get(city, f"{city}市中心商务酒店（待定）")


def move(a: str, b: str) -> tuple[str, int, str, str, str]:
    return MOVES.get((a, b)) or ("transfer", 120, f"前往{b}", f"Travel to {b}", f"{a} → {b}")
