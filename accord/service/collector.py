"""Python's cyclic garbage collector held off while a large batch of objects (a bundle or a
document imported, a TAXII envelope added) is parsed, checked and written.

A TAXII envelope of 1,000 ATT&CK objects parses into about 100,000 dicts and lists, all alive
until the write ends. In a server whose own heap is small, that many survivors trigger full
collections, each of which walks every one of them again: in ``accord serve`` a POST's parse
took 12 ms instead of 7 and its checks 18 ms instead of 15 (bench/README.md). The parsed
objects hold no cycles; what they hold is freed by reference counting as soon as the request
ends, with the collector paused or not. The pause is process-wide, so it is counted: the
collector runs again when the last batch in any thread has ended."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the cyclic collector off for the block, and in every thread while any block runs.
    A collector already disabled by the program stays so."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
