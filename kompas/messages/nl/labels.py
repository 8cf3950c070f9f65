"""The words for stored ids, from kompas.labels (the Dutch source of these words)."""

from kompas import actions as _actions, formats as _formats, labels as _labels
from kompas.models import ACTION_STATUSES as _ACTION_STATUSES

_MAPS = {
    "tool": _labels.TOOL_LABELS,
    "tool_sentence": _labels.TOOL_IN_SENTENCE_LABELS,
    "movement": _labels.MOVEMENT_LABELS,
    "month": {str(n): name for n, name in enumerate(_formats.MONTHS, start=1)},
    "role": _labels.ROLE_LABELS,
    "node_kind": _labels.NODE_KIND_LABELS,
    "node_status": _labels.NODE_STATUS_LABELS,
    "vote_level": _labels.VOTE_LEVEL_LABELS,
    "direction": _labels.DIRECTION_LABELS,
    "partner_kind": _labels.PARTNER_KIND_LABELS,
    "relation": _labels.RELATION_LABELS,
    "interest_kind": _labels.INTEREST_KIND_LABELS,
    "scan_element": _labels.SCAN_ELEMENT_LABELS,
    "compass_status": _labels.COMPASS_STATUS_LABELS,
    "effectiveness": _labels.EFFECTIVENESS_LABELS,
    "indicator_kind": _labels.INDICATOR_KIND_LABELS,
    "trend": _labels.TREND_LABELS,
    "action_source": _actions.SOURCES,
    "action_status": {status: status for status in _ACTION_STATUSES},  # the ids are the words
    **{f"phase.{tool}": phases for tool, phases in _labels.PHASE_LABELS.items()},
}

# The fields that kompas.text names in its messages (``field="…"``), as they are.
_FIELDS = (
    "actie",
    "afwijkende mening",
    "belang",
    "besluiten",
    "bron",
    "budget",
    "conclusie",
    "conclusies",
    "contractwaarde",
    "de titel",
    "de toelichting",
    "doel van de sessie",
    "eenheid",
    "eigenaar",
    "groep",
    "naam van de indicator",
    "naam van de partner",
    "naam van het kwadrant",
    "naam",
    "notities",
    "onderbouwing",
    "open vragen",
    "organisatie",
    "plaats",
    "rollen en afspraken",
    "thema",
    "timertekst",
    "titel van de activiteit",
    "titel van de ambitie",
    "titel van het resultaat",
    "titel",
    "toelichting",
    "verhaal",
    "voorziening",
    "wat is goed genoeg",
)
_MAPS["field"] = {field: field for field in _FIELDS}

MESSAGES = {
    f"labels.{kind}.{value}": word for kind, words in _MAPS.items() for value, word in words.items()
}
