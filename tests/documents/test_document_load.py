"""Loading documents: every format, encodings, and every kind of bad input as one clear
FileReadError in bounded time."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from accord.documents import MAX_BYTES, Document, load_bytes, load_path
from accord.documents.model import MEDIA_DOCX, MEDIA_HTML, MEDIA_PDF, MEDIA_TEXT
from accord.errors import FileReadError, InputError
from tests.documents.builders import minimal_pdf, rewritten_pdf, word_document

STORY = (
    "Ministers meet in Baku to discuss border security\n"
    "\n"
    "21 March 2024\n"
    "\n"
    "BAKU - The interior ministers of Azerbaijan, Georgia and Türkiye met on Wednesday.\n"
)
PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers meet in Baku | Ministry of the Interior</title>
<meta property="og:title" content="Ministers meet in Baku">
<meta property="article:published_time" content="2024-03-20T09:00:00+00:00">
<script>var tracker = "SCRIPT-TEXT"; document.write("<p>injected</p>");</script>
<style>p { color: red } /* STYLE-TEXT */</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">NAV-TEXT News</a></li></ul></nav>
<article>
<h1>Ministers meet in Baku</h1>
<p>The interior ministers of Azerbaijan, Georgia and Türkiye met in Baku on Wednesday to
agree on joint patrols along the pipeline routes and on an exchange of liaison officers.</p>
<p>They also discussed drug trafficking across the Caspian Sea and the return of
foreign terrorist fighters, and agreed to meet again in Tbilisi next year.</p>
<script>console.log("SCRIPT-TEXT")</script>
</article>
<footer><p>FOOTER-TEXT Copyright 2024 Ministry of the Interior. All rights reserved.</p></footer>
</body></html>
"""


def read_error(data: bytes, source: str = "input", media_type: str | None = None) -> str:
    """The one-line message loading `data` fails with, checked to come within 10 s."""
    started = time.perf_counter()
    with pytest.raises(FileReadError) as caught:
        load_bytes(data, source=source, media_type=media_type)
    assert time.perf_counter() - started < 10
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{source}: ")
    return message


# --- plain text -----------------------------------------------------------------------


def test_text_loads_with_title_date_digest_and_source() -> None:
    data = STORY.encode()
    document = load_bytes(data, source="story.txt")
    assert isinstance(document, Document)
    assert document.media_type == MEDIA_TEXT
    assert document.title == "Ministers meet in Baku to discuss border security"
    assert document.published == date(2024, 3, 21)
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.source == "story.txt"
    assert document.text == STORY.rstrip("\n")


def test_text_is_normalised() -> None:
    raw = "\ufeffTitle line here  \r\nCafe\u0301 \t\r\n\r\n\r\n\r\n\r\nEnd\u2028of text\n\n"
    document = load_bytes(raw.encode(), source="raw.txt")
    assert document.text == "Title line here\nCafé\n\n\nEnd\nof text"
    assert document.text.splitlines() == document.text.split("\n")


@pytest.mark.parametrize(
    ("codec", "prefix"),
    [("latin-1", b""), ("cp1252", b""), ("utf-16", b""), ("utf-16-le", b""),
     ("utf-16-be", b""), ("utf-8", b"\xef\xbb\xbf")],
)  # fmt: skip
def test_text_encodings_are_detected(codec: str, prefix: bytes) -> None:
    text = (
        "Ministers meet in Genève and Zürich\n\n"
        "21 March 2024\n\n"
        "The délégués of the Conférence agreed on a plan. Größe, naïve, señor.\n"
    )
    document = load_bytes(prefix + text.encode(codec), source=f"{codec}.txt")
    assert document.text == text.strip()
    assert document.published == date(2024, 3, 21)


def test_cyrillic_legacy_encoding() -> None:
    text = "Совет безопасности провёл заседание в Москве.\n"
    assert load_bytes(text.encode("cp1251"), source="ru.txt").text == text.strip()


def test_first_line_that_is_not_a_headline_gives_no_title() -> None:
    first_sentence = "The ministers met in Baku. They agreed on joint patrols.\n\nMore text."
    assert load_bytes(first_sentence.encode(), source="a.txt").title is None
    dateline = "BEIJING, Sep 19 (APP)\n\nThe ministers met."
    assert load_bytes(dateline.encode(), source="b.txt").title is None


def test_section_label_above_the_headline_is_skipped() -> None:
    text = "Events\nOpening remarks at a meeting of Security Council secretaries\nMarch 21, 2003"
    document = load_bytes(text.encode(), source="kremlin.txt")
    assert document.title == "Opening remarks at a meeting of Security Council secretaries"
    assert document.published == date(2003, 3, 21)


def test_twenty_megabytes_of_text_load_fast() -> None:
    line = "The Council of Ministers of Internal Affairs met in Baku on 5-6 October 2010. Zürich.\n"
    data = (STORY + line * (20_000_000 // len(line))).encode()
    assert len(data) > 20_000_000
    started = time.perf_counter()
    document = load_bytes(data, source="big.txt")
    elapsed = time.perf_counter() - started
    assert document.published == date(2024, 3, 21)
    assert len(document.text) > 19_000_000
    assert elapsed < 5, f"20 MB took {elapsed:.2f} s"


# --- HTML -----------------------------------------------------------------------------


def test_html_main_text_without_scripts_navigation_or_footer() -> None:
    document = load_bytes(PAGE.encode(), source="page.html")
    assert document.media_type == MEDIA_HTML
    assert document.title == "Ministers meet in Baku"
    assert document.text.startswith("Ministers meet in Baku\n\n")
    assert "joint patrols" in document.text
    assert "Caspian Sea" in document.text
    for boilerplate in ("SCRIPT-TEXT", "STYLE-TEXT", "NAV-TEXT", "FOOTER-TEXT", "injected"):
        assert boilerplate not in document.text
    assert document.published == date(2024, 3, 20)  # from the meta tag: no date line


def test_html_date_line_in_the_text_wins_over_metadata() -> None:
    page = PAGE.replace("<h1>Ministers meet in Baku</h1>", "<h1>Ministers meet in Baku</h1>"
                        "<p>21 March 2024</p>")  # fmt: skip
    assert load_bytes(page.encode(), source="p.html").published == date(2024, 3, 21)


def test_html_is_found_by_content_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    assert load_path(path).media_type == MEDIA_HTML


def test_html_in_utf16_is_html() -> None:
    document = load_bytes(PAGE.encode("utf-16"), source="wide.html")
    assert document.media_type == MEDIA_HTML
    assert document.title == "Ministers meet in Baku"


def test_html_fragment_is_read_when_the_hint_says_html() -> None:
    fragment = b"Intro <b>text</b><p>The ministers met in Baku on 5 October 2022.</p>"
    assert load_bytes(fragment, source="f", media_type="text/plain").media_type == MEDIA_TEXT
    document = load_bytes(fragment, source="f", media_type="text/html; charset=utf-8")
    assert document.media_type == MEDIA_HTML
    assert "The ministers met in Baku on 5 October 2022." in document.text
    assert "<p>" not in document.text


def test_tiny_html_page_falls_back_to_the_plain_reading() -> None:
    document = load_bytes(b"<p>Short note.</p>", source="tiny.html")
    assert document.text == "Short note."


def test_html_full_of_scripts_is_refused_quickly() -> None:
    noise = "<script>var a = 1; function f() { return '<p>x</p>'; }</script>" * 100_000
    page = f"<html><head>{noise}</head><body>{noise}<style>p {{}}</style></body></html>"
    assert "no readable text" in read_error(page.encode(), "scripts.html")


@pytest.mark.parametrize("unit", ["<a ", "<script ", "</", "<!", '<a b=">', "<div>", "&#"])
def test_pathological_markup_is_read_in_bounded_time(unit: str) -> None:
    page = "<html><body><p>Hello there.</p>" + unit * (300_000 // len(unit))
    started = time.perf_counter()
    document = load_bytes(page.encode(), source="odd.html")
    assert time.perf_counter() - started < 10
    assert document.text.startswith("Hello there.")


def test_very_large_page_is_read_plainly_and_fast() -> None:
    paragraph = "<p>The ministers met in Baku to agree on joint border patrols.</p>\n"
    page = f"<html><body><nav>NAV-TEXT</nav>{paragraph * 60_000}</body></html>"
    started = time.perf_counter()
    document = load_bytes(page.encode(), source="big.html")
    assert time.perf_counter() - started < 10
    assert "NAV-TEXT" not in document.text
    assert document.text.count("joint border patrols") == 60_000


# --- PDF ------------------------------------------------------------------------------


def test_pdf_text_title_and_date() -> None:
    data = minimal_pdf(["Ministers meet in Baku", "21 March 2024", "The ministers met today."])
    document = load_bytes(data, source="m.pdf")
    assert document.media_type == MEDIA_PDF
    assert document.text.splitlines() == [
        "Ministers meet in Baku", "21 March 2024", "The ministers met today."
    ]  # fmt: skip
    assert document.title == "Ministers meet in Baku"
    assert document.published == date(2024, 3, 21)


def test_pdf_metadata_gives_title_and_date_the_text_lacks() -> None:
    data = rewritten_pdf(
        minimal_pdf(["The ministers met in Baku on Wednesday."]),
        metadata={"/Title": "Ministers meet", "/CreationDate": "D:20240320120000Z"},
    )
    document = load_bytes(data, source="m.pdf")
    assert document.title == "Ministers meet"
    assert document.published == date(2024, 3, 20)


def test_pdf_with_an_owner_password_only_is_read() -> None:
    data = rewritten_pdf(minimal_pdf(["Ministers meet"]), user_password="", owner_password="x")
    assert load_bytes(data, source="owner.pdf").text == "Ministers meet"


def test_pdf_is_found_by_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(minimal_pdf(["Ministers meet in Baku"]))
    assert load_path(path).media_type == MEDIA_PDF


# --- .docx ----------------------------------------------------------------------------


def test_docx_paragraphs_tables_title_and_created() -> None:
    data = word_document(
        "Ministers meet in Baku",
        ["The ministers met on Wednesday.", "They agreed to meet again."],
        title="Ministers meet",
        created=dt.datetime(2024, 3, 21, 9, 0),
        table=[["Country", "Delegate"], ["Azerbaijan", "R. Nadirov"]],
    )
    document = load_bytes(data, source="m.docx")
    assert document.media_type == MEDIA_DOCX
    assert document.text == (
        "Ministers meet in Baku\n\nThe ministers met on Wednesday.\n\n"
        "Country | Delegate\nAzerbaijan | R. Nadirov\n\nThey agreed to meet again."
    )
    assert document.title == "Ministers meet"
    assert document.published == date(2024, 3, 21)


def test_docx_without_title_property_takes_the_headline() -> None:
    data = word_document(
        "Ministers meet in Baku", ["17 June 2022", "Text."], created=dt.datetime(2024, 1, 1)
    )
    document = load_bytes(data, source="m.docx")
    assert document.title == "Ministers meet in Baku"
    assert document.published == date(2022, 6, 17)  # the date line, not the file's creation


# --- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  "])
def test_empty_input(data: bytes) -> None:
    assert read_error(data, "empty.txt") == "empty.txt: the file is empty"


def test_random_bytes_are_not_a_text_document() -> None:
    noise = hashlib.sha512(b"seed").digest() * 2000  # deterministic, incompressible-looking
    assert read_error(noise, "noise.bin") == "noise.bin: not a text document (binary data)"


def test_control_characters_are_not_a_text_document() -> None:
    data = bytes(range(1, 32)) * 100
    assert "not a text document" in read_error(data, "controls.txt")


@pytest.mark.parametrize(
    ("head", "what"),
    [(b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff\xe0", "JPEG image"),
     (b"GIF89a", "GIF image"), (b"\x1f\x8b\x08", "gzip archive"),
     (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office file")],
)  # fmt: skip
def test_known_binary_formats_are_named(head: bytes, what: str) -> None:
    message = read_error(head + bytes(500), "file.txt")
    assert "not a text document" in message
    assert what in message


@pytest.mark.parametrize(
    "mangle",
    [lambda d: d[:150], lambda d: d.replace(b"xref", b"xxxx")[:-40],
     lambda d: b"%PDF-1.7\n" + bytes(range(256)) * 20],
    ids=["truncated", "no-xref", "garbage"],
)  # fmt: skip
def test_broken_pdf(mangle: Callable[[bytes], bytes]) -> None:
    data = mangle(minimal_pdf(["Ministers meet in Baku", "21 March 2024"]))
    assert "damaged PDF" in read_error(data, "broken.pdf")


def test_encrypted_pdf() -> None:
    data = rewritten_pdf(minimal_pdf(["Secret"]), user_password="secret")
    assert read_error(data, "secret.pdf") == "secret.pdf: the PDF is encrypted; decrypt it first"


def test_pdf_without_text() -> None:
    assert "no text layer" in read_error(minimal_pdf([]), "scan.pdf")


def test_damaged_docx() -> None:
    data = word_document("Heading", ["Text."])
    assert "damaged" in read_error(data[: len(data) // 2], "half.docx")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    assert "damaged .docx" in read_error(broken.getvalue(), "broken.docx")


def test_zip_that_is_not_a_docx() -> None:
    archive_bytes = io.BytesIO()
    with zipfile.ZipFile(archive_bytes, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "ZIP archive" in read_error(archive_bytes.getvalue(), "notes.zip")


def test_input_over_the_size_limit() -> None:
    message = read_error(b"a" * (MAX_BYTES + 1), "huge.txt")
    assert "too large" in message
    assert "50 MB" in message


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(FileReadError, match="too large"):
        load_path(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match="no such file"):
        load_path(tmp_path / "absent.txt")
    with pytest.raises(FileReadError, match="a directory"):
        load_path(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(FileReadError, match="permission denied"):
        load_path(path)


def test_errors_are_input_errors() -> None:
    with pytest.raises(InputError):
        load_bytes(b"", source="x")
