"""Spreadsheets shaped as the parks really send them, built in the tests.

Each builder returns the file's bytes. The binary .xls is written with xlwt (a test-only
dependency); the SpreadsheetML and HTML ".xls" files are written as text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from html import escape
from xml.sax.saxutils import escape as xml_escape

TITLE = "2024年3月新兴产业专业园区重点项目调度表"
# A two-level header: 投资情况 above 计划总投资（万元）, 时间节点 above 签约时间 and 开工时间;
# 序号, 所属园区, 项目名称, 项目阶段 and 备注 merged down over both rows.
TOP = ["序号", "所属园区", "项目名称", "项目阶段", "投资情况", None, "时间节点", None, "备注"]
SUB = [
    None,
    None,
    None,
    None,
    "计划总投资（万元）",
    "本年完成投资（万元）",
    "签约时间",
    "开工时间",
    None,
]
MERGES = [(1, 4, 1, 5), (1, 6, 1, 7), *[(1, c, 2, c) for c in (0, 1, 2, 3, 8)]]


def projects_xlsx(rows: Sequence[Sequence[object]], *, title: str = TITLE) -> bytes:
    """Title row, merged two-level header, then ``rows`` (9 columns as TOP/SUB)."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "重点项目"
    ws.append([title])
    ws.merge_cells("A1:I1")
    ws.append(TOP)
    ws.append(SUB)
    for top, left, bottom, right in MERGES:
        ws.merge_cells(
            start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1
        )
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_xlsx(
    header: Sequence[object], rows: Sequence[Sequence[object]], *, sheet: str = "Sheet1"
) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows: Sequence[Sequence[object]], *, encoding: str, delimiter: str = ",") -> bytes:
    import csv

    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return text.getvalue().encode(encoding)


def projects_xls(rows: Sequence[Sequence[object]]) -> bytes:
    """Excel 97-2003 binary, with the same title, merged header and rows."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("重点项目")
    ws.write_merge(0, 0, 0, 8, TITLE)
    header = [TOP, SUB]
    done: set[tuple[int, int]] = set()
    for top, left, bottom, right in MERGES:
        ws.write_merge(top, bottom, left, right, header[top - 1][left])
        done.update((r, c) for r in range(top, bottom + 1) for c in range(left, right + 1))
    for r, values in enumerate(header, start=1):
        for c, value in enumerate(values):
            if (r, c) not in done and value is not None:
                ws.write(r, c, value)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, dt.date):
                ws.write(
                    r,
                    c,
                    dt.datetime.combine(value, dt.time())
                    if not isinstance(value, dt.datetime)
                    else value,
                    date_style,
                )
            else:
                ws.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ss_cell(value: object, attrs: str = "") -> str:
    if value is None:
        return f"<Cell{attrs}/>"
    if isinstance(value, dt.date):
        day = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        return f'<Cell{attrs}><Data ss:Type="DateTime">{day.isoformat()}.000</Data></Cell>'
    if isinstance(value, int | float):
        return f'<Cell{attrs}><Data ss:Type="Number">{value}</Data></Cell>'
    return f'<Cell{attrs}><Data ss:Type="String">{xml_escape(str(value))}</Data></Cell>'


def projects_spreadsheet_ml(rows: Sequence[Sequence[object]]) -> bytes:
    """Excel 2003 XML (SpreadsheetML), as web systems save it under a .xls name."""
    top = "".join(
        [
            _ss_cell("序号", ' ss:MergeDown="1"'),
            _ss_cell("所属园区", ' ss:MergeDown="1"'),
            _ss_cell("项目名称", ' ss:MergeDown="1"'),
            _ss_cell("项目阶段", ' ss:MergeDown="1"'),
            _ss_cell("投资情况", ' ss:MergeAcross="1"'),
            _ss_cell("时间节点", ' ss:MergeAcross="1"'),
            _ss_cell("备注", ' ss:MergeDown="1"'),
        ]
    )
    sub = "".join(
        _ss_cell(v, f' ss:Index="{i}"' if n == 0 else "")
        for n, (i, v) in enumerate(
            [
                (5, "计划总投资（万元）"),
                (6, "本年完成投资（万元）"),
                (7, "签约时间"),
                (8, "开工时间"),
            ]
        )
    )
    body = "".join("<Row>" + "".join(_ss_cell(v) for v in row) + "</Row>" for row in rows)
    title = _ss_cell(TITLE, ' ss:MergeAcross="8"')
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"'
        ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet ss:Name="重点项目"><Table>'
        f"<Row>{title}</Row>"
        f"<Row>{top}</Row><Row>{sub}</Row>{body}"
        "</Table></Worksheet></Workbook>"
    )
    return xml.encode("utf-8")


def projects_html(rows: Sequence[Sequence[object]], *, charset: str = "utf-8") -> bytes:
    """An HTML table with rowspan/colspan headers, as web reporting systems export ".xls"."""

    def td(value: object, extra: str = "") -> str:
        text = (
            ""
            if value is None
            else (value.isoformat() if isinstance(value, dt.date) else str(value))
        )
        return f"<td{extra}>{escape(text)}</td>"

    head = (
        f'<tr><td colspan="9">{TITLE}</td></tr>'
        '<tr><th rowspan="2">序号</th><th rowspan="2">所属园区</th><th rowspan="2">项目名称</th>'
        '<th rowspan="2">项目阶段</th><th colspan="2">投资情况</th><th colspan="2">时间节点</th>'
        '<th rowspan="2">备注</th></tr>'
        "<tr><th>计划总投资（万元）</th><th>本年完成投资（万元）</th><th>签约时间</th><th>开工时间</th></tr>"
    )
    body = "".join("<tr>" + "".join(td(v) for v in row) + "</tr>" for row in rows)
    html = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"</head><body><table border=1>{head}{body}</table></body></html>"
    )
    return html.encode("gb18030" if charset == "gbk" else charset)


def _ods_cell(value: object, spanned: int = 1) -> str:
    span = f' table:number-columns-spanned="{spanned}"' if spanned > 1 else ""
    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, dt.date):
        return (
            f'<table:table-cell{span} office:value-type="date"'
            f' office:date-value="{value.isoformat()}"><text:p>{value.isoformat()}</text:p>'
            "</table:table-cell>"
        )
    if isinstance(value, int | float):
        return (
            f'<table:table-cell{span} office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell{span} office:value-type="string"><text:p>{xml_escape(str(value))}'
        "</text:p></table:table-cell>"
    )


def projects_ods(rows: Sequence[Sequence[object]]) -> bytes:
    """An OpenDocument spreadsheet (LibreOffice, WPS), written as its XML in a zip."""
    import zipfile

    def row(cells: str) -> str:
        return f"<table:table-row>{cells}</table:table-row>"

    title = _ods_cell(TITLE, 9) + "<table:covered-table-cell/>" * 8
    header = "".join(_ods_cell(v) for v in ["序号", "所属园区", "项目名称", "项目阶段"])
    header += "".join(_ods_cell(v) for v in SUB[4:8]) + _ods_cell("备注")
    body = "".join(row("".join(_ods_cell(v) for v in r)) for r in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="重点项目">'
        f"{row(title)}{row(header)}{body}"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
