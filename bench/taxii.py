"""Benchmark: Accord's TAXII 2.1 server over real HTTP. Builds SQLite stores of ~1k, 4k, ~25k
and ~250k objects (MITRE ATT&CK under fresh ids), imported by Accord and shared with the
federation, serves each with `accord serve` on loopback, and times, as a peer node's TAXII
client: GET of the whole Federation collection (paged by limit and next), the latency of the
first page and of a page deep in the collection, and POST of envelopes. In the same run it
measures the raw SQLite scan-and-parse limit of the same stores, and medallion (the OASIS
reference server, memory backend) at 1k and 4k objects. Goals: GET >= 0.3 x the raw limit;
first-page latency flat from 1k to 250k; POST >= 10,000 objects/s. See bench/README.md.

    .venv/bin/python bench/taxii.py [--repeat 5] [--no-250k] [--no-medallion] [--json]
"""

from __future__ import annotations

import argparse
import gc
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
import urllib3

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.service import Accord
from accord.sharing import SYSTEM, operator_for
from accord.store import open_store
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution, OrgKind, Role
from bench._common import DEFAULT_BUNDLE, copy_db, git_revision, log, remove_db, rewrite_ids
from bench._load import free_port, start_server

FEDERATION = "6b4de219-9281-482c-86e5-944892303cb6"
TAXII = "application/taxii+json;version=2.1"
SIZES = {"1k": 1000, "4k": 4000, "25k": 0, "250k": 0}  # 0: whole copies of the bundle
MEDALLION_SIZES = {"1k": 1000, "4k": 4000}
GOAL_GET, GOAL_FLAT, GOAL_POST = 0.3, 1.5, 10_000
Timing = tuple[int, float]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE,
                        help="the bundle whose objects fill the stores (ATT&CK)")  # fmt: skip
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="repetitions of whole-collection GET, raw scan and POST (5)",
    )
    parser.add_argument(
        "--latency-repeat",
        type=int,
        default=21,
        help="requests per first-page and deep-page median (21)",
    )
    parser.add_argument(
        "--page", type=int, default=1000, help="limit of each page of a whole-collection GET (1000)"
    )
    parser.add_argument(
        "--first-page",
        type=int,
        default=100,
        help="limit of the first-page and deep-page requests (100)",
    )
    parser.add_argument("--envelope", type=int, default=1000, help="objects per POST (1000)")
    parser.add_argument("--no-250k", action="store_true", help="skip the ~250k store")
    parser.add_argument("--no-post", action="store_true", help="skip POST")
    parser.add_argument("--no-medallion", action="store_true", help="skip medallion")
    parser.add_argument(
        "--medallion-repeat",
        type=int,
        default=3,
        help="repetitions of each medallion measurement (3)",
    )
    parser.add_argument(
        "--medallion-budget",
        type=float,
        default=60,
        help="seconds after which a medallion measurement is not repeated further (60)",
    )
    parser.add_argument(
        "--medallion-timeout",
        type=float,
        default=120,
        help="seconds before a medallion request counts as not finished (120)",
    )
    parser.add_argument("--httpx", action="store_true", help="read and write as the client "
                        "did until c555ab9: httpx, the collector on during GET (a comparison "
                        "of clients; the goals are measured without it)")  # fmt: skip
    parser.add_argument("--workdir", type=Path,
                        help="build the stores here and reuse them on the next run "
                        "(default: a temporary directory, removed)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="results as JSON on stdout")
    return parser.parse_args(argv)


# --- objects and stores -------------------------------------------------------------------
def copies(bundle: Path, count: int) -> Iterator[list[dict[str, Any]]]:
    """`count` copies of the bundle's objects, each under fresh ids (references rewritten)
    and in the same shuffled order, so that every store's first pages hold the same objects
    but for their ids, and a smaller store is a prefix of a copy. ATT&CK's one
    x-mitre-collection object (2.8 MB: the list of the release's contents) is left out."""
    objects = [o for o in orjson.loads(bundle.read_bytes())["objects"]
               if o.get("type") != "x-mitre-collection"]  # fmt: skip
    random.Random(11).shuffle(objects)
    for _ in range(count):
        yield rewrite_ids(objects)


def write_bundle(path: Path, objects: list[dict[str, Any]]) -> Path:
    bundle = {"type": "bundle", "id": f"bundle--{uuid.uuid4()}", "objects": objects}
    path.write_bytes(orjson.dumps(bundle))
    return path


def new_store(db: Path) -> str:
    """A new store at `db` with member organisation A, which owns what is imported, and peer
    node P, whose analyst reads and writes the Federation collection; P's token."""
    remove_db(db)
    service = Accord(open_store(f"sqlite:///{db}", upgrade=True))
    try:
        directory = service.directory
        directory.add_organisation("Organisation A", actor=SYSTEM)
        directory.add_organisation("Peer P", actor=SYSTEM, kind=OrgKind.PEER)
        directory.add_user("p_node", "Peer P", Role.ANALYST, "bench peer passphrase",
                           actor=SYSTEM)  # fmt: skip
        return directory.create_token("p_node", actor=SYSTEM)[1]
    finally:
        service.store.close()


def import_into(db: Path, bundle: Path) -> Timing:
    """`Accord.import_path`, owned by organisation A, TLP:GREEN, shared with the federation."""
    service = Accord(open_store(f"sqlite:///{db}"))
    try:
        org = service.store.get_organisation("Organisation A")
        started = time.perf_counter()
        owner, sharing = operator_for(org.id, org.name), Sharing(TLP.GREEN, Distribution.FEDERATION)
        report = service.import_path(bundle, owner=owner, sharing=sharing)
        seconds = time.perf_counter() - started
        if report.error or report.added != report.objects:
            raise RuntimeError(f"import of {bundle}: {report.error or report}")
        return report.objects, seconds
    finally:
        service.store.close()


def checkpoint(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def build_stores(
    bundle: Path, workdir: Path, labels: list[str]
) -> tuple[dict[str, Path], dict[str, str], dict[str, Any]]:
    """The store of each size (reused from `workdir` when a previous run left it complete),
    the peer's token in each, and what building took (imports, objects/s; not a goal)."""
    marker = workdir / "stores.json"
    if marker.exists():
        kept = orjson.loads(marker.read_bytes())
        if set(labels) <= set(kept["stores"]):
            log(f"reusing the stores in {workdir}")
            reused = {k: Path(v) for k, v in kept["stores"].items() if k in labels}
            for db in reused.values():  # built by an older Accord: its pending migrations
                open_store(f"sqlite:///{db}", upgrade=True).close()
                checkpoint(db)
            return reused, kept["tokens"], kept["build"]
    stores: dict[str, Path] = {}
    build: dict[str, Any] = {}
    first = next(copies(bundle, 1))
    tokens: dict[str, str] = {}
    for label in labels:
        db = workdir / f"accord-{label}.db"
        if SIZES[label]:
            tokens[label] = new_store(db)
            path = write_bundle(workdir / f"bundle-{label}.json", first[: SIZES[label]])
            build[label] = [import_into(db, path)]
        elif label == "25k":
            tokens[label] = new_store(db)
            build[label] = [import_into(db, write_bundle(workdir / "bundle-25k.json", first))]
        else:  # 250k: the 25k store and nine more copies, imported one by one
            if "25k" not in stores:
                raise SystemExit("the 250k store is built on the 25k store")
            copy_db(stores["25k"], db)
            tokens[label] = tokens["25k"]
            build[label] = []
            for number, objects in enumerate(copies(bundle, 9)):
                path = write_bundle(workdir / "bundle-copy.json", objects)
                build[label].append(import_into(db, path))
                log(f"  250k store: copy {number + 2} of 10 imported")
        checkpoint(db)
        stores[label] = db
        objects = sum(n for n, _ in build[label])
        seconds = sum(s for _, s in build[label])
        log(f"  built {label}: {objects:,} objects imported, {objects / seconds:,.0f} objects/s")
    built = {k: [list(t) for t in v] for k, v in build.items()}
    marker.write_bytes(orjson.dumps({"stores": {k: str(v) for k, v in stores.items()},
                                     "tokens": tokens, "build": built}))  # fmt: skip
    return stores, tokens, built


def stored_objects(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM objects").fetchone()[0])
    finally:
        conn.close()


# --- measurements -------------------------------------------------------------------------
class Peer:
    """The benchmark's TAXII client, as a peer would read: one keep-alive connection per
    server through urllib3, which requests and the OASIS taxii2-client read through. (httpx,
    which Accord's own sync uses, spends about 7 ms of its own reading a 1.4 MB envelope, to
    urllib3's 1.3 ms, on this machine: the client's cost, not the server's.)"""

    pauses_gc = True  # during a whole-collection GET: see gc_paused

    def __init__(self, headers: dict[str, str], timeout: float = 120) -> None:
        self._pool = urllib3.PoolManager(headers={"Accept": TAXII, **headers}, retries=False,
                                         timeout=urllib3.Timeout(total=timeout))  # fmt: skip

    def get(self, url: str, params: dict[str, Any]) -> bytes:
        return self._checked("GET", url, *self._send("GET", url, params=params))

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> bytes:
        return self._checked("POST", url, *self._send("POST", url, body=body, headers=headers))

    def _send(self, method: str, url: str, *, params: dict[str, Any] | None = None,
              body: bytes | None = None, headers: dict[str, str] | None = None
              ) -> tuple[int, bytes]:  # fmt: skip
        """(status, body) of one request."""
        sent = {**self._pool.headers, **(headers or {})}
        response = self._pool.request(method, url, fields=params, body=body, headers=sent)
        return response.status, response.data

    @staticmethod
    def _checked(method: str, url: str, status: int, body: bytes) -> bytes:
        if status >= 400:
            raise RuntimeError(f"{method} {url}: HTTP {status}")
        return body

    def close(self) -> None:
        self._pool.clear()

    def __enter__(self) -> Peer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class HttpxPeer(Peer):
    """The client until c555ab9 (`--httpx`): one httpx.Client, the collector left on."""

    pauses_gc = False

    def __init__(self, headers: dict[str, str], timeout: float = 120) -> None:
        self._http = httpx.Client(headers={"Accept": TAXII, **headers}, timeout=timeout)

    def _send(self, method: str, url: str, *, params: dict[str, Any] | None = None,
              body: bytes | None = None, headers: dict[str, str] | None = None
              ) -> tuple[int, bytes]:  # fmt: skip
        response = self._http.request(method, url, params=params, content=body, headers=headers)
        return response.status_code, response.content

    def close(self) -> None:
        self._http.close()


@contextmanager
def gc_paused(paused: bool = True) -> Iterator[None]:
    """The cyclic garbage collector off while a read is timed, in the raw scan and in the
    client alike: holding a parsed 1,000-object envelope, the client's collector would
    otherwise traverse it again and again (a parse took 7 to 49 ms, by when it ran)."""
    gc.collect()
    if not paused:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def raw_scan(db: Path) -> Timing:
    """The raw limit: SELECT json FROM objects, orjson.loads of each row; rows to last."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        with gc_paused():
            started = time.perf_counter()
            count = 0
            for (data,) in conn.execute("SELECT json FROM objects"):
                orjson.loads(data)
                count += 1
            return count, time.perf_counter() - started
    finally:
        conn.close()


def get_all(client: Peer, url: str, page: int) -> tuple[int, float, str | None]:
    """A TAXII client's read of a whole collection: GET pages of `page` objects, following
    `next` while `more`, parsing each envelope. (objects, seconds, the last `next` seen)."""
    params: dict[str, Any] = {"limit": page}
    count, last = 0, None
    with gc_paused(client.pauses_gc):
        started = time.perf_counter()
        while True:
            envelope = orjson.loads(client.get(url, params))
            count += len(envelope.get("objects", ()))
            if not envelope.get("more"):
                return count, time.perf_counter() - started, last
            last = envelope["next"]
            params = {"limit": page, "next": last}


def one_page(client: Peer, url: str, params: dict[str, Any]) -> float:
    """Seconds for one GET, its envelope parsed."""
    started = time.perf_counter()
    orjson.loads(client.get(url, params))
    return time.perf_counter() - started


def rates(timings: list[Timing]) -> dict[str, Any]:
    per_second = [n / s for n, s in timings]
    return {"objects": timings[0][0], "objects_per_second": statistics.median(per_second),
            "min": min(per_second), "max": max(per_second),
            "seconds_median": statistics.median(s for _, s in timings),
            "runs": [round(r, 1) for r in per_second]}  # fmt: skip


def latency(seconds: list[float]) -> dict[str, Any]:
    ms = sorted(1000 * s for s in seconds)
    return {"median_ms": statistics.median(ms), "min_ms": ms[0], "max_ms": ms[-1],
            "requests": len(ms)}  # fmt: skip


@contextmanager
def served(db: Path) -> Iterator[str]:
    """`accord serve` on the store at `db`, in a process of its own; its TAXII API root."""
    port = free_port()
    server = start_server(f"sqlite:///{db}", port)
    try:
        yield f"http://127.0.0.1:{port}/taxii2/accord/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def client_for(token: str, args: argparse.Namespace, timeout: float = 120) -> Peer:
    kind = HttpxPeer if args.httpx else Peer
    return kind({"Authorization": f"Bearer {token}"}, timeout)


def measure_reads(
    stores: dict[str, Path], tokens: dict[str, str], args: argparse.Namespace
) -> dict[str, dict[str, Any]]:
    """Per store: whole-collection GET and the raw scan, interleaved (which goes first
    alternates), then first-page and deep-page latencies, interleaved across the stores."""
    results: dict[str, dict[str, Any]] = {}
    with contextmanager_all(stores) as roots:
        clients = {label: client_for(tokens[label], args) for label in stores}
        urls = {label: f"{roots[label]}collections/{FEDERATION}/objects/" for label in stores}
        gets: dict[str, list[Timing]] = {label: [] for label in stores}
        raws: dict[str, list[Timing]] = {label: [] for label in stores}
        deep: dict[str, str | None] = {}
        for label in stores:  # warm-up: each server's first requests, and the OS cache
            count, _, deep[label] = get_all(clients[label], urls[label], args.page)
            raw_scan(stores[label])
            if deep[label] is None:  # one page holds it all: a cursor near its end instead
                limit = max(1, count - args.first_page)
                body = clients[label].get(urls[label], {"limit": limit})
                deep[label] = orjson.loads(body).get("next")
        for rep in range(args.repeat):
            for label, db in stores.items():

                def do_get(label: str = label) -> None:
                    count, seconds, _ = get_all(clients[label], urls[label], args.page)
                    gets[label].append((count, seconds))

                def do_raw(label: str = label, db: Path = db) -> None:
                    raws[label].append(raw_scan(db))

                steps: list[Callable[[], None]] = (
                    [do_get, do_raw] if rep % 2 == 0 else [do_raw, do_get]
                )
                for step in steps:
                    step()
                g, r = gets[label][-1], raws[label][-1]
                log(f"  {label} #{rep + 1}: GET {g[0] / g[1]:,.0f} objects/s "
                    f"({g[0]:,}), raw {r[0] / r[1]:,.0f} objects/s ({r[0]:,})")  # fmt: skip
        first: dict[str, list[float]] = {label: [] for label in stores}
        deeper: dict[str, list[float]] = {label: [] for label in stores}
        for _ in range(args.latency_repeat):
            for label in stores:
                first[label].append(one_page(clients[label], urls[label],
                                             {"limit": args.first_page}))  # fmt: skip
                cursor = deep[label]
                if cursor is not None:
                    params = {"limit": args.first_page, "next": cursor}
                    deeper[label].append(one_page(clients[label], urls[label], params))
        for client in clients.values():
            client.close()
    for label in stores:
        get, raw = rates(gets[label]), rates(raws[label])
        results[label] = {
            "stored": stored_objects(stores[label]), "get": get, "raw": raw,
            "get_over_raw": get["objects_per_second"] / raw["objects_per_second"],
            "first_page": latency(first[label]),
            "deep_page": latency(deeper[label]) if deeper[label] else None,
        }  # fmt: skip
        log(f"  {label}: first page {results[label]['first_page']['median_ms']:.1f} ms")
    return results


@contextmanager
def contextmanager_all(stores: dict[str, Path]) -> Iterator[dict[str, str]]:
    """A server for every store at once, so that their measurements can be interleaved."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        yield {label: stack.enter_context(served(db)) for label, db in stores.items()}


def measure_post(db: Path, token: str, bundle: Path, args: argparse.Namespace) -> dict[str, Any]:
    """POST of a fresh copy of the bundle, in envelopes of `--envelope` objects, one after
    the other, to the Federation collection of a fresh copy of the store at `db`: objects
    that succeeded / seconds from the first request sent to the last status received. The
    reference, interleaved (which goes first alternates): `Accord.import_path` of the same
    objects as one bundle, in this process, into another fresh copy of the store."""
    posts: list[Timing] = []
    imports: list[Timing] = []
    envelopes = 0
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "post.db"
        for rep, objects in enumerate(copies(bundle, args.repeat)):
            bodies = [orjson.dumps({"objects": objects[at : at + args.envelope]})
                      for at in range(0, len(objects), args.envelope)]  # fmt: skip
            envelopes = len(bodies)
            path = write_bundle(Path(tmp) / "post-bundle.json", objects)
            for step in ("post", "import") if rep % 2 == 0 else ("import", "post"):
                copy_db(db, target)
                if step == "post":
                    posts.append(post_envelopes(target, token, bodies, args))
                else:
                    imports.append(import_into(target, path))
                remove_db(target)
            if posts[-1][0] != len(objects):
                raise RuntimeError(f"POST: {posts[-1][0]} of {len(objects)} objects succeeded")
            log(f"  POST #{rep + 1}: {posts[-1][0] / posts[-1][1]:,.0f} objects/s "
                f"({envelopes} envelopes); import_path "
                f"{imports[-1][0] / imports[-1][1]:,.0f} objects/s")  # fmt: skip
    post, imported = rates(posts), rates(imports)
    ratio = post["objects_per_second"] / imported["objects_per_second"]
    return {**post, "envelopes": envelopes, "envelope": args.envelope, "import": imported,
            "post_over_import": ratio}  # fmt: skip


def post_envelopes(db: Path, token: str, bodies: list[bytes], args: argparse.Namespace) -> Timing:
    """`accord serve` on `db` (started first, not timed); the envelopes POSTed one after the
    other; (objects that succeeded, seconds)."""
    with served(db) as root, client_for(token, args) as client:
        url = f"{root}collections/{FEDERATION}/objects/"
        headers = {"Content-Type": TAXII}
        gc.collect()
        succeeded = 0
        started = time.perf_counter()
        for body in bodies:
            succeeded += orjson.loads(client.post(url, body, headers))["success_count"]
        return succeeded, time.perf_counter() - started


# --- medallion ----------------------------------------------------------------------------
@contextmanager
def medallion(config: Path) -> Iterator[str]:
    from bench._medallion import API_ROOT, PASSWORD, USER

    port = free_port()
    script = Path(__file__).with_name("_medallion.py")
    server = subprocess.Popen([sys.executable, str(script), str(config), str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with Peer(medallion_auth(USER, PASSWORD), timeout=5) as probe:
                    probe.get(f"{base}/taxii2/", {})
                break
            except (urllib3.exceptions.HTTPError, RuntimeError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("medallion did not start") from None
                time.sleep(0.2)
        yield f"{base}/{API_ROOT}/"
    finally:
        server.kill()
        server.wait(timeout=30)


def medallion_auth(user: str, password: str) -> dict[str, str]:
    return dict(urllib3.make_headers(basic_auth=f"{user}:{password}"))


def measure_medallion(bundle: Path, args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """medallion at each of its sizes: whole-collection GET and first-page latency, each
    `--medallion-repeat` times, or fewer once they have taken `--medallion-budget` seconds;
    a request past `--medallion-timeout` is 'did not finish', and the server is then
    restarted for what is left."""
    from bench._medallion import COLLECTION, PASSWORD, USER, write_config

    first = next(copies(bundle, 1))
    results: dict[str, dict[str, Any]] = {}
    for label, size in MEDALLION_SIZES.items():
        objects = first[:size]
        with tempfile.TemporaryDirectory() as tmp:
            config = write_config(Path(tmp), objects, args.page)
            result: dict[str, Any] = {"objects": size}
            for what in ("get", "first_page"):
                timings: list[float] = []
                count = 0
                try:
                    with medallion(config) as root, Peer(
                        medallion_auth(USER, PASSWORD), args.medallion_timeout
                    ) as client:  # fmt: skip
                        url = f"{root}collections/{COLLECTION}/objects/"
                        for rep in range(args.medallion_repeat):
                            if what == "get":
                                count, seconds, _ = get_all(client, url, args.page)
                            else:
                                seconds = one_page(client, url, {"limit": args.first_page})
                            timings.append(seconds)
                            log(f"  medallion {label} {what} #{rep + 1}: {seconds:.2f} s")
                            if sum(timings) > args.medallion_budget:
                                break  # a median of fewer runs, to keep the run short
                except urllib3.exceptions.TimeoutError:
                    log(f"  medallion {label} {what}: did not finish in "
                        f"{args.medallion_timeout:.0f} s")  # fmt: skip
                if not timings:
                    result[what] = {"finished": False, "timeout_s": args.medallion_timeout}
                elif what == "get":
                    if count != size:
                        raise RuntimeError(f"medallion returned {count} of {size} objects")
                    result[what] = {"finished": True, **rates([(size, s) for s in timings])}
                else:
                    result[what] = {"finished": True, **latency(timings)}
        results[label] = result
    return results


# --- report -------------------------------------------------------------------------------
def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def goals(report: dict[str, Any]) -> dict[str, Any]:
    reads = report["reads"]
    labels = list(reads)
    first = {label: reads[label]["first_page"]["median_ms"] for label in labels}
    flat = first[labels[-1]] / first[labels[0]]
    out: dict[str, Any] = {
        "get_over_raw_min": min(r["get_over_raw"] for r in reads.values()),
        "first_page_largest_over_smallest": flat,
    }
    out["get_met"] = out["get_over_raw_min"] >= GOAL_GET
    out["flat_met"] = flat <= GOAL_FLAT
    post = report.get("post")
    if post:
        out["post_met"] = post["objects_per_second"] >= GOAL_POST
    return out


def print_report(r: dict[str, Any]) -> None:
    print(f"Accord TAXII benchmark, {r['started']}, Accord at {r['commit']}")
    print(f"objects: {r['bundle']} under fresh ids; SQLite {r['sqlite']}; {r['machine']}")
    print(
        f"medians of {r['repeat']} (latencies: of {r['latency_repeat']} requests); "
        f"whole GET paged by limit={r['page']}, first and deep page limit={r['first_page']}"
    )
    print(
        "\nGET /taxii2/accord/collections/Federation/objects/ as peer node P (bearer token; "
        f"client: {r.get('client', 'httpx, collector on')})"
    )
    header = (f"  {'store':>6} {'objects':>8} {'GET objects/s':>14} {'raw objects/s':>14} "
              f"{'GET/raw':>8} {'first page ms':>14} {'deep page ms':>13}")  # fmt: skip
    print(header)
    for label, x in r["reads"].items():
        deep = f"{x['deep_page']['median_ms']:13.1f}" if x["deep_page"] else f"{'-':>13}"
        print(f"  {label:>6} {x['get']['objects']:>8,} {x['get']['objects_per_second']:>14,.0f} "
              f"{x['raw']['objects_per_second']:>14,.0f} {x['get_over_raw']:>8.2f} "
              f"{x['first_page']['median_ms']:>14.1f} {deep}")  # fmt: skip
    g = r["goals"]
    print(
        f"  goal GET >= {GOAL_GET} x raw at every size: lowest {g['get_over_raw_min']:.2f} "
        f"({verdict(g['get_met'])})"
    )
    print(
        f"  goal first page flat (largest store <= {GOAL_FLAT} x the smallest): "
        f"{g['first_page_largest_over_smallest']:.2f} x ({verdict(g['flat_met'])})"
    )
    post = r.get("post")
    if post:
        print(f"\nPOST {post['envelopes']} envelopes of {post['envelope']} objects into a copy "
              f"of the {r['post_store']} store: {post['objects_per_second']:,.0f} objects/s "
              f"({post['min']:,.0f} .. {post['max']:,.0f}); goal >= {GOAL_POST:,}: "
              f"{verdict(g['post_met'])}")  # fmt: skip
        imp = post["import"]
        print(f"  reference: Accord.import_path of the same objects, one bundle, in process: "
              f"{imp['objects_per_second']:,.0f} objects/s ({imp['min']:,.0f} .. "
              f"{imp['max']:,.0f}); POST / import_path {post['post_over_import']:.2f}")  # fmt: skip
    med = r.get("medallion")
    if med:
        print(
            "\nmedallion 3.0.0, memory backend (werkzeug), "
            f"medians of up to {r['medallion_repeat']} runs (runs: in the JSON), "
            f"timeout {r['medallion_timeout']:.0f} s per request"
        )
        for label, m in med.items():
            accord = r["reads"].get(label)
            print(f"  {label} ({m['objects']:,} objects): "
                  f"{_medallion_line(m, accord)}")  # fmt: skip


def _medallion_line(m: dict[str, Any], accord: dict[str, Any] | None) -> str:
    get, page = m["get"], m["first_page"]
    parts = []
    if get["finished"]:
        text = f"GET {get['objects_per_second']:,.0f} objects/s"
        if accord:
            ratio = accord["get"]["objects_per_second"] / get["objects_per_second"]
            text += f" (Accord {ratio:,.0f} x as fast)"
        parts.append(text)
    else:
        parts.append(f"GET did not finish in {get['timeout_s']:.0f} s")
    if page["finished"]:
        text = f"first page {page['median_ms']:,.0f} ms"
        if accord:
            ratio = page["median_ms"] / accord["first_page"]["median_ms"]
            text += f" (Accord {ratio:,.0f} x as fast)"
        parts.append(text)
    else:
        parts.append(f"first page did not finish in {page['timeout_s']:.0f} s")
    return "; ".join(parts)


def machine() -> str:
    import os
    import platform

    return f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.bundle.exists():
        print(f"the bundle is missing: {args.bundle}", file=sys.stderr)
        return 2
    labels = [label for label in SIZES if not (label == "250k" and args.no_250k)]
    report: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "commit": git_revision(),
        "bundle": str(args.bundle), "sqlite": sqlite3.sqlite_version, "machine": machine(),
        "repeat": args.repeat, "latency_repeat": args.latency_repeat, "page": args.page,
        "first_page": args.first_page, "medallion_repeat": args.medallion_repeat,
        "medallion_timeout": args.medallion_timeout,
        "client": "httpx, collector on" if args.httpx else "urllib3, collector paused in GET",
    }  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        log(f"building the stores in {workdir}: {', '.join(labels)}")
        stores, tokens, report["build"] = build_stores(args.bundle, workdir, labels)
        log("GET and raw scan")
        report["reads"] = measure_reads(stores, tokens, args)
        if not args.no_post:
            report["post_store"] = "25k"
            log("POST into a copy of the 25k store")
            report["post"] = measure_post(stores["25k"], tokens["25k"], args.bundle, args)
    if not args.no_medallion:
        log("medallion")
        report["medallion"] = measure_medallion(args.bundle, args)
    report["goals"] = goals(report)
    if args.json:
        sys.stdout.write(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
