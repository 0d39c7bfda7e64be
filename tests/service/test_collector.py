"""The collector pause of large writes (accord.service.collector)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from accord.service.collector import collector_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_it_runs_again_after_an_error_too() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the write failed")
    assert gc.isenabled()


def test_it_stays_off_until_the_last_of_overlapping_pauses_ends() -> None:
    first_in, first_may_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            first_may_end.wait(5)
        seen.append(gc.isenabled())

    thread = threading.Thread(target=first)
    thread.start()
    assert first_in.wait(5)
    with collector_paused():  # a second request in another thread, ending first
        pass
    assert not gc.isenabled()  # the first is still writing
    first_may_end.set()
    thread.join(5)
    assert seen == [True] and gc.isenabled()


def test_a_collector_the_program_turned_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()
