"""Waarom een deelnemer iets nu niet kan (kompas.workshops.write_refusal)."""

MESSAGES = {
    "refusal.not_joined": "Je bent niet aangemeld voor deze workshop.",
    "refusal.removed": "Je bent uit deze workshop verwijderd door de procesbegeleider.",
    "refusal.compass_closed": "De procesbegeleider vult het kwaliteitskompas nu zelf in. "
    "Je kunt meekijken.",
    "refusal.locked": "{tool} staat op slot. Je kunt nu alleen meekijken.",
    "refusal.closed": "{tool} is gesloten. Je kunt nu alleen meekijken.",
    "refusal.phase": "Dat kan nu niet: {tool} staat in de fase {phase}.",
}
