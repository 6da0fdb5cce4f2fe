"""Writing an exported file safely: into a temporary file beside it, then renamed over it.

A failed export (full disk, no permission, a crash in the middle) leaves any existing file as
it was. A file open in Excel or WPS is locked on Windows: renaming over it fails with
``PermissionError``, which becomes a message asking to close it there. Every failure raises
:class:`ExportError`, whose :meth:`~ExportError.render` gives the sentence for the user.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill

Translate = Callable[..., str]

T_CANNOT_WRITE = QT_TRANSLATE_NOOP("Export", "Cannot write %1: %2")
T_LOCKED = QT_TRANSLATE_NOOP(
    "Export",
    "Cannot replace %1: the file is open in another program (Excel or WPS?)."
    " Close it there and try again, or choose another name.",
)
T_NO_FOLDER = QT_TRANSLATE_NOOP("Export", "the folder does not exist")
T_DENIED = QT_TRANSLATE_NOOP("Export", "permission denied")
T_DISK_FULL = QT_TRANSLATE_NOOP("Export", "the disk is full")
T_IS_FOLDER = QT_TRANSLATE_NOOP("Export", "a folder of that name is in the way")
T_READ_ONLY = QT_TRANSLATE_NOOP("Export", "the disk is read-only")

_REASONS = {
    errno.ENOENT: T_NO_FOLDER,
    errno.ENOTDIR: T_NO_FOLDER,
    errno.EACCES: T_DENIED,
    errno.EPERM: T_DENIED,
    errno.ENOSPC: T_DISK_FULL,
    errno.EDQUOT: T_DISK_FULL,
    errno.EISDIR: T_IS_FOLDER,
    errno.EROFS: T_READ_ONLY,
}


class ExportError(Exception):
    """An export could not be written (or was asked in a way that cannot work)."""

    def __init__(self, message: Text, *args: object, reason: Text | str | None = None) -> None:
        super().__init__(message.source, *args)
        self.message = message
        self.args_ = args
        self.reason = reason

    def render(self, tr: Translate) -> str:
        args: list[object] = list(self.args_)
        if self.reason is not None:
            args.append(self.reason if isinstance(self.reason, str) else tr(self.reason))
        return str(tr(self.message, *args))

    def __str__(self) -> str:
        return self.render(lambda text, *a: fill(text.source, a))


def os_error(
    path: Path,
    exc: OSError,
    *,
    message: Text = T_CANNOT_WRITE,
    error: type[ExportError] = ExportError,
) -> ExportError:
    """What the system refused, as the sentence for the user ("Cannot write %1: %2")."""
    return error(message, path, reason=_REASONS.get(exc.errno or 0) or exc.strerror or str(exc))


def atomic_write(
    path: Path | str,
    write: Callable[[IO[bytes]], None],
    *,
    message: Text = T_CANNOT_WRITE,
    error: type[ExportError] = ExportError,
) -> Path:
    """Call ``write`` on a temporary file beside ``path``, then rename it over ``path``.

    The temporary file is created with the usual permissions (umask applies, as for any new
    file) and removed if anything fails; an existing ``path`` is replaced only by a complete
    file. A failure raises ``error`` (an :class:`ExportError`) saying ``message`` ("Cannot
    write %1: %2") with the path and the reason.
    """
    path = Path(path)

    def failed(exc: OSError) -> ExportError:
        return os_error(path, exc, message=message, error=error)

    try:
        is_folder, folder_there = path.is_dir(), path.parent.is_dir()
    except OSError as exc:  # a name longer than the file system allows
        raise failed(exc) from exc
    if is_folder:
        raise error(message, path, reason=T_IS_FOLDER)
    if not folder_there:
        raise error(message, path, reason=T_NO_FOLDER)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise failed(exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.replace(temp, path)
        except PermissionError as exc:
            # Windows refuses to replace a file another program holds open (Excel, WPS).
            if path.exists():
                raise error(T_LOCKED, path) from exc
            raise
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise failed(exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
