"""The REST upload takes a MISP event: converted and imported with the event's sharing,
the parts the caller gives overriding it."""

from __future__ import annotations

import orjson

from tests.stix.misp_events import event
from tests.web.conftest import Node


def test_the_rest_upload_takes_a_misp_event(node: Node) -> None:
    data = orjson.dumps(event(distribution="1"))
    response = node.call("a_analyst", "POST", "/documents",
                         files={"file": ("event.json", data, "application/json")})  # fmt: skip
    assert response.status_code == 201, response.text
    report = response.json()
    assert (
        report["format"],
        report["sharing"][0]["tlp"],
        report["sharing"][0]["distribution"],
    ) == ("misp", "green", "community")
    visible = node.call("b_analyst", "GET", "/objects", params={"type": "report"}).json()
    assert len(visible["objects"]) == 1
    given = node.call("a_analyst", "POST", "/documents", data={"tlp": "red"},
                      files={"file": ("event.json", data, "application/json")})  # fmt: skip
    assert given.status_code == 201, given.text
    assert given.json()["sharing"][0]["tlp"] == "red"
    assert given.json()["sharing_from"]["distribution"] == "the MISP event's distribution 1"
