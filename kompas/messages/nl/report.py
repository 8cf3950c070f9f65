"""De pagina Verslag: de titel, de uitleg en de downloads (het verslag zelf blijft in de taal
van de procesbegeleider)."""

MESSAGES = {
    "report.title": "Verslag",
    "report.intro": (
        "Alles uit de doelenboom, het kwaliteitskompas en de partnermatrix op één plek. "
        "Het verslag is bedoeld om direct na de sessie te versturen."
    ),
    "report.pictures": "Afbeeldingen tonen",
    "report.pictures_help": (
        "De doelenboom, de grafiek en de partnermatrix. Maken duurt een paar seconden."
    ),
    "report.making_pictures": "Afbeeldingen maken…",
    "report.downloads_closed": (
        "De procesbegeleider deelt het verslag. Downloaden kan zodra de "
        "procesbegeleider het openzet."
    ),
    "report.downloads_heading": "Downloaden",
    "report.downloads_caption": (
        "Het bestand wordt gemaakt als je klikt. Word en PDF duren een paar seconden: "
        "de knop draait zolang het bestand wordt gemaakt."
    ),
    "report.download_help": "Het verslag als {format}-bestand.",
    "report.json_help": (
        "Volledige back-up om de workshop later terug te zetten. Alleen voor "
        "jou: deelnemers kunnen hem niet downloaden."
    ),
    "report.json_names": "Back-up met namen en organisaties",
    "report.json_names_help": (
        "Zonder dit vinkje staan deelnemers in de back-up als Deelnemer 1, 2, … met alleen hun rol."
    ),
    "report.json_names_warning": (
        "Met namen is in de back-up te zien wie wat stemde en waar iemand een "
        "partner plaatste. Bewaar hem alleen voor je eigen archief en deel hem niet."
    ),
}
