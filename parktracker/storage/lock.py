"""One writer per database: a lock file beside it naming who holds it.

``<database>.lock`` holds JSON: host, user, process id and since when. A second ParkTracker that
finds a live lock opens the database read-only. A lock left by a crashed process on the same
host (its process is gone) is stale and taken over. Locks from another host are respected:
that machine may be writing over a network share.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from parktracker.storage.audit import os_user


@dataclass(frozen=True)
class LockInfo:
    host: str
    user: str
    pid: int
    since: str

    @classmethod
    def mine(cls) -> LockInfo:
        return cls(
            host=hostname(),
            user=os_user(),
            pid=os.getpid(),
            since=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        )


def hostname() -> str:
    """This machine's name (without importing socket, which costs start-up time on POSIX)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - Windows

    return socket.gethostname()


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_lock(db_path: Path) -> LockInfo | None:
    try:
        data = json.loads(lock_path(db_path).read_text("utf-8"))
        return LockInfo(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _read_settled(db_path: Path, attempts: int = 10, pause: float = 0.05) -> LockInfo | None:
    """The lock's holder. Another instance writes its lock just after creating the file, so an
    empty or half-written lock is read again for a moment before it is judged unreadable (and
    taken over): otherwise two instances starting together could both win."""
    for _ in range(attempts - 1):
        info = read_lock(db_path)
        if info is not None or not lock_path(db_path).exists():
            return info
        time.sleep(pause)
    return read_lock(db_path)


def is_stale(info: LockInfo) -> bool:
    return info.host == hostname() and not _pid_alive(info.pid)


class DatabaseLock:
    """A held lock; release it when the database is closed."""

    def __init__(self, db_path: Path, info: LockInfo) -> None:
        self.db_path = db_path
        self.info = info

    def release(self) -> None:
        current = read_lock(self.db_path)
        if current is not None and current.pid == self.info.pid and current.host == self.info.host:
            with contextlib.suppress(OSError):
                lock_path(self.db_path).unlink()


def acquire(db_path: Path) -> DatabaseLock | LockInfo:
    """Take the lock, or return who holds it. A stale lock is replaced.

    Creation is atomic (O_EXCL), so two instances starting together cannot both win.
    Returns the holder's :class:`LockInfo` when another live process has it; raises OSError
    when the folder cannot be written (the caller then opens read-only).
    """
    path = lock_path(db_path)
    mine = LockInfo.mine()
    for _ in range(2):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _read_settled(db_path)
            ours = holder is not None and (holder.host, holder.pid) == (mine.host, mine.pid)
            if holder is not None and not is_stale(holder) and not ours:
                return holder  # a live process here, or any process on another computer
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # stale, unreadable or our own: take it over
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(mine.__dict__, handle, ensure_ascii=False)
        return DatabaseLock(db_path, mine)
    holder = read_lock(db_path)
    return holder if holder is not None else LockInfo("?", "?", 0, "")
