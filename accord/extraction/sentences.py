"""Sentences with their character spans, from spaCy's rule-based pipeline (the blank English
tokenizer knows "Mr.", "N." and "U.S." are not sentence ends) plus line breaks, which end
sentences in headlines, datelines and transcripts."""

from __future__ import annotations

from functools import cache
from typing import Any

from accord.extraction.findings import Span


@cache
def _pipeline() -> Any:
    import spacy
    from spacy.language import Language

    @Language.component("accord_line_breaks")
    def line_breaks(doc: Any) -> Any:
        for token in doc[1:]:
            if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
                token.is_sent_start = True
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("accord_line_breaks")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50_000_000
    return nlp


def sentences(text: str) -> list[Span]:
    doc = _pipeline()(text)
    spans = []
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        if text[start:end].strip():
            spans.append((start, end))
    return spans
