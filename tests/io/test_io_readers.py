"""Reading every shape of file the parks send: the format from the content, merged header
cells filled, encodings and delimiters found, and every bad file refused with a message."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from import_shapes import (
    TITLE,
    csv_bytes,
    projects_html,
    projects_ods,
    projects_spreadsheet_ml,
    projects_xls,
    projects_xlsx,
)

from parktracker.domain.import_errors import ImportFailure
from parktracker.io.detect import Format, detect
from parktracker.io.readers import read_bytes, read_pasted
from parktracker.io.sheets import MAX_ROWS

ROWS = [
    [
        1,
        "集成电路",
        "芯片封装测试项目（一期）",
        "在建",
        125000,
        2000,
        dt.date(2023, 12, 1),
        dt.date(2024, 1, 15),
        "备注一",
    ],
    [
        2,
        "青岛市人工智能产业园",
        "算力中心",
        "已签约",
        50000.5,
        None,
        dt.date(2023, 11, 8),
        None,
        None,
    ],
]


def header_of(sheet_rows: list[list[object]]) -> tuple[list[object], list[object]]:
    return sheet_rows[1], sheet_rows[2]


@pytest.mark.parametrize(
    ("build", "fmt"),
    [
        (projects_xlsx, "xlsx"),
        (projects_xls, "xls"),
        (projects_spreadsheet_ml, "xml"),
        (projects_html, "html"),
    ],
)
def test_each_format_reads_title_merged_header_and_rows(build, fmt: str) -> None:
    book = read_bytes(build(ROWS))

    assert book.format == fmt
    rows = book.sheets[0].rows
    assert rows[0][0] == TITLE
    top, sub = header_of(rows)
    # merged cells carry their top-left value: 投资情况 over both of its columns, 序号 down
    assert top[4] == top[5] == "投资情况"
    assert top[6] == top[7] == "时间节点"
    assert sub[0] == "序号" and sub[2] == "项目名称"
    assert sub[4] == "计划总投资（万元）" and sub[7] == "开工时间"
    first = rows[3]
    assert first[1] == "集成电路" and first[2] == "芯片封装测试项目（一期）"
    assert first[4] in (125000, "125000")
    assert rows[4][4] in (50000.5, "50000.5")


def test_xlsx_date_cells_are_dates() -> None:
    rows = read_bytes(projects_xlsx(ROWS)).sheets[0].rows
    assert rows[3][7] in (dt.date(2024, 1, 15), dt.datetime(2024, 1, 15))


def test_xls_date_cells_are_dates() -> None:
    rows = read_bytes(projects_xls(ROWS)).sheets[0].rows
    assert rows[3][7] in (dt.date(2024, 1, 15), dt.datetime(2024, 1, 15))


def test_ods_reads_header_rows_and_cells() -> None:
    book = read_bytes(projects_ods(ROWS))
    assert book.format == "ods"
    rows = book.sheets[0].rows
    assert rows[0][0] == TITLE
    assert rows[1][4] == "计划总投资（万元）"
    assert rows[2][:5] == [1, "集成电路", "芯片封装测试项目（一期）", "在建", 125000]
    assert rows[2][6] in (dt.date(2023, 12, 1), dt.datetime(2023, 12, 1))


def test_detection_ignores_the_name_and_reads_the_content() -> None:
    assert detect(projects_xlsx(ROWS)) is Format.XLSX
    assert detect(projects_xls(ROWS)) is Format.XLS
    assert detect(projects_spreadsheet_ml(ROWS)) is Format.SPREADSHEET_ML
    assert detect(projects_html(ROWS)) is Format.HTML
    assert detect(projects_ods(ROWS)) is Format.ODS
    assert detect(b"a,b\n1,2\n") is Format.TEXT


CSV_ROWS = [["所属园区", "项目名称", "计划总投资（万元）"], ["集成电路", "芯片（一期）", "125,000"]]


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-8", "utf-8"),
        ("utf-16", "utf-16"),
    ],
)
def test_csv_encodings(encoding: str, expected: str) -> None:
    book = read_bytes(csv_bytes(CSV_ROWS, encoding=encoding))

    assert book.encoding == expected
    assert book.sheets[0].rows == CSV_ROWS


def test_a_gb18030_file_is_not_mistaken_for_utf8() -> None:
    data = csv_bytes(CSV_ROWS, encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert read_bytes(data).sheets[0].rows[1][1] == "芯片（一期）"


@pytest.mark.parametrize("delimiter", ["\t", ";", ","])
def test_delimiters_are_sniffed(delimiter: str) -> None:
    book = read_bytes(csv_bytes(CSV_ROWS, encoding="utf-8", delimiter=delimiter))
    assert book.sheets[0].rows == CSV_ROWS


def test_text_pasted_from_excel() -> None:
    book = read_pasted("所属园区\t项目名称\t计划总投资（万元）\n集成电路\t芯片（一期）\t125,000\n")
    assert book.sheets[0].rows == CSV_ROWS


def test_html_in_gbk_with_a_charset_meta() -> None:
    book = read_bytes(projects_html(ROWS, charset="gbk"))
    assert book.sheets[0].rows[3][2] == "芯片封装测试项目（一期）"


def expect_failure(data: bytes, fragment: str) -> ImportFailure:
    with pytest.raises(ImportFailure) as caught:
        read_bytes(data)
    assert fragment in caught.value.render()
    return caught.value


def test_not_a_spreadsheet() -> None:
    expect_failure(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not a spreadsheet")


def test_an_empty_file() -> None:
    expect_failure(b"", "no data")
    expect_failure(b"  \r\n ", "no data")


def test_a_damaged_xlsx() -> None:
    data = projects_xlsx(ROWS)
    expect_failure(data[: len(data) // 2], "damaged")


def test_a_zip_that_is_no_workbook() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    expect_failure(out.getvalue(), "not a spreadsheet")


def test_an_encrypted_xlsx() -> None:
    # Excel stores a password-protected workbook as an OLE2 container holding EncryptedInfo
    # and EncryptedPackage streams; the directory names are UTF-16.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    directory = (
        "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50 + "EncryptedPackage".encode("utf-16-le")
    )
    expect_failure(header + directory + b"\x00" * 1024, "password")


def test_a_zip_bomb_is_refused_before_unpacking() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (60 * 1024 * 1024))
    failure = expect_failure(out.getvalue(), "unsafe")
    assert "200" in failure.render()


def test_an_xml_bomb_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
        b"<Row><Cell><Data>&lol2;</Data></Cell></Row></Table></Worksheet></Workbook>"
    )
    expect_failure(bomb, "unsafe")


def test_a_damaged_spreadsheet_ml() -> None:
    data = projects_spreadsheet_ml(ROWS)
    expect_failure(data[: len(data) // 2], "damaged")


def test_too_many_rows() -> None:
    data = ("a,b\n" + "1,2\n" * (MAX_ROWS + 1)).encode()
    expect_failure(data, "more than 100000 rows")


def test_too_big_a_file(tmp_path, monkeypatch) -> None:
    from parktracker.io import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.csv"
    path.write_bytes(b"a,b\n" * 1000)
    with pytest.raises(ImportFailure) as caught:
        readers.read_path(path)
    assert "MB" in caught.value.render()


def test_a_missing_file(tmp_path) -> None:
    from parktracker.io.readers import read_path

    with pytest.raises(ImportFailure) as caught:
        read_path(tmp_path / "nope.xlsx")
    assert "cannot be read" in caught.value.render()
