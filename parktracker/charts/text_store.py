"""The charts' text work kept from one session for the next.

Drawing the dashboard's five charts the first time in a session lays out each of their strings
with FreeType (``FT2Font.set_text``, 0.1-0.8 ms a string with the Chinese font): the frame's
line widths, each string's size and its picture. The strings are mostly the same at every start
(titles, park names, notes, tick labels), and that work was about a fifth of drawing the charts
at start-up. :func:`save` writes what :mod:`parktracker.charts.screen_agg` holds to a file at
the end of a session; :func:`load` reads it back before the first chart is drawn. A string not
in the file is laid out as before.

The file holds plain numbers and pixel arrays (no pickle), with a fingerprint of everything the
numbers depend on: matplotlib's and FreeType's versions, the font and text settings, and the
font files the charts use (path, size, modification time). A file of another fingerprint, or
one that cannot be read, is ignored (the charts are then laid out from nothing, as before), and
replaced at the next save. The values are the very ones measured, so a chart drawn from them is
the chart drawn from nothing, pixel for pixel.
"""

from __future__ import annotations

import json
import os
import struct
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from parktracker.charts import screen_agg

MAGIC = b"PTCHTEXT"
FORMAT = 1
_HEADER = struct.Struct("<8sII")  # magic, format, length of the JSON part
MAX_BYTES = 16 * 1024 * 1024  # a file larger than this is not read (a few hundred KB is usual)


def fingerprint() -> str:
    """What the kept numbers depend on (compared as a whole: any change, nothing is used)."""
    import matplotlib as mpl
    from matplotlib import ft2font
    from matplotlib.font_manager import fontManager

    from parktracker.charts.fonts import ensure_fonts

    ensure_fonts()
    # Every font file of the families the charts ask for (any of them may be chosen).
    families = set(mpl.rcParams["font.family"])
    files: list[Any] = []
    for entry in fontManager.ttflist:
        if entry.name in families:
            stat = os.stat(entry.fname)
            files.append([str(entry.fname), entry.style, entry.weight, stat.st_size])
            files[-1].append(stat.st_mtime_ns)
    files.sort(key=repr)
    # (Only these keys are read: reading "backend" would choose a GUI backend.)
    settings = {
        key: repr(mpl.rcParams[key])
        for key in sorted(mpl.rcParams.keys())
        if key.startswith(("text.", "font.", "mathtext."))
    }
    return json.dumps(
        {
            "format": FORMAT,
            "matplotlib": mpl.__version__,
            "freetype": getattr(ft2font, "__freetype_version__", ""),
            "settings": settings,
            "files": files,
        },
        sort_keys=True,
    )


# ---------------------------------------------------------------- font properties as data
def _prop_key(prop: Any) -> list[Any]:
    return [
        list(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
        prop.get_math_fontfamily(),
    ]


def _prop(key: list[Any]) -> Any:
    from matplotlib.font_manager import FontProperties

    family, style, variant, weight, stretch, size, file, math = key
    prop = FontProperties(
        family=[str(name) for name in family],
        style=style,
        variant=variant,
        weight=weight,
        stretch=stretch,
        size=float(size),
        fname=file,
        math_fontfamily=math,
    )
    if _prop_key(prop) != key:  # it would not be found under the key it is stored with
        raise ValueError("font properties do not round-trip")
    return prop


# ---------------------------------------------------------------- saving
def save(path: Path) -> bool:
    """Write the text work held now to ``path`` (atomically), if anything was added since it
    was loaded or last saved; True if written. Never raises for a file it cannot write."""
    with screen_agg._lock:
        if not screen_agg._added[0]:
            return False
        metrics = list(screen_agg._metrics.items())
        pictures = list(screen_agg._pictures.items())
        widths = list(screen_agg._widths.items())
        added = screen_agg._added[0]
    try:
        header, blob = _encode(metrics, pictures, widths)
        header["fingerprint"] = fingerprint()
        data = json.dumps(header, ensure_ascii=False).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_HEADER.pack(MAGIC, FORMAT, len(data)))
                out.write(data)
                out.write(blob)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError, TypeError):
        return False
    with screen_agg._lock:
        screen_agg._added[0] -= added
    return True


def _encode(
    metrics: list[Any], pictures: list[Any], widths: list[Any]
) -> tuple[dict[str, Any], bytes]:
    blob = bytearray()
    pictures_out = []
    for (text, prop, dpi, antialiased), (picture, descent, x_offset, y_offset) in pictures:
        array = np.ascontiguousarray(picture, dtype=np.uint8)
        if array.ndim != 2:
            continue
        rows, columns = array.shape
        place = [len(blob), rows, columns, descent, x_offset, y_offset]
        pictures_out.append([text, _prop_key(prop), dpi, antialiased, *place])
        blob += array.tobytes()
    header = {
        "metrics": [[text, _prop_key(prop), dpi, *value] for (text, prop, dpi), value in metrics],
        "pictures": pictures_out,
        "widths": [
            [text, size, weight, list(family), width]
            for (text, size, weight, family), width in widths
        ],
    }
    return header, bytes(blob)


# ---------------------------------------------------------------- loading
def load(path: Path) -> int:
    """Add the text work kept in ``path`` to what :mod:`screen_agg` holds; the number of
    entries added (0 if the file is missing, unreadable, damaged or of another fingerprint)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return 0
        raw = path.read_bytes()
        magic, version, length = _HEADER.unpack_from(raw)
        if magic != MAGIC or version != FORMAT:
            return 0
        start = _HEADER.size
        header = json.loads(raw[start : start + length].decode("utf-8"))
        if header.get("fingerprint") != fingerprint():
            return 0
        blob = memoryview(raw)[start + length :]
        metrics, pictures, widths = _decode(header, blob)
    except (OSError, ValueError, TypeError, KeyError, IndexError, struct.error):
        return 0
    with screen_agg._lock:
        for cache, entries in (
            (screen_agg._metrics, metrics),
            (screen_agg._pictures, pictures),
            (screen_agg._widths, widths),
        ):
            room = screen_agg.MAX_ENTRIES - len(cache)
            for key, value in list(entries.items())[: max(room, 0)]:
                cache.setdefault(key, value)
    return len(metrics) + len(pictures) + len(widths)


def _decode(header: dict[str, Any], blob: memoryview) -> tuple[dict[Any, Any], ...]:
    props: dict[str, Any] = {}

    def prop(key: list[Any]) -> Any:
        name = json.dumps(key)
        if name not in props:
            props[name] = _prop(key)
        return props[name]

    metrics = {}
    for text, prop_key, dpi, width, height, descent in header["metrics"]:
        metrics[(str(text), prop(prop_key), float(dpi))] = (
            float(width),
            float(height),
            float(descent),
        )
    pictures = {}
    for entry in header["pictures"]:
        text, prop_key, dpi, antialiased, offset, rows, columns, descent, x_off, y_off = entry
        size = int(rows) * int(columns)
        if int(offset) < 0 or int(offset) + size > len(blob) or rows < 0 or columns < 0:
            raise ValueError("a picture outside the file")
        picture = np.frombuffer(blob, dtype=np.uint8, count=size, offset=int(offset))
        pictures[(str(text), prop(prop_key), float(dpi), bool(antialiased))] = (
            picture.reshape(int(rows), int(columns)).copy(),
            float(descent),
            float(x_off),
            float(y_off),
        )
    widths = {}
    for text, size, weight, family, width in header["widths"]:
        widths[(str(text), float(size), str(weight), tuple(str(f) for f in family))] = float(width)
    return metrics, pictures, widths
