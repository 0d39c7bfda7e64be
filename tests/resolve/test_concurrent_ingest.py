"""Two ingests at the same time, of two documents naming the same new person: one person.

Resolving (is this person stored already?) and writing must happen under the one writer, or
both ingests look, find nothing, and each creates the person under its own spelling. The
stores here are real; a gate makes the race certain instead of likely: each store holds its
writer at `put_objects` until the other writer arrives there too, or for a second. Had both
resolved before either wrote, both arrive and write what they resolved. When resolving is
under the writer's lock, the second cannot arrive while the first holds it: the first waits
out the second, writes and commits, and the second then resolves against it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from accord.service import Accord, ImportReport
from accord.sharing import SYSTEM
from accord.store import ObjectQuery, PutResult, Store, open_store
from accord.store.postgres import PostgresStore
from accord.store.sqlite import SQLiteStore

FIRST = (
    "Border chiefs meet in Termez\n\n12 May 2025\n\n"
    "The Chairman of the State Border Committee of the Republic of Uzbekistan, Colonel Timur "
    "Rashidov, received officials of the Border Service of the Republic of Kazakhstan for "
    "talks in Termez.\n"
)
SECOND = (
    "Follow-up in Astana\n\n20 June 2025\n\n"
    "Colonel T. Rashidov met officials of the OSCE Programme Office in Dushanbe in Astana "
    "to discuss drug trafficking across the Amu Darya.\n"
)
GATE_SECONDS = 1.0


class _Gated:
    """A store whose writes wait at a gate shared with the other store (see the module)."""

    gate: threading.Barrier

    def put_objects(self, *args: Any, **kwargs: Any) -> PutResult:
        # A broken gate: the other writer could not arrive (it waits for ours): go on.
        with contextlib.suppress(threading.BrokenBarrierError):
            self.gate.wait(timeout=GATE_SECONDS)
        result: PutResult = super().put_objects(*args, **kwargs)  # type: ignore[misc]
        return result


class GatedSQLite(_Gated, SQLiteStore):
    pass


class GatedPostgres(_Gated, PostgresStore):
    pass


def gated(url: str, gate: threading.Barrier) -> Store:
    path = url.removeprefix("sqlite:///")
    store: Store = GatedSQLite(path) if path != url else GatedPostgres(url)
    store.gate = gate  # type: ignore[attr-defined]
    return store


def ingest_together(stores: list[Store], paths: list[Path]) -> list[ImportReport]:
    """Ingest each path through its own store (maybe the same one) in its own thread."""
    reports: list[ImportReport] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(paths))

    def ingest(store: Store, path: Path) -> None:
        try:
            start.wait(timeout=10)
            reports.append(Accord(store).ingest_path(path))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [
        threading.Thread(target=ingest, args=pair) for pair in zip(stores, paths, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return reports


def rashidovs(url: str) -> list[dict[str, Any]]:
    store = open_store(url)
    try:
        people = store.query(ObjectQuery(types=["identity"], limit=1000), viewer=SYSTEM)
        return [p for p in people.objects() if "Rashidov" in p["name"]]
    finally:
        store.close()


def documents(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "termez.txt", tmp_path / "astana.txt"]
    for path, text in zip(paths, (FIRST, SECOND), strict=True):
        path.write_text(text)
    return paths


def two_stores(url: str, gate: threading.Barrier) -> list[Store]:
    return [gated(url, gate), gated(url, gate)]


def one_store(url: str, gate: threading.Barrier) -> list[Store]:
    store = gated(url, gate)
    return [store, store]


@pytest.mark.parametrize("stores", [two_stores, one_store], ids=["two stores", "one store"])
def test_two_ingests_naming_one_new_person_at_once_store_one_person(
    store_url: str, tmp_path: Path, stores: Callable[[str, threading.Barrier], list[Store]]
) -> None:
    opened = stores(store_url, threading.Barrier(2))
    try:
        reports = ingest_together(opened, documents(tmp_path))
    finally:
        for store in set(opened):
            store.close()
    assert [r.error for r in reports] == [None, None]
    assert sorted(r.document or "" for r in reports) == ["added", "added"]
    found = rashidovs(store_url)
    assert [p["name"] for p in found] in (["Timur Rashidov"], ["T. Rashidov"])


def test_two_ingests_of_one_new_spelling_store_one_version(store_url: str, tmp_path: Path) -> None:
    first, second = documents(tmp_path)
    second.write_text(SECOND.replace("T. Rashidov", "Timur Rashidov"))
    opened = two_stores(store_url, threading.Barrier(2))
    try:
        ingest_together(opened, [first, second])
    finally:
        for store in opened:
            store.close()
    (person,) = rashidovs(store_url)
    store = open_store(store_url)
    try:
        assert len(store.versions(person["id"], viewer=SYSTEM)) == 1
    finally:
        store.close()
