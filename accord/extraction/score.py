"""Score extraction records against gold (docs: extraction-spec, "How a record is scored").

    score(gold, predicted) -> Scores         micro P/R/F1 per list over all documents, attributes
    per_document(gold, predicted)            one Scores per gold document, worst first
    diff(gold_record, predicted_record)      missed, spurious and mismatched items, per list
    format_table(scores)                     a plain-text table for people

Where the spec leaves room:

- The documents are the gold ones: a predicted record for a document without gold is ignored;
  a gold document without a predicted record is scored against an empty record.
- Every list is matched one-to-one, greedily: candidate pairs by falling score, ties by position.
- A list with nothing in gold and nothing predicted scores P = R = F1 = 1; otherwise an empty
  denominator gives 0. An accuracy over no pairs is None.
- Roles are scored over matched persons only: tp = matched role pairs, fp and fn = the predicted
  and gold roles of matched persons left unpaired.
- Country, status and kind accuracies are over matched pairs; null equals null.
- The matching rules themselves, and their open points, are in `accord.extraction.normalise`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from accord.errors import InputError
from accord.extraction.normalise import (
    SIMILARITIES,
    Record,
    as_text,
    country_code,
    greedy_pairs,
    role_score,
    same_field,
)

LISTS = ("persons", "organizations", "threat_actors", "countries", "locations", "meetings",
         "topics", "quotes", "initiatives")  # fmt: skip
HEADLINE = tuple(name for name in LISTS if name != "threat_actors")
_ACCURACIES = {"published": "published", "person_country": "country",
               "meeting_status": "status", "initiative_kind": "kind",
               "initiative_status": "status"}  # fmt: skip
_PAIR_CHECKS = {"persons": ("person_country",), "meetings": ("meeting_status",),
                "initiatives": ("initiative_kind", "initiative_status")}  # fmt: skip


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListScore:
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> ListScore:
        empty = 1.0 if fp == fn == 0 else 0.0  # nothing expected and nothing found is perfect
        precision = tp / (tp + fp) if tp + fp else empty
        recall = tp / (tp + fn) if tp + fn else empty
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp, fp, fn, precision, recall, f1)


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int
    total: int
    accuracy: float | None

    @classmethod
    def from_counts(cls, correct: int, total: int) -> Accuracy:
        return cls(correct, total, correct / total if total else None)


@dataclass(frozen=True, slots=True)
class Scores:
    documents: int
    persons: ListScore
    organizations: ListScore
    threat_actors: ListScore
    countries: ListScore
    locations: ListScore
    meetings: ListScore
    topics: ListScore
    quotes: ListScore
    initiatives: ListScore
    published: Accuracy
    person_country: Accuracy
    person_roles: ListScore
    meeting_status: Accuracy
    initiative_kind: Accuracy
    initiative_status: Accuracy
    macro_f1: float

    def lists(self) -> dict[str, ListScore]:
        """The per-list scores in the spec's order."""
        return {name: getattr(self, name) for name in LISTS}

    def as_dict(self) -> dict[str, Any]:
        """Nested dicts of ints, floats and None, ready for JSON."""
        return asdict(self)


def items(record: Record | None, name: str) -> list[Any]:
    """A record's list (absent or null: empty); code lists folded, deduplicated and sorted."""
    values = list((record or {}).get(name) or [])
    if name == "countries":
        return sorted({code for value in values if (code := country_code(value))})
    if name == "topics":
        return sorted({value.strip().lower() for value in values if isinstance(value, str)})
    return values


# --- counting ------------------------------------------------------------------------------


def _tally(key: str, tp: int, fp: int, fn: int) -> Counter[str]:
    return Counter({f"{key}.tp": tp, f"{key}.fp": fp, f"{key}.fn": fn})


def _check(key: str, correct: bool) -> Counter[str]:
    return Counter({f"{key}.correct": int(correct), f"{key}.total": 1})


def _pair_counts(name: str, gold: Record, predicted: Record) -> Counter[str]:
    """The attribute counts of one matched pair of list `name`."""
    counts: Counter[str] = Counter()
    for key in _PAIR_CHECKS.get(name, ()):
        counts.update(_check(key, same_field(gold, predicted, _ACCURACIES[key])))
    if name == "persons":
        roles = list(gold.get("roles") or []), list(predicted.get("roles") or [])
        tp = len(greedy_pairs(*roles, role_score))
        counts.update(_tally("person_roles", tp, len(roles[1]) - tp, len(roles[0]) - tp))
    return counts


def _published(record: Record | None) -> str | None:
    return as_text((record or {}).get("published")).strip() or None


def _document_counts(gold: Record, predicted: Record | None) -> Counter[str]:
    """Every count one document adds: tp/fp/fn per list and for roles, attribute checks."""
    counts = _check("published", _published(gold) == _published(predicted))
    for name in LISTS:
        gold_items, predicted_items = items(gold, name), items(predicted, name)
        pairs = greedy_pairs(gold_items, predicted_items, SIMILARITIES[name])
        tp = len(pairs)
        counts.update(_tally(name, tp, len(predicted_items) - tp, len(gold_items) - tp))
        for g, p in pairs:
            counts.update(_pair_counts(name, gold_items[g], predicted_items[p]))
    return counts


def _scores(counts: Counter[str], documents: int) -> Scores:
    values: dict[str, Any] = {
        key: ListScore.from_counts(counts[f"{key}.tp"], counts[f"{key}.fp"], counts[f"{key}.fn"])
        for key in (*LISTS, "person_roles")
    }
    for key in _ACCURACIES:
        values[key] = Accuracy.from_counts(counts[f"{key}.correct"], counts[f"{key}.total"])
    macro_f1 = sum(values[name].f1 for name in HEADLINE) / len(HEADLINE)
    return Scores(documents=documents, macro_f1=macro_f1, **values)


# --- public API ----------------------------------------------------------------------------


def _by_doc(records: Sequence[Record], side: str) -> dict[str, Record]:
    indexed: dict[str, Record] = {}
    for position, record in enumerate(records):
        doc = record.get("doc")
        if not isinstance(doc, str) or not doc:
            raise InputError(f"{side} record #{position} has no doc")
        if doc in indexed:
            raise InputError(f"{side} records hold {doc} twice")
        indexed[doc] = record
    return indexed


def score(gold: Sequence[Record], predicted: Sequence[Record]) -> Scores:
    """Micro-averaged scores of `predicted` against `gold`, records paired by "doc"."""
    expected, found = _by_doc(gold, "gold"), _by_doc(predicted, "predicted")
    counts: Counter[str] = Counter()
    for doc, record in expected.items():
        counts.update(_document_counts(record, found.get(doc)))
    return _scores(counts, len(expected))


def per_document(gold: Sequence[Record], predicted: Sequence[Record]) -> list[tuple[str, Scores]]:
    """One Scores per gold document, the worst macro F1 first (ties by document name)."""
    found = _by_doc(predicted, "predicted")
    scored = [
        (doc, _scores(_document_counts(record, found.get(doc)), 1))
        for doc, record in _by_doc(gold, "gold").items()
    ]
    return sorted(scored, key=lambda pair: (pair[1].macro_f1, pair[0]))


def _wrong_fields(name: str, gold: Record, predicted: Record) -> list[str]:
    counts = _pair_counts(name, gold, predicted)
    wrong = [field for key, field in _ACCURACIES.items() if counts[f"{key}.correct"]
             < counts[f"{key}.total"]]  # fmt: skip
    return [*wrong, "roles"] if counts["person_roles.fp"] or counts["person_roles.fn"] else wrong


def diff(gold_record: Record, predicted_record: Record | None) -> dict[str, Any]:
    """For one document: both publication dates, and per list the gold items missed
    ("missed"), the predicted items matching nothing ("spurious"), and the matched pairs whose
    attributes disagree ("mismatched": persons' country or roles, meetings' status,
    initiatives' kind or status)."""
    published = {"gold": _published(gold_record), "predicted": _published(predicted_record)}
    result: dict[str, Any] = {"doc": gold_record.get("doc"), "published": published}
    for name in LISTS:
        gold_items, predicted_items = items(gold_record, name), items(predicted_record, name)
        pairs = greedy_pairs(gold_items, predicted_items, SIMILARITIES[name])
        paired_gold, paired_predicted = {g for g, _ in pairs}, {p for _, p in pairs}
        mismatched = [
            {"gold": gold_items[g], "predicted": predicted_items[p], "fields": wrong}
            for g, p in pairs
            if (wrong := _wrong_fields(name, gold_items[g], predicted_items[p]))
        ]
        result[name] = {
            "missed": [x for i, x in enumerate(gold_items) if i not in paired_gold],
            "spurious": [x for i, x in enumerate(predicted_items) if i not in paired_predicted],
            "mismatched": mismatched,
        }
    return result


def _row(label: str, value: ListScore) -> str:
    rates = f"{value.precision:>7.3f}{value.recall:>7.3f}{value.f1:>7.3f}"
    return f"{label:<18}{rates}{value.tp:>6}{value.fp:>6}{value.fn:>6}"


def format_table(scores: Scores) -> str:
    """Lists as rows (P, R, F1, tp/fp/fn), then roles, the accuracies and the headline."""
    lines = [f"{'list':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    lines += [_row(name, value) for name, value in scores.lists().items()]
    lines += [_row("person roles", scores.person_roles), "", f"{'accuracy':<18}{'':>7}correct"]
    for field in fields(scores):
        value = getattr(scores, field.name)
        if isinstance(value, Accuracy):
            shown = "-" if value.accuracy is None else f"{value.accuracy:.3f}"
            lines.append(f"{field.name:<18}{shown:>7}  {value.correct}/{value.total}")
    headline = f"macro F1, {len(HEADLINE)} lists without threat_actors: {scores.macro_f1:.3f}"
    return "\n".join([*lines, "", f"{headline} ({scores.documents} documents)"])
