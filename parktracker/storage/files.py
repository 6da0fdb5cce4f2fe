"""Small file-system helpers shared by backups, copies, restores and new databases: keeping a
database's permissions on its copies, and claiming a free name atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path


def file_mode(path: Path) -> int | None:
    """The permission bits of ``path`` (POSIX), which its copies keep; None when unknown or on
    Windows, where files get their folder's permissions."""
    if os.name == "nt":  # pragma: no cover - Windows
        return None
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:
        return None


def private_folder_mode(path: Path) -> int:
    """The mode for a new folder of copies of ``path``: private (0700) when the file is readable
    by its owner only, else the usual 0777 (narrowed by the umask)."""
    mode = file_mode(path)
    return 0o700 if mode is not None and not mode & 0o077 else 0o777


def keep_mode(path: Path, mode: int | None) -> None:
    """Give ``path`` the permission bits ``mode`` (when known)."""
    if mode is not None:
        os.chmod(path, mode)


_NO_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS)


def claim_name(tmp: Path, names: Iterable[Path]) -> Path:
    """Move ``tmp`` to the first of ``names`` that no file has, atomically, and return it.

    A hard link is made (it fails if the name exists, so two processes can never both take
    one name) and ``tmp`` removed. Where the file system has no hard links, the name is first
    reserved with an exclusive create and then replaced by ``tmp``."""
    for name in names:
        try:
            os.link(tmp, name)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            try:
                os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                continue
            os.replace(tmp, name)
            return Path(name)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return Path(name)
    raise FileExistsError(errno.EEXIST, "no free name", str(tmp))
