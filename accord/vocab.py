"""Closed vocabularies, declared once. Values are the codes used in STIX objects, in the
evaluation record (docs: extraction-spec) and in the API."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    TERRORISM = "terrorism"
    EXTREMISM = "extremism"
    DRUG_TRAFFICKING = "drug-trafficking"
    ARMS_TRAFFICKING = "arms-trafficking"
    HUMAN_TRAFFICKING = "human-trafficking"
    ILLEGAL_MIGRATION = "illegal-migration"
    MONEY_LAUNDERING = "money-laundering"
    ORGANIZED_CRIME = "organized-crime"
    CYBERSECURITY = "cybersecurity"
    WMD_PROLIFERATION = "wmd-proliferation"
    DISASTER_RESPONSE = "disaster-response"
    BORDER_SECURITY = "border-security"
    ENERGY_SECURITY = "energy-security"
    ARMED_CONFLICT = "armed-conflict"
    MILITARY_OPERATIONS = "military-operations"
    DEFENCE_REFORM = "defence-reform"
    DEMINING = "demining"
    TRANSPORT_SECURITY = "transport-security"
    LEGAL_COOPERATION = "legal-cooperation"


class MeetingFormat(StrEnum):
    BILATERAL = "bilateral"
    MULTILATERAL = "multilateral"


class MeetingStatus(StrEnum):
    HELD = "held"
    PLANNED = "planned"


class InitiativeKind(StrEnum):
    AGREEMENT = "agreement"
    CENTRE = "centre"
    FORCE = "force"
    PROGRAMME = "programme"
    PROJECT = "project"
    PLATFORM = "platform"
    LAW = "law"
    ORGANIZATION = "organization"


class InitiativeStatus(StrEnum):
    PROPOSED = "proposed"
    DRAFT = "draft"
    AGREED = "agreed"
    SIGNED = "signed"
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"


class DateGranularity(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class TLP(StrEnum):
    """Traffic Light Protocol 2.0 levels, as Accord writes them (the STIX marking-definitions
    are in accord.stix.markings)."""

    CLEAR = "clear"
    GREEN = "green"
    AMBER = "amber"
    AMBER_STRICT = "amber+strict"
    RED = "red"


class Distribution(StrEnum):
    """Who a source is distributed to, widest last (docs/sharing.md)."""

    OWNER = "owner"  # the owner organisation only
    GROUPS = "groups"  # the owner and the members of named sharing groups
    COMMUNITY = "community"  # every organisation on this node
    FEDERATION = "federation"  # this node's community and the peers it syncs with


class OrgKind(StrEnum):
    """A member organisation of this node, or a peer: another node, known here as an
    organisation so that sharing can name it."""

    MEMBER = "member"
    PEER = "peer"


class Role(StrEnum):
    """A user's role in their organisation; capabilities in accord.sharing.CAPABILITIES."""

    READER = "reader"
    ANALYST = "analyst"
    EDITOR = "editor"
    ADMIN = "admin"
