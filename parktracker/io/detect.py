"""Recognising a file's format by its content, never by its name."""

from __future__ import annotations

import io
import re
import zipfile
from enum import Enum

from parktracker.domain.import_errors import (
    MSG_BOMB,
    MSG_DAMAGED,
    MSG_ENCRYPTED,
    MSG_NOT_SPREADSHEET,
    ImportFailure,
)
from parktracker.io.sheets import MAX_RATIO, MAX_UNPACKED_BYTES

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


class Format(Enum):
    XLSX = "xlsx"  # also .xlsm, as Excel, WPS and LibreOffice write them
    ODS = "ods"
    XLS = "xls"  # Excel 97-2003 binary (BIFF in an OLE2 container)
    SPREADSHEET_ML = "xml"  # Excel 2003 XML ("SpreadsheetML"), often named .xls
    HTML = "html"  # an HTML table, as web reporting systems export ".xls"
    TEXT = "text"  # CSV, TSV or text pasted from Excel


_MSO = re.compile(rb"<\?mso-application[^>]*Excel\.Sheet", re.IGNORECASE)
_SS_NS = re.compile(rb"urn:schemas-microsoft-com:office:spreadsheet", re.IGNORECASE)
_HTML = re.compile(rb"<\s*(html|table|!doctype\s+html)\b", re.IGNORECASE)


def _head_text(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible text (UTF-16 files decoded), for sniffing markup."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16").encode("utf-8", "replace")
        except UnicodeDecodeError:
            return head
    return head


def detect(data: bytes) -> Format:
    """The format of ``data``; raises :class:`ImportFailure` for encrypted workbooks and for
    zip archives that are no spreadsheet or would unpack dangerously large."""
    if data.startswith(OLE2_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise ImportFailure(MSG_ENCRYPTED)
        return Format.XLS
    if data.startswith(ZIP_MAGIC):
        return _zip_format(data)
    head = _head_text(data)
    if _MSO.search(head) or (head.lstrip().startswith(b"<?xml") and _SS_NS.search(head)):
        return Format.SPREADSHEET_ML
    if _HTML.search(head):
        return Format.HTML
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailure(MSG_NOT_SPREADSHEET)
    return Format.TEXT


def _zip_format(data: bytes) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            check_unpacked_size(infos)
            if "mimetype" in names and archive.read("mimetype").strip() == _ODS_MIME:
                return Format.ODS
    except ImportFailure:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFailure(MSG_DAMAGED, type(exc).__name__) from None
    except Exception as exc:  # zipfile raises assorted errors on crafted archives
        raise ImportFailure(MSG_DAMAGED, type(exc).__name__) from None
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return Format.XLSX
    raise ImportFailure(MSG_NOT_SPREADSHEET)


def check_unpacked_size(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse archives whose members would unpack beyond the documented limits."""
    total = 0
    for info in infos:
        total += info.file_size
        big = info.file_size > 1024 * 1024
        if big and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFailure(MSG_BOMB, MAX_UNPACKED_BYTES // (1024 * 1024))
    if total > MAX_UNPACKED_BYTES:
        raise ImportFailure(MSG_BOMB, MAX_UNPACKED_BYTES // (1024 * 1024))
