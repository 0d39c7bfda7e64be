"""A plain reading of an HTML page with the standard library: its visible text and its title.

The fallback for pages too small or too odd for trafilatura's main-text extraction: scripts,
styles, navigation, headers, footers and forms are dropped; block elements end a paragraph.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside",
     "form", "head", "iframe", "object", "button", "select"}
)  # fmt: skip
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
     "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "main", "figcaption", "hr"}
)  # fmt: skip
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr"})


_RAW_OPEN = re.compile(r"<(?P<tag>script|style)\b(?P<attrs>[^>]{0,2000})>|<!--", re.IGNORECASE)


def _raw_end(lowered: str, opening: re.Match[str]) -> int:
    """Where the element or comment that `opening` opens ends (the text length if never)."""
    closer = f"</{opening['tag'].lower()}" if opening["tag"] else "-->"
    close = lowered.find(closer, opening.end())
    if close < 0:
        return len(lowered)
    end = lowered.find(">", close)
    return len(lowered) if end < 0 else end + 1


def drop_scripts(markup: str) -> str:
    """The markup without scripts, styles and comments, in one linear pass (a page of
    nothing but scripts costs trafilatura quadratic time). JSON-LD scripts are kept: they
    carry the publication date."""
    lowered = markup.lower()
    kept: list[str] = []
    position = 0
    while (opening := _RAW_OPEN.search(markup, position)) is not None:
        end = _raw_end(lowered, opening)
        keep = "ld+json" in (opening["attrs"] or "").lower()
        kept.append(markup[position : end if keep else opening.start()])
        position = end
    kept.append(markup[position:])
    return "".join(kept)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []
        self.parts: list[str] = []
        self.in_title = False
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skipping.append(tag)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(" ".join(data.split()) if data.strip() else " ")


def page_text(markup: str) -> tuple[str, str | None]:
    """The visible text of a page, one paragraph per block, and its <title>."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    paragraphs = (" ".join(chunk.split()) for chunk in "".join(reader.parts).split("\n\n"))
    title = " ".join("".join(reader.title).split())
    return "\n\n".join(p for p in paragraphs if p), title or None
