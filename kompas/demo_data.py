"""The content of the demo workshop: a fictional municipality (Lingewaarden) with its
vision, goal tree, partners, participants and the positions the group agreed."""

VISION = (
    "Inwoners van Lingewaarden wonen zo lang mogelijk zelfstandig, hebben een netwerk om "
    "op terug te vallen en doen mee naar vermogen: op school, op het werk, als vrijwilliger "
    "of in de buurt. Hulp is dichtbij, snel en in één keer goed."
)

# name, service, kind, contract value in euro, notes
PARTNERS = [
    (
        "Welzijn Lingewaarden",
        "Welzijnswerk en ouderenadvies",
        "welzijn",
        1_450_000,
        "Ook opbouwwerk in de wijken.",
    ),
    ("Sociaal Wijkteam Lingewaarden", "Toegang Wmo en jeugd", "welzijn", 2_100_000, ""),
    (
        "MEE Gelderse Poort",
        "Cliëntondersteuning",
        "zorg",
        310_000,
        "Onafhankelijke cliëntondersteuning.",
    ),
    (
        "GGD Gelderland-Zuid",
        "Publieke gezondheid en monitor",
        "zorg",
        640_000,
        "Levert de gezondheidsmonitor.",
    ),
    ("Bibliotheek Lingewaarden", "Taalhuis en digitale vaardigheden", "onderwijs", 220_000, ""),
    (
        "Woonstichting De Linge",
        "Sociale huur en vroegsignalering",
        "wonen",
        None,
        "Geen subsidierelatie; convenant.",
    ),
    (
        "Jeugdzorg Gelderland",
        "Specialistische jeugdhulp",
        "jeugd",
        3_800_000,
        "Regionaal ingekocht.",
    ),
    ("Schuldhulp Rivierenland", "Schuldhulpverlening", "overig", 520_000, ""),
    ("Jongerenwerk Doen!", "Jongerenwerk en straathoekwerk", "jeugd", 380_000, ""),
    ("Werkbedrijf Rivierenland", "Re-integratie en beschut werk", "overig", 1_200_000, ""),
]

# (domain, [(effect, [(activity, partner index)])])
TREE = [
    (
        "Onderwijs",
        [
            (
                "Minder kinderen verlaten school zonder startkwalificatie",
                [("Schoolmaatschappelijk werk op alle scholen", 1), ("Taalhuis voor ouders", 4)],
            ),
            (
                "Laaggeletterde volwassenen lezen en schrijven beter",
                [("Taalcafés in de bibliotheek", 4)],
            ),
        ],
    ),
    (
        "Gezondheid",
        [
            (
                "Minder inwoners voelen zich ernstig eenzaam",
                [("Huisbezoeken bij 75-plussers", 0), ("Buurtkamers in elke kern", 0)],
            ),
            (
                "Jongeren drinken later en minder alcohol",
                [("Preventie op school en in de sportkantine", 3)],
            ),
        ],
    ),
    (
        "Maatschappelijke ondersteuning",
        [
            (
                "Ouderen wonen langer veilig thuis",
                [("Mantelzorgondersteuning", 0), ("Valpreventie", 3)],
            ),
            (
                "Inwoners vinden hulp snel en dichtbij",
                [("Eén loket in het wijkteam", 1), ("Onafhankelijke cliëntondersteuning", 2)],
            ),
        ],
    ),
    (
        "Jeugd",
        [
            (
                "Kinderen groeien veilig op",
                [("Gezinscoaches in het wijkteam", 1), ("Specialistische jeugdhulp", 6)],
            ),
            (
                "Jongeren hebben een zinvolle vrijetijdsbesteding",
                [("Jongerenwerk in de avonduren", 8)],
            ),
        ],
    ),
    (
        "Werk en inkomen",
        [
            ("Meer inwoners hebben betaald werk", [("Werkfit-trajecten", 9)]),
            (
                "Minder huishoudens hebben problematische schulden",
                [
                    ("Vroegsignalering betalingsachterstanden", 5),
                    ("Schuldhulp binnen drie weken", 7),
                ],
            ),
        ],
    ),
    (
        "Wonen",
        [
            (
                "Genoeg betaalbare woningen voor starters en ouderen",
                [("Woonvisie met de woningcorporatie", 5)],
            ),
        ],
    ),
]

PARTICIPANTS = [
    ("Sanne de Vries", "gemeente", "Gemeente Lingewaarden"),
    ("Mohamed El Amrani", "gemeente", "Gemeente Lingewaarden"),
    ("Petra Jansen", "gemeente", "Gemeente Lingewaarden"),
    ("Joost van Dijk", "aanbieder", "Welzijn Lingewaarden"),
    ("Fatma Yilmaz", "aanbieder", "MEE Gelderse Poort"),
    ("Ruud Bakker", "aanbieder", "Jeugdzorg Gelderland"),
    ("Els Mulder", "inwoner", "Adviesraad Sociaal Domein"),
    ("Kees Smit", "inwoner", ""),
]

# partner index -> (influence, dependency) agreed, and direction
AGREED = {
    0: (
        0.72,
        0.78,
        "rechts",
        "Meerjarig partnerschap voor welzijn en preventie.",
        "Meerjarige subsidie 2027-2030 met gedeelde resultaten",
        "Sanne de Vries",
    ),
    1: (
        0.80,
        0.85,
        "blijven",
        "Kern van de toegang; werkt goed.",
        "Jaarlijks gesprek over doorlooptijden",
        "Mohamed El Amrani",
    ),
    2: (
        0.45,
        0.35,
        "omhoog",
        "Meer bekendheid nodig bij inwoners.",
        "Cliëntondersteuning zichtbaar maken in wijkteams",
        "Petra Jansen",
    ),
    3: (
        0.55,
        0.60,
        "blijven",
        "Wettelijke taak, levert de monitor.",
        "Monitor vaker per kern laten uitsplitsen",
        "Petra Jansen",
    ),
    4: (
        0.40,
        0.20,
        "omhoog",
        "Veel kansen voor taal en digitale vaardigheden.",
        "Taalhuis koppelen aan schuldhulp",
        "Sanne de Vries",
    ),
    5: (
        0.60,
        0.55,
        "rechts",
        "Onmisbaar voor vroegsignalering.",
        "Convenant vroegsignalering verlengen",
        "Mohamed El Amrani",
    ),
    6: (
        0.50,
        0.80,
        "links",
        "Te afhankelijk van één aanbieder voor dure zorg.",
        "Tweede aanbieder regionaal contracteren",
        "Petra Jansen",
    ),
    7: (
        0.35,
        0.40,
        "omhoog",
        "Wachttijden te lang.",
        "Afspraak: hulp binnen drie weken",
        "Mohamed El Amrani",
    ),
    8: (
        0.30,
        0.25,
        "omlaag",
        "Overlap met welzijnswerk.",
        "Jongerenwerk onderbrengen bij één complete opdracht",
        "Sanne de Vries",
    ),
    9: (
        0.45,
        0.50,
        "blijven",
        "Regionale afspraak, beperkt te sturen.",
        "Resultaten per kern opvragen",
        "Petra Jansen",
    ),
}
