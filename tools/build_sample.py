"""Build resources/sample_campaign_2023.json, the embedded sample campaign.

    python tools/build_sample.py          # writes the file
    python tools/build_sample.py --check  # exit 1 when the file differs from a fresh build

Deterministic: seeded ``random.Random(2023)``; running it again gives the same bytes.
All people are fictional; real company names appear only as promotion targets.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from tools.sample.briefing import add_briefing_details  # noqa: E402
from tools.sample.events import build_events  # noqa: E402
from tools.sample.leads import build_leads, mark_confirmed  # noqa: E402
from tools.sample.organisations import build_organisations  # noqa: E402
from tools.sample.people import build_people  # noqa: E402
from tools.sample.regions import CAMPAIGN, INDUSTRIES, REGIONS  # noqa: E402
from tools.sample.run_of_show import add_run_of_show  # noqa: E402
from tools.sample.schedule import Busy  # noqa: E402
from tools.sample.teams import build_results, link_leaders  # noqa: E402
from tools.sample.trips import build_trips  # noqa: E402
from tools.sample.units import UNITS  # noqa: E402

OUTPUT = ROOT / "resources" / "sample_campaign_2023.json"
FORMAT = 1


def build() -> dict[str, Any]:
    rng = random.Random(2023)
    orgs = build_organisations(rng)
    directory = build_people(rng, orgs)
    busy = Busy()
    # the party secretary opens the Global Investment Conference: keep those days free
    busy.book(directory.leaders[0], date(2023, 10, 31), date(2023, 11, 1))
    phones = {p["name_zh"]: p["phone"] for p in directory.people}
    by_name = {o["name_zh"]: o for o in orgs}
    trips = build_trips(rng, directory, by_name, busy, phones)
    events = build_events(rng, directory, orgs, busy, trips)
    leads = build_leads(rng, orgs, trips, events)
    results = build_results(orgs, directory.people, leads, trips, INDUSTRIES)
    link_leaders(leads, directory.people)
    mark_confirmed(leads, results.visits)
    _check_dst_trip(trips)
    data = {
        "format": FORMAT,
        "about": "东莞 2023 招商年示例数据（人物均为虚构） / Sample data, fictional people",
        "campaign": CAMPAIGN,
        "regions": REGIONS,
        "industries": INDUSTRIES,
        "units": UNITS,
        "organisations": orgs + results.organisations,
        "people": directory.people + results.people,
        "trips": trips,
        "events": events,
        "leads": leads,
        "hq_visits": results.visits,
        "teams": results.teams,
        "targets": results.targets,
        "chain_leaders": results.chain_leaders,
    }
    add_briefing_details(data)
    add_run_of_show(data)
    return data


def _check_dst_trip(trips: list[dict[str, Any]]) -> None:
    """The sample promises a trip across the DST change with 09:00 items on 25 and 27 March."""
    starts = {i["start"] for t in trips if t["start_date"] == "2023-03-23" for i in t["items"]
              if i["timezone"] == "Europe/Berlin"}
    assert {"2023-03-25T09:00", "2023-03-27T09:00"} <= starts, sorted(starts)


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    text = render(build())
    if "--check" in argv:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUTPUT} differs from a fresh build")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT} ({len(text.encode('utf-8')) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
