"""Garbled text (乱码) is found and explained; clean text, rare characters included, never is."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from models.language import Lang
from spreadsheets.mojibake import DamageKind, find_damage, repair

ROOT = Path(__file__).resolve().parents[2]
SEED_ARTICLE = Path("/work/shared/brief/seed-article.txt")

CLEAN = [
    "招商", "东莞市投资促进局", "博世集团", "松山湖高新区", "陳順嬌", "華為技術有限公司",
    "𠮷野家", "龘", "王珺", "珺珺", "李龘", "新能源汽车", "半导体及集成电路", "预制菜",
    "Société Générale", "Müller GmbH", "Informação", "São Paulo", "Zürich Versicherung", "ŠKODA",
    "株式会社デンソー", "삼성전자", "Bosch博世", "茅台", "Maotai茅台", "①号厂房", "Ⅲ期项目",
    "（香港）有限公司", "是否参加？待定", "What?", "Really??", "½ price", "C:\\合同\\2023 🚀",
    "签约：宝马, 奔驰; 路径", "", "   ",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_clean(text: str) -> None:
    assert find_damage(text) is None


@pytest.mark.parametrize("original", [
    "招商", "东莞市投资促进局", "博世集团", "王珺", "李龘", "珺珺", "松山湖高新区", "Société Générale",
])
def test_utf8_read_as_gbk_is_found_and_undone(original: str) -> None:
    garbled = original.encode("utf-8").decode("gbk", errors="replace")
    damage = find_damage(garbled)
    assert damage is not None
    assert damage.kind is DamageKind.ROUND_TRIP
    assert damage.repair == original
    assert repair(garbled) == original


@pytest.mark.parametrize("original", ["招商局", "陈顺娇", "陳順嬌"])
def test_utf8_read_as_gbk_with_the_last_byte_lost_is_found_not_guessed(original: str) -> None:
    """An odd number of UTF-8 bytes leaves GBK a lone last byte, read as �: the last character
    is gone, so the damage is shown but the text is not repaired."""
    garbled = original.encode("utf-8").decode("gbk", errors="replace")
    damage = find_damage(garbled)
    assert damage is not None
    assert damage.kind is DamageKind.REPLACEMENT
    assert damage.repair == original[:-1] + "\ufffd"
    assert repair(garbled) is None


def test_windows_gbk_reads_a_lone_0x80_as_euro() -> None:
    damage = find_damage("鎷涘晢灞€")  # 招商局: nine bytes, the last read as "€" by code page 936
    assert damage is not None and damage.repair == "招商局"
    assert damage.via == "UTF-8 → GBK"


@pytest.mark.parametrize(("garbled", "original"), [
    ("æ‹›å•†", "招商"),
    ("ä¸œèŽžå¸‚æŠ•èµ„ä¿ƒè¿›å±€", "东莞市投资促进局"),
    ("é™ˆé¡ºå¨‡", "陈顺娇"),
    ("SociÃ©tÃ© GÃ©nÃ©rale", "Société Générale"),
    ("ð\xa0®·é‡Žå®¶", "𠮷野家"),
])
def test_utf8_read_as_windows_1252_is_undone(garbled: str, original: str) -> None:
    damage = find_damage(garbled)
    assert damage is not None
    assert (damage.kind, damage.repair, damage.via) == (DamageKind.ROUND_TRIP, original,
                                                        "UTF-8 → Windows-1252")


@pytest.mark.parametrize("original", ["招商", "东莞市投资促进局", "博世集团", "陈顺娇", "李龘"])
def test_gbk_read_as_latin1_is_undone(original: str) -> None:
    garbled = original.encode("gbk").decode("latin-1")  # "ÕÐÉÌ"
    damage = find_damage(garbled)
    assert damage is not None and damage.repair == original
    assert damage.via == "GBK → Latin-1"


@pytest.mark.parametrize(("text", "hint"), [
    ("涓滆帪甯?", "东莞�"),   # 东莞市: the odd last byte became "?"
    ("闄堥『濞\ufffd", "陈顺�"),  # 陈顺娇: ... or "�"
    ("å\ufffdšä¸–é›†å›¢", "�世集团"),  # 博世集团 through Windows-1252, one byte lost
])
def test_partly_lost_text_is_found_with_what_is_left(text: str, hint: str) -> None:
    damage = find_damage(text)
    assert damage is not None
    assert damage.repair == hint


@pytest.mark.parametrize("text", ["东莞??局", "???", " ?? ", "南?采访", "有限公司??", "??有限公司",
                                  "請?、南"])
def test_question_marks_in_place_of_chinese(text: str) -> None:
    damage = find_damage(text)
    assert damage is not None and damage.kind is DamageKind.QUESTION_MARKS
    assert "？" in damage.message(Lang.ZH)


def test_replacement_characters_without_a_repair() -> None:
    damage = find_damage("博世\ufffd\ufffd")
    assert damage is not None and damage.kind is DamageKind.REPLACEMENT
    assert "�" in damage.message(Lang.ZH) and "replacement" in damage.message(Lang.EN)


def test_messages_quote_the_text_and_the_likely_original() -> None:
    damage = find_damage("鎷涘晢")
    assert damage is not None
    assert damage.message(Lang.ZH) == ("“鎷涘晢”是编码错乱造成的乱码（UTF-8 → GBK），原文可能是“招商”，"
                                    "请用正确的编码重新导出文件")
    assert "probably '招商'" in damage.message(Lang.EN)
    long = find_damage("涓滆帪甯傛姇璧勪績杩涘眬" * 3)
    assert long is not None and "…" in long.message(Lang.ZH)


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason="the brief's seed article is not here")
def test_the_damaged_seed_article_is_caught() -> None:
    lines = [line for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines() if line]
    flagged = [line for line in lines if find_damage(line)]
    assert flagged, "the article reached us garbled: its damage must be seen"
    assert any("陳順?gòu)" in line for line in flagged)


def test_nothing_in_the_sample_campaign_looks_garbled() -> None:
    sample = ROOT / "resources" / "sample_campaign_2023.json"
    texts: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(sample.read_text(encoding="utf-8")))
    assert len(texts) > 1000
    assert [t for t in texts if find_damage(t)] == []


def test_random_common_names_are_clean_and_their_garbling_is_caught() -> None:
    common = [bytes([a, b]).decode("gb2312") for a in range(0xB0, 0xD8) for b in range(0xA1, 0xFF)
              if (a, b) < (0xD7, 0xFA)]  # the 3,755 characters of GB2312 level 1
    rng = random.Random(2023)
    names = ["".join(rng.choice(common) for _ in range(rng.randint(2, 6))) for _ in range(3000)]
    assert [n for n in names if find_damage(n)] == []
    missed = [n for n in names if find_damage(n.encode("utf-8").decode("gbk", errors="replace")) is None]
    assert missed == []
    whole = [n for n in names if len(n) % 2 == 0 and _gbk_reads_all(n.encode("utf-8"))]
    assert len(whole) > 500
    assert [n for n in whole if repair(n.encode("utf-8").decode("gbk")) != n] == []


def _gbk_reads_all(data: bytes) -> bool:
    try:
        data.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True
