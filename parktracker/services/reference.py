"""Reference facts shipped with ParkTracker: the eight parks and the 2024 revenue target.

The facts come from resources/data/qingdao_parks_2024_03.json, a copy of the public figures of
March 2024 (see the file's ``source``). A new database starts with them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from parktracker.domain.enums import Metric
from parktracker.domain.models import Park, Target
from parktracker.domain.money import Money
from parktracker.storage import parks, targets
from parktracker.storage.database import Database

FACTS_FILE = "qingdao_parks_2024_03.json"


@cache
def facts() -> dict[str, Any]:
    text = resources.files("parktracker.resources").joinpath("data", FACTS_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True)
class Headline:
    """The published headline figures as of 2024-03-31, in exact units."""

    as_of: dt.date
    under_construction_count: int
    under_construction_planned: Money
    signed_count: int
    signed_planned: Money
    revenue_target: Money
    revenue_target_year: int
    fund_count: int
    fund_scale: Money
    fund_paid_in: Money
    fund_invested: Money
    platforms_provincial_or_above: int
    ai_park_enterprises_min: int
    ai_park_little_giants: int


def headline() -> Headline:
    h = facts()["headline"]
    return Headline(
        as_of=dt.date.fromisoformat(facts()["as_of"]),
        under_construction_count=h["under_construction"]["count"],
        under_construction_planned=Money.yi(
            Decimal(h["under_construction"]["planned_investment_yi"])
        ),
        signed_count=h["signed"]["count"],
        signed_planned=Money.yi(Decimal(h["signed"]["planned_investment_yi"])),
        revenue_target=Money.yi(Decimal(h["revenue_target_yi"])),
        revenue_target_year=h["revenue_target_year"],
        fund_count=h["funds"]["count"],
        fund_scale=Money.yi(Decimal(h["funds"]["scale_yi"])),
        fund_paid_in=Money.yi(Decimal(h["funds"]["paid_in_yi"])),
        fund_invested=Money.yi(Decimal(h["funds"]["invested_yi"])),
        platforms_provincial_or_above=h["platforms_provincial_or_above"],
        ai_park_enterprises_min=h["ai_park_enterprises_min"],
        ai_park_little_giants=h["ai_park_little_giants"],
    )


def reference_parks() -> list[Park]:
    return [
        Park(
            name=p["name"],
            short_name=p["short_name"],
            industry=p["industry"],
            location=p.get("location", ""),
            chain_leaders=list(p.get("chain_leaders", [])),
            partner_parks=list(p.get("partner_parks", [])),
            notes=p.get("notes", ""),
            sort_order=index,
        )
        for index, p in enumerate(facts()["parks"], start=1)
    ]


def seed_reference(db: Database) -> dict[str, int]:
    """Add the eight parks and the all-parks revenue target; returns park ids by key."""
    h = headline()
    keys = [p["key"] for p in facts()["parks"]]
    with db.atomic():
        ids = {key: parks.add(db, park) for key, park in zip(keys, reference_parks(), strict=True)}
        targets.set_target(
            db,
            Target(
                year=h.revenue_target_year,
                metric=Metric.REVENUE,
                amount=h.revenue_target,
                note="八个园区年营业收入目标（争取突破1300亿元）",
            ),
        )
    return ids
