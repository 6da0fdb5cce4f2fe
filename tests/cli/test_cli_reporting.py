"""`summary` carries the reporting status (报送情况): April reported by 1 of 8 parks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parktracker.cli import EXIT_OK, main
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import parks
from parktracker.storage.database import open_database

OTHERS = ["人工智能", "虚拟现实", "新型显示", "生物医药及医疗器械", "精密仪器仪表",
          "绿色低碳新材料", "氢能与储能"]  # fmt: skip


@pytest.fixture
def april_one_park(demo_path: Path) -> Path:
    with open_database(demo_path) as db:
        park = parks.find(db, "集成电路")
        assert park is not None and park.id is not None
        set_monthly(db, cells=[RevenueCell(park.id, YearMonth(2024, 4), Money.yi(30))])
    return demo_path


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["summary", *args, "--json"]) == EXIT_OK
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_summary_json_stays_at_march_and_says_one_of_eight(
    april_one_park: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _json(capsys, "--db", str(april_one_park))
    assert data["as_of"] == "2024-03-31"
    assert data["revenue"]["time_elapsed_pct"] == 25.0
    assert data["revenue"]["provisional"] is False
    status = data["reporting"]
    assert status["default_as_of"] == "2024-03-31"
    assert status["month_of_figures"] == "2024-03"
    assert status["provisional"] is False
    revenue = next(m for m in status["later_months"] if m["measure"] == "revenue")
    assert revenue == {
        "month": "2024-04",
        "measure": "revenue",
        "reported": 1,
        "due": 8,
        "missing": OTHERS,
    }


def test_summary_json_at_a_later_date_is_provisional(
    april_one_park: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _json(capsys, "--db", str(april_one_park), "--as-of", "2024-04-30")
    assert data["as_of"] == "2024-04-30"
    assert data["revenue"]["provisional"] is True
    status = data["reporting"]
    assert status["provisional"] is True
    assert status["revenue"]["missing_parks"] == OTHERS
    assert [m["month"] for m in status["revenue"]["months"]] == ["2024-04"]
    assert status["later_months"] == []
    # one park that did report: its figures are not provisional
    mine = _json(capsys, "--db", str(april_one_park), "--as-of", "2024-04-30", "--park", "集成电路")
    assert mine["revenue"]["provisional"] is False


def test_summary_text_says_so(april_one_park: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "summary", "--db", str(april_one_park)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "As of 2024-03-31, all 8 parks"
    assert (
        "2024-04: Revenue reported by 1 of 8 parks; Investment reported by 0 of 8 parks;"
        " showing figures to the end of 2024-03"
    ) in out.splitlines()
    assert main(["--lang", "zh_CN", "summary", "--db", str(april_one_park)]) == EXIT_OK
    out = capsys.readouterr().out
    assert (
        "2024年4月：营收1/8个园区已报送，投资0/8个园区已报送，显示截至2024年3月底"
        in out.splitlines()
    )
    assert main(["--lang", "zh_CN", "summary", "--db", str(april_one_park),
                 "--as-of", "2024-04-30"]) == EXIT_OK  # fmt: skip
    out = capsys.readouterr().out
    assert f"暂定：营收未报齐（缺{'、'.join(OTHERS)}）" in out.splitlines()
