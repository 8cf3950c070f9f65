"""De console van de procesbegeleider op de startpagina: code en links, deelnemers, fasen,
sloten, timer, bewaartermijn en verwijderen."""

MESSAGES = {
    "console.caption": "Console van de procesbegeleider",
    "console.link_notice": "De workshop is gestart. Bewaar je eigen link goed: alleen met deze "
    "link beheer je de workshop. Hij wordt niet opnieuw getoond.",
    "console.link_saved": "Ik heb de link bewaard",
    "console.code_heading": "Code voor deelnemers",
    "console.join_via": "Meedoen via **{site}** met deze code, of via de link:",
    "console.qr_caption": "Scan om mee te doen",
    "console.qr_alt": "QR-code met de link om mee te doen: {url}",
    "console.retention": "Deze workshop wordt op {date} automatisch verwijderd (bewaartermijn "
    "{days} dagen). Maak nu een export als je hem wilt bewaren.",
    "console.participants": "Deelnemers: {n}",
    "console.nobody": "Nog niemand aangemeld. Laat de code of de QR-code zien.",
    "console.active": "actief",
    "console.anonymise": "Naam wissen",
    "console.anonymise_help": "Naam en organisatie wissen; bijdragen blijven anoniem staan",
    "console.anonymised": "Naam gewist",
    "console.remove": "Verwijderen",
    "console.remove_help": "De link van deze deelnemer werkt niet meer; bijdragen blijven",
    "console.remove_confirm": "Zeker weten?",
    "console.remove_confirm_help": "Klik nog eens om te verwijderen",
    "console.removed": "Deelnemer verwijderd",
    "console.tools": "Onderdelen",
    "console.phase": "Fase",
    "console.phase_set": "{tool}: fase {phase}",
    "console.locked": "Op slot (alleen kijken)",
    "console.timer": "Timer",
    "console.timer_minutes": "Minuten",
    "console.timer_label": "Waarvoor (mag leeg)",
    "console.timer_start": "Timer starten",
    "console.timer_stop": "Timer stoppen",
    "console.timer_started": "Timer gestart",
    "console.timer_stopped": "Timer gestopt",
    "console.delete": "Workshop verwijderen",
    "console.delete_explain": "Dit verwijdert de workshop met alle deelnemers, stemmen, kompas "
    "en partnermatrix. Dit kan niet ongedaan worden gemaakt. Maak eerst een export op de pagina "
    "Verslag als je iets wilt bewaren.",
    "console.delete_confirm": "Typ de code {code} om te bevestigen",
    "console.delete_submit": "Definitief verwijderen",
    "console.deleted": "De workshop {title} en al zijn gegevens zijn verwijderd.",
}
