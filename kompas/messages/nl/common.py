"""Teksten die op meer pagina's staan: de startpagina, onverwachte fouten, tabellen met
problemen."""

MESSAGES = {
    "common.tagline": "Samen werken aan doelen, kwaliteit en partnerschap in het sociaal "
    "domein. Met een doelenboom, het kwaliteitskompas en een partnermatrix, live in één sessie.",
    "common.apology": "Sorry, er ging iets mis.{saved} Noem deze referentie aan de beheerder: "
    "{ref}.",
    "common.nothing_saved": " Er is niets opgeslagen.",
    "common.problems_column": "Wat klopt er niet",
}
