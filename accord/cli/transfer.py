"""``accord import`` and ``accord export``."""

from __future__ import annotations

import gzip
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

import click

from accord.cli import exits
from accord.cli.main import AppContext, cli, echo_json
from accord.cli.progress import progress_factory
from accord.cli.sharing import make_sharing, owner_for, sharing_options
from accord.service import ImportReport, bundle_paths
from accord.service.imports import SharingChoice
from accord.sharing import SYSTEM
from accord.store import ObjectQuery
from accord.store.model import Sharing
from accord.vocab import TLP, Distribution

_SHOWN_PROBLEMS = 20


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Import the valid objects of a bundle and report the rest, instead of "
    "refusing the whole bundle.",
)
@click.option("--strict", is_flag=True, help="Also run the OASIS stix2-validator (slower).")
@click.option(
    "--format",
    "input_format",
    type=click.Choice(["auto", "stix", "misp"]),
    default="auto",
    show_default=True,
    help="What the files are: STIX bundles, MISP events (and feeds), or recognised by content.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@click.option(
    "--progress/--no-progress", default=None, help="Show progress [default: on a terminal]."
)
@click.pass_obj
def import_(
    app: AppContext,
    paths: tuple[str, ...],
    skip_invalid: bool,
    strict: bool,
    input_format: str,
    as_json: bool,
    progress: bool | None,
    org: str | None,
    tlp: str | None,
    distribution: str | None,
    groups: tuple[str, ...],
) -> None:
    """Import STIX 2.1 bundles, OpenCTI exports and MISP events: files (.json, .json.gz),
    directories, MISP feeds (a directory with a manifest.json, or the manifest), or - for
    stdin.

    Each file is atomic: one invalid object refuses the whole file, with every problem
    reported, and nothing of it is written (unless --skip-invalid). Importing the same
    file twice adds nothing; a newer `modified` adds a version. Each file is a source,
    shared as --tlp and --distribution say; what they leave out comes from the input (a
    MISP event's distribution and tlp tag, a bundle's TLP markings), else the operator's
    alone, TLP:AMBER.
    """
    service = app.service()
    sharing = sharing_choice(app, tlp, distribution, groups)
    owner = owner_for(app, org)
    reports = []
    for path in bundle_paths(paths):
        report = service.import_path(
            path, skip_invalid=skip_invalid, strict=strict, progress=progress_factory(progress),
            sharing=sharing, owner=owner, format=input_format,
        )  # fmt: skip
        reports.append(report)
        if not as_json:
            print_report(report)
    finish(reports, as_json)


def sharing_choice(
    app: AppContext, tlp: str | None, distribution: str | None, groups: tuple[str, ...]
) -> Sharing | SharingChoice:
    """Both given: that sharing. Otherwise the parts given (--group alone means
    --distribution groups), the rest to come from the input."""
    if groups and distribution is None:
        distribution = "groups"
    if tlp is not None and distribution is not None:
        return make_sharing(app, tlp, distribution, groups)
    named = make_sharing(app, "clear", "groups", groups).groups if groups else ()
    return SharingChoice(
        TLP(tlp.lower()) if tlp else None,
        Distribution(distribution.lower()) if distribution else None,
        named,
    )


def finish(reports: list[ImportReport], as_json: bool) -> None:
    """Print the totals (or everything, as JSON) and exit with the code the reports call for."""
    if as_json:
        echo_json({"reports": [r.as_dict() for r in reports], "totals": _totals(reports)})
    elif len(reports) > 1:
        totals = _totals(reports)
        click.echo(
            f"total: {totals['files']} files, {totals['objects']} objects, "
            f"{totals['written']} written, {totals['refused_files']} files refused"
        )
    if any(r.error for r in reports):
        sys.exit(exits.INPUT)
    if any(r.rejected for r in reports):
        sys.exit(exits.REJECTED_OBJECTS)


def _totals(reports: list[ImportReport]) -> dict[str, int]:
    return {
        "files": len(reports),
        "objects": sum(r.objects for r in reports),
        "written": sum(r.added + r.new_versions + r.history for r in reports),
        "rejected": sum(r.rejected for r in reports),
        "refused_files": sum(1 for r in reports if r.error),
    }


def print_report(report: ImportReport) -> None:
    if report.error:
        click.echo(f"accord: error: {report.error}; nothing was written", err=True)
    elif report.document == "already stored":
        click.echo(f"{report.source}: already stored, nothing to do")
    else:
        click.echo(
            f"{report.source}: {report.objects} objects: {report.added} added, "
            f"{report.new_versions} new versions, {report.history} older versions kept, "
            f"{report.unchanged} unchanged, {report.rejected} rejected "
            f"in {report.seconds:.2f} s ({report.objects_per_second:,.0f} objects/s)"
        )
    for written in report.sharing:
        groups = ",".join(map(str, written["groups"])) or "-"
        click.echo(f"  {report.source}: source {written['source']}: {written['objects']} "
                   f"objects, TLP:{written['tlp'].upper()}, {written['distribution']}, "
                   f"groups {groups}")  # fmt: skip
    if report.sharing and report.sharing_from:
        said = {"given": "the command line", "default": "the default"}
        tlp, distribution = (said.get(o, o) for o in (report.sharing_from.get("tlp", "-"),
                             report.sharing_from.get("distribution", "-")))  # fmt: skip
        click.echo(f"  {report.source}: TLP from {tlp}, distribution from {distribution}")
    for note in report.notes:
        click.echo(f"  {report.source}: note: {note}")
    for problem in report.problems[:_SHOWN_PROBLEMS]:
        click.echo(f"  {report.source}: {problem}", err=True)
    if len(report.problems) > _SHOWN_PROBLEMS:
        click.echo(
            f"  ... and {len(report.problems) - _SHOWN_PROBLEMS} more problems "
            "(--json lists them all)",
            err=True,
        )


def import_sharing_options() -> list[click.Option]:
    """The sharing options, with no defaults: what is not given comes from the input."""
    options = sharing_options()
    for option in options:
        if option.name in ("tlp", "distribution"):
            option.default = None
            option.show_default = False
    options[1].help = "The TLP 2.0 level [default: from the input, else amber]."
    options[2].help = "Who it goes to (docs/sharing.md) [default: from the input, else owner]."
    return options


import_.params.extend(import_sharing_options())


@cli.command("export")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Only this type (repeatable).")
@click.option("--id", "ids", multiple=True, metavar="ID", help="Only this id (repeatable).")
@click.option("--added-after", metavar="TIMESTAMP", help="Only objects added after this time.")
@click.option(
    "--modified-after", metavar="TIMESTAMP", help="Only versions modified after this time."
)
@click.option("--all-versions", is_flag=True, help="Every stored version, not only the latest.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default="-",
    show_default=True,
    help="Where to write the bundle; a name ending .gz is gzipped.",
)
@click.pass_obj
def export(
    app: AppContext,
    types: tuple[str, ...],
    ids: tuple[str, ...],
    added_after: str | None,
    modified_after: str | None,
    all_versions: bool,
    output: Path,
) -> None:
    """Stream stored objects out as one STIX 2.1 bundle."""
    query = ObjectQuery(
        types=types,
        ids=ids,
        added_after=added_after,
        modified_after=modified_after,
        versions="all" if all_versions else "latest",
    )
    service = app.service()
    with ExitStack() as stack:
        out: BinaryIO
        if str(output) == "-":
            out = sys.stdout.buffer
        elif output.name.endswith(".gz"):
            out = stack.enter_context(gzip.open(output, "wb"))  # type: ignore[assignment]
        else:
            out = stack.enter_context(output.open("wb"))
        count = service.export(query, out, viewer=SYSTEM)
    if str(output) != "-":
        click.echo(f"{output}: {count} objects exported", err=True)
