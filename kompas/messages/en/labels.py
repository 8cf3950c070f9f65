"""The English words for stored ids."""

_MAPS = {
    "tool": {"tree": "Goal tree", "compass": "Quality compass", "matrix": "Partner matrix"},
    "month": {
        str(n): name
        for n, name in enumerate(
            (
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ),
            start=1,
        )
    },
    "movement": {
        "zoals_afgesproken": "As agreed",
        "andere_kant_op": "The opposite way",
        "niet_bewogen": "Not moved",
        "zijwaarts": "Another way (sideways)",
        "bewogen": "Moved, while staying was agreed",
        "onbekend": "Too early to say",
    },
    "tool_sentence": {
        "tree": "the goal tree",
        "compass": "the quality compass",
        "matrix": "the partner matrix",
    },
    "role": {
        "gemeente": "Municipality",
        "aanbieder": "Provider",
        "inwoner": "Resident",
        "anders": "Other",
    },
    "node_kind": {
        "main_goal": "Main goal",
        "vision": "Vision",
        "domain": "Policy domain",
        "effect": "Societal effect",
        "activity": "Activity",
    },
    "node_status": {"proposal": "proposal", "accepted": "agreed"},
    # what the dots go to, read in a sentence: "on societal effects"
    "vote_level": {
        "effect": "societal effects",
        "activity": "activities",
        "both": "effects and activities",
    },
    "direction": {
        "omhoog": "Up",
        "omlaag": "Down",
        "links": "To the left",
        "rechts": "To the right",
        "blijven": "Stay",
    },
    "partner_kind": {
        "welzijn": "Welfare",
        "zorg": "Care",
        "jeugd": "Youth",
        "onderwijs": "Education",
        "wonen": "Housing",
        "overig": "Other",
    },
    "relation": {
        "opdrachtgever": "Client–contractor",
        "partner": "Societal partner",
        "beide": "Both",
        "": "Not discussed yet",
    },
    "interest_kind": {"gedeeld": "Shared interest", "eigen": "Own interest"},
    "scan_element": {
        "strategie": "Strategy",
        "governance": "Governance",
        "samenwerken": "Cooperation",
    },
    "compass_status": {
        "doel bereikt": "goal reached",
        "op koers": "on track",
        "niet op koers": "off track",
        "geen gegevens": "no data",
        "verhaal": "story",
    },
    "effectiveness": {
        "ja": "Yes, proven effective",
        "deels": "Partly / promising",
        "nee": "No",
        "onbekend": "Unknown",
    },
    "indicator_kind": {"tellen": "counting", "vertellen": "telling"},
    "trend": {
        "beter": "Better",
        "slechter": "Worse",
        "gelijk": "The same",
        "onbekend": "No comparison yet",
    },
    "action_source": {
        "richting": "Partner matrix",
        "cyclus": "Improvement cycle",
        "vraag": "Open question",
        "scan": "Cooperation scan",
    },
    "action_status": {
        "niet gestart": "not started",
        "loopt": "in progress",
        "gedaan": "done",
        "vervallen": "dropped",
    },
    "phase.tree": {
        "verzamelen": "Collecting",
        "ordenen": "Structuring",
        "stemmen": "Voting",
        "resultaat": "Result",
        "gesloten": "Closed",
    },
    "phase.compass": {"invullen": "Filling in", "bespreken": "Discussing", "gesloten": "Closed"},
    "phase.matrix": {
        "inschatten": "Estimating",
        "bespreken": "Discussing",
        "besluiten": "Deciding",
        "gesloten": "Closed",
    },
}

# The fields that kompas.text names in its messages (``field="…"``).
_MAPS["field"] = {
    "actie": "action",
    "afwijkende mening": "dissenting view",
    "belang": "interest",
    "besluiten": "decisions",
    "bron": "source",
    "budget": "budget",
    "conclusie": "conclusion",
    "conclusies": "conclusions",
    "contractwaarde": "contract value",
    "de titel": "the title",
    "de toelichting": "the explanation",
    "doel van de sessie": "purpose of the session",
    "eenheid": "unit",
    "eigenaar": "owner",
    "groep": "group",
    "naam van de indicator": "name of the indicator",
    "naam van de partner": "name of the partner",
    "naam van het kwadrant": "name of the quadrant",
    "naam": "name",
    "notities": "notes",
    "onderbouwing": "rationale",
    "open vragen": "open questions",
    "organisatie": "organisation",
    "plaats": "place",
    "rollen en afspraken": "roles and agreements",
    "thema": "theme",
    "timertekst": "timer text",
    "titel van de activiteit": "title of the activity",
    "titel van de ambitie": "title of the ambition",
    "titel van het resultaat": "title of the result",
    "titel": "title",
    "toelichting": "explanation",
    "verhaal": "story",
    "voorziening": "service",
    "wat is goed genoeg": "what is good enough",
}

MESSAGES = {
    f"labels.{kind}.{value}": word for kind, words in _MAPS.items() for value, word in words.items()
}
