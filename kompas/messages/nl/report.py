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
    # the facilitator's settings (kompas.ui.report.settings_form)
    "report.settings_heading": "Conclusies, besluiten en open vragen",
    "report.conclusions": "Conclusies van deze sessie",
    "report.conclusions_help": "Een lege regel begint een nieuwe alinea. Regels die met - "
    "beginnen worden een opsomming.",
    "report.open_questions": "Open vragen voor de volgende sessie",
    "report.open_questions_help": "Eén vraag per regel.",
    "report.decisions": "Andere besluiten",
    "report.decisions_help": "Eén besluit per regel. De afgesproken prioriteiten en richtingen "
    "komen er vanzelf bij.",
    "report.session_heading": "De sessie",
    "report.session_date": "Datum van de sessie",
    "report.next_session_date": "Volgende sessie (als die gepland is)",
    "report.place": "Plaats",
    "report.purpose": "Doel van de sessie",
    "report.show_organisations": "Organisaties van deelnemers in het verslag",
    "report.show_organisations_help": "Uit: alleen het aantal deelnemers per rol.",
    "report.show_names": "Namen van deelnemers in het verslag",
    "report.show_names_help": "Uit: alleen het aantal per rol en de organisaties.",
    "report.downloads_open": "Deelnemers mogen het verslag downloaden",
    "report.downloads_open_help": "Word, PDF, Excel en Markdown. De back-up (JSON) blijft bij jou.",
    "report.save": "Opslaan",
    "report.saved": "Het verslag is bijgewerkt.",
    "report.names_shown": "Namen van deelnemers staan wel in het verslag.",
    "report.names_hidden": "Namen van deelnemers staan niet in het verslag.",
    "report.participants_download": "Deelnemers kunnen wel downloaden.",
    "report.participants_no_download": "Deelnemers kunnen niet downloaden.",
    # the report on screen (its content stays in the facilitator's language)
    "report.summary_caption": "{subtitle} · {n} deelnemers",
    # restoring a back-up on the home page (kompas.ui.report.import_form)
    "report.import_heading": "Back-up terugzetten",
    "report.import_caption": "Zet een workshop terug uit een JSON-back-up van Kompas. Je krijgt "
    "een nieuwe code en een nieuwe link voor de procesbegeleider.",
    "report.import_file": "JSON-bestand",
    "report.import_submit": "Terugzetten",
    "report.import_no_file": "Kies eerst een JSON-bestand.",
    "report.import_too_big": "Het bestand is te groot: maximaal {mb} MB.",
}
