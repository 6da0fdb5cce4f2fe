"""The briefing's sentences and figures on the demo database (March 2024), checked against
`summary --json` and against the article's own figures; the record of issued briefings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from parktracker.cli import EXIT_OK, main
from parktracker.domain import briefing as brief
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.i18n import set_language, tr
from parktracker.services import briefing
from parktracker.services.revenue_entry import RevenueCell, set_monthly
from parktracker.storage import parks
from parktracker.storage.database import Database

MARCH = YearMonth(2024, 3)


def summary(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, object]:
    capsys.readouterr()
    assert main(["summary", "--db", str(path), "--as-of", "2024-03-31", "--json"]) == EXIT_OK
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def paragraphs(blocks: list[brief.Block]) -> list[str]:
    return [b.text for b in blocks if b.kind == "paragraph"]


def test_headline_in_chinese_has_the_article_figures(demo_db: Database) -> None:
    facts = briefing.figures(demo_db, month=MARCH)
    text = paragraphs(briefing.outline(facts, tr=tr))
    assert text[0] == (
        "截至2024年3月底，8个新兴产业专业园区在建项目50个、计划总投资1351.4亿元；"
        "已签约待开工项目13个、计划总投资337.9亿元。"
        "1—3月累计实现营业收入250.9亿元，占年度目标的19.3%，慢于序时进度5.7个百分点。"
    )
    assert text[1] == (
        "资本集聚方面，共有20支产业基金，总规模172.6亿元、实缴117.8亿元、对外投资106.8亿元。"
    )
    assert text[2] == "创新集聚方面，拥有省级以上创新平台25个，其中国家级5个。"
    assert text[3] == "龙头集聚方面，集聚企业214家，其中链主企业1家、专精特新“小巨人”企业7家。"


def test_sentences_match_summary_json(
    demo_db: Database, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = summary(capsys, demo_path)
    facts = briefing.figures(demo_db, month=MARCH)
    projects = s["projects"]
    funds = s["funds"]
    revenue = s["revenue"]
    assert isinstance(projects, dict) and isinstance(funds, dict) and isinstance(revenue, dict)
    uc, signed = projects["under_construction"], projects["signed"]
    headline = brief.headline(facts, tr)
    assert f"在建项目{uc['count']}个、计划总投资{uc['planned_investment_yi']:.1f}亿元" in headline
    assert f"已签约待开工项目{signed['count']}个" in headline
    assert f"计划总投资{signed['planned_investment_yi']:.1f}亿元" in headline
    assert f"{s['parks']}个新兴产业专业园区" in headline
    assert (funds["count"], funds["scale_yi"], funds["paid_in_yi"], funds["invested_yi"]) == (
        20,
        172.6,
        117.8,
        106.8,
    )
    sentence = brief.funds_sentence(facts, tr)
    assert f"{funds['count']}支产业基金，总规模{funds['scale_yi']}亿元" in sentence
    revenue_text = brief.revenue_sentence(facts, tr)
    assert f"占年度目标的{revenue['progress_pct']}%" in revenue_text
    gap = round(float(revenue["time_elapsed_pct"]) - float(revenue["progress_pct"]), 1)
    assert f"慢于序时进度{gap}个百分点" in revenue_text
    assert f"{round(float(revenue['ytd_yi']), 1)}亿元" in revenue_text
    platforms = s["platforms"]
    assert isinstance(platforms, dict)
    assert f"省级以上创新平台{platforms['provincial_or_above']}个" in brief.platforms_sentence(
        facts, tr
    )


def test_headline_in_english(demo_db: Database) -> None:
    set_language("en")
    facts = briefing.figures(demo_db, month=MARCH)
    assert brief.headline(facts, tr).startswith(
        "As of the end of March 2024, the 8 emerging-industry specialised parks had 50 projects"
        " under construction with a planned total investment of 1351.4 亿元"
    )


def test_revenue_ahead_on_pace_and_without_target() -> None:
    base = briefing_figures(ytd=Money.yi(400), target=Money.yi(1300), months=3)
    assert "快于序时进度5.8个百分点" in brief.revenue_sentence(base, tr)  # 30.8 - 25.0
    on_pace = briefing_figures(ytd=Money.yi(325), target=Money.yi(1300), months=3)
    assert brief.revenue_sentence(on_pace, tr).endswith("占年度目标的25.0%，与序时进度持平。")
    none = briefing_figures(ytd=Money.yi(325), target=None, months=1)
    assert brief.revenue_sentence(none, tr) == "1月累计实现营业收入325.0亿元（未设定年度目标）。"


def briefing_figures(*, ytd: Money, target: Money | None, months: int) -> brief.BriefingFigures:
    from fractions import Fraction

    zero = Money.zero()
    return brief.BriefingFigures(
        month=YearMonth(2024, months),
        park_count=8,
        under_construction=0,
        under_construction_planned=zero,
        signed=0,
        signed_planned=zero,
        revenue_ytd=ytd,
        revenue_target=target,
        time_elapsed=Fraction(months, 12),
        fund_count=0,
        fund_scale=zero,
        fund_paid_in=zero,
        fund_invested=zero,
        platforms_provincial_or_above=0,
        platforms_national=0,
        enterprises=0,
        chain_leaders=0,
        little_giants=0,
    )


def test_yi_text_rounds_half_up() -> None:
    assert brief.yi_text(Money(135_135_000_000)) == "1351.4"
    assert brief.yi_text(Money(5_000_000)) == "0.1"  # 0.05 亿元 → 0.1
    assert brief.yi_text(Money(4_999_999)) == "0.0"


def test_each_park_has_an_editable_paragraph_and_edits_are_used(demo_db: Database) -> None:
    facts = briefing.figures(demo_db, month=MARCH)
    names = [p.name for p in parks.all_parks(demo_db)]
    blocks = briefing.outline(facts, tr=tr, edited={f"park:{names[0]}": "本月重点推进。"})
    keys = [b.key for b in blocks if b.key]
    assert keys == [*(f"park:{n}" for n in names), "closing"]
    first = next(b for b in blocks if b.key == f"park:{names[0]}")
    assert first.text == "本月重点推进。"
    second = next(b for b in blocks if b.key == f"park:{names[1]}")
    assert second.text.startswith("在建项目")
    headings = [b.text for b in blocks if b.kind == "heading2"]
    assert headings[0] == f"（一）{names[0]}"
    assert headings[7] == f"（八）{names[7]}"
    assert [b.text for b in blocks if b.kind == "heading1"] == [
        "一、总体情况",
        "二、各园区情况",
        "三、预警情况",
        "四、需协调解决的问题",
        "五、下一步工作",
    ]


def test_warning_table_lists_the_warnings_service_findings(demo_db: Database) -> None:
    from parktracker.services.warnings import findings

    facts = briefing.figures(demo_db, month=MARCH)
    found = findings(demo_db, as_of=MARCH.last_day)
    blocks = briefing.outline(facts, tr=tr)
    counts, table = (b for b in blocks if b.kind == "table")
    assert table.rows[0] == ("序号", "预警等级", "园区", "项目", "原因")
    assert len(table.rows) == len(found) + 1  # the demo has fewer than WARNINGS_LISTED
    assert table.rows[1][4] == found[0].render(tr)
    assert counts.rows[0] == ("序号", "园区", "红灯预警", "黄灯预警")
    red = sum(1 for f in found if f.level.value == "red")
    assert counts.rows[-1] == ("", "合计", str(red), str(len(found) - red))
    assert sum(int(r[2]) + int(r[3]) for r in counts.rows[1:-1]) == len(found)
    assert "预警明细如下。" in paragraphs(blocks)


def test_a_long_warning_list_is_cut_and_counted() -> None:
    from dataclasses import replace

    rows = [
        brief.WarningRow(i < 3, "甲园区", f"项目{i}", "原因") for i in range(brief.WARNINGS_LISTED)
    ]
    counts = brief.count_warnings([("甲园区", True)] * 3 + [("乙园区", False)] * 97)
    facts = replace(
        briefing_figures(ytd=Money.yi(1), target=None, months=3),
        warnings=rows,
        warning_counts=counts,
    )
    blocks = brief.outline(facts, tr)
    text = paragraphs(blocks)
    assert "截至2024年3月底，共有红灯预警3项、黄灯预警97项，各园区情况见下表。" in text
    assert "以下列出前30项预警（红灯在前），其余70项详见预警页面。" in text
    counts_table, listed = (b for b in blocks if b.kind == "table")
    assert counts_table.rows[1:] == (
        ("1", "甲园区", "3", "0"),
        ("2", "乙园区", "0", "97"),
        ("", "合计", "3", "97"),
    )
    assert len(listed.rows) == 31


def test_issued_figures_are_recorded_and_a_later_edit_is_reported(
    demo_db: Database, tmp_path: Path
) -> None:
    assert briefing.compare_with_issued(demo_db, month=MARCH) == []
    briefing.write_briefing(demo_db, month=MARCH, path=tmp_path / "b.docx")
    rows = demo_db.query("SELECT month, figures, file_name FROM briefings")
    assert len(rows) == 1
    assert rows[0][0] == "2024-03" and rows[0][2] == "b.docx"
    stored = json.loads(rows[0][1])
    assert stored["under_construction.count"] == 50
    assert brief.yi_text(Money(stored["under_construction.planned"])) == "1351.4"
    assert stored["signed.count"] == 13 and stored["funds.count"] == 20
    audit = demo_db.query("SELECT action FROM audit_log WHERE table_name = 'briefings'")
    assert [r[0] for r in audit] == ["insert"]
    assert briefing.compare_with_issued(demo_db, month=MARCH) == []

    park = parks.all_parks(demo_db)[0]
    assert park.id is not None
    from parktracker.services.revenue_entry import year_grid

    before = year_grid(demo_db, 2024)[(park.id, 3)]
    set_monthly(
        demo_db,
        cells=[RevenueCell(park.id, MARCH, before + Money.yi(10))],
    )
    changed = briefing.compare_with_issued(demo_db, month=MARCH)
    assert [(c.label, c.issued, c.now) for c in changed] == [
        ("累计营业收入（亿元）", "250.9", "260.9"),
        (
            f"{park.name}累计营业收入（亿元）",
            brief.yi_text(Money(stored[f"park:{park.name}:revenue.ytd"])),
            brief.yi_text(Money(stored[f"park:{park.name}:revenue.ytd"]) + Money.yi(10)),
        ),
    ]
    notices = briefing.notices(demo_db, month=YearMonth(2024, 4))
    assert notices == [
        "3月通报后，以下数字已修改：累计营业收入（亿元）：250.9→260.9；"
        f"{park.name}累计营业收入（亿元）：{changed[1].issued}→{changed[1].now}"
    ]


def test_problem_table_writes_due_dates_the_chinese_way() -> None:
    from dataclasses import replace

    problem = brief.ProblemRow(
        "甲园区", "项目一", "用地指标未落实", "区自然资源局", dt.date(2024, 4, 15), "处理中"
    )
    facts = replace(
        briefing_figures(ytd=Money.yi(1), target=None, months=3),
        problems=[problem, replace(problem, due=None)],
    )
    tables = [b for b in brief.outline(facts, tr) if b.kind == "table"]
    problems = tables[-1]
    assert problems.rows[1] == (
        "1",
        "甲园区",
        "项目一",
        "用地指标未落实",
        "区自然资源局",
        "2024年4月15日",
        "处理中",
    )
    assert problems.rows[2][5] == "—"
