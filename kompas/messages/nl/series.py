"""Vervolgsessie: wat een deelnemer ziet van vorige keer (op de pagina Partnermatrix)."""

MESSAGES = {
    "series.not_placed": "nog niet geplaatst",
    "series.position": "invloed {influence}, afhankelijkheid {dependency}",
    "series.since_heading": "Sinds vorige keer",
    "series.since_caption": "Per partner: de afgesproken positie en richting van vorige keer, "
    "en waar de groep de partner nu plaatst (het gemiddelde van de plaatsingen). Is de relatie "
    "bewogen zoals afgesproken?",
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
}
