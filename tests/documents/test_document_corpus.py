"""The development corpus: every document loads, and its date of publication is the gold's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.documents import find_dates, load_path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
DEV, GOLD = CORPUS / "dev", CORPUS / "dev-gold"
DOCUMENTS = sorted(DEV.glob("*.txt")) if DEV.is_dir() else []
needs_corpus = pytest.mark.skipif(not DOCUMENTS, reason=f"the dev corpus is not at {DEV}")


def gold_published(path: Path) -> str | None:
    record = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    published: str | None = record["published"]
    return published


@needs_corpus
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_published_matches_gold(path: Path) -> None:
    document = load_path(path)
    published = document.published.isoformat() if document.published else None
    assert published == gold_published(path)


@needs_corpus
def test_every_document_loads_with_a_title_and_spans_that_point_into_it() -> None:
    for path in DOCUMENTS:
        document = load_path(path)
        assert document.title, path.name
        assert document.title in document.text
        for mention in find_dates(document.text, anchor=document.published):
            assert document.text[mention.start : mention.end] == mention.text
