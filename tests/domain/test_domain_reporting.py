"""The reporting-status rules (报送情况), without a database."""

from __future__ import annotations

import datetime as dt

from parktracker.domain.periods import YearMonth
from parktracker.domain.reporting import (
    Measure,
    ParkMonthFacts,
    ReportingFacts,
    ReportingPark,
    ReportStatus,
    investment_status,
    latest_complete_month,
    provisional,
    reporting_status,
    revenue_status,
)

JAN, FEB, MAR = YearMonth(2024, 1), YearMonth(2024, 2), YearMonth(2024, 3)


def test_revenue_is_due_from_the_first_figure_and_the_listing() -> None:
    assert revenue_status(reported=True, month=JAN, since=None, listed=None) is (
        ReportStatus.REPORTED
    )
    assert revenue_status(reported=False, month=JAN, since=FEB, listed=None) is (
        ReportStatus.NOTHING_DUE
    )
    assert revenue_status(reported=False, month=FEB, since=FEB, listed=None) is (
        ReportStatus.NOT_REPORTED
    )
    listed = dt.date(2024, 3, 1)
    assert revenue_status(reported=False, month=FEB, since=JAN, listed=listed) is (
        ReportStatus.NOTHING_DUE
    )
    assert revenue_status(reported=False, month=MAR, since=JAN, listed=listed) is (
        ReportStatus.NOT_REPORTED
    )


def test_investment_status_counts_the_projects_due() -> None:
    def status(due: int, reported: int, since: YearMonth | None = JAN) -> ReportStatus:
        return investment_status(due=due, reported=reported, month=FEB, since=since)

    assert status(0, 0) is ReportStatus.NOTHING_DUE
    assert status(3, 0) is ReportStatus.NOT_REPORTED
    assert status(3, 2) is ReportStatus.PARTLY
    assert status(3, 3) is ReportStatus.REPORTED
    assert status(1, 0) is ReportStatus.NOT_REPORTED  # one project due is due
    assert status(1, 1) is ReportStatus.REPORTED
    assert status(3, 1) is ReportStatus.PARTLY  # one figure of three
    assert status(3, 0, since=MAR) is ReportStatus.NOTHING_DUE
    assert status(3, 0, since=None) is ReportStatus.NOTHING_DUE


def _facts(*facts: ParkMonthFacts) -> ReportingFacts:
    parks = [ReportingPark(1, "甲"), ReportingPark(2, "乙")]
    return ReportingFacts(parks, JAN, MAR, list(facts), revenue_since=JAN, investment_since=JAN)


def test_a_month_counts_when_every_park_reported_it() -> None:
    status = reporting_status(
        _facts(
            ParkMonthFacts(1, JAN, True, 1, 1),
            ParkMonthFacts(2, JAN, True, 0, 0),  # nothing under construction: owes nothing
            ParkMonthFacts(1, FEB, True, 2, 1),  # partly reported
            ParkMonthFacts(2, FEB, True),
            ParkMonthFacts(1, MAR, True),
        )
    )
    assert status.complete(JAN)
    assert not status.complete(FEB)
    assert not status.complete(MAR)
    assert latest_complete_month(status) == JAN
    count = status.count(MAR, Measure.REVENUE)
    assert (count.reported, count.due, count.missing) == (1, 2, ("乙",))
    gap = provisional(status, [JAN, FEB, MAR], Measure.INVESTMENT)
    assert gap is not None and gap.missing_parks == ("甲",)
    assert [g.month for g in gap.gaps] == [FEB]
    assert provisional(status, [JAN], Measure.REVENUE) is None
    assert status.only(2).count(MAR, Measure.REVENUE).missing == ("乙",)
    assert status.only(1).complete(MAR)
    assert not status.only(1).complete(FEB)


def test_months_before_any_figure_do_not_count() -> None:
    facts = ReportingFacts([ReportingPark(1, "甲")], JAN, MAR, [ParkMonthFacts(1, MAR)], MAR, None)
    assert latest_complete_month(reporting_status(facts)) is None


# ---------------------------------------------------------------- found by tools/mutation_pass.py


def test_cell_status_names_what_a_park_month_lacks() -> None:
    from parktracker.domain.reporting import CellStatus, ReportingStatus, cell_status

    rev, inv, s = Measure.REVENUE, Measure.INVESTMENT, ReportStatus
    parks = [ReportingPark(1, "甲")]

    def cell(revenue: ReportStatus, investment: ReportStatus) -> CellStatus:
        status = ReportingStatus(parks, [JAN], {(1, JAN, rev): revenue, (1, JAN, inv): investment})
        return cell_status(status, 1, JAN)

    assert cell(s.NOT_REPORTED, s.PARTLY) is CellStatus.NOT_REPORTED
    assert cell(s.NOT_REPORTED, s.REPORTED) is CellStatus.REVENUE_MISSING
    assert cell(s.NOT_REPORTED, s.NOTHING_DUE) is CellStatus.REVENUE_MISSING
    assert cell(s.REPORTED, s.NOT_REPORTED) is CellStatus.INVESTMENT_MISSING
    assert cell(s.NOTHING_DUE, s.PARTLY) is CellStatus.INVESTMENT_MISSING
    assert cell(s.REPORTED, s.NOTHING_DUE) is CellStatus.REPORTED
    assert cell(s.NOTHING_DUE, s.REPORTED) is CellStatus.REPORTED
    assert cell(s.NOTHING_DUE, s.NOTHING_DUE) is CellStatus.NOTHING_DUE
    # A month nobody recorded anything for owes nothing.
    assert cell_status(ReportingStatus(parks, [JAN]), 1, JAN) is CellStatus.NOTHING_DUE


def test_park_list_joins_with_the_translated_separator() -> None:
    from parktracker.domain.reporting import T_LIST_SEPARATOR, park_list

    assert park_list(["人工智能", "虚拟现实"], lambda text: "、") == "人工智能、虚拟现实"
    assert park_list(["AI", "VR"], lambda text: text.source) == "AI, VR"
    assert T_LIST_SEPARATOR.source == ", "
    assert park_list([], lambda text: "、") == ""


def test_a_park_month_reports_nothing_by_default() -> None:
    facts = ParkMonthFacts(1, JAN, projects_due=2)
    assert (facts.revenue_reported, facts.projects_reported) == (False, 0)
    status = reporting_status(_facts(facts))
    assert status.status(1, JAN, Measure.INVESTMENT) is ReportStatus.NOT_REPORTED


def test_with_investment_of_keeps_its_own_investment_cells() -> None:
    from parktracker.domain.reporting import ReportingStatus

    rev, inv, s = Measure.REVENUE, Measure.INVESTMENT, ReportStatus
    parks = [ReportingPark(1, "甲")]
    own = {(1, JAN, rev): s.REPORTED, (1, JAN, inv): s.PARTLY, (1, FEB, rev): s.PARTLY}
    mine = ReportingStatus(parks, [JAN, FEB], dict(own))
    other = ReportingStatus(
        parks,
        [JAN, FEB],
        {(1, JAN, inv): s.REPORTED, (1, FEB, inv): s.NOT_REPORTED, (1, FEB, rev): s.REPORTED},
    )
    merged = mine.with_investment_of(other)
    assert merged.cells == {
        (1, JAN, rev): s.REPORTED,
        (1, JAN, inv): s.PARTLY,  # counted here: kept
        (1, FEB, rev): s.PARTLY,  # revenue is never taken from the other
        (1, FEB, inv): s.NOT_REPORTED,  # investment not counted here: taken from the other
    }
    assert mine.cells == own  # unchanged


def test_texts_months_and_the_months_of_a_figure() -> None:
    from parktracker.domain.reporting import figure_months, months_between

    assert Measure.REVENUE.text.source == "revenue"
    assert Measure.INVESTMENT.text.source == "investment"
    assert ReportStatus.PARTLY.text.source == "Partly reported"
    assert ReportStatus.NOTHING_DUE.text.source == "Nothing to report"
    assert months_between(JAN, MAR) == [JAN, FEB, MAR]
    assert months_between(MAR, MAR) == [MAR]
    assert figure_months(None) == []
    assert figure_months(JAN) == [JAN]
    assert figure_months(MAR) == [JAN, FEB, MAR]
    assert figure_months(YearMonth(2025, 2)) == [YearMonth(2025, 1), YearMonth(2025, 2)]


def test_due_from_the_first_month_and_a_listing_on_the_last_day() -> None:
    # Listed on the month's last day: that month is due.
    assert revenue_status(reported=False, month=FEB, since=JAN, listed=dt.date(2024, 2, 29)) is (
        ReportStatus.NOT_REPORTED
    )
    # The first month with a figure is due itself.
    assert investment_status(due=3, reported=0, month=FEB, since=FEB) is (ReportStatus.NOT_REPORTED)


def test_investment_of_months_not_counted_is_left_out() -> None:
    facts = ReportingFacts(
        [ReportingPark(1, "甲")],
        JAN,
        FEB,
        [ParkMonthFacts(1, JAN, True, 2, 0), ParkMonthFacts(1, FEB, True, 2, 0)],
        revenue_since=JAN,
        investment_since=JAN,
        investment_months=frozenset({FEB}),
    )
    status = reporting_status(facts)
    assert (1, JAN, Measure.INVESTMENT) not in status.cells
    assert status.cells[1, FEB, Measure.INVESTMENT] is ReportStatus.NOT_REPORTED
    assert status.complete(JAN) and not status.complete(FEB)


def test_a_count_says_how_many_reported() -> None:
    parks = [ReportingPark(1, "甲"), ReportingPark(2, "乙"), ReportingPark(3, "丙")]
    facts = ReportingFacts(
        parks,
        JAN,
        JAN,
        [ParkMonthFacts(1, JAN, True), ParkMonthFacts(2, JAN, True)],
        revenue_since=JAN,
        investment_since=None,
    )
    count = reporting_status(facts).count(JAN, Measure.REVENUE)
    assert (count.reported, count.due, count.missing) == (2, 3, ("丙",))


def test_cell_status_texts() -> None:
    from parktracker.domain.reporting import CellStatus

    assert CellStatus.NOT_REPORTED.text.source == "Missing"
    assert CellStatus.INVESTMENT_MISSING.text.source == "No invest."
    assert CellStatus.NOTHING_DUE.text.source == "Not due"
