"""The dashboard cards' figures of the default as-of date over all parks, as last computed,
kept in the file (:mod:`parktracker.storage.card_snapshot`): the window shows them in its first
paint while they are computed again in the background.

They are shown only while the file holds exactly the data they were computed from (its change
counter still has the value the snapshot's own write left); any other write, by ParkTracker or
anything else, makes them stale, and a stale snapshot is never shown. Without data, the
default date is today's, so no snapshot is kept.

The figures are stored as JSON, each value in the form its declared type gives (no pickle: a
file may come from anyone), and read back only when every field is there and of its type.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from enum import Enum
from fractions import Fraction
from functools import cache
from typing import Any

from parktracker import __version__
from parktracker.domain.money import Money
from parktracker.domain.periods import YearMonth
from parktracker.services.card_faces import Faces
from parktracker.services.dashboard_contents import Kpis
from parktracker.services.handles import Database
from parktracker.storage import card_snapshot as store
from parktracker.storage.reporting import latest_data_month

FORMAT = 1  # bumped when the stored form changes


class _Unreadable(ValueError):
    """A stored value that is not what its type says."""


def _encode(value: Any) -> Any:
    if isinstance(value, Money | YearMonth | Fraction | dt.date | Enum):
        return _encode_leaf(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return [[_encode(k), _encode(v)] for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return _encode_leaf(value)


def _encode_leaf(value: Any) -> Any:
    if isinstance(value, Enum):
        value = value.value
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Money):
        return value.yuan
    if isinstance(value, Fraction):
        return [value.numerator, value.denominator]
    if isinstance(value, YearMonth):
        return [value.year, value.month]
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _int(raw: Any) -> int:
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise _Unreadable(raw)
    return raw


def _of(kind: type) -> Any:
    def check(raw: Any) -> Any:
        if type(raw) is not kind:
            raise _Unreadable(raw)
        return raw

    return check


def _fraction(raw: Any) -> Fraction:
    numerator, denominator = _pair(raw)
    return Fraction(_int(numerator), _int(denominator))


def _year_month(raw: Any) -> YearMonth:
    year, month = _pair(raw)
    return YearMonth(_int(year), _int(month))


def _date(raw: Any) -> dt.date:
    if not isinstance(raw, str):
        raise _Unreadable(raw)
    return dt.date.fromisoformat(raw)


_LEAVES: dict[Any, Any] = {
    bool: _of(bool),
    int: _int,
    str: _of(str),
    Money: lambda raw: Money(_int(raw)),
    Fraction: _fraction,
    YearMonth: _year_month,
    dt.date: _date,
}


def _decode(kind: Any, raw: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if raw is None and type(None) in typing.get_args(kind):
            return None
        real = [o for o in typing.get_args(kind) if o is not type(None)]
        if len(real) != 1:
            raise _Unreadable(kind)
        return _decode(real[0], raw)
    if origin is dict:
        key_kind, value_kind = typing.get_args(kind)
        if not isinstance(raw, list):
            raise _Unreadable(raw)
        return {_decode(key_kind, k): _decode(value_kind, v) for k, v in (_pair(p) for p in raw)}
    if origin in (tuple, list):
        args = typing.get_args(kind)
        if not isinstance(raw, list) or (origin is tuple and args[-1:] != (Ellipsis,)):
            raise _Unreadable(raw)
        items = [_decode(args[0], item) for item in raw]
        return tuple(items) if origin is tuple else items
    leaf = _LEAVES.get(kind)
    if leaf is None and isinstance(kind, type) and issubclass(kind, Enum):
        leaf = kind  # from its value
    if leaf is not None:
        return leaf(raw)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        names = [f.name for f in dataclasses.fields(kind)]
        if not isinstance(raw, dict) or sorted(raw) != sorted(names):
            raise _Unreadable(raw)
        return kind(**{name: _decode(hints[name], raw[name]) for name in names})
    raise _Unreadable(kind)


def _pair(raw: Any) -> tuple[Any, Any]:
    if not isinstance(raw, list) or len(raw) != 2:
        raise _Unreadable(raw)
    return raw[0], raw[1]


def encode(kpis: Kpis, faces: Faces | None = None) -> str:
    """``kpis`` in their stored form, with the cards' words as shown (``faces``), if given."""
    stored: dict[str, Any] = {"format": FORMAT, "version": __version__, "kpis": _encode(kpis)}
    if faces is not None:
        stored["faces"] = faces
    return json.dumps(stored, ensure_ascii=False)


def decode(text: str) -> Kpis | None:
    """The cards stored as ``text``; None when they are not in the form this version stores."""
    try:
        stored = json.loads(text)
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            return None
        if stored.get("version") != __version__:
            return None  # computed by another version of ParkTracker, maybe by other rules
        kpis = _decode(Kpis, stored.get("kpis"))
    except (ValueError, TypeError, KeyError, ArithmeticError):
        return None
    return kpis if isinstance(kpis, Kpis) else None


def data_stamp(db: Database) -> int | None:
    """A stamp of the data in the file now (None: none can be had). Taken before and after the
    cards are computed: when both agree, the cards are of that data."""
    return store.data_stamp(db)


def load(db: Database) -> Kpis | None:
    """The cards of the default as-of date over all parks, if they were computed from exactly
    the data the file holds now; None otherwise (none kept, stale, or unreadable)."""
    found = load_stamped(db)
    return None if found is None else found[0]


def load_stamped(db: Database) -> tuple[Kpis, int] | None:
    """As :func:`load`, with the stamp of the data they are of (to keep them again with)."""
    found = store.read(db)
    if found is None or found[1] is None:
        return None
    kpis = decode(found[0])
    if kpis is None or kpis.park is not None:
        return None
    return kpis, found[1]


def save(db: Database, kpis: Kpis, *, stamp: int | None, faces: Faces | None = None) -> bool:
    """Keep ``kpis`` (the default as-of date's, over all parks) if the file still holds the
    data they were computed from (``stamp``, from :func:`data_stamp`), with the cards' words
    as the window showed them (``faces``, :mod:`parktracker.services.card_faces`), if given.
    Returns whether it did."""
    if stamp is None or kpis.park is not None or db.readonly:
        return False
    if latest_data_month(db) is None:
        return False  # no data: the default date is today's, and tomorrow another
    return store.write(db, encode(kpis, faces), seen=stamp)


__all__ = ["data_stamp", "decode", "encode", "load", "load_stamped", "save"]
