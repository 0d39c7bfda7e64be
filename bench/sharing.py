"""Benchmark: what sharing costs a read. Builds a store with 100 organisations, 20 sharing
groups and 200,000 facts from 2,000 sources of mixed sharing, then times the same queries as
an organisation's user and as SYSTEM (no predicate), interleaved, and prints the ratio of
medians per query. Goal: viewer-scoped <= 1.3 x unscoped. See bench/README.md.

    .venv/bin/python bench/sharing.py [--sources 2000] [--facts 100] [--repeat 7] [--db URL]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.service import Accord
from accord.sharing import SYSTEM, Principal, user
from accord.stix.timestamps import sort_key
from accord.store import ObjectQuery, Store, open_store
from accord.store.model import NewSource, Sharing
from accord.vocab import TLP, Distribution, Role
from bench._common import git_revision, log

T0 = "2026-06-01T00:00:00.000Z"
ORGS, GROUPS, PEOPLE = 100, 20, 5000
WORDS = ["border", "railway", "cyber", "migration", "narcotics", "terrorism", "energy", "arms"]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=2000, help="documents (default 2000)")
    parser.add_argument("--facts", type=int, default=100, help="facts per source (default 100)")
    parser.add_argument("--repeat", type=int, default=7, help="repetitions (default 7)")
    parser.add_argument("--db", help="a database URL (default: a new SQLite file)")
    parser.add_argument("--json", action="store_true", help="results as JSON on stdout")
    parser.add_argument("--clients", type=int, default=50, help="API clients (default 50)")
    parser.add_argument("--seconds", type=float, default=60, help="API load (default 60 s)")
    parser.add_argument("--no-api", action="store_true", help="skip the API load")
    return parser.parse_args(argv)


def _id(kind: str, *parts: object) -> str:
    return f"{kind}--{uuid.uuid5(uuid.NAMESPACE_URL, '/'.join(map(str, parts)))}"


def person(k: int) -> dict[str, Any]:
    return {"type": "identity", "spec_version": "2.1", "id": _id("identity", "p", k),
            "created": T0, "modified": T0, "name": f"Person {k} Surname{k % 997}",
            "identity_class": "individual"}  # fmt: skip


def source_objects(rng: random.Random, s: int, facts: int) -> list[dict[str, Any]]:
    """A document's worth: ten persons it names, and `facts` facts about them."""
    people = rng.sample(range(PEOPLE), 10)
    objects = [person(k) for k in people]
    for f in range(facts):
        k = people[f % 10]
        if f % 2:
            objects.append({"type": "campaign", "spec_version": "2.1", "id": _id("campaign", s, f),
                            "created": T0, "modified": T0,
                            "name": f"{rng.choice(WORDS)} talks {s}-{f}"})  # fmt: skip
        else:
            rel = {"type": "relationship", "spec_version": "2.1", "id": _id("relationship", s, f),
                   "created": T0, "modified": T0, "relationship_type": "related-to",
                   "source_ref": _id("identity", "p", k),
                   "target_ref": _id("campaign", s, f + 1)}  # fmt: skip
            objects.append(rel)
    return objects


def sharing_for(rng: random.Random, owner: int, groups: dict[int, set[int]]) -> Sharing:
    """Mixed sharing, as a real node would hold: mostly owner-only, some groups, some
    community."""
    roll = rng.random()
    mine = [g for g, members in groups.items() if owner in members]
    if roll < 0.5:
        return Sharing(rng.choice([TLP.AMBER, TLP.RED, TLP.AMBER_STRICT]), Distribution.OWNER)
    if roll < 0.8 and mine:
        chosen = tuple(sorted(rng.sample(mine, min(len(mine), rng.randint(1, 2)))))
        return Sharing(rng.choice([TLP.AMBER, TLP.RED]), Distribution.GROUPS, chosen)
    return Sharing(rng.choice([TLP.GREEN, TLP.AMBER, TLP.CLEAR]), Distribution.COMMUNITY)


def build(store: Store, sources: int, facts: int) -> dict[int, set[int]]:
    rng = random.Random(7)
    groups = {g: set(rng.sample(range(1, ORGS + 1), rng.randint(4, 15)))
              for g in range(1, GROUPS + 1)}  # fmt: skip
    with store._write() as tx:
        for org in range(1, ORGS + 1):
            tx.execute(
                "INSERT INTO organisations (id, name, identity_id, created) VALUES (?, ?, ?, ?)",
                [org, f"Org {org}", _id("identity", "o", org), T0],
            )
        for g, members in groups.items():
            tx.execute("INSERT INTO sharing_groups (id, name, owner_org, created) "
                       "VALUES (?, ?, ?, ?)", [g, f"Group {g}", min(members), T0])  # fmt: skip
            tx.executemany("INSERT INTO group_members (org_id, group_id) VALUES (?, ?)",
                           [(m, g) for m in sorted(members)])  # fmt: skip
    version = sort_key(T0)
    started = time.perf_counter()
    for s in range(sources):
        owner = rng.randint(1, ORGS)
        objects = source_objects(rng, s, facts)
        source = NewSource("bundle", _id("bundle", s), None, owner,
                           sharing_for(rng, owner, groups))  # fmt: skip
        store.put_objects(objects, [version] * len(objects), date_added=T0, source=source)
        if s % 200 == 199:
            log(f"  built {s + 1:,} sources ({time.perf_counter() - started:.0f} s)")
    return groups


def queries(service: Accord, rng: random.Random) -> dict[str, Callable[[Principal], object]]:
    ids = [_id("campaign", rng.randrange(2000), 2 * rng.randrange(50) + 1) for _ in range(200)]
    popular = _id("identity", "p", 42)

    def get_many(viewer: Principal) -> int:
        found = 0
        for object_id in ids:
            try:
                service.store.get(object_id, viewer=viewer)
                found += 1
            except Exception:
                pass
        return found

    def page_through(viewer: Principal) -> int:
        return sum(1 for _ in service.store.iter_query(
            ObjectQuery(types=["campaign"], limit=1000), viewer=viewer))  # fmt: skip

    store = service.store
    return {
        "first page of latest (1,000)": lambda v: store.query(ObjectQuery(limit=1000), viewer=v),
        "every campaign, paged by 1,000": page_through,
        "200 gets by id": get_many,
        "search 'railway' (50 hits)": lambda v: service.store.search("railway", viewer=v, limit=50),
        "stats (counts by type)": lambda v: service.store.stats(viewer=v),
        "relationships of one person": lambda v: service.store.query(
            ObjectQuery(source_refs=[popular], limit=1000), viewer=v),
        "names starting 'Person 4'": lambda v: service.store.find_by_name_prefix(
            "identity", "Person 4", viewer=v, limit=200),
    }  # fmt: skip


def measure(service: Accord, viewer: Principal, repeat: int) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for name, run in queries(service, random.Random(3)).items():
        times: dict[str, list[float]] = {"viewer": [], "system": []}
        for rep in range(repeat):
            order = [("viewer", viewer), ("system", SYSTEM)]
            for label, who in order if rep % 2 == 0 else order[::-1]:
                started = time.perf_counter()
                run(who)
                times[label].append(time.perf_counter() - started)
        v, s = statistics.median(times["viewer"]), statistics.median(times["system"])
        results[name] = {"viewer_s": v, "system_s": s, "ratio": v / s}
        log(f"  {name}: viewer {v * 1000:.2f} ms, SYSTEM {s * 1000:.2f} ms, ratio {v / s:.2f}")
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'sharing.db'}"
        store = open_store(url)
        try:
            log(f"building {args.sources:,} sources x {args.facts} facts in {url}")
            groups = build(store, args.sources, args.facts)
            member = max(range(1, ORGS + 1), key=lambda o: sum(o in m for m in groups.values()))
            viewer = user("analyst", org_id=member, role=Role.ANALYST)
            stats = store.stats(viewer=SYSTEM)
            seen = store.stats(viewer=viewer)
            log(f"stored {stats.objects:,} objects; org {member} sees {seen.objects:,}")
            results = measure(Accord(store), viewer, args.repeat)
            token = None if args.no_api else api_token(store, member)
        finally:
            store.close()
        api = None if token is None else load(url, token, args.clients, args.seconds)
    report = {"commit": git_revision(), "engine": url.split(":")[0], "objects": stats.objects,
              "visible_to_viewer": seen.objects, "repeat": args.repeat, "queries": results,
              "worst_ratio": max(r["ratio"] for r in results.values()), "api": api}  # fmt: skip
    if args.json:
        sys.stdout.write(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        print_report(report)
    return 0


def api_token(store: Store, org: int) -> str:
    """A reader of organisation `org`, and a token for it."""
    from accord.admin import Directory

    directory = Directory(store)
    name = store.get_organisation(org).name
    directory.add_user("bench-reader", name, Role.READER, "bench reader passphrase", actor=SYSTEM)
    return directory.create_token("bench-reader", actor=SYSTEM)[1]


def load(url: str, token: str, clients: int, seconds: float) -> dict[str, Any]:
    """The REST API under load, as the reader: objects, an object, search, an entity view."""
    from bench._load import drive, free_port, start_server

    rng = random.Random(5)
    ids = [_id("campaign", rng.randrange(2000), 2 * rng.randrange(50) + 1) for _ in range(50)]
    people = [_id("identity", "p", rng.randrange(PEOPLE)) for _ in range(50)]
    paths = ["/objects?limit=50", "/search?q=railway&limit=20", "/stats"]
    paths += [f"/objects/{i}" for i in ids] + [f"/entities/{p}" for p in people]
    port = free_port()
    log(f"API load: {clients} clients for {seconds:.0f} s on port {port}")
    server = start_server(url, port)
    try:
        return drive(f"http://127.0.0.1:{port}/api/v1", token, paths, clients, seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def print_report(r: dict[str, Any]) -> None:
    print(f"Accord sharing benchmark, Accord at {r['commit']}, {r['engine']}")
    print(f"{r['objects']:,} objects; the viewer's organisation sees {r['visible_to_viewer']:,}")
    print(f"medians of {r['repeat']}, viewer and SYSTEM interleaved")
    for name, q in r["queries"].items():
        print(f"  {name:<34} viewer {q['viewer_s'] * 1000:9.2f} ms   SYSTEM "
              f"{q['system_s'] * 1000:9.2f} ms   ratio {q['ratio']:.2f}")  # fmt: skip
    met = "met" if r["worst_ratio"] <= 1.3 else "NOT MET"
    print(f"worst viewer / SYSTEM ratio: {r['worst_ratio']:.2f} (goal <= 1.3: {met})")
    api = r.get("api")
    if api:
        print(f"REST API, {api['clients']} clients for {api['seconds']} s on loopback: "
              f"{api['requests']:,} requests, {api['requests_per_second']:.0f} requests/s, "
              f"p50 {api['p50_ms']:.1f} ms, p99 {api['p99_ms']:.1f} ms, "
              f"errors {api['errors']} (goal 0: {verdict(api['errors'] == 0)})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
