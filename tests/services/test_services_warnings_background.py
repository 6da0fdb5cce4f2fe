"""The dashboard's warning count, made in the background: the projects are read a chunk at a
time (a write in the window waits for one chunk, not the whole count), and the lights counted
are those of a count made at once; told to stop (a change came), it ends and gives nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from parktracker.services import warnings
from parktracker.services.reporting import default_as_of
from parktracker.storage import parks, warning_facts
from parktracker.storage.database import Database


def _day(db: Database) -> dt.date:
    return default_as_of(db)


def test_the_chunks_hold_the_rows_read_at_once(demo_db: Database) -> None:
    day = _day(demo_db)
    park = parks.all_parks(demo_db)[0].id
    for park_id in (None, park):
        at_once = list(warning_facts.each_project_fact_row(demo_db, day, park_id=park_id))
        chunks = list(warning_facts.project_fact_chunks(demo_db, day, park_id=park_id, size=7))
        assert len(chunks) > 3  # the demo's projects span several chunks of 7 ids
        assert sorted((row for chunk in chunks for row in chunk), key=repr) == sorted(
            at_once, key=repr
        )
        assert at_once


def test_a_count_in_the_background_counts_the_lights_of_a_count_at_once(
    demo_db: Database, demo_path: Path
) -> None:
    day = _day(demo_db)
    for park in (None, parks.all_parks(demo_db)[0]):
        park_id = None if park is None else park.id
        counted = warnings.counts_in_file(demo_path, as_of=day, park_id=park_id)
        assert counted == warnings.counts(demo_db, as_of=day, park=park)
        assert counted is not None and counted.total > 0


def test_a_count_told_to_stop_gives_nothing(demo_db: Database, demo_path: Path) -> None:
    day = _day(demo_db)
    asked: list[bool] = []

    def stop() -> bool:  # a change comes once the count has begun
        asked.append(True)
        return len(asked) > 1

    assert warnings.counts_in_file(demo_path, as_of=day, stop=stop) is None
    never = warnings.counts_in_file(demo_path, as_of=day, stop=lambda: False)
    assert never == warnings.counts(demo_db, as_of=day)


def test_an_empty_file_counts_no_lights(new_db: Database) -> None:
    assert list(warning_facts.project_fact_chunks(new_db, dt.date(2024, 6, 30))) == []
    counted = warnings.counts_in_file(Path(new_db.path), as_of=dt.date(2024, 6, 30))
    assert counted == warnings.LightCounts(0, 0)
