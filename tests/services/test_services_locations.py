"""Network drives and synced folders are recognised from the path, mount table and platform."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from parktracker.services import locations
from parktracker.services.locations import (
    M_ADVICE,
    M_NETWORK,
    M_NETWORK_WHY,
    M_SYNCED,
    M_SYNCED_WHY,
    Mount,
    Platform,
    assess,
    check_location,
    parse_mount_output,
    parse_mountinfo,
)

LINUX, MACOS, WINDOWS = Platform.LINUX, Platform.MACOS, Platform.WINDOWS

# /proc/self/mountinfo of a workstation: local disks, a NAS over NFS and SMB, an sshfs mount,
# an automounted NFS share (autofs first, then the share over it), WSL's 9p drive, and a mount
# point with a space and Chinese characters (written as octal escapes of UTF-8 bytes).
MOUNTINFO = r"""22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
23 22 0:21 / /proc rw,nosuid shared:12 - proc proc rw
24 22 0:5 / /dev rw,nosuid shared:2 - devtmpfs udev rw
30 22 0:26 / /tmp rw,nosuid shared:9 - tmpfs tmpfs rw
41 22 259:3 / /home rw,relatime shared:30 - ext4 /dev/nvme0n1p3 rw
60 22 0:50 / /mnt/nas rw,relatime shared:40 - nfs4 nas.local:/export rw,vers=4.2
61 60 259:4 / /mnt/nas/scratch rw,relatime shared:41 - ext4 /dev/sdb1 rw
62 22 0:51 / /mnt/share rw,relatime shared:42 - cifs //fileserver/发改委 rw,vers=3.1.1
63 41 0:52 / /home/li/remote rw,nosuid shared:43 - fuse.sshfs li@server:/data rw
64 22 0:53 / /net/archive rw shared:44 - autofs /etc/auto.net rw
65 64 0:54 / /net/archive rw shared:45 - nfs archive:/vol rw
66 22 0:55 / /mnt/c rw,noatime - 9p C:\134 rw,aname=drvfs
67 41 259:5 / /home/li/My\040Disk rw shared:46 opt:x - ext4 /dev/sdc1 rw
68 22 0:56 / /mnt/\345\235\232\346\236\234 rw shared:47 - smb3 //nas/jgy rw
"""

# `mount` on macOS: the system volume, an SMB and an AFP share, a USB stick.
MAC_MOUNT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//li@fileserver/%E5%8F%91%E6%94%B9%E5%A7%94 on /Volumes/发改委 (smbfs, nodev, mounted by li)
afp_3bZ9R1-1.2d000006 on /Volumes/Archive (afpfs, nodev, nosuid, mounted by li)
/dev/disk4s1 on /Volumes/USB STICK (msdos, local, nodev, nosuid, noowners, mounted by li)
"""


@pytest.fixture(scope="module")
def linux_mounts() -> list[Mount]:
    return parse_mountinfo(MOUNTINFO)


def test_mountinfo_is_parsed_with_escapes_and_optional_fields(linux_mounts: list[Mount]) -> None:
    by_point = {m.mount_point: m for m in linux_mounts}
    assert by_point["/mnt/nas"] == Mount("/mnt/nas", "nfs4", "nas.local:/export")
    assert by_point["/home/li/My Disk"].fs_type == "ext4"  # \040 and an extra optional field
    assert by_point["/mnt/坚果"].fs_type == "smb3"  # UTF-8 bytes written as octal escapes
    assert len(linux_mounts) == 14


@pytest.mark.parametrize(
    ("path", "fs_type"),
    [
        ("/mnt/nas/园区/parktracker.db", "nfs4"),
        ("/mnt/share/parktracker.db", "cifs"),
        ("/home/li/remote/parktracker.db", "fuse.sshfs"),
        ("/net/archive/2024/parktracker.db", "nfs"),  # the share mounted over its autofs point
        ("/mnt/c/Users/li/parktracker.db", "9p"),  # WSL's view of the Windows drive
        ("/mnt/坚果/parktracker.db", "smb3"),
    ],
)
def test_linux_network_file_systems(linux_mounts: list[Mount], path: str, fs_type: str) -> None:
    risk = assess(path, mounts=linux_mounts, platform=LINUX)
    assert risk is not None and risk.kind == "network"
    assert risk.where == M_NETWORK and risk.args == (fs_type,)
    assert fs_type in risk.render()


@pytest.mark.parametrize(
    "path",
    [
        "/home/li/.local/share/ParkTracker/parktracker.db",
        "/tmp/parktracker.db",
        "/mnt/nas/scratch/parktracker.db",  # a local disk mounted inside the NFS share
        "/mnt/nas2/parktracker.db",  # a sibling, not inside /mnt/nas
        "/home/li/My Disk/parktracker.db",
        "/home/li/data/dropbox-export.db",  # the file's own name does not make it synced
    ],
)
def test_linux_local_paths_are_safe(linux_mounts: list[Mount], path: str) -> None:
    assert assess(path, mounts=linux_mounts, platform=LINUX) is None


def test_macos_mount_output(tmp_path: Path) -> None:
    mounts = parse_mount_output(MAC_MOUNT)
    assert [m.fs_type for m in mounts] == ["apfs", "apfs", "smbfs", "afpfs", "msdos"]
    assert mounts[4].mount_point == "/Volumes/USB STICK"
    smb = assess("/Volumes/发改委/园区/p.db", mounts=mounts, platform=MACOS)
    afp = assess("/Volumes/Archive/p.db", mounts=mounts, platform=MACOS)
    assert smb is not None and smb.args == ("smbfs",)
    assert afp is not None and afp.args == ("afpfs",)
    assert assess("/Volumes/USB STICK/p.db", mounts=mounts, platform=MACOS) is None
    assert assess("/Users/li/Documents/p.db", mounts=mounts, platform=MACOS) is None


def test_linux_mount_output_format() -> None:
    mounts = parse_mount_output("nas:/export on /mnt/nas type nfs4 (rw,relatime)\n")
    assert mounts == [Mount("/mnt/nas", "nfs4", "nas:/export")]


@pytest.mark.parametrize(
    ("path", "share"),
    [
        (r"\\fileserver\发改委\园区\parktracker.db", r"\\fileserver\发改委"),
        ("//fileserver/share/parktracker.db", r"\\fileserver\share"),
        (r"\\?\UNC\fileserver\share\parktracker.db", r"\\fileserver\share"),
    ],
)
def test_windows_unc_paths(path: str, share: str) -> None:
    risk = assess(path, mounts=[], platform=WINDOWS)
    assert risk is not None and risk.kind == "network" and risk.args == (share,)


def test_windows_mapped_network_drive() -> None:
    mounts = [Mount("Z:\\", "remote")]  # what windows_mounts() reports for DRIVE_REMOTE
    for path in (r"Z:\园区\parktracker.db", r"z:\parktracker.db"):
        risk = assess(path, mounts=mounts, platform=WINDOWS)
        assert risk is not None and risk.kind == "network" and risk.args == ("Z:\\",)
    for path in (r"C:\Users\li\AppData\Roaming\ParkTracker\parktracker.db", r"\\?\C:\p.db"):
        assert assess(path, mounts=mounts, platform=WINDOWS) is None


@pytest.mark.parametrize(
    ("platform", "path", "service"),
    [
        (WINDOWS, r"C:\Users\li\OneDrive\文档\parktracker.db", "OneDrive"),
        (WINDOWS, r"C:\Users\li\OneDrive - 青岛市发展和改革委员会\p.db", "OneDrive"),
        (MACOS, "/Users/li/Library/CloudStorage/OneDrive-Personal/p.db", "OneDrive"),
        (LINUX, "/home/li/Dropbox/园区/p.db", "Dropbox"),
        (WINDOWS, r"D:\Dropbox (Personal)\p.db", "Dropbox"),
        (MACOS, "/Users/li/Library/Mobile Documents/com~apple~CloudDocs/p.db", "iCloud Drive"),
        (WINDOWS, r"C:\Users\li\iCloudDrive\p.db", "iCloud Drive"),
        (WINDOWS, r"C:\Users\li\Nutstore\p.db", "坚果云 Nutstore"),
        (WINDOWS, r"C:\Users\li\Nutstore Files\我的坚果云\p.db", "坚果云 Nutstore"),
        (MACOS, "/Users/li/坚果云/p.db", "坚果云 Nutstore"),
        (WINDOWS, r"D:\BaiduSyncdisk\p.db", "百度网盘 Baidu Netdisk"),
        (WINDOWS, r"D:\BaiduNetdiskWorkspace\p.db", "百度网盘 Baidu Netdisk"),
        (WINDOWS, r"D:\百度网盘\同步空间\p.db", "百度网盘 Baidu Netdisk"),
        (WINDOWS, r"G:\My Drive\p.db", "Google Drive"),
        (WINDOWS, r"G:\我的云端硬盘\p.db", "Google Drive"),
        (MACOS, "/Users/li/Library/CloudStorage/GoogleDrive-li@gmail.com/My Drive/p.db", None),
        (WINDOWS, r"C:\Users\li\Documents\WPS Cloud Files\p.db", "WPS 云盘"),
        (WINDOWS, r"C:\Users\li\WPSDrive\1234\p.db", "WPS 云盘"),
        (MACOS, "/Users/li/Library/CloudStorage/Box-Box/p.db", "Box"),
    ],
)
def test_synced_folders(platform: Platform, path: str, service: str | None) -> None:
    risk = assess(path, mounts=[], platform=platform)
    assert risk is not None and risk.kind == "sync" and risk.where == M_SYNCED
    assert risk.args == ((service or "Google Drive"),)
    assert risk.args[0] in risk.render()


def test_the_warning_says_why_and_what_to_do(linux_mounts: list[Mount]) -> None:
    network = assess("/mnt/share/p.db", mounts=linux_mounts, platform=LINUX)
    synced = assess("/home/li/Dropbox/p.db", mounts=linux_mounts, platform=LINUX)
    assert network is not None and synced is not None
    assert (network.why, synced.why) == (M_NETWORK_WHY, M_SYNCED_WHY)
    assert "locks" in network.render() and "conflicting copies" in synced.render()
    for risk in (network, synced):
        assert risk.advice == M_ADVICE and "Save a Copy" in risk.render()
    assert network.render(lambda t: t.source.upper()).startswith("THIS DATABASE IS ON A NETWORK")


def test_a_network_drive_is_reported_before_a_sync_folder(linux_mounts: list[Mount]) -> None:
    risk = assess("/mnt/nas/Dropbox/p.db", mounts=linux_mounts, platform=LINUX)
    assert risk is not None and risk.kind == "network"


def test_check_location_on_this_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(locations, "mount_table", lambda platform=None: [])
    local = tmp_path / "local" / "p.db"
    assert check_location(local) is None
    # A symlink into a synced folder: the resolved path counts.
    synced = tmp_path / "Dropbox" / "p.db"
    synced.parent.mkdir()
    synced.write_bytes(b"")
    link = tmp_path / "p.db"
    link.symlink_to(synced)
    risk = check_location(link)
    assert risk is not None and risk.args == ("Dropbox",)
    # The mount table is consulted: here tmp_path is pretended to be an NFS mount.
    monkeypatch.setattr(
        locations, "mount_table", lambda platform=None: [Mount(str(tmp_path), "nfs", "nas:/x")]
    )
    risk = check_location(local)
    assert risk is not None and risk.kind == "network" and risk.args == ("nfs",)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mountinfo")
def test_the_real_mount_table_is_read() -> None:
    mounts = locations.mount_table(Platform.LINUX)
    assert any(m.mount_point == "/" for m in mounts)
    assert all(m.fs_type for m in mounts)
