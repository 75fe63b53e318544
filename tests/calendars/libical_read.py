"""Run with Debian's /usr/bin/python3 (python3-gi, gir1.2-ical-3.0): reads an .ics on stdin with
libical and prints JSON: the parse and restriction errors libical records, and each VEVENT's
UID with its start and end converted to UTC through the file's own VTIMEZONEs."""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors(component):
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.as_ical_string().strip())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found += errors(child)
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def in_utc(prop, getter, zones):
    value = getter(prop)
    tzid = prop.get_first_parameter(ICalGLib.ParameterKind.TZID_PARAMETER)
    if value.is_date():
        return value.as_ical_string()
    if tzid is not None:
        value.set_timezone(zones[tzid.get_tzid()])
    return value.convert_to_zone(ICalGLib.Timezone.get_utc_timezone()).as_ical_string()


def main():
    text = sys.stdin.buffer.read().decode("utf-8")
    calendar = ICalGLib.Component.new_from_string(text)
    if calendar is None:
        print(json.dumps({"errors": ["libical cannot parse it"], "events": {}}))
        return
    ICalGLib.restriction_check(calendar)
    zones = {}
    tz = calendar.get_first_component(ICalGLib.ComponentKind.VTIMEZONE_COMPONENT)
    while tz is not None:
        zone = ICalGLib.Timezone.new()
        zone.set_component(tz.clone())
        zones[zone.get_tzid()] = zone
        tz = calendar.get_next_component(ICalGLib.ComponentKind.VTIMEZONE_COMPONENT)
    events = {}
    ev = calendar.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    while ev is not None:
        start = ev.get_first_property(ICalGLib.PropertyKind.DTSTART_PROPERTY)
        end = ev.get_first_property(ICalGLib.PropertyKind.DTEND_PROPERTY)
        events[ev.get_uid()] = {
            "summary": ev.get_summary(),
            "start": in_utc(start, lambda p: p.get_dtstart(), zones),
            "end": in_utc(end, lambda p: p.get_dtend(), zones) if end is not None else None,
        }
        ev = calendar.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    print(json.dumps({"errors": errors(calendar), "events": events}, ensure_ascii=False))


main()
