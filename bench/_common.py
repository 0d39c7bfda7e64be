"""Helpers for the benchmarks in bench/: timing, the raw reference loaders, fresh PostgreSQL
schemas, and pre-filled stores of synthetic copies of a bundle under fresh ids."""

from __future__ import annotations

import gc
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import psycopg

from accord.clock import SystemClock, format_timestamp
from accord.service import Accord
from accord.stix.bundle import check_bundle
from accord.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BUNDLE = REPO / ".." / "shared" / "data" / "enterprise-attack.json"

Timing = tuple[int, float]  # (objects, wall seconds)

RAW_TABLE = (
    "CREATE TABLE IF NOT EXISTS objects (id TEXT NOT NULL, type TEXT NOT NULL, created TEXT, "
    "modified TEXT NOT NULL, json {json} NOT NULL, PRIMARY KEY (id, modified))"
)
RAW_INDEX = "CREATE INDEX IF NOT EXISTS objects_type ON objects (type)"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class BenchError(Exception):
    """A measurement could not be taken (the import failed, or did not add every object)."""


def summary(runs: list[Timing]) -> dict[str, Any]:
    """Median, min and max objects/s over the runs (and every run, for the record)."""
    rates = [objects / seconds for objects, seconds in runs]
    return {
        "objects": runs[0][0],
        "objects_per_second": statistics.median(rates),
        "min": min(rates),
        "max": max(rates),
        "seconds_median": statistics.median(seconds for _, seconds in runs),
        "runs": [round(rate, 1) for rate in rates],
    }


def git_revision() -> str:
    """The commit the run measures, with "+dirty" when accord/ differs from it."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout

    dirty = git("status", "--porcelain", "--", "accord").strip()
    return git("rev-parse", "--short", "HEAD").strip() + ("+dirty" if dirty else "")


def runs(times: int, label: str, once: Callable[[int], Timing]) -> dict[str, Any]:
    """`once(n)` `times` times; the summary of its timings."""
    timings = []
    for number in range(times):
        timings.append(once(number))
        log(f"  {label} #{number + 1}: {timings[-1][0] / timings[-1][1]:,.0f} objects/s")
    return summary(timings)


def fresh_file(measure: Callable[[Path, Path], Timing], bundle: Path, tmp: Path) -> Timing:
    """`measure` into a new SQLite file, removed afterwards."""
    db = tmp / "fresh.db"
    remove_db(db)
    try:
        return measure(bundle, db)
    finally:
        remove_db(db)


# --- Accord ------------------------------------------------------------------------------
def accord_import(store: Store, bundle: Path) -> Timing:
    """Time one `Accord(store).import_path(bundle)`; every object must be added."""
    gc.collect()
    start = time.perf_counter()
    report = Accord(store).import_path(bundle)
    seconds = time.perf_counter() - start
    if report.error or report.added != report.objects:
        raise BenchError(
            f"Accord import of {bundle} did not add every object: {report.objects} objects, "
            f"{report.added} added, error: {report.error}"
        )
    return report.objects, seconds


def accord_into_file(bundle: Path, db: Path) -> Timing:
    """Import into the SQLite store at `db` (opened, not timed), then close it."""
    store = open_store(f"sqlite:///{db}")
    try:
        return accord_import(store, bundle)
    finally:
        store.close()


def accord_pg(bundle: Path, url: str) -> Timing:
    with pg_schema(url) as schema_url:
        store = open_store(schema_url)
        try:
            return accord_import(store, bundle)
        finally:
            store.close()


# --- raw limits --------------------------------------------------------------------------
def raw_rows(raw: bytes, *, text: bool = False) -> list[tuple[Any, ...]]:
    """(id, type, created, modified or created or '', json) for every object of the bundle."""
    return object_rows(orjson.loads(raw)["objects"], text=text)


def object_rows(objects: list[dict[str, Any]], *, text: bool = False) -> list[tuple[Any, ...]]:
    rows = []
    for obj in objects:
        data = orjson.dumps(obj)
        key = obj.get("modified") or obj.get("created") or ""
        rows.append(
            (obj["id"], obj["type"], obj.get("created"), key, data.decode() if text else data)
        )
    return rows


def raw_connect(db: Path) -> sqlite3.Connection:
    """The raw reference table at `db` (WAL, synchronous NORMAL), created when missing."""
    conn = sqlite3.connect(db, isolation_level=None)
    for sql in ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"):
        conn.execute(sql)
    conn.execute(RAW_TABLE.format(json="BLOB"))
    conn.execute(RAW_INDEX)
    return conn


def raw_insert(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO objects VALUES (?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")


def raw_sqlite(bundle: Path, db: Path) -> Timing:
    """orjson.loads + one executemany transaction into the raw table at `db` (new, or
    pre-filled); file bytes to commit."""
    conn = raw_connect(db)
    try:
        gc.collect()
        start = time.perf_counter()
        rows = raw_rows(bundle.read_bytes())
        raw_insert(conn, rows)
        return len(rows), time.perf_counter() - start
    finally:
        conn.close()


def raw_pg(bundle: Path, url: str) -> Timing:
    """orjson.loads + psycopg COPY in one transaction, into a fresh schema; bytes to commit."""
    with pg_schema(url) as schema_url, psycopg.connect(schema_url, autocommit=True) as conn:
        conn.execute(RAW_TABLE.format(json="TEXT"))
        conn.execute(RAW_INDEX)
        gc.collect()
        start = time.perf_counter()
        rows = raw_rows(bundle.read_bytes(), text=True)
        copy_sql = "COPY objects (id, type, created, modified, json) FROM STDIN"
        with conn.transaction(), conn.cursor() as cur, cur.copy(copy_sql) as copy:
            for row in rows:
                copy.write_row(row)
        return len(rows), time.perf_counter() - start


def stix2_parse(bundle: Path) -> Timing:
    import stix2

    gc.collect()
    start = time.perf_counter()
    parsed = stix2.parse(bundle.read_bytes().decode(), allow_custom=True)
    return len(parsed.objects), time.perf_counter() - start


# --- PostgreSQL schemas ------------------------------------------------------------------
def with_search_path(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    """A fresh, uniquely named schema; yields a URL whose search_path is it; drops it after."""
    name = f"accord_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield with_search_path(url, name)
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


def pg_version(url: str) -> str:
    with psycopg.connect(url) as conn:
        return str(conn.execute("SHOW server_version").fetchone()[0])


# --- pre-filled stores -------------------------------------------------------------------
def rewrite_ids(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A copy of `objects` under fresh UUIDs: each id, and every *_ref / *_refs value (at any
    depth) that points at one of them, rewritten consistently."""
    fresh = {obj["id"]: f"{obj['id'].partition('--')[0]}--{uuid.uuid4()}" for obj in objects}
    return [_rewrite(obj, fresh, "") for obj in objects]


def _rewrite(value: Any, fresh: dict[str, str], key: str) -> Any:
    if isinstance(value, dict):
        return {k: _rewrite(v, fresh, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite(v, fresh, key) for v in value]
    if isinstance(value, str) and (key == "id" or key.endswith(("_ref", "_refs"))):
        return fresh.get(value, value)
    return value


Level = tuple[Path, Path]  # pre-filled (Accord store, raw table) files


def build_levels(bundle: Path, tmp: Path, levels: list[int]) -> dict[int, Level]:
    """Per level (copies of the bundle already stored), an Accord SQLite store and a raw table
    pre-filled with the same synthetic copies; each level built on the previous one. Not timed."""
    objects = orjson.loads(bundle.read_bytes())["objects"]
    files: dict[int, Level] = {}
    previous = 0
    for copies in levels:
        level = (tmp / f"accord-{copies}.db", tmp / f"raw-{copies}.db")
        if files:
            for source, target in zip(files[previous], level, strict=True):
                copy_db(source, target)
        log(f"  pre-filling: {copies} copies ({copies * len(objects):,} objects) ...")
        prefill(level, objects, copies - previous)
        files[copies], previous = level, copies
    return files


def prefill(level: Level, objects: list[dict[str, Any]], copies: int) -> None:
    """Add `copies` synthetic copies of `objects` to both files of `level`: to the Accord store
    as one bundle each, and to the raw table as one transaction each (rows built as the raw
    reference builds them). Then checkpoint so each file alone holds its database."""
    store, conn = open_store(f"sqlite:///{level[0]}"), raw_connect(level[1])
    try:
        for number in range(copies):
            objects_copy = rewrite_ids(objects)
            raw_insert(conn, object_rows(objects_copy))  # rows first, from the copy untouched
            checked = check_bundle(f"copy-{number}", None, objects_copy)
            if checked.problems:
                raise BenchError(f"synthetic copy {number}: {checked.problems[0]}")
            now = format_timestamp(SystemClock().now())
            store.put_objects(checked.objects, checked.versions, date_added=now)
    finally:
        store.close()
        conn.close()
    for db in level:
        checkpoint(db)


def checkpoint(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def copy_db(source: Path, target: Path) -> None:
    """Copy a SQLite database file and its -wal file, if any, over `target`."""
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, target)
    if Path(f"{source}-wal").exists():
        shutil.copy(f"{source}-wal", f"{target}-wal")


def remove_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
