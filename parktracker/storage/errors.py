"""Errors raised when a database cannot be opened or written, with user-facing messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill


class StorageError(Exception):
    """Base class: ``message`` is a translatable text with ``%1`` filled by ``args``."""

    message: Text = QT_TRANSLATE_NOOP("Storage", "The database could not be used: %1")

    def __init__(self, path: Path | str, *args: str) -> None:
        self.path = Path(path)
        self.args_text: tuple[str, ...] = (str(path), *args)
        super().__init__(self.render())

    def render(self, translate: Callable[..., str] | None = None) -> str:
        text = translate(self.message) if translate is not None else self.message.source
        return fill(str(text), self.args_text)


class DatabaseNotFound(StorageError):
    message = QT_TRANSLATE_NOOP("Storage", "No database file at %1.")


class DatabaseEmpty(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage", "%1 is an empty file, not a ParkTracker database. It was left untouched."
    )


class NotADatabase(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage", "%1 is not a SQLite database (wrong file type). It was left untouched."
    )


class NotParkTracker(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage", "%1 is a SQLite database, but not a ParkTracker one. It was left untouched."
    )


class DatabaseDamaged(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage", "%1 is damaged (%2). It was left untouched; restore it from a backup."
    )


class AmountsOutOfRange(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 holds amounts too large to add up (above the ceiling of 1 万亿元 for one figure),"
        " written by hand or by another program. Run “parktracker check” to list them."
        " The file was left untouched.",
    )


class DatabaseTooNew(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 was written by a newer version of ParkTracker (schema %2; this version reads up to %3)."
        " Please update ParkTracker. The file was left untouched.",
    )


class DatabaseExists(StorageError):
    message = QT_TRANSLATE_NOOP("Storage", "%1 already exists. Use --force to overwrite it.")


class DatabaseReadOnly(StorageError):
    message = QT_TRANSLATE_NOOP("Storage", "%1 is open read-only; changes cannot be saved.")


class NeedsUpgradeReadOnly(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 needs an upgrade to this version's schema, which a read-only file cannot take.",
    )


class WriteFailed(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage", "The change could not be saved to %1 (%2). Nothing was changed."
    )


class InterruptedChange(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 holds a change that was interrupted while it was being saved (%1-journal); it must"
        " be undone before the file can be read. Open the file normally, not read-only, and it"
        " is undone at once. The file was left untouched.",
    )


class NotRegularFile(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 is not a regular file (a device, a pipe or a system file), so it cannot be a"
        " ParkTracker database. It was left untouched.",
    )


class DatabaseUnreadable(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "You are not allowed to read %1 (permission denied). Ask whoever manages the file for"
        " access. It was left untouched.",
    )


class NameTooLong(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage", "The file name %1 is longer than the file system allows. Choose a shorter one."
    )


class FileUnusable(StorageError):
    message = QT_TRANSLATE_NOOP("Storage", "%1 could not be used (%2). It was left untouched.")


class FolderReadOnly(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 is in WAL mode with changes still only in %1-wal, and its folder is read-only, so"
        " SQLite cannot read it there. Copy the file with its -wal file to a folder you can"
        " write, or ask for write access. It was left untouched.",
    )


class ForeignSchema(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 holds parts ParkTracker did not create (%2): someone changed the file outside"
        " ParkTracker, and they could alter or erase data as it is edited. It can be opened"
        " read-only.",
    )


class HeldByAnother(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Storage",
        "%1 is open in ParkTracker by %2 on %3 (process %4) since %5."
        " Close it there first. Nothing was changed.",
    )


def os_refusal(path: Path | str, exc: OSError) -> StorageError:
    """The refusal for a file the operating system would not let us use."""
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM):
        return DatabaseUnreadable(path)
    if exc.errno == errno.ENAMETOOLONG:
        return NameTooLong(path)
    if exc.errno == errno.ENOENT:
        return DatabaseNotFound(path)
    return FileUnusable(path, exc.strerror or str(exc))
