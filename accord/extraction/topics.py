"""Security topics a document substantively discusses, from the fixed list in vocab.Topic.

Each topic has a lexicon of stems and phrases (written for the domain, not for any document).
A topic counts when its cues carry enough weight: a strong cue (the topic's own name, a body
devoted to it) weighs 2, a weaker cue 1, and a passing word is not enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from accord.documents.cues import (
    Cue,
    Present,
    Vocabulary,
    cue_of,
    finditer_at,
    prefix_cue_of,
)
from accord.extraction.findings import Span, TopicFinding
from accord.vocab import Topic

THRESHOLD = 2

# (pattern, weight). Patterns are case-insensitive regular expressions over the text.
_LEXICON: dict[Topic, tuple[tuple[str, int], ...]] = {
    Topic.TERRORISM: (
        (r"\b(?:counter-?|anti-?)?terroris[mt]\w*", 2),
        (r"\bantiterror\w*", 2),
        (r"\bjihad\w*", 1),
        (r"\bmilitants?\b", 1),
        (r"\bsuicide bomb\w*", 2),
    ),
    Topic.EXTREMISM: (
        (r"\bextremis[mt]\w*", 2),
        (r"\bradicali[sz]\w*", 2),
        (r"\bseparatis[mt]\w*", 2),
        (r"\bsecession\w*", 2),
        (r"\bhate speech\b", 1),
    ),
    Topic.DRUG_TRAFFICKING: (
        (r"\bdrugs?\b", 1),
        (r"\bnarcoti\w+", 2),
        (r"\bdrug[- ]traffick\w*", 2),
        (r"\banti-?drugs?\b", 2),
        (r"\bheroin\b|\bcocaine\b|\bopi(?:um|ates?)\b|\bcannabis\b", 1),
        (r"\bcartels?\b|\bmethamphetamine\b|\bfentanyl\b", 1),
        (r"\bsynthetic drugs\b|\bpsychotropic\b|\bprecursors?\b|\bcaptagon\b", 1),
        (r"\bdrug traffic\b", 2),
        (r"\btraffick\w* (?:of|in) (?:\w+ )?(?:drugs|narcotics)\b", 2),
        (r"\b(?:circulation|smuggling|sales?) of (?:\w+ )?drugs\b", 2),
        (r"\bdrugs? (?:smuggling|trade|routes?|seizures?|couriers?|cartels?|control)\b", 2),
    ),
    Topic.ARMS_TRAFFICKING: (
        (r"\b(?:arms|weapons?|firearms?|guns?) (?:traffick|smuggl)\w*", 2),
        (r"\b(?:traffick|smuggl)\w* (?:in |of )?(?:arms|weapons?|firearms?|guns)\b", 2),
        (r"\billicit (?:arms|weapons?|firearms?)\b", 2),
        (r"\bfirearms?\b", 1),
        (r"\btrade in (?:arms|weapons)\b", 2),
        (r"\bshipments? of (?:rifles|weapons|arms)\b", 2),
        (r"\bcarry weapons\b", 1),
        (r"\bsmall arms\b", 1),
        (r"\b(?:drugs|narcotics) and (?:arms|weapons)\b", 2),
        (r"\bsmuggl\w* (?:of )?(?:small )?(?:arms|weapons|firearms)\b", 2),
        # "weapons and drone components are being smuggled"
        (
            r"\b(?:weapons|arms|firearms|ammunition)(?:\s+\w+){0,4}\s+(?:being\s+|been\s+)?"
            r"smuggled\b",
            2,
        ),
    ),
    Topic.HUMAN_TRAFFICKING: (
        (r"\bhuman traffick\w*", 2),
        (r"\btraffick\w* in (?:human beings|persons|people)\b", 2),
        (r"\bforced labou?r\b|\bsexual exploitation\b", 1),
        (r"\bvictims of trafficking\b|\btrafficking victims?\b", 2),
        (r"\btraffickers\b", 1),
    ),
    Topic.ILLEGAL_MIGRATION: (
        (r"\billegal migra\w*", 2),
        (r"\birregular migra\w*", 2),
        (r"\bmigrant smuggl\w*", 2),
        (r"\bsmuggl\w* (?:of )?migrants\b", 2),
        (r"\bmigrants?\b", 1),
        (r"\billegal (?:border )?crossings?\b", 1),
        (r"\billegal migrants?\b", 2),
        (r"\bmigration (?:pressure|flows?|routes?)\b|\binstrumentali[sz]\w* (?:of )?migra\w*", 2),
        (r"\bcross\w* (?:the |a )?border illegally\b|\billegally cross\w*", 1),
        (r"\bpeople[- ]smuggl\w*|\bsmuggl\w* (?:of )?people\b", 2),
        (r"\basylum[- ]seekers?\b|\bundocumented\b", 1),
    ),
    Topic.MONEY_LAUNDERING: (
        (r"\bmoney[- ]launder\w*", 2),
        (r"\blaunder\w*", 1),
        (r"\bterroris[mt] financ\w*", 2),
        (r"\bfinancing of terrorism\b", 2),
        # "persons who finance terrorist activity", "financed terrorism"
        (r"\bfinanc\w* terroris[mt]\w*", 2),
        (r"\bsuspicious (?:transactions?|transfers?|payments?)\b", 2),
        (r"\bdrug money\b|\bdirty money\b|\bfinancial reporting\b", 1),
        (r"\bhawala\b", 1),
        (r"\billicit financ\w*", 1),
        (r"\bfinancial intelligence\b", 1),
        (r"\bmule accounts?\b|\bmoney mules?\b|\bunderground banking\b", 2),
        (r"\bproceeds of crime\b|\bcriminal proceeds\b|\billicit proceeds\b", 2),
        (r"\basset recovery\b", 1),
    ),
    Topic.ORGANIZED_CRIME: (
        (r"\borgani[sz]ed crime\b", 2),
        (r"\btransnational (?:organi[sz]ed )?crimes?\b", 2),
        (r"\bcriminal (?:groups?|networks?|organi[sz]ations?)\b", 1),
        (r"\bgangs?\b|\bmafia\b|\bracketeering\b", 1),
        (r"\bcriminal activit\w*", 1),
        (r"\bsmuggl\w*", 1),
        (r"\bcross-border crime\b|\btransfrontier crime\b", 2),
        (r"\bcriminal\b", 1),
        (r"\bcrimes?\b", 1),
    ),
    Topic.CYBERSECURITY: (
        (r"\bcyber\w*", 2),
        (r"\binformation security\b", 2),
        (r"\bhack\w*", 1),
        (r"\binformation warfare\b", 2),
        (r"\bonline fraud\b|\binternet fraud\b", 2),
        (r"\bIT crime\b|\bcomputer crime\b", 2),
        (r"\bransomware\b|\bmalware\b", 2),
        (r"\bonline (?:investment )?(?:scams?|fraud)\b", 2),
        (r"\btele(?:com|communications?) (?:fraud|scams?)\b|\bphone scams?\b", 2),
        (r"\bcritical information infrastructure\b", 2),
        (r"\bdarknet\b|\bdark web\b", 1),
        (
            r"\b(?:crimes?|offences?)\b(?:\W+\w+){0,6}\W+"
            r"(?:information|computer|digital) technolog",
            2,
        ),
    ),
    Topic.WMD_PROLIFERATION: (
        (r"\bweapons of mass destruction\b|\bWMD\b", 2),
        (r"\bradioactive\b|\bnuclear\b", 1),
        (r"\b(?:chemical|biological|toxin|bacteriological)(?: and \w+)? weapons?\b", 2),
        (r"\bnon-?proliferation\b", 2),
        (r"\bradiological\b|\bdirty bombs?\b", 2),
        (r"\bCBRN\b", 2),
    ),
    Topic.DISASTER_RESPONSE: (
        (r"\bdisasters?\b", 2),
        (r"\bemergenc(?:y|ies)\b", 1),
        (r"\bearthquakes?\b|\bfloods?\b", 1),
        (r"\bmudflows?\b|\blandslides?\b|\bavalanches?\b", 1),
        (r"\bcivil (?:protection|defen[cs]e)\b", 2),
        (r"\bpandemic\w*\b|\bepidemic\w*\b", 2),
        (r"\brescue\b", 1),
    ),
    Topic.BORDER_SECURITY: (
        (r"\bborders?\b", 1),
        (r"\bborder (?:security|protection|guards?|troops|service|management|control)\b", 2),
        (r"\bcross-border\b", 1),
        (r"\bfrontier\w*", 1),
        (r"\bcheckpoints?\b", 1),
    ),
    Topic.ENERGY_SECURITY: (
        (r"\benergy security\b", 2),
        (r"\bpipelines?\b", 1),
        (r"\b(?:oil|gas|oil and gas|energy) pipelines?\b", 1),
        (r"\bprotect\w* (?:the )?[\w–-]+ pipelines?\b", 1),
        (r"\benergy (?:infrastructure|supply|supplies)\b", 2),
        (r"\boil and gas\b|\bgas supply\b", 1),
        (r"\btankers?\b", 1),
    ),
    Topic.ARMED_CONFLICT: (
        (r"\bwars?\b", 1),
        (r"\barmed conflicts?\b", 2),
        (r"\bmilitary actions?\b", 2),
        (r"\boccupation\b|\boccupied\b", 2),
        (r"\bceasefire\b|\bhostilities\b", 2),
        (r"\bconflicts?\b", 1),
        (r"\bfighting\b|\bclashes\b", 1),
        (r"\bterritorial integrity\b", 1),
    ),
    Topic.MILITARY_OPERATIONS: (
        (r"\bpeace[- ]?(?:keeping|support)\b", 2),
        (r"\brapid[- ]deployment\b", 2),
        (r"\bmultinational (?:forces?|missions?|operations?)\b", 2),
        (r"\bdeployments?\b", 1),
        (r"\bmilitary (?:operations?|missions?)\b", 2),
        (r"\bjoint forces?\b|\bcollective forces?\b", 2),
        (r"\bnaval forces?\b|\bnavies\b", 1),
        (r"\bISAF\b|\bKFOR\b|\bmission in\b", 1),
    ),
    Topic.DEFENCE_REFORM: (
        (r"\b(?:defen[cs]e|security sector) reform\b", 2),
        (r"\btraining (?:of|for) \w+", 1),
        (r"\btrain(?:ed|ing)?\b", 1),
        (r"\bequip(?:ping|ment|ped)?\b", 1),
        (r"\bcapacity[- ]building\b", 1),
        (r"\binteroperability\b", 1),
        (r"\bcourses?\b", 1),
        (r"\bacadem(?:y|ies)\b", 1),
    ),
    Topic.DEMINING: (
        (r"\bdemining\b|\bde-mining\b", 2),
        (r"\blandmines?\b|\bmines?\b", 1),
        (r"\bunexploded\b|\bUXO\b|\bexplosive remnants\b", 2),
        (r"\bmine (?:clearance|action)\b", 2),
    ),
    Topic.TRANSPORT_SECURITY: (
        (r"\brailways?\b|\brail\b", 1),
        (r"\baviation\b|\bairports?\b", 1),
        (r"\bshipping\b|\bmaritime\b|\bsea lanes\b|\bports?\b", 1),
        (r"\btransport security\b", 2),
        (r"\bpiracy\b|\bfreedom of navigation\b", 2),
    ),
    Topic.LEGAL_COOPERATION: (
        (r"\blegal (?:assistance|cooperation)\b", 2),
        (r"\bextradit\w*", 2),
        (r"\bharmoni[sz]\w* (?:of )?(?:the )?(?:legislation|laws?)\b", 2),
        (r"\blegislation\b", 1),
        (r"\bmutual legal\b", 2),
        (r"\bjudicial cooperation\b", 2),
        (r"\blaws\b", 1),
    ),
}


_Compiled = tuple[regex.Pattern[str], int, Cue | None, Cue | None]
_MANY_STARTS = 40  # past so many places to try, one scan of the text is cheaper


@cache
def _compiled() -> dict[Topic, tuple[_Compiled, ...]]:
    """Each cue's pattern and weight, with the literals one of which its every match holds
    and those one of which it begins with (accord.documents.cues): a pattern whose literals
    are not in the text is not run, and one that begins with a literal is only tried where
    the literal is."""
    return {
        topic: tuple(
            (regex.compile(pattern, regex.IGNORECASE), weight, cue_of(pattern),
             prefix_cue_of(pattern))
            for pattern, weight in cues
        )
        for topic, cues in _LEXICON.items()
    }  # fmt: skip


@cache
def _vocabulary() -> Vocabulary:
    """Every literal of the cues, found in one pass over a text."""
    return Vocabulary(cue for cues in _compiled().values() for _, _, *both in cues for cue in both)


# What the kind of a named group says of the topic its mentions weigh for (1 each).
_GROUP_TOPICS = {"terrorist": Topic.TERRORISM, "insurgent": Topic.TERRORISM,
                 "extremist": Topic.EXTREMISM, "criminal": Topic.ORGANIZED_CRIME,
                 "cyber": Topic.CYBERSECURITY}  # fmt: skip


def find_topics(
    text: str,
    threshold: int = THRESHOLD,
    groups: Sequence[tuple[str, Span]] = (),
) -> tuple[TopicFinding, ...]:
    """Topics whose cues in `text` weigh at least `threshold`, each with its evidence spans;
    `groups`: the kind and span of each mention of a named group ("terrorist", ...), which
    weighs 1 for the topic its kind says ("al-Shabaab" for terrorism)."""
    named: dict[Topic, list[Span]] = {}
    for kind, span in sorted(groups, key=lambda group: group[1]):
        if kind in _GROUP_TOPICS:
            spans = named.setdefault(_GROUP_TOPICS[kind], [])
            if spans and span[0] - spans[-1][1] <= 3:
                continue  # "al-Qaeda in the Islamic Maghreb (AQIM)": one mention
            spans.append(span)
    found = []
    where = Present(text, (), _vocabulary())
    held = where.found()  # every cue is of the vocabulary: where.has(cue), as one set test
    for topic, cues in _compiled().items():
        spans = list(named.get(topic, ()))
        weight = len(spans)
        for pattern, cue_weight, cue, first in cues:
            if cue is not None and held.isdisjoint(cue):
                continue
            starts = where.starts(first) if first else None
            if starts is not None and len(starts) <= _MANY_STARTS:
                matches = finditer_at(pattern, text, starts)
            else:
                matches = pattern.finditer(text)
            for match in matches:
                weight += cue_weight
                spans.append(match.span())
        if weight >= threshold:
            found.append(TopicFinding(topic, tuple(sorted(set(spans)))))
    return tuple(found)
