"""A peer organisation made over REST: another node, which sees what is shared with the
federation and nothing that is only for this node's community."""

from __future__ import annotations

from accord.sharing import SYSTEM
from accord.vocab import Role
from tests.web.conftest import PASSWORD, Node, sample, upload


def test_a_peer_sees_the_federation_not_the_community(node: Node) -> None:
    made = node.call("a_admin", "POST", "/organisations", json={"name": "Node Z", "kind": "peer"})
    assert made.status_code == 201 and made.json()["kind"] == "peer"
    kinds = {o["name"]: o["kind"] for o in node.call("a_admin", "GET", "/organisations").json()[
        "organisations"]}  # fmt: skip
    assert kinds == {"Organisation A": "member", "Organisation B": "member", "Node Z": "peer"}
    directory = node.service.directory
    directory.add_user("z_node", "Node Z", Role.READER, PASSWORD, actor=SYSTEM)
    node.tokens["z_node"] = directory.create_token("z_node", actor=SYSTEM)[1]
    for name, text, distribution in (("c.txt", "s01", "community"), ("f.txt", "s02", "federation")):
        made = upload(node, "a_analyst", name, sample(text), tlp="green", distribution=distribution)
        assert made.status_code == 201, made.text
    own = {d["source"]: d["id"] for d in node.call("a_analyst", "GET", "/documents").json()[
        "documents"]}  # fmt: skip
    for who, sees_community in (("b_analyst", True), ("z_node", False)):
        docs = {d["source"] for d in node.call(who, "GET", "/documents").json()["documents"]}
        assert "f.txt" in docs
        assert ("c.txt" in docs) is sees_community
        status = node.call(who, "GET", f"/documents/{own['c.txt']}").status_code
        assert status == (200 if sees_community else 404)
    refused = node.call("a_admin", "POST", "/organisations", json={"name": "Q", "kind": "ally"})
    assert refused.status_code == 422
