"""Is a database file somewhere that endangers it: a network file system or a synced folder?

SQLite's atomic commit relies on the file system honouring its locks and on ``fsync``: network
file systems (NFS, SMB/CIFS, sshfs…) may not, and sync clients (OneDrive, Dropbox, iCloud,
坚果云, 百度网盘…) copy the file while it is being written. The app warns once per file.

:func:`assess` is a pure function of the path, the mount table and the platform, so tests can
inject any of them; :func:`check_location` gathers the real ones (``/proc/self/mountinfo`` on
Linux, ``mount`` on macOS, the drive types on Windows).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from parktracker.domain.i18n_markers import QT_TRANSLATE_NOOP, Text, fill

M_NETWORK = QT_TRANSLATE_NOOP("Location", "This database is on a network drive (%1).")
M_NETWORK_WHY = QT_TRANSLATE_NOOP(
    "Location",
    "Network file systems may not honour the file locks SQLite relies on, so two computers can"
    " write at the same time and damage the file, and a connection dropped in the middle of a"
    " save can lose the change.",
)
M_SYNCED = QT_TRANSLATE_NOOP("Location", "This database is in a folder synced by %1.")
M_SYNCED_WHY = QT_TRANSLATE_NOOP(
    "Location",
    "Sync clients copy the file while it is being written: they can upload a half-written"
    " copy, create conflicting copies, or replace your latest changes with an older version"
    " from another computer.",
)
M_ADVICE = QT_TRANSLATE_NOOP(
    "Location",
    "Keep the database in a local folder that is not synced (for example the default data"
    " folder), and share it through backups or File → Save a Copy.",
)

# File system types (as Linux's mountinfo and macOS's mount name them) that live on another
# machine. FUSE file systems appear as "fuse.<program>".
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afpfs",
        "webdav",
        "davfs",
        "fuse.davfs2",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.glusterfs",
        "glusterfs",
        "ceph",
        "fuse.ceph",
        "afs",
        "ncpfs",
        "9p",
        "lustre",
        "gpfs",
        "remote",  # Windows: a drive letter whose type is DRIVE_REMOTE (see windows_mounts)
    }
)

# Sync services and the folder names their clients create, lower case. A path component that
# equals a name, or starts with a prefix, puts the path in that service's folder.
_SYNC_NAMES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # (service, exact names, prefixes)
    ("OneDrive", (), ("onedrive",)),  # OneDrive, "OneDrive - Contoso", OneDrive-Personal
    ("Dropbox", (), ("dropbox",)),  # Dropbox, "Dropbox (Personal)", Dropbox-…
    ("iCloud Drive", ("mobile documents", "com~apple~clouddocs"), ("icloud drive", "iclouddrive")),
    ("坚果云 Nutstore", (), ("nutstore", "我的坚果云", "坚果云")),
    (
        "百度网盘 Baidu Netdisk",
        (),
        ("baidunetdisk", "baidu netdisk", "baidusyncdisk", "百度网盘", "百度云"),
    ),
    ("Google Drive", ("my drive", "我的云端硬盘"), ("google drive", "googledrive")),
    (
        "WPS 云盘",
        (),
        ("wps cloud files", "wpsdrive", "wps云盘", "wps云文档", "wps网盘", "wps同步盘"),
    ),
)


class Platform(Enum):
    LINUX = "linux"
    MACOS = "macos"
    WINDOWS = "windows"

    @classmethod
    def current(cls) -> Platform:
        if sys.platform == "win32":
            return cls.WINDOWS
        if sys.platform == "darwin":
            return cls.MACOS
        return cls.LINUX


@dataclass(frozen=True, slots=True)
class Mount:
    """One entry of the mount table: where a file system is mounted and its type."""

    mount_point: str
    fs_type: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class LocationRisk:
    """What endangers the database: ``where`` it is (filled with ``args``), ``why`` that is a
    risk, and the ``advice``."""

    kind: str  # "network" or "sync"
    what: str  # the share, mount source or sync service found
    where: Text
    args: tuple[str, ...]
    why: Text
    advice: Text = M_ADVICE

    def render(self, translate: Callable[[Text], str] | None = None) -> str:
        """The whole warning in the user's language (English sources without ``translate``)."""

        def tr(text: Text) -> str:
            return translate(text) if translate is not None else text.source

        return " ".join((fill(tr(self.where), self.args), tr(self.why), tr(self.advice)))


# ---------------------------------------------------------------- the pure part


def _pure(path: str, platform: Platform) -> PurePath:
    return PureWindowsPath(path) if platform is Platform.WINDOWS else PurePosixPath(path)


def _unc_share(path: PureWindowsPath) -> str | None:
    r"""``\\server\share`` for a UNC path (also ``\\?\UNC\server\share``), else None."""
    text = str(path).replace("/", "\\")
    lowered = text.lower()
    if lowered.startswith("\\\\?\\unc\\"):
        text = "\\\\" + text[8:]
    elif lowered.startswith(("\\\\?\\", "\\\\.\\")):
        return None  # a device or extended-length local path
    if not text.startswith("\\\\"):
        return None
    parts = [p for p in text[2:].split("\\") if p]
    return "\\\\" + "\\".join(parts[:2]) if parts else None


def _containing_mount(path: PurePath, mounts: list[Mount], platform: Platform) -> Mount | None:
    """The mount whose mount point is the longest prefix of ``path`` (of equal ones the last,
    which was mounted over the others, as an NFS share over its autofs point)."""
    best: Mount | None = None
    best_len = -1
    for mount in mounts:
        point = _pure(mount.mount_point, platform)
        if platform is Platform.WINDOWS:
            inside = str(path).casefold().startswith(str(point).casefold())
        else:
            inside = path == point or point in path.parents
        if inside and len(point.parts) >= best_len:
            best, best_len = mount, len(point.parts)
    return best


def sync_service(path: PurePath) -> str | None:
    """The sync service whose folder holds the file ``path``, from the folder names, or None
    (the file's own name does not count: "dropbox-notes.db" in a local folder is fine)."""
    folders = path.parent.parts
    parts = [p.casefold() for p in folders]
    for service, names, prefixes in _SYNC_NAMES:
        for part in parts:
            if part in names or part.startswith(prefixes):
                return service
    # macOS File Provider folders: ~/Library/CloudStorage/<Provider>-<account>/…
    for index, part in enumerate(parts[:-1]):
        if part == "cloudstorage" and index > 0 and parts[index - 1] == "library":
            return folders[index + 1].split("-")[0] or "CloudStorage"
    return None


def assess(path: str, *, mounts: list[Mount], platform: Platform) -> LocationRisk | None:
    """What endangers a database at ``path`` (absolute), given the mount table; None if safe.

    A network file system is reported before a sync folder: it is the graver risk."""
    pure = _pure(path, platform)
    if isinstance(pure, PureWindowsPath):
        share = _unc_share(pure)
        if share is not None:
            return LocationRisk("network", share, M_NETWORK, (share,), M_NETWORK_WHY)
    mount = _containing_mount(pure, mounts, platform)
    if mount is not None and mount.fs_type.casefold() in NETWORK_FS_TYPES:
        what = mount.source or mount.mount_point
        label = mount.fs_type if mount.fs_type != "remote" else mount.mount_point
        return LocationRisk("network", what, M_NETWORK, (label,), M_NETWORK_WHY)
    service = sync_service(pure)
    if service is not None:
        return LocationRisk("sync", service, M_SYNCED, (service,), M_SYNCED_WHY)
    return None


def _unescape_mountinfo(field: str) -> str:
    r"""mountinfo writes space, tab, newline and backslash as octal escapes (``\040``)."""
    out: list[str] = []
    index = 0
    while index < len(field):
        chunk = field[index : index + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            index += 4
        else:
            out.append(field[index])
            index += 1
    # Mount points may hold UTF-8 (e.g. 坚果云): the escapes were bytes, decode them together.
    text = "".join(out)
    with contextlib.suppress(UnicodeError):
        text = text.encode("latin-1").decode("utf-8")
    return text


def parse_mountinfo(text: str) -> list[Mount]:
    """Linux ``/proc/self/mountinfo``: ``id parent maj:min root mountpoint opts… - type src …``."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if "-" not in fields[6:]:
            continue
        dash = fields.index("-", 6)
        if len(fields) < dash + 2:
            continue
        source = fields[dash + 2] if len(fields) > dash + 2 else ""
        mounts.append(Mount(_unescape_mountinfo(fields[4]), fields[dash + 1], source))
    return mounts


def parse_mount_output(text: str) -> list[Mount]:
    """The output of ``mount``: macOS ``src on /point (type, opts…)`` or Linux
    ``src on /point type fstype (opts…)``."""
    mounts = []
    for line in text.splitlines():
        source, sep, rest = line.partition(" on ")
        if not sep:
            continue
        if " type " in rest:  # Linux / BSD with "type"
            point, _, tail = rest.rpartition(" type ")
            fs_type = tail.split(" ", 1)[0]
        elif rest.endswith(")") and " (" in rest:  # macOS
            point, _, tail = rest.rpartition(" (")
            fs_type = tail.rstrip(")").split(",", 1)[0].strip()
        else:
            continue
        mounts.append(Mount(point, fs_type, source))
    return mounts


# ---------------------------------------------------------------- gathering the real inputs

DRIVE_REMOTE = 4


def windows_mounts() -> list[Mount]:  # pragma: no cover - exercised on Windows only
    """Drive letters mapped to network shares, as ``Mount("Z:\\", "remote")``."""
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = int(kernel32.GetLogicalDrives())
    mounts = []
    for index in range(26):
        if mask & (1 << index):
            root = f"{chr(ord('A') + index)}:\\"
            if int(kernel32.GetDriveTypeW(root)) == DRIVE_REMOTE:
                mounts.append(Mount(root, "remote"))
    return mounts


def mount_table(platform: Platform | None = None) -> list[Mount]:
    """This machine's mount table; empty when it cannot be read (then only names are checked)."""
    platform = platform or Platform.current()
    try:
        if platform is Platform.WINDOWS:  # pragma: no cover - Windows only
            return windows_mounts()
        if platform is Platform.MACOS:  # pragma: no cover - macOS only
            import subprocess

            result = subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False
            )
            return parse_mount_output(result.stdout)
        return parse_mountinfo(Path("/proc/self/mountinfo").read_text("utf-8", "replace"))
    except (OSError, ValueError):
        return []


def check_location(path: Path) -> LocationRisk | None:
    """:func:`assess` with this machine's mount table, for the path as given and as resolved
    (a symlink into a synced folder counts)."""
    platform = Platform.current()
    mounts = mount_table(platform)
    absolute = os.path.abspath(path)
    candidates = [absolute]
    with contextlib.suppress(OSError):
        resolved = os.path.realpath(path)
        if resolved != absolute:
            candidates.append(resolved)
    for candidate in candidates:
        risk = assess(candidate, mounts=mounts, platform=platform)
        if risk is not None:
            return risk
    return None
