"""The words people see for the ids that the database and the code use.

Every screen, report and export takes its words for a stored id from here: tools, phases,
roles, node kinds and statuses, vote levels, partner kinds, directions, the default quadrant
names, and the compass statuses, effectiveness answers and indicator kinds. The ids stay
where they are defined (``models``: TOOLS, PHASES, ROLE_GROUPS, NODE_KINDS, NODE_STATUSES,
PARTNER_KINDS, DIRECTIONS; ``workshops.VOTE_LEVELS``; ``compass``: STATUSES, EFFECTIVENESS,
INDICATOR_KINDS); tests/test_labels.py checks that each of them has a label here. Nothing
else shows an id by capitalizing it.

This is where a second language starts: today every map holds the Dutch (B1) words; a
language would become a parameter of the helpers below. This module imports no other
kompas module, so any module can use it.
"""

from __future__ import annotations

# the download buttons of the Verslag page: the format's name and its file extension
DOWNLOAD_LABELS = {
    "docx": "Word (.docx)",
    "pdf": "PDF (.pdf)",
    "xlsx": "Excel (.xlsx)",
    "md": "Markdown (.md)",
    "json": "Back-up (.json)",
}
TOOL_LABELS = {"tree": "Doelenboom", "compass": "Kwaliteitskompas", "matrix": "Partnermatrix"}
# The tool in a sentence, with its article ("het kwaliteitskompas staat op slot").
TOOL_IN_SENTENCE_LABELS = {
    "tree": "de doelenboom",
    "compass": "het kwaliteitskompas",
    "matrix": "de partnermatrix",
}

# Per tool: the phases in their order (the ids are in models.PHASES).
PHASE_LABELS = {
    "tree": {
        "verzamelen": "Verzamelen",
        "ordenen": "Ordenen",
        "stemmen": "Stemmen",
        "resultaat": "Resultaat",
        "gesloten": "Gesloten",
    },
    "compass": {"invullen": "Invullen", "bespreken": "Bespreken", "gesloten": "Gesloten"},
    "matrix": {
        "inschatten": "Inschatten",
        "bespreken": "Bespreken",
        "besluiten": "Besluiten",
        "gesloten": "Gesloten",
    },
}

ROLE_LABELS = {
    "gemeente": "Gemeente",
    "aanbieder": "Aanbieder",
    "inwoner": "Inwoner",
    "anders": "Anders",
}

# --- Doelenboom ---------------------------------------------------------------------------

NODE_KIND_LABELS = {
    "main_goal": "Hoofddoel",
    "vision": "Visie",
    "domain": "Beleidsterrein",
    "effect": "Maatschappelijk effect",
    "activity": "Activiteit",
}
NODE_STATUS_LABELS = {"proposal": "voorstel", "accepted": "vastgesteld"}
# What the dots go to; read in a sentence: "op maatschappelijke effecten".
VOTE_LEVEL_LABELS = {
    "effect": "maatschappelijke effecten",
    "activity": "activiteiten",
    "both": "effecten en activiteiten",
}

# --- Kwaliteitskompas ---------------------------------------------------------------------

# The status of an indicator: its id is already the Dutch word, shown as it is.
COMPASS_STATUS_LABELS = {
    "doel bereikt": "doel bereikt",
    "op koers": "op koers",
    "niet op koers": "niet op koers",
    "geen gegevens": "geen gegevens",
    "verhaal": "verhaal",
}
# "Werkt de methode?": the answer in a form (also read back from a file), and the short
# answer in a report column headed "Bewezen effectief".
EFFECTIVENESS_LABELS = {
    "ja": "Ja, bewezen effectief",
    "deels": "Deels / veelbelovend",
    "nee": "Nee",
    "onbekend": "Onbekend",
}
EFFECTIVENESS_SHORT_LABELS = {"ja": "ja", "deels": "deels", "nee": "nee", "onbekend": "onbekend"}
INDICATOR_KIND_LABELS = {"tellen": "tellen", "vertellen": "vertellen"}

# --- Partnermatrix ------------------------------------------------------------------------

PARTNER_KIND_LABELS = {
    "welzijn": "Welzijn",
    "zorg": "Zorg",
    "jeugd": "Jeugd",
    "onderwijs": "Onderwijs",
    "wonen": "Wonen",
    "overig": "Overig",
}
DIRECTION_LABELS = {
    "omhoog": "Omhoog",
    "omlaag": "Omlaag",
    "links": "Naar links",
    "rechts": "Naar rechts",
    "blijven": "Blijven",
}
# The quadrant names a new workshop starts with (a workshop may rename them): top-left,
# top-right, bottom-left, bottom-right.
DEFAULT_QUADRANTS = ("Ontwikkelen", "Strategisch partnerschap", "Beperkt houden", "Zekerstellen")


# --- helpers: an unknown id (say from an older backup) is shown as it is -------------------


def tool_label(tool: str) -> str:
    return TOOL_LABELS.get(tool, tool)


def tool_in_sentence(tool: str) -> str:
    return TOOL_IN_SENTENCE_LABELS.get(tool, tool)


def phase_label(tool: str, phase: str) -> str:
    return PHASE_LABELS.get(tool, {}).get(phase, phase)


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def node_kind_label(kind: str) -> str:
    return NODE_KIND_LABELS.get(kind, kind)


def node_status_label(status: str) -> str:
    return NODE_STATUS_LABELS.get(status, status)


def vote_level_label(level: str) -> str:
    return VOTE_LEVEL_LABELS.get(level, level)


def compass_status_label(status: str) -> str:
    return COMPASS_STATUS_LABELS.get(status, status)


def effectiveness_label(value: str) -> str:
    return EFFECTIVENESS_LABELS.get(value, value)


def indicator_kind_label(kind: str) -> str:
    return INDICATOR_KIND_LABELS.get(kind, kind)


def partner_kind_label(kind: str) -> str:
    return PARTNER_KIND_LABELS.get(kind, kind)


def direction_label(direction: str) -> str:
    return DIRECTION_LABELS.get(direction, direction)


def from_label(labels: dict[str, str], label: object, default: str | None = None) -> str | None:
    """The id behind a label a person picked (a select box in a table), else ``default``."""
    return next((key for key, text in labels.items() if text == label), default)


def sentence_start(words: str) -> str:
    """Words that begin a sentence, such as a field name in an error message:
    ``"bedrag"`` → ``"Bedrag"`` (first letter upper case, the rest lower case)."""
    return words.capitalize()


# Vervolgsessie: how a partner moved against the agreed direction (kompas.series.movement),
# and how an indicator changed since last time (kompas.series.view).
MOVEMENT_LABELS = {
    "zoals_afgesproken": "Zoals afgesproken",
    "andere_kant_op": "Juist de andere kant op",
    "niet_bewogen": "Niet bewogen",
    "zijwaarts": "Een andere kant op (zijwaarts)",
    "bewogen": "Bewogen, terwijl blijven was afgesproken",
    "onbekend": "Nog niet te zeggen",
}
TREND_LABELS = {
    "beter": "Beter",
    "slechter": "Slechter",
    "gelijk": "Gelijk",
    "onbekend": "Nog geen vergelijking",
}


def movement_label(verdict: str) -> str:
    return MOVEMENT_LABELS.get(verdict, verdict)


def trend_label(trend: str) -> str:
    return TREND_LABELS.get(trend, trend)


# --- Partnermatrix: relations, interests, samenwerkingsscan ---------------------------------

RELATION_LABELS = {
    "opdrachtgever": "Opdrachtgever–opdrachtnemer",
    "partner": "Maatschappelijk partner",
    "beide": "Beide",
    "": "Nog niet besproken",
}
INTEREST_KIND_LABELS = {"gedeeld": "Gedeeld belang", "eigen": "Eigen belang"}
SCAN_ELEMENT_LABELS = {
    "strategie": "Strategie",
    "governance": "Governance",
    "samenwerken": "Samenwerken",
}


def relation_label(relation: str) -> str:
    return RELATION_LABELS.get(relation, relation)


def interest_kind_label(kind: str) -> str:
    return INTEREST_KIND_LABELS.get(kind, kind)


def scan_element_label(element: str) -> str:
    return SCAN_ELEMENT_LABELS.get(element, element)
