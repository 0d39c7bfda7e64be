"""``accord extract``, ``accord eval`` and ``accord ingest``."""

from __future__ import annotations

from pathlib import Path

import click
import orjson

from accord.cli.main import AppContext, cli, echo_json
from accord.cli.progress import progress_factory
from accord.cli.sharing import owner_for
from accord.cli.transfer import finish, import_sharing_options, print_report, sharing_choice
from accord.service import evaluate, extraction_bundle, extraction_record, ingest_paths


@cli.command("extract")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--record",
    is_flag=True,
    help="Print the evaluation record of each file (docs: extraction-spec).",
)
@click.option(
    "--stix",
    is_flag=True,
    help="Print the STIX 2.1 bundle of each file (report, entities, facts, provenance).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write <stem>.json per input into this directory instead of printing.",
)
def extract(paths: tuple[Path, ...], record: bool, stix: bool, out_dir: Path | None) -> None:
    """Read documents (.txt, .html, .pdf, .docx) and print what Accord finds in them: the
    evaluation record (--record) or the STIX bundle (--stix) of each."""
    if record == stix:
        raise click.UsageError("give exactly one of --record and --stix")
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        result = extraction_record(path) if record else extraction_bundle(path)
        if out_dir is None:
            echo_json(result)
        else:
            target = out_dir / f"{path.stem}.json"
            target.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
            click.echo(f"{path} -> {target}", err=True)


@cli.command("eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Directory of gold records (<stem>.json).",
)
@click.option(
    "--docs",
    "docs_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Directory of the documents the records describe.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_(gold_dir: Path, docs_dir: Path, as_json: bool) -> None:
    """Score extraction against gold records: precision, recall and F1 per list, and the
    headline macro F1 (persons, organizations, countries, locations, meetings, topics,
    quotes, initiatives)."""
    from accord.extraction.score import format_table

    scores, _ = evaluate(gold_dir, docs_dir)
    if as_json:
        echo_json(scores.as_dict())
    else:
        click.echo(format_table(scores))


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@click.option("--progress/--no-progress", default=None,
              help="Show progress [default: on a terminal].")  # fmt: skip
@click.pass_obj
def ingest(
    app: AppContext, paths: tuple[str, ...], as_json: bool, progress: bool | None, org: str | None,
    tlp: str | None, distribution: str | None, groups: tuple[str, ...],
) -> None:  # fmt: skip
    """Extract documents (.txt, .html, .pdf, .docx) into the store, and import STIX bundles
    (.json, .json.gz) met on the way. Directories are searched recursively.

    Each document is stored with everything found in it in one transaction; a document
    already stored (same digest) is left as it is. Each is a source, shared as --tlp and
    --distribution say (by default the operator's alone, TLP:AMBER). A bundle or a MISP
    event takes what these options leave unsaid from its own markings, distribution and
    tlp:* tag, as `accord import` does (docs/sharing.md).
    """
    service = app.service()
    sharing = sharing_choice(app, tlp, distribution, groups)
    owner = owner_for(app, org)
    reports = []
    for path in ingest_paths(paths):
        report = service.ingest_path(
            path, progress=progress_factory(progress), sharing=sharing, owner=owner
        )
        reports.append(report)
        if not as_json:
            print_report(report)
    finish(reports, as_json)


ingest.params.extend(import_sharing_options())
