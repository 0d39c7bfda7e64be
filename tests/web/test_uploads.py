"""Uploads: a multipart file or JSON text is ingested under the caller's organisation with the
sharing asked for; an oversize upload is refused with 413 and nothing is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.factories import bundle, identity
from tests.web.conftest import Node, Populated, make_node, running, sample, upload


def stats(node: Node, who: str = "a_admin") -> dict[str, Any]:
    response = node.call(who, "GET", "/stats")
    assert response.status_code == 200
    return dict(response.json())


def test_a_multipart_upload_is_ingested_for_the_callers_organisation(node: Node) -> None:
    response = upload(node, "a_analyst", "wire.txt", sample("s01"), tlp="green",
                      distribution="community")  # fmt: skip
    assert response.status_code == 201, response.text
    report = response.json()
    assert (report["document"], report["error"], report["source"]) == ("added", None, "wire.txt")
    assert report["added"] > 10
    (doc,) = node.call("a_reader", "GET", "/documents").json()["documents"]
    assert doc["source"] == "wire.txt"
    assert (doc["sharing"]["owner_org"], doc["sharing"]["tlp"], doc["sharing"]["distribution"]) == (
        node.orgs["A"],
        "green",
        "community",
    )
    again = upload(node, "a_editor", "wire.txt", sample("s01"))
    assert (again.status_code, again.json()["document"]) == (200, "already stored")


def test_json_text_is_ingested_with_default_sharing(node: Node) -> None:
    text = sample("s09").decode()
    response = node.call("a_analyst", "POST", "/documents",
                         json={"filename": "minsk.txt", "text": text})  # fmt: skip
    assert response.status_code == 201, response.text
    (doc,) = node.call("a_analyst", "GET", "/documents").json()["documents"]
    assert (doc["sharing"]["tlp"], doc["sharing"]["distribution"]) == ("amber", "owner")
    full = node.call("a_analyst", "GET", f"/documents/{doc['id']}").json()
    assert full["text"].startswith(text.split("\n")[0])
    assert full["facts"] and full["entities"]


def test_a_bundle_upload_is_imported(node: Node) -> None:
    raw = orjson.dumps(bundle(identity("Border Service of Estland")))
    response = upload(node, "a_analyst", "feed.json", raw)
    assert response.status_code == 201, response.text
    assert response.json()["added"] == 1


def test_a_refused_upload_is_a_problem_with_its_report_and_writes_nothing(node: Node) -> None:
    broken = {**identity("Nameless"), "created": "yesterday"}
    bad = orjson.dumps(bundle(identity("Fine"), broken))
    response = upload(node, "a_analyst", "bad.json", bad)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"] == "urn:accord:problem:refused"
    assert problem["report"]["error"] == problem["detail"]
    assert problem["report"]["problems"][0]["property"] == "created"
    assert "accord-upload" not in response.text  # the temporary folder is never named
    assert stats(node)["objects"] == 0


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"data": {"tlp": "amber"}}, 415),  # a form, but not multipart
        ({"files": {"other": ("x.txt", b"text")}}, 400),  # no field 'file'
        ({"files": {"file": ("x.txt", b"text")}, "data": {"tlp": "purple"}}, 422),
        (
            {
                "files": {"file": ("x.txt", b"text")},
                "data": {"tlp": "red", "distribution": "community"},
            },
            400,
        ),
        ({"files": {"file": ("x.txt", b"text")}, "data": {"distribution": "groups"}}, 400),
        (
            {
                "files": {"file": ("x.txt", b"text")},
                "data": {"distribution": "groups", "groups": "99"},
            },
            422,
        ),
        ({"files": {"file": ("x.txt", b"text")}, "data": {"groups": "one"}}, 422),
        ({"files": {"file": ("", b"text")}}, 400),
        ({"files": {"file": (".hidden", b"text")}}, 400),
        ({"json": {"filename": "x.txt"}}, 422),
        ({"json": {"filename": "x.txt", "text": "t", "tlp": "blue"}}, 422),
        ({"json": {"filename": "x\u0000.txt", "text": "t"}}, 422),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
        ({"content": b"plain text", "headers": {"content-type": "text/plain"}}, 415),
        ({"content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data"}}, 400),
    ],
)
def test_bad_uploads_are_4xx_and_write_nothing(
    node: Node, kwargs: dict[str, Any], status: int
) -> None:
    headers = {**node.headers("a_analyst"), **kwargs.pop("headers", {})}
    response = node.client.post("/api/v1/documents", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert stats(node)["objects"] == 0


@pytest.fixture
def small(fresh_sqlite: tuple[str, Populated], tmp_path: Path) -> Iterator[Node]:
    url, populated = fresh_sqlite
    with running(make_node(url, tmp_path, populated, max_upload_bytes=1000)) as made:
        yield made


def test_an_upload_over_the_limit_is_413_and_writes_nothing(small: Node) -> None:
    text = sample("s01")
    assert len(text) > 1000
    for response in (
        upload(small, "a_analyst", "big.txt", text),
        small.call("a_analyst", "POST", "/documents",
                   json={"filename": "big.txt", "text": text.decode()}),
    ):  # fmt: skip
        assert response.status_code == 413, response.text
        problem = response.json()
        assert problem["type"] == "urn:accord:problem:payload-too-large"
        assert "1000 bytes" in problem["detail"]
    assert stats(small)["objects"] == 0 and stats(small)["documents"] == 0
    assert upload(small, "a_analyst", "small.txt", text[:900]).status_code in (201, 422)


def test_a_body_past_the_envelope_is_refused_before_it_is_read(small: Node) -> None:
    huge = b"x" * (2 * 1024 * 1024)
    declared = upload(small, "a_analyst", "huge.txt", huge)
    assert declared.status_code == 413

    def chunks() -> Any:  # no content-length: counted while it streams in
        for _ in range(40):
            yield b"y" * 65536

    streamed = small.client.post(
        "/api/v1/documents", content=chunks(),
        headers={**small.headers("a_analyst"), "content-type": "application/json"},
    )  # fmt: skip
    assert streamed.status_code == 413, streamed.text
    assert streamed.headers["content-type"] == "application/problem+json"
    assert stats(small)["objects"] == 0
