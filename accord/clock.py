"""Seams for time and identifiers, so tests can fix both and compare bytes exactly."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Protocol


def format_timestamp(moment: datetime) -> str:
    """RFC 3339 UTC with microseconds, the form Accord writes (e.g. date_added)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that starts at `start` and advances by `step` on every reading."""

    def __init__(self, start: datetime, step: timedelta = timedelta(0)) -> None:
        self._next = start
        self._step = step

    def now(self) -> datetime:
        current = self._next
        self._next = current + self._step
        return current


class IdFactory(Protocol):
    def new(self, type_name: str) -> str: ...


class RandomIds:
    def new(self, type_name: str) -> str:
        return f"{type_name}--{uuid.uuid4()}"


class SequentialIds:
    """Deterministic ids for golden tests: UUIDs 00000000-0000-4000-8000-000000000001, ..."""

    def __init__(self) -> None:
        self._counter: Iterator[int] = iter(range(1, 2**48))

    def new(self, type_name: str) -> str:
        return f"{type_name}--00000000-0000-4000-8000-{next(self._counter):012x}"
