"""`parktracker summary` and `--version`: what the user reads on the terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parktracker import __version__
from parktracker.cli import EXIT_ERROR, EXIT_OK, main
from parktracker.storage.database import Database


def summary_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["summary", *args, "--json"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert err == ""
    assert len(out.splitlines()) == 1  # one JSON object on one line
    data: dict[str, Any] = json.loads(out)
    return data


def test_demo_summary_matches_the_published_figures(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = summary_json(capsys, "--db", str(demo_template), "--as-of", "2024-03-31")

    assert data["as_of"] == "2024-03-31"
    assert data["park"] is None
    assert data["parks"] == 8
    assert data["projects"]["under_construction"] == {
        "count": 50,
        "planned_investment_yi": 1351.4,
    }
    assert data["projects"]["signed"] == {"count": 13, "planned_investment_yi": 337.9}
    assert data["funds"] == {
        "count": 20,
        "scale_yi": 172.6,
        "paid_in_yi": 117.8,
        "invested_yi": 106.8,
    }
    assert data["platforms"]["provincial_or_above"] == 25
    assert (
        data["platforms"]["national"] + data["platforms"]["provincial"]
        == data["platforms"]["provincial_or_above"]
    )
    assert data["revenue"]["year"] == 2024
    assert data["revenue"]["target_yi"] == 1300
    assert data["revenue"]["time_elapsed_pct"] == 25.0  # 序时进度: 3 complete months of 12
    assert 0 < data["revenue"]["ytd_yi"] < 1300
    assert data["sample_data"] is True


def test_default_as_of_is_the_latest_month_with_data(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert summary_json(capsys, "--db", str(demo_template))["as_of"] == "2024-03-31"


def test_ai_park_summary(demo_template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = summary_json(capsys, "--db", str(demo_template), "--park", "人工智能")
    assert data["park"] == "青岛市人工智能产业园"
    assert data["parks"] == 1
    assert data["enterprises"]["count"] >= 200
    assert data["enterprises"]["little_giants"] == 7
    assert data["revenue"]["target_yi"] is None  # the 1300 亿元 target is for all parks


def test_park_figures_add_up_to_the_total(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    total = summary_json(capsys, "--db", str(demo_template), "--as-of", "2024-03-31")
    industries = ["集成电路", "人工智能", "虚拟现实", "新型显示", "生物医药及医疗器械",
                  "精密仪器仪表", "绿色低碳新材料", "氢能与储能"]  # fmt: skip
    counts = 0
    tenths = 0
    for industry in industries:
        part = summary_json(
            capsys, "--db", str(demo_template), "--as-of", "2024-03-31", "--park", industry
        )
        counts += part["projects"]["under_construction"]["count"]
        tenths += round(part["projects"]["under_construction"]["planned_investment_yi"] * 10)
    assert counts == total["projects"]["under_construction"]["count"] == 50
    assert tenths == round(total["projects"]["under_construction"]["planned_investment_yi"] * 10)
    assert tenths == 13514


def test_april_signings_change_only_the_signed_figures(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    march = summary_json(capsys, "--db", str(demo_template), "--as-of", "2024-03-31")
    april = summary_json(capsys, "--db", str(demo_template), "--as-of", "2024-04-30")

    assert april["projects"]["signed"] == {"count": 15, "planned_investment_yi": 352.9}
    assert april["projects"]["under_construction"] == march["projects"]["under_construction"]
    assert april["projects"]["in_production"] == march["projects"]["in_production"]
    assert april["funds"] == march["funds"]
    assert april["platforms"] == march["platforms"]
    assert april["enterprises"]["little_giants"] == march["enterprises"]["little_giants"]
    # Two enterprises landed in the IC park in April 2024 (report); nothing else changed.
    assert april["enterprises"]["count"] == march["enterprises"]["count"] + 2
    assert april["revenue"]["ytd_yi"] == march["revenue"]["ytd_yi"]
    assert april["revenue"]["target_yi"] == march["revenue"]["target_yi"]


def test_text_summary_shows_exact_figures(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", "--db", str(demo_template), "--as-of", "2024-03-31"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert err == ""
    for figure in ("1351.4", "337.9", "172.6", "117.8", "106.8", "1300", "2024"):
        assert figure in out, figure
    assert "1351.3999" not in out
    assert "1351.40" not in out
    assert "示例数据" in out  # the sample-data mark, in both languages
    lines = out.splitlines()
    assert any("50" in line and "1351.4" in line for line in lines)
    assert any("13" in line and "337.9" in line for line in lines)


def test_text_summary_of_a_new_database_has_no_sample_mark(
    new_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = new_db.path
    new_db.close()
    assert main(["summary", "--db", str(path), "--as-of", "2024-03-31"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "示例数据" not in out
    assert "1300" in out


def test_unknown_park_is_one_line_listing_the_parks(
    demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["summary", "--db", str(demo_template), "--park", "造船"])
    out, err = capsys.readouterr()
    assert code == EXIT_ERROR
    assert out == ""
    [line] = err.splitlines()
    assert "造船" in line
    assert "青岛市人工智能产业园" in line


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.strip() == f"ParkTracker {__version__}"
    assert __version__ == "0.1.0"
