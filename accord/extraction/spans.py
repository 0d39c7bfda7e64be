"""Questions about many spans answered in logarithmic time, so that checking every mention of a
long document against every other stays near-linear (a 2 MB text has tens of thousands)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from accord.extraction.findings import Span


class SpanIndex:
    """Spans sorted by start, with the running maximum of their ends."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]
        self._reach = list(accumulate((end for _, end in self._spans), max, initial=-1))[1:]

    def covers(self, position: int) -> bool:
        """Whether some span has start <= position < end."""
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and self._reach[index] > position

    def encloses(self, start: int, end: int) -> bool:
        """Whether some span has span.start <= start and end <= span.end."""
        index = bisect_right(self._starts, start) - 1
        while index >= 0 and self._reach[index] >= end:
            if self._spans[index][1] >= end:
                return True
            index -= 1
        return False

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        index = bisect_right(self._starts, end - 1) - 1
        return index >= 0 and self._reach[index] > start

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The spans that share a character with [start, end), in order."""
        index = bisect_right(self._starts, end - 1) - 1
        found = []
        while index >= 0 and self._reach[index] > start:
            if self._spans[index][1] > start:
                found.append(self._spans[index])
            index -= 1
        return found[::-1]
