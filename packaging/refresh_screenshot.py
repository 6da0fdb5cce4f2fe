"""Refresh the README's dashboard screenshot (docs/dashboard.png) with the smoke mode.

    python packaging/refresh_screenshot.py [--out docs/dashboard.png]

Runs ``python -m parktracker --smoke OUT`` offscreen on a fresh demo copy, with a private home,
data and settings folder (nothing of the user's is read or written), then checks the image
with packaging/check_screenshot.py.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dashboard.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="parktracker-screenshot-") as tmp:
        home = Path(tmp)
        env = dict(
            os.environ,
            HOME=str(home),
            QT_QPA_PLATFORM="offscreen",
            PARKTRACKER_DATA_DIR=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            MPLCONFIGDIR=str(home / "mpl"),
            PARKTRACKER_LANG="zh_CN",
        )
        out = args.out.resolve()
        subprocess.run(
            [sys.executable, "-m", "parktracker", "--smoke", str(out)], env=env, check=True
        )
    sys.path.insert(0, str(ROOT / "packaging"))
    from check_screenshot import check

    results = check(out)
    for ok, text in results:
        print(("ok   " if ok else "FAIL ") + text)
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
