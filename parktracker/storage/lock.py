"""One writer per database: a lock file beside it naming who holds it.

``<database>.lock`` holds JSON: host, user, process id and since when. A second ParkTracker that
finds a live lock opens the database read-only. Locks from another host are respected: that
machine may be writing over a network share.

The claim itself is an operating-system lock on the lock file (``fcntl.flock`` on POSIX, a
``msvcrt`` byte lock on Windows), held for as long as the database is open: the system releases
it when the process ends, however it ends, and only one process can hold it at a time. So a
lock left by a crashed ParkTracker (its OS lock is gone) is taken over by exactly one of any
number of processes that find it together, and the file's JSON only says *who* holds it. A lock
whose content cannot be read as a holder (garbage, a process id no system uses) is stale. A
lock naming a live process on this computer is respected even when its OS lock is free
(a ParkTracker from before the OS lock was used). On a file system without OS locks (some
network shares) the content alone decides, as it did before.

The lock sits beside the file a symbolic link points to, so a link and its target share one
lock.
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

# Process ids are 32-bit on every system ParkTracker runs on; anything else is invalid content.
_MAX_PID = 2**32 - 1
_WINDOWS_LOCK_OFFSET = 2**30  # a byte far past the JSON, so readers are not blocked


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
    real = Path(os.path.realpath(db_path))
    return real.with_name(real.name + ".lock")


def _pid_alive(pid: int) -> bool:
    if pid <= 0 or pid > _MAX_PID:
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
    except PermissionError:
        return True  # alive, another user's
    except (ProcessLookupError, OverflowError, ValueError, OSError):
        return False  # gone, or no such process id on this system
    return True


def parse_lock(text: str) -> LockInfo | None:
    """The holder a lock file's text names, or None for anything that is not a valid lock
    (which is then stale): every field present, with the right type, and a possible pid."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    host, user, pid, since = (data.get(k) for k in ("host", "user", "pid", "since"))
    if not all(isinstance(v, str) for v in (host, user, since)):
        return None
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid <= _MAX_PID:
        return None
    return LockInfo(str(host), str(user), pid, str(since))


def read_lock(db_path: Path) -> LockInfo | None:
    try:
        text = lock_path(db_path).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parse_lock(text)


def _read_settled(db_path: Path, attempts: int = 10, pause: float = 0.05) -> LockInfo | None:
    """The holder of a lock whose OS lock another process holds. That process writes who it is
    just after claiming the file, so an empty, half-written or stale content (the crashed
    holder it is taking over from) is read again for a moment."""
    for _ in range(attempts - 1):
        info = read_lock(db_path)
        if (info is not None and not is_stale(info)) or not lock_path(db_path).exists():
            return info
        time.sleep(pause)
    return read_lock(db_path)


def is_stale(info: LockInfo) -> bool:
    return info.host == hostname() and not _pid_alive(info.pid)


# ---------------------------------------------------------------- the OS lock
def _os_lock(fd: int) -> bool:
    """Take the OS lock on the open lock file without waiting; False when another has it."""
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import errno
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        # A file system without OS locks (some network shares): the lock file's content is
        # then all there is, as before OS locks were used.
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL):
            return True
        raise
    return True


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (a releasing holder may have
    unlinked it after this process opened it)."""
    try:
        there = os.stat(path)
    except OSError:
        return False
    here = os.fstat(fd)
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read_fd(fd: int) -> LockInfo | None:
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while chunk := os.read(fd, 65536):
        data += chunk
        if len(data) > 1 << 20:
            return None
    try:
        return parse_lock(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def _write_fd(fd: int, info: LockInfo) -> None:
    data = json.dumps(info.__dict__, ensure_ascii=False).encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, data)
    os.fsync(fd)


@dataclass
class _Held:
    fd: int
    info: LockInfo
    users: int


# Locks this process holds, by lock file: opening the same database twice in one process (the
# GUI reopening its file) shares the one OS lock rather than fighting itself for it.
_held: dict[str, _Held] = {}


class DatabaseLock:
    """A held lock; release it when the database is closed."""

    def __init__(self, db_path: Path, info: LockInfo) -> None:
        self.db_path = db_path
        self.info = info
        self._key = str(lock_path(db_path))
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        held = _held.get(self._key)
        if held is None:
            return
        held.users -= 1
        if held.users > 0:
            return
        del _held[self._key]
        path = Path(self._key)
        try:
            if _same_file(held.fd, path):
                with contextlib.suppress(OSError):
                    path.unlink()  # while still holding the OS lock
        finally:
            os.close(held.fd)  # releases the OS lock
        if os.name == "nt":  # pragma: no cover - an open file cannot be unlinked there
            current = read_lock(self.db_path)
            if current is not None and (current.host, current.pid) == (
                held.info.host,
                held.info.pid,
            ):
                with contextlib.suppress(OSError):
                    path.unlink()


def acquire(db_path: Path) -> DatabaseLock | LockInfo:
    """Take the lock, or return who holds it. A stale or invalid lock is taken over.

    Returns the holder's :class:`LockInfo` when another live process has it (or a lock names
    another computer); raises OSError when the folder cannot be written (the caller then opens
    read-only).
    """
    path = lock_path(db_path)
    key = str(path)
    held = _held.get(key)
    if held is not None:
        held.users += 1
        return DatabaseLock(db_path, held.info)
    mine = LockInfo.mine()
    for _ in range(20):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _os_lock(fd):
                os.close(fd)
                holder = _read_settled(db_path)
                return holder if holder is not None else LockInfo("?", "?", 0, "")
            if not _same_file(fd, path):
                os.close(fd)  # released and removed meanwhile: claim the new file
                continue
            holder = _read_fd(fd)
            ours = holder is not None and (holder.host, holder.pid) == (mine.host, mine.pid)
            if holder is not None and not is_stale(holder) and not ours:
                os.close(fd)  # an older ParkTracker here, or any process on another computer
                return holder
            _write_fd(fd, mine)
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
        _held[key] = _Held(fd, mine, 1)
        return DatabaseLock(db_path, mine)
    holder = read_lock(db_path)
    return holder if holder is not None else LockInfo("?", "?", 0, "")
