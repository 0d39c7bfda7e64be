"""Readers running beside a writer see the store before or after a write, never half of it."""

from __future__ import annotations

import threading

from accord.sharing import SYSTEM
from accord.store import Store
from tests.factories import checked, identity


def test_readers_never_see_a_half_written_import(store: Store) -> None:
    objects, versions = checked(*[identity(f"Org {n}") for n in range(15_000)])
    seen: set[int] = set()
    errors: list[BaseException] = []
    writing = threading.Event()
    done = threading.Event()

    def read() -> None:
        try:
            writing.wait()
            while not done.is_set():
                seen.add(store.stats(viewer=SYSTEM).objects)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for reader in readers:
        reader.start()

    def progress(written: int, total: int) -> None:
        writing.set()

    store.put_objects(objects, versions, date_added="2026-05-01T00:00:00Z", progress=progress)
    seen.add(store.stats(viewer=SYSTEM).objects)
    done.set()
    for reader in readers:
        reader.join()
    assert errors == []
    assert seen == {0, 15_000}  # readers ran during the write and were not blocked by it
