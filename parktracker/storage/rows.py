"""Conversions between domain values and SQLite column values."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth


def date_out(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def date_in(value: Any) -> dt.date | None:
    return None if value is None or value == "" else dt.date.fromisoformat(str(value))


def money_out(value: Money | None) -> int | None:
    return None if value is None else value.yuan


def money_in(value: Any) -> Money | None:
    return None if value is None else Money(int(value))


def month_out(value: YearMonth) -> str:
    return str(value)


def month_in(value: Any) -> YearMonth:
    return YearMonth.parse(str(value))


def list_out(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


def list_in(value: Any) -> list[str]:
    if not value:
        return []
    loaded = json.loads(value)
    return [str(v) for v in loaded] if isinstance(loaded, list) else []
