"""The application's own log: a rotating file in the data folder's ``logs/``.

It records what a maintainer needs to understand a problem report: start-up, opening and closing
databases, each operation's name and duration, backups, warnings, and unexpected errors with
their tracebacks. It records no figures or names beyond what the audit log already holds
(operation names such as "Edit project" may name the record, as the audit log does).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOGGER_NAME = "parktracker"
LOG_FILE = "parktracker.log"
MAX_BYTES = 1_000_000  # per file; with BACKUP_COUNT older files at most ~6 MB in all
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d %(threadName)s] %(message)s"

log = logging.getLogger(LOGGER_NAME)


def log_dir() -> Path:
    """``logs/`` in the user's data folder (PARKTRACKER_DATA_DIR when set)."""
    from parktracker.services.workspace import data_dir

    return data_dir() / "logs"


def _is_ours(handler: logging.Handler) -> bool:
    return getattr(handler, "parktracker", False) is True


HELD_MAX = 1000  # records kept in memory until the file is opened


class _Held(logging.Handler):
    """Records logged before the log file is opened, kept to be written into it then."""

    parktracker = True

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < HELD_MAX:
            self.records.append(record)


def hold(*, debug: bool = False) -> None:
    """Log into memory until :func:`configure` opens the file: the GUI opens it once its first
    page is drawn (the rotating file handler's module loads socket and pickle, ~6 ms). Records
    keep their times; :func:`configure` writes them first."""
    _remove_ours()
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    held = _Held()
    log.addHandler(held)
    logging.getLogger("py.warnings").addHandler(held)
    logging.captureWarnings(True)


def held() -> bool:
    """Whether records are being held for a file not opened yet."""
    return any(isinstance(h, _Held) for h in log.handlers)


def _remove_ours() -> list[logging.LogRecord]:
    """Remove (and close) ParkTracker's handlers; the records they held, if any."""
    records: list[logging.LogRecord] = []
    for logger in (log, logging.getLogger("py.warnings")):
        for handler in [h for h in logger.handlers if _is_ours(h)]:
            logger.removeHandler(handler)
            if isinstance(handler, _Held) and not records:
                records = handler.records
            handler.close()
    return records


def configure(
    *, debug: bool = False, folder: Path | None = None, max_bytes: int = MAX_BYTES
) -> Path | None:
    """Send ParkTracker's log records (and Python warnings) to a rotating file.

    Returns the log file's path, or None when the folder cannot be created or written: the
    application then runs without a log file rather than not at all. Calling it again replaces
    the handler (tests, a second window) instead of adding another.
    """
    import logging.handlers

    target_dir = folder if folder is not None else log_dir()
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    warnings_log = logging.getLogger("py.warnings")
    earlier = _remove_ours()
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target_dir / LOG_FILE, maxBytes=max_bytes, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.parktracker = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(FORMAT))
    for record in earlier:
        handler.handle(record)
    log.addHandler(handler)
    warnings_log.addHandler(handler)
    logging.captureWarnings(True)
    return target_dir / LOG_FILE


@contextmanager
def timed(operation: str) -> Iterator[None]:
    """Log ``operation`` with its duration, and its failure if it raises."""
    start = time.perf_counter()
    try:
        yield
    except BaseException as exc:
        elapsed = (time.perf_counter() - start) * 1000
        log.warning("%s failed after %.1f ms: %s", operation, elapsed, type(exc).__name__)
        raise
    elapsed = (time.perf_counter() - start) * 1000
    log.info("%s took %.1f ms", operation, elapsed)
