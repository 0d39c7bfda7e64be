"""SpanIndex answers as a scan over every span would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from accord.extraction.spans import SpanIndex

spans = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=20,
)


@given(spans, st.integers(0, 240), st.integers(0, 240), st.integers(1, 40))
def test_span_index_agrees_with_a_scan(items, position, start, length) -> None:
    index = SpanIndex(items)
    end = start + length
    assert index.covers(position) == any(a <= position < b for a, b in items)
    assert index.encloses(start, end) == any(a <= start and end <= b for a, b in items)
    assert index.overlaps(start, end) == any(a < end and start < b for a, b in items)
