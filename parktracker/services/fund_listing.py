"""Read-only listings for the Funds page: each fund with its park and its latest figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from parktracker.domain.figures import percent
from parktracker.domain.models import Fund, FundUpdate
from parktracker.domain.money import Money
from parktracker.storage import funds, parks
from parktracker.storage.database import Database


@dataclass(frozen=True, slots=True)
class FundRow:
    """One fund as the Funds page lists it."""

    fund: Fund
    park_name: str | None  # the park's short name; None for a city-wide fund
    latest: FundUpdate | None  # the latest reported figures, if any

    @property
    def id(self) -> int:
        assert self.fund.id is not None
        return self.fund.id

    @property
    def name(self) -> str:
        return self.fund.name

    @property
    def scale(self) -> Money | None:
        return None if self.latest is None else self.latest.scale

    @property
    def paid_in(self) -> Money | None:
        return None if self.latest is None else self.latest.paid_in

    @property
    def invested(self) -> Money | None:
        return None if self.latest is None else self.latest.invested

    @property
    def figures_date(self) -> dt.date | None:
        return None if self.latest is None else self.latest.date

    @property
    def paid_in_percent(self) -> float | None:
        """Paid-in as a percentage of the total scale (display only)."""
        return None if self.latest is None else _percent(self.latest.paid_in, self.latest.scale)

    @property
    def invested_percent(self) -> float | None:
        """Invested as a percentage of the paid-in capital (display only)."""
        return None if self.latest is None else _percent(self.latest.invested, self.latest.paid_in)


def _percent(part: Money, whole: Money) -> float | None:
    return None if whole.yuan == 0 else percent(Fraction(part.yuan, whole.yuan), 1)


def list_funds(db: Database) -> list[FundRow]:
    short_names = {p.id: p.short_name for p in parks.all_parks(db)}
    latest = funds.latest_updates(db)
    return [
        FundRow(
            fund,
            None if fund.park_id is None else short_names.get(fund.park_id, ""),
            latest.get(fund.id) if fund.id is not None else None,
        )
        for fund in funds.all_funds(db)
    ]


def get_fund(db: Database, fund_id: int) -> Fund | None:
    return funds.get(db, fund_id)


def fund_history(db: Database, fund_id: int) -> list[FundUpdate]:
    """The fund's dated figures, oldest first."""
    return funds.updates(db, fund_id)


def latest_figures(db: Database, fund_id: int) -> FundUpdate | None:
    return funds.latest_update(db, fund_id)


def fund_names_in_scope(
    db: Database, park_id: int | None, *, exclude_id: int | None = None
) -> list[str]:
    """Names of the other funds of the park (or the other city-wide funds)."""
    return funds.names_in_scope(db, park_id, exclude_id=exclude_id)
