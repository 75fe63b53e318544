"""The checks every exported calendar must pass, as the shared ``check-ics`` makes them.

icalendar is lenient, so each file is also read by independent readers: vobject with
validation, and libical (what Evolution and many servers use) through Debian's GI bindings,
run with ``/usr/bin/python3`` as a subprocess (``apt-get install python3-gi gir1.2-ical-3.0``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"


def problems(raw: bytes) -> list[str]:
    """What a calendar client would trip over; empty when the file is fine."""
    found: list[str] = []
    text = raw.decode("utf-8")
    if "\r\n" not in text or text.replace("\r\n", "").count("\n"):
        found.append("lines must end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            found.append(f"line {number} is {len(line)} octets long")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            found.append(f"line {number} splits a UTF-8 character")
    cal = Calendar.from_ical(raw)
    for key in ("PRODID", "VERSION"):
        if key not in cal:
            found.append(f"VCALENDAR lacks {key}")
    if "METHOD" in cal:
        found.append("a file must not carry METHOD")
    timezones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    for tz in cal.walk("VTIMEZONE"):
        if "COMMENT" in tz:
            found.append(f"VTIMEZONE {tz['TZID']} holds a COMMENT")
    events = cal.walk("VEVENT")
    if not events:
        found.append("no VEVENT")
    for uid, count in Counter(str(ev.get("UID")) for ev in events).items():
        if count > 1:
            found.append(f"UID {uid} appears {count} times")
    for ev in events:
        name = str(ev.get("SUMMARY", ev.get("UID", "?")))
        found += [f"{name}: {prop} malformed: {error}" for prop, error in ev.errors]
        found += [f"{name} lacks {key}" for key in ("UID", "DTSTAMP", "DTSTART") if key not in ev]
        for key in ("DTSTART", "DTEND"):
            prop = ev.get(key)
            if prop is not None and "TZID" in prop.params and prop.params["TZID"] not in timezones:
                found.append(f"{name}: {key} uses TZID {prop.params['TZID']} with no VTIMEZONE")
        if "DTEND" in ev:
            start, end = ev["DTSTART"].dt, ev["DTEND"].dt
            if type(start) is not type(end):
                found.append(f"{name}: DTSTART and DTEND differ in type")
            elif end < start:
                found.append(f"{name}: DTEND before DTSTART")
    try:
        vobject.readOne(text, validate=True)
    except Exception as exc:  # any reader failure is the finding
        found.append(f"vobject: {exc}")
    found += libical_problems(raw)
    return found


def assert_valid(raw: bytes) -> None:
    found = problems(raw)
    assert not found, "\n".join(found[:20])


def libical_available() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
        capture_output=True,
    )
    return probe.returncode == 0


_LIBICAL: bool | None = None


def _has_libical() -> bool:
    global _LIBICAL
    if _LIBICAL is None:
        _LIBICAL = libical_available()
    return _LIBICAL


def libical_read(raw: bytes) -> dict[str, object]:
    """libical's view: its parse errors and each VEVENT's start and end in UTC."""
    if not _has_libical():
        if shutil.which("apt-get") and Path("/etc/debian_version").exists():
            pytest.skip("libical not installed (apt-get install -y python3-gi gir1.2-ical-3.0)")
        pytest.skip("libical is not available on this system")
    run = subprocess.run([SYSTEM_PYTHON, str(HERE / "libical_read.py")], input=raw,
                         capture_output=True, check=True)
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def libical_problems(raw: bytes) -> list[str]:
    if not _has_libical():
        return []
    errors = libical_read(raw)["errors"]
    assert isinstance(errors, list)
    return [f"libical: {e}" for e in errors]
