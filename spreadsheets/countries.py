"""Country names as Chinese staff and foreign partners write them, to ISO 3166 alpha-2 codes.

Only the countries and territories the bureau deals with: its five regions, the homes of the
Fortune Global 500, sister cities and foreign missions. Any other country is given by its
two-letter code.
"""

from __future__ import annotations

import unicodedata

# code: (Chinese names..., English names...) — compared after NFKC and casefolding
_NAMES: dict[str, tuple[str, ...]] = {
    "CN": ("中国", "中华人民共和国", "中国大陆", "中国内地", "China", "PRC", "People's Republic of China",
           "Mainland China"),
    "HK": ("中国香港", "香港", "香港特别行政区", "香港特區", "Hong Kong", "Hong Kong SAR",
           "Hong Kong, China"),
    "MO": ("中国澳门", "澳门", "澳门特别行政区", "澳門", "Macau", "Macao", "Macao SAR"),
    "TW": ("中国台湾", "台湾", "台灣", "Taiwan", "Taiwan, China"),
    "JP": ("日本", "Japan"),
    "KR": ("韩国", "韓國", "大韩民国", "南韩", "Korea", "South Korea", "Republic of Korea"),
    "SG": ("新加坡", "Singapore"),
    "MY": ("马来西亚", "Malaysia"),
    "TH": ("泰国", "Thailand"),
    "VN": ("越南", "Vietnam", "Viet Nam"),
    "ID": ("印度尼西亚", "印尼", "Indonesia"),
    "PH": ("菲律宾", "Philippines"),
    "IN": ("印度", "India"),
    "KH": ("柬埔寨", "Cambodia"),
    "KZ": ("哈萨克斯坦", "Kazakhstan"),
    "IL": ("以色列", "Israel"),
    "AE": ("阿联酋", "阿拉伯联合酋长国", "United Arab Emirates", "UAE"),
    "SA": ("沙特阿拉伯", "沙特", "Saudi Arabia"),
    "QA": ("卡塔尔", "Qatar"),
    "TR": ("土耳其", "Türkiye", "Turkey"),
    "US": ("美国", "美利坚合众国", "United States", "United States of America", "USA", "U.S.",
           "U.S.A.", "America"),
    "CA": ("加拿大", "Canada"),
    "MX": ("墨西哥", "Mexico"),
    "BR": ("巴西", "Brazil"),
    "AR": ("阿根廷", "Argentina"),
    "CL": ("智利", "Chile"),
    "GB": ("英国", "大不列颠及北爱尔兰联合王国", "United Kingdom", "UK", "Great Britain", "Britain",
           "England"),
    "IE": ("爱尔兰", "Ireland"),
    "DE": ("德国", "德意志联邦共和国", "Germany", "Deutschland"),
    "FR": ("法国", "France"),
    "IT": ("意大利", "Italy", "Italia"),
    "ES": ("西班牙", "Spain", "España"),
    "PT": ("葡萄牙", "Portugal"),
    "NL": ("荷兰", "Netherlands", "The Netherlands", "Holland"),
    "BE": ("比利时", "Belgium"),
    "LU": ("卢森堡", "Luxembourg"),
    "CH": ("瑞士", "Switzerland", "Schweiz", "Suisse"),
    "AT": ("奥地利", "Austria", "Österreich"),
    "SE": ("瑞典", "Sweden"),
    "NO": ("挪威", "Norway"),
    "DK": ("丹麦", "Denmark"),
    "FI": ("芬兰", "Finland"),
    "IS": ("冰岛", "Iceland"),
    "PL": ("波兰", "Poland"),
    "CZ": ("捷克", "Czechia", "Czech Republic"),
    "SK": ("斯洛伐克", "Slovakia"),
    "HU": ("匈牙利", "Hungary"),
    "RO": ("罗马尼亚", "Romania"),
    "GR": ("希腊", "Greece"),
    "RS": ("塞尔维亚", "Serbia"),
    "RU": ("俄罗斯", "俄罗斯联邦", "Russia", "Russian Federation"),
    "UA": ("乌克兰", "Ukraine"),
    "AU": ("澳大利亚", "澳洲", "Australia"),
    "NZ": ("新西兰", "New Zealand"),
    "ZA": ("南非", "South Africa"),
    "EG": ("埃及", "Egypt"),
    "NG": ("尼日利亚", "Nigeria"),
    "PK": ("巴基斯坦", "Pakistan"),
}



def country_key(name: str) -> str:
    """How a country name is compared: NFKC, case-folded, without spaces and dots."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return "".join(c for c in text if not c.isspace() and c not in ".")


COUNTRY_CODES: dict[str, str] = {
    country_key(name): code for code, names in _NAMES.items() for name in names
}
