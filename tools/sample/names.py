"""Pools for fictional names (Chinese with pinyin, and foreign contacts)."""

from __future__ import annotations

import random

SURNAMES = [
    ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
    ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"), ("徐", "Xu"), ("孙", "Sun"),
    ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("林", "Lin"),
    ("罗", "Luo"), ("梁", "Liang"), ("谢", "Xie"), ("叶", "Ye"), ("邓", "Deng"), ("钟", "Zhong"),
    ("莫", "Mo"), ("卢", "Lu"), ("蔡", "Cai"), ("袁", "Yuan"), ("麦", "Mai"), ("邝", "Kuang"),
]
GIVEN = [
    ("建华", "Jianhua"), ("志强", "Zhiqiang"), ("晓东", "Xiaodong"), ("海燕", "Haiyan"),
    ("文斌", "Wenbin"), ("丽娟", "Lijuan"), ("国平", "Guoping"), ("永康", "Yongkang"),
    ("慧敏", "Huimin"), ("子轩", "Zixuan"), ("思远", "Siyuan"), ("雅琪", "Yaqi"),
    ("振宇", "Zhenyu"), ("婉婷", "Wanting"), ("家豪", "Jiahao"), ("明辉", "Minghui"),
    ("佩玲", "Peiling"), ("卓然", "Zhuoran"), ("嘉欣", "Jiaxin"), ("伟杰", "Weijie"),
    ("晨曦", "Chenxi"), ("少华", "Shaohua"), ("锦荣", "Jinrong"), ("若兰", "Ruolan"),
    ("启明", "Qiming"), ("秋萍", "Qiuping"), ("德胜", "Desheng"), ("静怡", "Jingyi"),
    ("浩然", "Haoran"), ("晓彤", "Xiaotong"), ("立新", "Lixin"), ("楚瑜", "Chuyu"),
    ("俊峰", "Junfeng"), ("碧云", "Biyun"), ("一鸣", "Yiming"), ("安琪", "Anqi"),
]

# Foreign contacts: (name_zh, name_en, languages, country)
FOREIGN: list[tuple[str, str, str, str]] = [
    ("山本 健一", "Kenichi Yamamoto", "ja,en", "JP"),
    ("佐藤 美咲", "Misaki Sato", "ja,en", "JP"),
    ("中村 拓也", "Takuya Nakamura", "ja,zh", "JP"),
    ("小林 直树", "Naoki Kobayashi", "ja,en", "JP"),
    ("金 敏俊", "Kim Min-jun", "ko,en", "KR"),
    ("朴 智妍", "Park Ji-yeon", "ko,zh", "KR"),
    ("李成浩", "Lee Sung-ho", "ko,en", "KR"),
    ("汉斯·贝克尔", "Hans Becker", "de,en", "DE"),
    ("莉娜·施密特", "Lena Schmidt", "de,en,zh", "DE"),
    ("托马斯·韦伯", "Thomas Weber", "de,en", "DE"),
    ("克莱尔·杜邦", "Claire Dubois", "fr,en", "FR"),
    ("詹姆斯·卡特", "James Carter", "en", "US"),
    ("艾米丽·陈", "Emily Chen", "en,zh", "US"),
    ("丹尼尔·摩尔", "Daniel Moore", "en", "US"),
    ("扬·德弗里斯", "Jan de Vries", "nl,en", "NL"),
    ("奥利弗·格林", "Oliver Green", "en", "GB"),
]


def chinese_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` distinct fictional names: (汉字, "Given Surname"-style pinyin)."""
    combos = [(s, g) for s in SURNAMES for g in GIVEN]
    picked = rng.sample(combos, count)
    return [(s[0] + g[0], f"{s[1]} {g[1]}") for s, g in picked]
