"""De zijbalk: de pagina's, de workshop in één oogopslag en je taal."""

MESSAGES = {
    "sidebar.page.home": "Start",
    "sidebar.page.tree": "Doelenboom",
    "sidebar.page.compass": "Kwaliteitskompas",
    "sidebar.page.matrix": "Partnermatrix",
    "sidebar.page.scan": "Samenwerkingsscan",
    "sidebar.page.report": "Verslag",
    "sidebar.page.presenter": "Presentatie",
    "sidebar.workshop": "**Workshop:** {title}",
    "sidebar.code": "**Code:** `{code}`",
    "sidebar.you_are": "**Jij bent:** {who}",
    "sidebar.phase": "**Fase:** {phase}",
    "sidebar.phase_of": "{phase} ({n} van {total})",
    "sidebar.locked": " · op slot",
    "sidebar.participants": "**Deelnemers:** {n}",
    "sidebar.timer": "**Timer:**",
    "sidebar.timer_help": "De procesbegeleider heeft een timer gezet.",
    "sidebar.language": "Taal / Language",
    "sidebar.language_help": "De taal van jouw schermen. Wat mensen schrijven, wordt niet "
    "vertaald.",
}
