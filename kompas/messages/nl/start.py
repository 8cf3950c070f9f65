"""Een workshop starten op de startpagina (voor de procesbegeleider)."""

MESSAGES = {
    "start.heading": "Workshop starten",
    "start.intro": "Voor de procesbegeleider. Alleen een titel is nodig.",
    "start.title": "Titel van de workshop",
    "start.title_example": "Bijvoorbeeld: Werksessie sociaal domein",
    "start.organisation": "Gemeente of organisatie",
    "start.theme": "Thema of hoofddoel",
    "start.theme_example": "Bijvoorbeeld: Iedereen telt mee en doet mee",
    "start.budget": "Stippen per deelnemer (voor het stemmen)",
    "start.about": "Over de sessie (mag ook later, op de pagina Verslag)",
    "start.date": "Datum van de sessie",
    "start.place": "Plaats",
    "start.purpose": "Doel van de sessie",
    "start.purpose_example": "Bijvoorbeeld: samen kiezen welke resultaten voorgaan",
    "start.submit": "Workshop starten",
    "start.restore": "Back-up terugzetten (JSON)",
}
