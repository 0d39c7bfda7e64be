"""A plain reading of an HTML page with the standard library: its visible text and its title.

The fallback for pages too small or too odd for trafilatura's main-text extraction: scripts,
styles, navigation, headers, footers and forms are dropped; block elements end a paragraph.
"""

from __future__ import annotations

from html.parser import HTMLParser

from accord.documents.markup import escape_stray_brackets

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside",
     "form", "head", "iframe", "object", "button", "select"}
)  # fmt: skip
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
     "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "main", "figcaption", "hr"}
)  # fmt: skip
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "wbr"})


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
    reader.feed(escape_stray_brackets(markup))
    reader.close()
    paragraphs = (" ".join(chunk.split()) for chunk in "".join(reader.parts).split("\n\n"))
    title = " ".join("".join(reader.title).split())
    return "\n\n".join(p for p in paragraphs if p), title or None
