"""The flow of the architecture: a package imports only from packages to its left."""

from __future__ import annotations

import ast
from pathlib import Path

ACCORD = Path(__file__).resolve().parent.parent / "accord"
ORDER = [
    "documents", "extraction", "stix", "sharing", "store", "resolve", "analysis", "federation",
    {"service", "admin"},
    {"web", "cli"},
]  # fmt: skip
FOUNDATION = {"errors", "settings", "clock", "vocab", "samples"}


def rank(part: str) -> int:
    if part in FOUNDATION:
        return -1
    for position, layer in enumerate(ORDER):
        if part == layer or (isinstance(layer, set) and part in layer):
            return position
    raise AssertionError(f"accord.{part} is in no layer: add it to ORDER or FOUNDATION")


def imported_parts(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            if name.startswith("accord."):
                found.add(name.split(".")[1])
    return found


def test_packages_import_only_leftwards() -> None:
    wrong = []
    for path in ACCORD.rglob("*.py"):
        relative = path.relative_to(ACCORD)
        if len(relative.parts) == 1 and relative.stem in ("__init__", "__main__"):
            continue  # the public API and the entry point may gather from everywhere
        own = relative.parts[0].removesuffix(".py")
        for part in imported_parts(ast.parse(path.read_text())):
            if part != own and rank(part) > rank(own):
                wrong.append(f"{relative} imports accord.{part}")
    assert wrong == []


def test_no_relative_imports() -> None:
    relative = [
        str(path.relative_to(ACCORD))
        for path in ACCORD.rglob("*.py")
        if any(
            isinstance(n, ast.ImportFrom) and n.level for n in ast.walk(ast.parse(path.read_text()))
        )
    ]
    assert relative == []
