"""STIX 2.1 object types and their standard top-level property names, as plain data.

What this is: tables transcribed from the OASIS STIX Version 2.1 specification (OASIS
Standard, 10 June 2021; the 2025 Errata 01 changes no property list). For every object
type defined there (19 SDOs, 2 SROs, 18 SCOs, 3 meta objects) it lists every
top-level property that the specification allows, common properties included.

Why: the validator has to decide, for each top-level property of an object, whether it is
standard for that type or custom. Custom properties must start with ``x_`` or be declared
through an extension-definition, so a name missing from these tables would make valid data
(MITRE ATT&CK, OpenCTI and MISP exports, the OASIS examples) fail, and an extra name would
let a non-conforming property through. The tables follow the specification, not a library:

* Common properties are applied per section 3.2. Meta objects get only the common
  properties the specification lists for them: marking-definition has no ``modified``,
  ``revoked``, ``labels``, ``confidence`` or ``lang``; language-content has no ``lang``;
  extension-definition has no ``confidence``, ``lang`` or ``extensions``.
* Deprecated properties that STIX 2.1 still defines are included, e.g. observed-data
  ``objects``, ipv4/ipv6-addr ``resolves_to_refs``/``belongs_to_refs``, email-addr
  ``belongs_to_ref``, domain-name ``resolves_to_refs``.
* RESERVED names (section 3.8: ``severity``, ``username``, ``phone_number(s)``,
  ``action``, including the course-of-action ``action`` placeholder) are left out. The
  specification says they must not appear in conforming content, so they are not
  allowed properties.
* The Incident stub has only ``name`` and ``description`` (section 4.6). The ``stix2``
  Python library also accepts ``kill_chain_phases`` on Incident; the specification
  does not define it.
* The bundle is not a STIX Object (section 8), so ``bundle`` is not in these tables and
  ``category("bundle")`` is ``"custom"``. Callers deal with bundles separately.

Properties inside predefined extensions (``ntfs-ext`` etc.) are not top-level
properties, so they are not listed here. Only the extension names are.
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "COMMON_SCO",
    "COMMON_SDO_SRO",
    "META_TYPES",
    "PREDEFINED_EXTENSIONS",
    "PROPERTIES",
    "REQUIRES_CREATED_MODIFIED",
    "SCO_TYPES",
    "SDO_TYPES",
    "SRO_TYPES",
    "Category",
    "category",
    "is_custom_type",
]

Category = Literal["sdo", "sro", "sco", "meta", "custom"]

# --- Common properties (section 3.2) -------------------------------------------------

COMMON_SDO_SRO: frozenset[str] = frozenset(
    {
        "type",
        "spec_version",
        "id",
        "created_by_ref",
        "created",
        "modified",
        "revoked",
        "labels",
        "confidence",
        "lang",
        "external_references",
        "object_marking_refs",
        "granular_markings",
        "extensions",
    }
)

COMMON_SCO: frozenset[str] = frozenset(
    {
        "type",
        "spec_version",
        "id",
        "object_marking_refs",
        "granular_markings",
        "defanged",
        "extensions",
    }
)

# --- Type-specific properties ---------------------------------------------------------

# STIX Domain Objects (section 4).
_SDO_SPECIFIC: dict[str, frozenset[str]] = {
    "attack-pattern": frozenset({"name", "description", "aliases", "kill_chain_phases"}),
    "campaign": frozenset(
        {"name", "description", "aliases", "first_seen", "last_seen", "objective"}
    ),
    # "action" is RESERVED (section 4.3) and must not be present.
    "course-of-action": frozenset({"name", "description"}),
    "grouping": frozenset({"name", "description", "context", "object_refs"}),
    "identity": frozenset(
        {"name", "description", "roles", "identity_class", "sectors", "contact_information"}
    ),
    # Stub object: only name and description (section 4.6).
    "incident": frozenset({"name", "description"}),
    "indicator": frozenset(
        {
            "name",
            "description",
            "indicator_types",
            "pattern",
            "pattern_type",
            "pattern_version",
            "valid_from",
            "valid_until",
            "kill_chain_phases",
        }
    ),
    "infrastructure": frozenset(
        {
            "name",
            "description",
            "infrastructure_types",
            "aliases",
            "kill_chain_phases",
            "first_seen",
            "last_seen",
        }
    ),
    "intrusion-set": frozenset(
        {
            "name",
            "description",
            "aliases",
            "first_seen",
            "last_seen",
            "goals",
            "resource_level",
            "primary_motivation",
            "secondary_motivations",
        }
    ),
    "location": frozenset(
        {
            "name",
            "description",
            "latitude",
            "longitude",
            "precision",
            "region",
            "country",
            "administrative_area",
            "city",
            "street_address",
            "postal_code",
        }
    ),
    "malware": frozenset(
        {
            "name",
            "description",
            "malware_types",
            "is_family",
            "aliases",
            "kill_chain_phases",
            "first_seen",
            "last_seen",
            "operating_system_refs",
            "architecture_execution_envs",
            "implementation_languages",
            "capabilities",
            "sample_refs",
        }
    ),
    "malware-analysis": frozenset(
        {
            "product",
            "version",
            "host_vm_ref",
            "operating_system_ref",
            "installed_software_refs",
            "configuration_version",
            "modules",
            "analysis_engine_version",
            "analysis_definition_version",
            "submitted",
            "analysis_started",
            "analysis_ended",
            "result_name",
            "result",
            "analysis_sco_refs",
            "sample_ref",
        }
    ),
    "note": frozenset({"abstract", "content", "authors", "object_refs"}),
    "observed-data": frozenset(
        {
            "first_observed",
            "last_observed",
            "number_observed",
            "objects",  # deprecated observable container, still defined in 2.1
            "object_refs",
        }
    ),
    "opinion": frozenset({"explanation", "authors", "opinion", "object_refs"}),
    "report": frozenset({"name", "description", "report_types", "published", "object_refs"}),
    "threat-actor": frozenset(
        {
            "name",
            "description",
            "threat_actor_types",
            "aliases",
            "first_seen",
            "last_seen",
            "roles",
            "goals",
            "sophistication",
            "resource_level",
            "primary_motivation",
            "secondary_motivations",
            "personal_motivations",
        }
    ),
    "tool": frozenset(
        {"name", "description", "tool_types", "aliases", "kill_chain_phases", "tool_version"}
    ),
    "vulnerability": frozenset({"name", "description"}),
}

# STIX Relationship Objects (section 5).
_SRO_SPECIFIC: dict[str, frozenset[str]] = {
    "relationship": frozenset(
        {
            "relationship_type",
            "description",
            "source_ref",
            "target_ref",
            "start_time",
            "stop_time",
        }
    ),
    "sighting": frozenset(
        {
            "description",
            "first_seen",
            "last_seen",
            "count",
            "sighting_of_ref",
            "observed_data_refs",
            "where_sighted_refs",
            "summary",
        }
    ),
}

# STIX Cyber-observable Objects (section 6).
_SCO_SPECIFIC: dict[str, frozenset[str]] = {
    "artifact": frozenset(
        {
            "mime_type",
            "payload_bin",
            "url",
            "hashes",
            "encryption_algorithm",
            "decryption_key",
        }
    ),
    "autonomous-system": frozenset({"number", "name", "rir"}),
    "directory": frozenset({"path", "path_enc", "ctime", "mtime", "atime", "contains_refs"}),
    "domain-name": frozenset({"value", "resolves_to_refs"}),
    "email-addr": frozenset({"value", "display_name", "belongs_to_ref"}),
    "email-message": frozenset(
        {
            "is_multipart",
            "date",
            "content_type",
            "from_ref",
            "sender_ref",
            "to_refs",
            "cc_refs",
            "bcc_refs",
            "message_id",
            "subject",
            "received_lines",
            "additional_header_fields",
            "body",
            "body_multipart",
            "raw_email_ref",
        }
    ),
    "file": frozenset(
        {
            "hashes",
            "size",
            "name",
            "name_enc",
            "magic_number_hex",
            "mime_type",
            "ctime",
            "mtime",
            "atime",
            "parent_directory_ref",
            "contains_refs",
            "content_ref",
        }
    ),
    "ipv4-addr": frozenset({"value", "resolves_to_refs", "belongs_to_refs"}),
    "ipv6-addr": frozenset({"value", "resolves_to_refs", "belongs_to_refs"}),
    "mac-addr": frozenset({"value"}),
    "mutex": frozenset({"name"}),
    "network-traffic": frozenset(
        {
            "start",
            "end",
            "is_active",
            "src_ref",
            "dst_ref",
            "src_port",
            "dst_port",
            "protocols",
            "src_byte_count",
            "dst_byte_count",
            "src_packets",
            "dst_packets",
            "ipfix",
            "src_payload_ref",
            "dst_payload_ref",
            "encapsulates_refs",
            "encapsulated_by_ref",
        }
    ),
    "process": frozenset(
        {
            "is_hidden",
            "pid",
            "created_time",
            "cwd",
            "command_line",
            "environment_variables",
            "opened_connection_refs",
            "creator_user_ref",
            "image_ref",
            "parent_ref",
            "child_refs",
        }
    ),
    "software": frozenset({"name", "cpe", "swid", "languages", "vendor", "version"}),
    "url": frozenset({"value"}),
    "user-account": frozenset(
        {
            "user_id",
            "credential",
            "account_login",
            "account_type",
            "display_name",
            "is_service_account",
            "is_privileged",
            "can_escalate_privs",
            "is_disabled",
            "account_created",
            "account_expires",
            "credential_last_changed",
            "account_first_login",
            "account_last_login",
        }
    ),
    "windows-registry-key": frozenset(
        {"key", "values", "modified_time", "creator_user_ref", "number_of_subkeys"}
    ),
    "x509-certificate": frozenset(
        {
            "is_self_signed",
            "hashes",
            "version",
            "serial_number",
            "signature_algorithm",
            "issuer",
            "validity_not_before",
            "validity_not_after",
            "subject",
            "subject_public_key_algorithm",
            "subject_public_key_modulus",
            "subject_public_key_exponent",
            "x509_v3_extensions",
        }
    ),
}

# STIX Meta Objects (section 7). Each has its own subset of the common properties
# (section 3.2 table), so these are complete property sets, not just the specific part.
_META_PROPERTIES: dict[str, frozenset[str]] = {
    # 7.1 Language Content: every SDO/SRO common property except lang.
    "language-content": (COMMON_SDO_SRO - {"lang"}) | {"object_ref", "object_modified", "contents"},
    # 7.2.1 Marking Definition: not versioned, so no modified/revoked; no labels,
    # confidence or lang either.
    "marking-definition": frozenset(
        {
            "type",
            "spec_version",
            "id",
            "created_by_ref",
            "created",
            "external_references",
            "object_marking_refs",
            "granular_markings",
            "extensions",
            "name",
            "definition_type",
            "definition",
        }
    ),
    # 7.3 Extension Definition: no confidence, lang or extensions.
    "extension-definition": (COMMON_SDO_SRO - {"confidence", "lang", "extensions"})
    | {
        "name",
        "description",
        "schema",
        "version",
        "extension_types",
        "extension_properties",
    },
}

# --- Public tables --------------------------------------------------------------------

SDO_TYPES: frozenset[str] = frozenset(_SDO_SPECIFIC)
SRO_TYPES: frozenset[str] = frozenset(_SRO_SPECIFIC)
SCO_TYPES: frozenset[str] = frozenset(_SCO_SPECIFIC)
META_TYPES: frozenset[str] = frozenset(_META_PROPERTIES)

PROPERTIES: dict[str, frozenset[str]] = {
    **{name: COMMON_SDO_SRO | props for name, props in _SDO_SPECIFIC.items()},
    **{name: COMMON_SDO_SRO | props for name, props in _SRO_SPECIFIC.items()},
    **{name: COMMON_SCO | props for name, props in _SCO_SPECIFIC.items()},
    **_META_PROPERTIES,
}

# Keys allowed in an object's "extensions" dictionary without an extension-definition
# (section 3.10 and the SCO sections: file, network-traffic, process, user-account).
PREDEFINED_EXTENSIONS: frozenset[str] = frozenset(
    {
        "archive-ext",
        "ntfs-ext",
        "pdf-ext",
        "raster-image-ext",
        "windows-pebinary-ext",
        "http-request-ext",
        "icmp-ext",
        "socket-ext",
        "tcp-ext",
        "unix-account-ext",
        "windows-process-ext",
        "windows-service-ext",
    }
)

# Types for which created and modified are both required. Marking definitions require
# created but have no modified. SCOs have neither.
REQUIRES_CREATED_MODIFIED: frozenset[str] = (
    SDO_TYPES | SRO_TYPES | {"language-content", "extension-definition"}
)

_CATEGORY: dict[str, Category] = {
    **dict.fromkeys(SDO_TYPES, "sdo"),
    **dict.fromkeys(SRO_TYPES, "sro"),
    **dict.fromkeys(SCO_TYPES, "sco"),
    **dict.fromkeys(META_TYPES, "meta"),
}


def category(type_name: str) -> Category:
    """Return the STIX 2.1 category of ``type_name``, or ``"custom"`` if it is not standard."""
    return _CATEGORY.get(type_name, "custom")


def is_custom_type(type_name: str) -> bool:
    """Return True when ``type_name`` is not one of the object types STIX 2.1 defines.

    Checking that a custom type is well formed (an ``x-`` prefix, or a declaration through
    a new-sdo/new-sco/new-sro extension-definition) is the validator's job.
    """
    return type_name not in PROPERTIES
