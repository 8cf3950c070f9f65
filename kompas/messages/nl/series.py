"""Vervolgsessie: wat een deelnemer ziet van vorige keer (op de pagina Partnermatrix), en voor de
procesbegeleider de reeks op de console en de terugblik."""

MESSAGES = {
    "series.not_placed": "nog niet geplaatst",
    "series.position": "invloed {influence}, afhankelijkheid {dependency}",
    "series.since_heading": "Sinds vorige keer",
    "series.since_caption": (
        "Per partner: de afgesproken positie en richting van vorige keer. En waar de groep de"
        " partner nu plaatst: het gemiddelde van de plaatsingen. Is de relatie bewogen zoals "
        "afgesproken?"
    ),
    "series.before": "Vorige keer: {position}",
    "series.direction": "Richting: {direction}",
    "series.no_direction": "niet afgesproken",
    "series.now_one": "Nu, 1 plaatsing: {position}",
    "series.now_many": "Nu, {n} plaatsingen: {position}",
    "series.now_hidden": "Nu: zichtbaar na het tonen van de inschattingen",
    "series.paths": "Pad van elke partner over alle sessies",
    "series.paths_caption": "S1, S2, …: de afgesproken positie in die sessie; nu: waar de groep "
    "de partner nu plaatst. Dezelfde cijfers staan in de tabel.",
    "series.column_partner": "Partner",
    "series.column_session": "Sessie",
    "series.column_agreed_influence": "Afgesproken invloed",
    "series.column_agreed_dependency": "Afgesproken afhankelijkheid",
    "series.column_group_influence": "Groep invloed",
    "series.column_group_dependency": "Groep afhankelijkheid",
    "series.column_direction": "Richting",
    # the console: the series and the next session
    "series.sessions_heading": "Reeks van sessies",
    "series.session": "Sessie {number} · {date} · code {code} · {n} deelnemers",
    "series.session_current": "Sessie {number} · {date} · code {code} · {n} deelnemers "
    "(deze sessie)",
    "series.follow_up_caption": (
        "Een vervolgsessie begint waar deze sessie eindigt. Mee gaan: de doelenboom, het "
        "kwaliteitskompas, de partners met hun afgesproken positie en richting, de acties en "
        "besluiten. De stemmen en prioriteiten van nu gaan mee als geschiedenis. Deelnemers, "
        "stemmen en eigen plaatsingen gaan niet mee. Deze sessie blijft zoals hij is."
    ),
    "series.start_follow_up": "Vervolgsessie starten",
    "series.start_follow_up_help": "Maakt een nieuwe workshop in deze reeks, met een eigen code",
    # the review (terugblik) that opens a follow-up session
    "series.review_heading": "Terugblik op sessie {number}",
    "series.review_caption": "Wat is er gebeurd sinds vorige keer? Zet per actie de status en "
    "een korte toelichting. Vul nieuwe metingen in en kijk wat er vorige keer voorrang kreeg.",
    "series.actions_heading": "Acties van vorige keer",
    "series.no_actions": "Er waren vorige keer geen acties met een eigenaar of datum.",
    "series.owner": "eigenaar {owner}",
    "series.due": "datum {date}",
    "series.status": "Status",
    "series.note": "Toelichting (mag leeg)",
    "series.save": "Opslaan",
    "series.status_saved": "Status opgeslagen",
    "series.open_questions": "Open vragen van vorige keer",
    "series.priorities_heading": "Doelenboom: wat kreeg vorige keer voorrang",
    "series.no_priorities": "Vorige keer zijn er geen stemmen uitgebracht of prioriteiten "
    "afgesproken.",
    "series.column_item": "Onderdeel",
    "series.column_votes": "Stippen vorige keer",
    "series.column_agreed": "Afgesproken prioriteit",
    "series.agreed": "ja",
    "series.indicators_heading": "Indicatoren sinds vorige keer",
    "series.no_indicators": "Er zijn geen indicatoren in het kwaliteitskompas.",
    "series.column_indicator": "Indicator",
    "series.column_last_time": "Vorige keer",
    "series.column_now": "Nu",
    "series.column_change": "Verschil",
    "series.column_trend": "Ontwikkeling",
    "series.measure_for": "Nieuwe meting voor",
    "series.measure_value": "Waarde of verhaal",
    "series.measure_date": "Datum",
    "series.measure_add": "Meting toevoegen",
    "series.measure_added": "Meting toegevoegd",
}
