"""Aanmelden, de startpagina van een deelnemer en wie je bent."""

MESSAGES = {
    "join.heading": "Meedoen",
    "join.heading_for": "Meedoen met {title}",
    "join.intro": "Voor deelnemers. Vul de code in die de procesbegeleider laat zien.",
    "join.intro_for": "Vul je naam en je rol in. De code staat al klaar.",
    "join.code": "Code van de workshop",
    "join.code_example": "Bijvoorbeeld: K7M2QP",
    "join.name": "Je naam",
    "join.name_help": "Zoals anderen je mogen zien, bijvoorbeeld je voornaam.",
    "join.role": "Je rol",
    "join.role_choose": "Kies je rol",
    "join.organisation": "Organisatie (mag leeg)",
    "join.language": "Taal / Language",
    "join.language_help": "De taal van jouw schermen. Wat mensen schrijven, blijft zoals het "
    "is geschreven.",
    "join.submit": "Meedoen",
    "join.no_role": "Kies je rol: gemeente, aanbieder, inwoner of anders. Dan kun je meedoen.",
    "join.too_many": "Te veel pogingen in korte tijd. Wacht een minuut en probeer het opnieuw.",
    "join.not_signed_in": "Je bent nog niet aangemeld. Meld je aan met de code van de workshop.",
    "join.to_join": "Naar aanmelden",
    "join.welcome": "Welkom, **{name}**. Je doet mee als {role}.",
    "join.lobby_intro": "Kies links of hieronder een onderdeel. De procesbegeleider vertelt "
    "wanneer je wat kunt doen. Je link onthoudt wie je bent: bewaar hem als je later terug "
    "wilt komen.",
    "join.leave": "Afmelden op dit apparaat",
}
