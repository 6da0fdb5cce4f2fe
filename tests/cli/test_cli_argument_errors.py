"""A mistake on the command line: one line in the user's language, exit 2; help in it too."""

from __future__ import annotations

import pytest

from parktracker.cli import main
from parktracker.i18n import set_language

CASES = [
    (
        ["summary"],
        "parktracker summary：错误：缺少必需的参数：--db",
        "the following arguments are required: --db",
    ),
    (["--lang", "fr"], "参数--lang：无效的选项'fr'", "argument --lang: invalid choice: 'fr'"),
    (["summary", "--db"], "参数--db：需要一个值", "argument --db: expected one argument"),
    (
        ["chart", "--preset", "word-full", "--size", "3x3"],
        "参数--size：不能与参数--preset同时使用",
        "argument --size: not allowed with argument --preset",
    ),
    (["--bogus"], "无法识别的参数：--bogus", "unrecognized arguments: --bogus"),
    (
        ["nonsense"],
        "参数COMMAND：无效的选项'nonsense'",
        "argument COMMAND: invalid choice: 'nonsense'",
    ),
]


def _run(argv: list[str], language: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    set_language(language)
    with pytest.raises(SystemExit) as exited:
        main(["--lang", language, *argv] if argv[:1] != ["--lang"] else argv)
    captured = capsys.readouterr()
    assert captured.out == ""
    return int(exited.value.code or 0), captured.err


@pytest.mark.parametrize(("argv", "chinese", "english"), CASES)
def test_an_argument_error_is_one_line_in_chinese(
    argv: list[str], chinese: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(argv, "zh_CN", capsys)
    assert code == 2
    assert err.count("\n") == 1  # one line, no usage block
    assert chinese in err
    assert "usage:" not in err and "error:" not in err
    assert err.rstrip().endswith("--help）")


# An unknown --lang is itself the language asked for last, so its message is in the default.
@pytest.mark.parametrize(("argv", "chinese", "english"), [c for c in CASES if c[0][0] != "--lang"])
def test_an_argument_error_is_one_line_in_english(
    argv: list[str], chinese: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(argv, "en", capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert english in err
    assert ": error: " in err


def test_help_reads_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    set_language("zh_CN")
    with pytest.raises(SystemExit) as exited:
        main(["summary", "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：parktracker summary ")
    assert "选项：" in out or "选项:" in out
    assert "显示此帮助信息并退出" in out
    assert "usage:" not in out and "show this help message" not in out
