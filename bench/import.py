"""Import benchmark: Accord against reference loaders measured in the same run.

Run from the repository root:  .venv/bin/python bench/import.py [--pg URL] [--json] ...
Every figure is the median objects/s over repetitions; see bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import os
import platform
import pstats
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

import orjson
from _common import (
    DEFAULT_BUNDLE,
    BenchError,
    Level,
    Timing,
    accord_import,
    accord_into_file,
    accord_pg,
    build_levels,
    copy_db,
    fresh_file,
    git_revision,
    log,
    pg_version,
    raw_pg,
    raw_sqlite,
    remove_db,
    runs,
    stix2_parse,
    summary,
)

from accord.store import open_store

RAW_GOAL = 0.5  # Accord >= 0.5 x the raw limit
FALL_GOAL = 20.0  # objects/s into a pre-filled store falls by at most 20 %
SCALING_COPIES = (0, 1, 10)  # synthetic copies of the bundle already stored: 0, ~25k, ~250k
LOADERS = {"accord": (accord_into_file, 0), "raw": (raw_sqlite, 1)}  # measure, file in Level


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/import.py",
        description="Benchmark importing a STIX bundle (MITRE ATT&CK) into Accord, against "
        "raw loaders and stix2, all measured in this run. Figures are medians of objects/s.",
    )
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="bundle to import")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions (default 5)")
    parser.add_argument(
        "--stix2-repeat", type=int, default=3, help="stix2.parse repetitions (default 3; 0 skips)"
    )
    parser.add_argument(
        "--pg",
        metavar="URL",
        default=os.environ.get("ACCORD_BENCH_DATABASE_URL"),
        help="PostgreSQL URL (default $ACCORD_BENCH_DATABASE_URL); omitted: no PostgreSQL",
    )
    parser.add_argument("--no-250k", action="store_true", help="skip the ~250k scaling level")
    parser.add_argument("--quick", action="store_true", help="smoke run: repeat 1, no 250k")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--profile", type=int, metavar="N", help="only profile one SQLite import: top N by tottime"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat, args.stix2_repeat, args.no_250k = 1, min(args.stix2_repeat, 1), True
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def ratio(a: dict[str, Any], b: dict[str, Any] | None) -> float | None:
    return a["objects_per_second"] / b["objects_per_second"] if b else None


def bench_sqlite(bundle: Path, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    log("SQLite: Accord import into a fresh store, and the raw executemany limit")
    accord = runs(args.repeat, "accord", lambda n: fresh_file(accord_into_file, bundle, tmp))
    raw = runs(args.repeat, "raw", lambda n: fresh_file(raw_sqlite, bundle, tmp))
    stix2 = None
    if args.stix2_repeat > 0:
        log("stix2.parse(allow_custom=True)")
        stix2 = runs(args.stix2_repeat, "stix2", lambda n: stix2_parse(bundle))
    vs_raw = ratio(accord, raw)
    return {
        "accord": accord,
        "raw_limit": raw,
        "stix2": stix2,
        "ratio_to_raw": vs_raw,
        "ratio_to_stix2": ratio(accord, stix2),
        "goal_ratio_to_raw": RAW_GOAL,
        "goal_met": vs_raw >= RAW_GOAL,
    }


def bench_postgres(bundle: Path, url: str, repeat: int) -> dict[str, Any]:
    log(f"PostgreSQL {pg_version(url)}: Accord import into a fresh schema, and COPY")
    accord = runs(repeat, "accord", lambda n: accord_pg(bundle, url))
    copy = runs(repeat, "copy", lambda n: raw_pg(bundle, url))
    vs_copy = ratio(accord, copy)
    return {
        "server_version": pg_version(url),
        "accord": accord,
        "copy_limit": copy,
        "ratio_to_copy": vs_copy,
        "goal_ratio_to_raw": RAW_GOAL,
        "goal_met": vs_copy >= RAW_GOAL,
    }


def bench_scaling(bundle: Path, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Import the bundle into stores already holding other objects: Accord into a pre-filled
    store, the raw reference into a raw table pre-filled with the same copies. Within each
    repetition every level and both loaders run in turn (which loader goes first alternates),
    each into a fresh copy of its pre-filled file."""
    levels = [c for c in SCALING_COPIES if not (args.no_250k and c >= 10)]
    log(f"Scaling: pre-filled SQLite stores and raw tables ({', '.join(map(str, levels))} copies)")
    files = build_levels(bundle, tmp, levels)
    timings: dict[int, dict[str, list[Timing]]] = {c: {k: [] for k in LOADERS} for c in levels}
    for number in range(args.repeat):
        for copies, level in files.items():
            for kind in sorted(LOADERS, reverse=number % 2 == 1):
                objects, seconds = prefilled_run(kind, bundle, level, tmp)
                timings[copies][kind].append((objects, seconds))
                log(f"  {copies} copies, {kind} #{number + 1}: {objects / seconds:,.0f} objects/s")
    return scaling_result(timings, files)


def prefilled_run(kind: str, bundle: Path, level: Level, tmp: Path) -> Timing:
    """One `kind` import into a fresh copy of its pre-filled file of `level`."""
    measure, which = LOADERS[kind]
    run_db = tmp / "run.db"
    copy_db(level[which], run_db)
    try:
        return measure(bundle, run_db)
    finally:
        remove_db(run_db)


def scaling_result(
    timings: dict[int, dict[str, list[Timing]]], files: dict[int, Level]
) -> dict[str, Any]:
    """Per level, Accord's figures and the raw reference's, each one's fall against its own
    empty level, and Accord / raw; the goal is on Accord's fall."""
    empty = {kind: summary(runs_)["objects_per_second"] for kind, runs_ in timings[0].items()}
    rows = [scaling_level(copies, timings[copies], files[copies], empty) for copies in timings]
    worst = max(row["fall_percent"] for row in rows)
    return {
        "levels": rows,
        "goal_fall_percent": FALL_GOAL,
        "goal_met": worst <= FALL_GOAL,
        "worst_fall_percent": worst,
        "raw_worst_fall_percent": max(row["raw_fall_percent"] for row in rows),
    }


def scaling_level(
    copies: int, timings: dict[str, list[Timing]], level: Level, empty: dict[str, float]
) -> dict[str, Any]:
    """Accord's summary at one level (top-level keys), with the raw reference's beside it."""
    result, raw = summary(timings["accord"]), summary(timings["raw"])
    result["other_objects"] = copies * result["objects"]
    result["db_megabytes"] = round(level[0].stat().st_size / 1e6)
    result["fall_percent"] = 100.0 * (1 - result["objects_per_second"] / empty["accord"])
    result["raw"] = raw
    result["raw_db_megabytes"] = round(level[1].stat().st_size / 1e6)
    result["raw_fall_percent"] = 100.0 * (1 - raw["objects_per_second"] / empty["raw"])
    result["ratio_to_raw"] = ratio(result, raw)
    return result


def profile(bundle: Path, tmp: Path, top: int) -> None:
    """cProfile one import_path into a fresh SQLite store (opening it is not profiled)."""
    store = open_store(f"sqlite:///{tmp / 'profile.db'}")
    try:
        profiler = cProfile.Profile()
        profiler.runcall(accord_import, store, bundle)
    finally:
        store.close()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def run_all(bundle: Path, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    results = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "revision": git_revision(),
        "bundle": str(bundle),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "repeat": args.repeat,
        "stix2_repeat": args.stix2_repeat,
    }
    results["sqlite_import"] = bench_sqlite(bundle, tmp, args)
    results["objects"] = results["sqlite_import"]["accord"]["objects"]
    results["postgres"] = bench_postgres(bundle, args.pg, args.repeat) if args.pg else None
    results["scaling"] = bench_scaling(bundle, tmp, args)
    return results


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def line(label: str, figures: dict[str, Any] | None) -> str:
    if figures is None:
        return f"  {label:<44} (skipped)"
    rate, low, high = figures["objects_per_second"], figures["min"], figures["max"]
    return f"  {label:<44} {rate:>10,.0f}   ({low:,.0f} .. {high:,.0f})"


def print_report(r: dict[str, Any]) -> None:
    s = r["sqlite_import"]
    print(f"Accord import benchmark, {r['date']}, Accord at {r['revision']}")
    print(f"bundle {r['bundle']} ({r['objects']:,} objects)")
    print(f"{r['machine']}; Python {r['python']}; SQLite {r['sqlite']}")
    print(f"medians of {r['repeat']} runs (stix2: {r['stix2_repeat']}); objects/s (min .. max)\n")
    print("SQLite")
    print(line("Accord import_path, fresh store", s["accord"]))
    print(line("raw limit: orjson + executemany, 1 tx", s["raw_limit"]))
    print(line("stix2.parse(allow_custom=True)", s["stix2"]))
    print(f"  Accord / raw limit: {s['ratio_to_raw']:.2f} "
          f"(goal >= {RAW_GOAL}: {verdict(s['goal_met'])})")  # fmt: skip
    if s["ratio_to_stix2"] is not None:
        print(f"  Accord / stix2:     {s['ratio_to_stix2']:.2f}")
    if r["postgres"]:
        print_postgres(r["postgres"])
    print_scaling(r["scaling"])


def print_postgres(p: dict[str, Any]) -> None:
    print(f"\nPostgreSQL {p['server_version']}")
    print(line("Accord import_path, fresh schema", p["accord"]))
    print(line("limit: orjson + psycopg COPY, 1 tx", p["copy_limit"]))
    print(f"  Accord / COPY limit: {p['ratio_to_copy']:.2f} "
          f"(goal >= {RAW_GOAL}: {verdict(p['goal_met'])})")  # fmt: skip


def print_scaling(sc: dict[str, Any]) -> None:
    print("\nScaling: Accord into a pre-filled SQLite store; raw: the raw limit into a raw table")
    print("holding the same synthetic copies. objects/s (min..max); falls vs the empty level")
    print(f"  {'other objects':>13} {'db MB A / raw':>14} {'Accord':>25} {'raw':>25}"
          f" {'Accord fall':>11} {'raw fall':>8} {'Accord/raw':>10}")  # fmt: skip
    for row in sc["levels"]:
        mb = f"{row['db_megabytes']:,} / {row['raw_db_megabytes']:,}"
        print(
            f"  {row['other_objects']:>13,} {mb:>14} {rate_range(row):>25} "
            f"{rate_range(row['raw']):>25} {row['fall_percent']:9.1f} % "
            f"{row['raw_fall_percent']:6.1f} % {row['ratio_to_raw']:>10.2f}"
        )
    print(f"  goal: Accord's fall <= {FALL_GOAL:.0f} % at every level: {verdict(sc['goal_met'])}")
    own = ", ".join(
        f"{r['raw_fall_percent']:.1f} % at {r['other_objects']:,}" for r in sc["levels"][1:]
    )
    print(f"  the raw reference's own fall (SQLite alone, same copies): {own} other objects")


def rate_range(figures: dict[str, Any]) -> str:
    rate, low, high = figures["objects_per_second"], figures["min"], figures["max"]
    return f"{rate:,.0f} ({low:,.0f}..{high:,.0f})"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.bundle.is_file():
        log(f"bench/import.py: bundle not found: {args.bundle}")
        log("  put the MITRE ATT&CK enterprise bundle there, or pass --bundle PATH")
        return 2
    bundle = args.bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as name:
        try:
            if args.profile:
                profile(bundle, Path(name), args.profile)
                return 0
            results = run_all(bundle, Path(name), args)
        except BenchError as exc:
            log(f"bench/import.py: {exc}")
            return 1
    if args.json:
        print(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())
    else:
        print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
