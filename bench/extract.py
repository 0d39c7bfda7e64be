"""Extraction benchmark: Accord's rule-based extraction against spaCy's blank English tokenizer,
both over the same text in the same run, on one core (one process, one thread).

Run from the repository root:  .venv/bin/python bench/extract.py [--repeat N] [--json] ...
Every figure is a median over repetitions; see bench/README.md. Words are the whitespace-
separated tokens of the texts (`len(text.split())`), one count for both.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import os
import platform
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import spacy
from _common import REPO, git_revision, log

from accord.documents import load_path
from accord.extraction.pipeline import extract

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "dev"
TOKENIZER_GOAL = 0.5  # extraction >= 0.5 x the tokenizer's words/s
SCALING_GOAL = 11.0  # 10 N documents take at most 11 x the time of N
SCALE = 10

Work = list[tuple[str, datetime.date | None]]  # (text, published) per document


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/extract.py",
        description="Benchmark Accord's extraction against spaCy's blank English tokenizer over "
        "the same text (the dev corpus repeated), both measured in this run on one core. "
        "Figures are medians; words = whitespace-separated tokens (len(text.split())).",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of *.txt "
                        "(default ../shared/corpus/dev relative to the repository)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=5, help="repetitions (default 5)")
    parser.add_argument("--min-bytes", type=int, default=1_000_000, help="UTF-8 bytes of text "
                        "to time, at least (the corpus is cycled; default 1,000,000)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--ingest-only", action="store_true", help="only the store-ingest "
                        "half: N and 10 N documents through Accord.ingest_path")  # fmt: skip
    parser.add_argument("--profile", type=int, metavar="N", help="only profile one pass over "
                        "the corpus: top N functions by tottime")  # fmt: skip
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.min_bytes < 1:
        parser.error("--repeat and --min-bytes must be at least 1")
    return args


# --- the text ----------------------------------------------------------------------------
def load_corpus(corpus: Path) -> Work:
    """Every *.txt document of the corpus, loaded once, in name order."""
    documents = [load_path(path) for path in sorted(corpus.glob("*.txt"))]
    return [(document.text, document.published) for document in documents]


def work_list(corpus: Work, min_bytes: int) -> Work:
    """The corpus documents, cycled in order until their text reaches `min_bytes` bytes."""
    work: Work = []
    total = 0
    while total < min_bytes:
        text, published = corpus[len(work) % len(corpus)]
        work.append((text, published))
        total += len(text.encode())
    return work


def sizes(work: Work) -> dict[str, int]:
    return {
        "documents": len(work),
        "bytes": sum(len(text.encode()) for text, _ in work),
        "words": sum(len(text.split()) for text, _ in work),
    }


# --- timing ------------------------------------------------------------------------------
def time_extraction(work: Work) -> float:
    gc.collect()
    start = time.perf_counter()
    extract_all(work)
    return time.perf_counter() - start


def time_tokenizer(nlp: Any, work: Work) -> float:
    gc.collect()
    start = time.perf_counter()
    for text, _ in work:
        nlp.tokenizer(text)
    return time.perf_counter() - start


def summary(seconds: list[float], size: dict[str, int]) -> dict[str, Any]:
    """Median, min and max words/s over the runs; documents/s and MB/s at the median time."""
    rates = [size["words"] / s for s in seconds]
    median_s = statistics.median(seconds)
    return {
        "words_per_second": statistics.median(rates),
        "min": min(rates),
        "max": max(rates),
        "documents_per_second": size["documents"] / median_s,
        "megabytes_per_second": size["bytes"] / 1e6 / median_s,
        "seconds_median": median_s,
        "runs_seconds": [round(s, 4) for s in seconds],
    }


def start_up(corpus: Work) -> tuple[dict[str, Any], Any]:
    """The first extract() call (gazetteers, spaCy and word lists load lazily), the same
    document again warm, and the set-up of spaCy's blank English pipeline (returned too)."""
    text, published = corpus[0]
    first = time_extraction([(text, published)])
    warm = time_extraction([(text, published)])
    start = time.perf_counter()
    nlp = spacy.blank("en")
    blank = time.perf_counter() - start
    return {"first_call_s": first, "warm_call_s": warm, "spacy_blank_s": blank}, nlp


def bench_speed(nlp: Any, work: Work, corpus: Work, repeat: int) -> dict[str, Any]:
    """Extraction and the tokenizer over the same work list, interleaved within each repetition
    (the order alternates), so drift in machine load hits both alike. Also, for comparison:
    a fresh tokenizer (empty cache) over one pass of the distinct corpus documents."""
    measures = {
        "extraction": lambda: time_extraction(work),
        "tokenizer": lambda: time_tokenizer(nlp, work),
        "tokenizer_cold": lambda: time_tokenizer(spacy.blank("en"), corpus),
    }
    timed: dict[str, list[float]] = {kind: [] for kind in measures}
    for number in range(repeat):
        for kind in sorted(timed, reverse=number % 2 == 1):
            timed[kind].append(measures[kind]())
            log(f"  {kind} #{number + 1}: {timed[kind][-1]:.3f} s")
    result = {k: summary(timed[k], sizes(corpus if k == "tokenizer_cold" else work)) for k in timed}
    rate = {kind: figures["words_per_second"] for kind, figures in result.items()}
    result["ratio"] = rate["extraction"] / rate["tokenizer"]
    result["ratio_cold"] = rate["extraction"] / rate["tokenizer_cold"]
    result["goal_ratio"] = TOKENIZER_GOAL
    result["goal_met"] = result["ratio"] >= TOKENIZER_GOAL
    return result


def bench_scaling(corpus: Work, repeat: int) -> dict[str, Any]:
    """Proxy for the ingest goal: extraction of N documents (the corpus once) and of 10 N
    (the corpus 10 times), interleaved; 10 N must take at most 11 x the time of N. N is timed
    10 times per repetition, so both sizes are exposed to the machine's noise equally long."""
    sets = {"n": corpus, "ten_n": corpus * SCALE}
    timed: dict[str, list[float]] = {"n": [], "ten_n": []}
    for number in range(repeat):
        for kind in sorted(timed, reverse=number % 2 == 1):
            times = SCALE if kind == "n" else 1
            timed[kind].extend(time_extraction(sets[kind]) for _ in range(times))
            log(f"  scaling {kind} #{number + 1}: {statistics.median(timed[kind][-times:]):.3f} s")
    n, ten_n = (summary(timed[k], sizes(sets[k])) for k in ("n", "ten_n"))
    ratio = ten_n["seconds_median"] / n["seconds_median"]
    return {
        "n_documents": len(corpus),
        "n": n,
        "ten_n": ten_n,
        "ratio": ratio,
        "goal_ratio": SCALING_GOAL,
        "goal_met": ratio <= SCALING_GOAL,
    }


def bench_ingest(corpus_dir: Path, repeat: int) -> dict[str, Any]:
    """`Accord.ingest_path` of N distinct documents (the corpus) and of 10 N (ten copies, each
    made distinct by a closing line so none is skipped as already stored) into a fresh
    SQLite store each time; 10 N must take at most 11 x the time of N. As in the scaling
    proxy, N is timed 10 times per repetition, so both sizes meet the machine's noise for
    equally long. The goal is judged on wall-clock time; the process's CPU time is reported
    beside it, because other processes on a shared machine add to the first, not the second."""
    import tempfile

    files = sorted(corpus_dir.glob("*.txt"))
    timed: dict[str, list[float]] = {"n": [], "ten_n": []}
    cpu: dict[str, list[float]] = {"n": [], "ten_n": []}
    with tempfile.TemporaryDirectory(prefix="accord-ingest-") as tmp:
        folder = Path(tmp)
        copies = {
            "n": _copies(files, folder / "n", 1),
            "ten_n": _copies(files, folder / "t", SCALE),
        }
        for number in range(repeat):
            for kind in sorted(timed, reverse=number % 2 == 1):
                times = SCALE if kind == "n" else 1
                for run in range(times):
                    wall, used = _time_ingest(copies[kind], folder / f"{kind}-{number}-{run}.db")
                    timed[kind].append(wall)
                    cpu[kind].append(used)
                runs = timed[kind][-times:]
                log(f"  ingest {kind} #{number + 1}: {statistics.median(runs):.2f} s")
    n, ten_n = statistics.median(timed["n"]), statistics.median(timed["ten_n"])
    cpu_n, cpu_ten_n = statistics.median(cpu["n"]), statistics.median(cpu["ten_n"])
    return {"n_documents": len(files), "n_seconds": n, "ten_n_seconds": ten_n,
            "ratio": ten_n / n, "goal_ratio": SCALING_GOAL,
            "goal_met": ten_n / n <= SCALING_GOAL, "runs": timed,
            "cpu_n_seconds": cpu_n, "cpu_ten_n_seconds": cpu_ten_n,
            "cpu_ratio": cpu_ten_n / cpu_n, "cpu_runs": cpu}  # fmt: skip


def _time_ingest(paths: list[Path], db: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds to ingest `paths` into a fresh SQLite store at `db` (opening
    it is not timed)."""
    from accord.service import Accord
    from accord.store import open_store

    store = open_store(f"sqlite:///{db}")
    try:
        started, cpu_started = time.perf_counter(), time.process_time()
        service = Accord(store)
        for path in paths:
            service.ingest_path(path)
        return time.perf_counter() - started, time.process_time() - cpu_started
    finally:
        store.close()
        for leftover in db.parent.glob(f"{db.name}*"):  # the file, -wal and -shm
            leftover.unlink()


def _copies(files: list[Path], folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    written = []
    for copy in range(count):
        for path in files:
            target = folder / f"{copy:02d}-{path.name}"
            target.write_text(path.read_text() + f"\nCopy {copy}.\n")
            written.append(target)
    return written


def run_all(corpus_dir: Path, corpus: Work, args: argparse.Namespace) -> dict[str, Any]:
    work = work_list(corpus, args.min_bytes)
    log(f"start-up: first extract() call over one document; {len(work)} documents to time")
    started, nlp = start_up(corpus)
    results = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "revision": git_revision(),
        "corpus": str(corpus_dir),
        "corpus_size": sizes(corpus),
        "work_size": sizes(work),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}",
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "repeat": args.repeat,
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "words": "whitespace-separated tokens of the texts: len(text.split())",
        "start_up": started,
    }
    log("speed: extraction and tokenizer over the work list")
    results["speed"] = bench_speed(nlp, work, corpus, args.repeat)
    log(f"scaling proxy: extraction of N and {SCALE} N documents")
    results["scaling"] = bench_scaling(corpus, args.repeat)
    log(f"store ingest of N and {SCALE} N documents")
    results["scaling"]["ingest"] = bench_ingest(corpus_dir, min(args.repeat, 3))
    return results


def extract_all(work: Work) -> None:
    for text, published in work:
        extract(text, published)


def profile(corpus: Work, top: int) -> None:
    """cProfile one pass over the corpus, after a warm-up pass that is not profiled (so the
    profile shows the steady state the timed runs measure, not the lazy loading)."""
    extract_all(corpus)
    gc.collect()
    profiler = cProfile.Profile()
    profiler.runcall(extract_all, corpus)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


# --- report ------------------------------------------------------------------------------
def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def line(label: str, f: dict[str, Any]) -> str:
    rates = f"{f['words_per_second']:>9,.0f} ({f['min']:,.0f} .. {f['max']:,.0f})"
    return (
        f"  {label:<34} {rates:>31} {f['documents_per_second']:>8,.1f} "
        f"{f['megabytes_per_second']:>6.3f} {f['seconds_median']:>8.3f}"
    )


def print_report(r: dict[str, Any]) -> None:
    s, load = r["start_up"], ", ".join(map(str, r["load_average"]))
    print(f"Accord extraction benchmark, {r['date']}, Accord at {r['revision']}")
    for label, size in (
        ("corpus", r["corpus_size"]),
        ("timed (the corpus cycled)", r["work_size"]),
    ):
        print(f"{label}: {size['documents']} documents, {size['bytes']:,} bytes, "
              f"{size['words']:,} words")  # fmt: skip
    print(f"({r['corpus']}); words = {r['words']}")
    print(f"{r['machine']}; Python {r['python']}; spaCy {r['spacy']}")
    print(f"one process, one thread; medians of {r['repeat']} runs; load average at start {load}\n")
    print(f"start-up: first extract() call {s['first_call_s']:.2f} s (same document warm: "
          f"{s['warm_call_s']:.3f} s); spacy.blank('en') {s['spacy_blank_s']:.3f} s\n")  # fmt: skip
    print_speed(r["speed"])
    print_scaling(r["scaling"])


def print_speed(sp: dict[str, Any]) -> None:
    print(f"  {'':<34} {'words/s (min .. max)':>31} {'docs/s':>8} {'MB/s':>6} {'median s':>8}")
    print(line("Accord extract()", sp["extraction"]))
    print(line("spaCy blank('en') tokenizer", sp["tokenizer"]))
    print(f"  extraction / tokenizer: {sp['ratio']:.3f} "
          f"(goal >= {sp['goal_ratio']}: {verdict(sp['goal_met'])})")  # fmt: skip
    print("  for comparison, a fresh tokenizer (empty cache), one pass of the distinct documents:")
    print(line("spaCy tokenizer, cold cache", sp["tokenizer_cold"]))
    print(f"  extraction / cold tokenizer: {sp['ratio_cold']:.3f}\n")


def print_scaling(sc: dict[str, Any]) -> None:
    n = sc["n_documents"]
    print(f"Scaling proxy: extraction of N = {n} and {SCALE} N = {n * SCALE} documents, "
          f"interleaved (N timed {SCALE} x per repetition); median s (min .. max)")  # fmt: skip
    for label, key in (("N", "n"), (f"{SCALE} N", "ten_n")):
        f = sc[key]
        low, high = min(f["runs_seconds"]), max(f["runs_seconds"])
        print(f"  {label:>5}: {f['seconds_median']:8.3f} s ({low:.3f} .. {high:.3f})")
    print(f"  {SCALE} N / N: {sc['ratio']:.2f} x "
          f"(goal <= {sc['goal_ratio']:.0f} x: {verdict(sc['goal_met'])})")  # fmt: skip
    ingest = sc.get("ingest")
    if ingest:
        print(f"Store ingest (accord ingest path) of N = {ingest['n_documents']} and "
              f"{SCALE} N documents into fresh SQLite stores: {ingest['n_seconds']:.2f} s and "
              f"{ingest['ten_n_seconds']:.2f} s, {ingest['ratio']:.2f} x "
              f"(goal <= {ingest['goal_ratio']:.0f} x: {verdict(ingest['goal_met'])})")  # fmt: skip
        print(ingest_cpu_line(ingest))


def ingest_cpu_line(ingest: dict[str, Any]) -> str:
    return (f"  CPU time of the process: {ingest['cpu_n_seconds']:.2f} s and "
            f"{ingest['cpu_ten_n_seconds']:.2f} s, {ingest['cpu_ratio']:.2f} x")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus_dir = args.corpus.resolve()
    corpus = load_corpus(corpus_dir) if corpus_dir.is_dir() else []
    if not corpus:
        log(f"bench/extract.py: no corpus (*.txt) found at {corpus_dir}")
        log("  put the dev corpus there, or pass --corpus DIR")
        return 2
    if args.profile:
        profile(corpus, args.profile)
        return 0
    if args.ingest_only:
        start_up(corpus)  # the lazy loading, outside the timings as in a full run
        ingest = bench_ingest(corpus_dir, args.repeat)
        print(orjson.dumps(ingest, option=orjson.OPT_INDENT_2).decode() if args.json else
              f"ingest of N = {ingest['n_documents']} and {SCALE} N documents: median "
              f"{ingest['n_seconds']:.3f} s and {ingest['ten_n_seconds']:.3f} s, "
              f"{ingest['ratio']:.2f} x (goal <= {SCALING_GOAL:.0f} x: "
              f"{verdict(ingest['goal_met'])})\n{ingest_cpu_line(ingest)}")  # fmt: skip
        return 0
    results = run_all(corpus_dir, corpus, args)
    if args.json:
        print(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())
    else:
        print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
