"""The one normal form of document text that every evidence span points into."""

from __future__ import annotations

import re
import unicodedata

_MANY_BLANK_LINES = re.compile(r"\n{4,}")
# Everything str.splitlines() breaks on besides \r and \n, so that lines counted either way
# agree. (A form feed is the page break PDF text carries.)
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def normalise_text(text: str) -> str:
    """Line breaks (every one `str.splitlines` knows) to \\n, no leading byte-order mark,
    NFC, no trailing whitespace on any line, at most two blank lines in a row, no blank lines
    at either end. Everything else (indentation, punctuation, quotes, dashes) is kept, so
    offsets still point at what the source says."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _OTHER_BREAKS.search(text):
        text = _OTHER_BREAKS.sub("\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # split/rstrip/join is several times faster than a multiline regex on large texts
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    if "\n\n\n\n" in text:
        text = _MANY_BLANK_LINES.sub("\n\n\n", text)
    return text.strip("\n")
