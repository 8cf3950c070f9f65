"""Waarom een deelnemer iets nu niet kan (kompas.workshops.write_refusal)."""

MESSAGES = {
    "refusal.not_joined": "Je bent niet aangemeld voor deze workshop.",
    "refusal.removed": "Je bent uit deze workshop verwijderd door de procesbegeleider.",
    "refusal.compass_closed": "De procesbegeleider vult het kwaliteitskompas nu zelf in. "
    "Je kunt meekijken.",
    "refusal.locked": "{tool} staat op slot. Je kunt nu alleen meekijken.",
    "refusal.closed": "{tool} is gesloten. Je kunt nu alleen meekijken.",
    "refusal.phase": "Dat kan nu niet: {tool} staat in de fase {phase}.",
    "refusal.vote_proposal": "'{title}' is nog een voorstel. Daarop kun je niet stemmen.",
    "refusal.vote_level": "Je stemt nu op {level}, niet op een {kind}.",
    "refusal.vote_budget": "Je hebt al je {n} stippen gebruikt. Haal ergens een stip weg als "
    "je anders wilt kiezen.",
    "refusal.vote_max": "Je hebt al {n} stippen op '{title}'. Meer dan {max} per onderdeel "
    "kan niet.",
    "refusal.vote_none": "Je hebt geen stip op '{title}'.",
}
