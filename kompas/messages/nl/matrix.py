"""De Partnermatrix zoals een deelnemer hem ziet: de uitleg per fase, de matrix, de lens, de
groep, de richtingen, de schuifjes, de relaties en de belangen.

De woorden van de lenzen (assen, kwadranten, uitleg) komen uit kompas.partners.lenses, de
Nederlandse bron van die woorden: ``matrix.lens.<lens-id>.<veld>``."""

from kompas.partners import lenses as _lenses


def _lens_words(lens: _lenses.Lens) -> dict[str, str]:
    words = {"name": lens.name, "help": lens.help}
    for side, axis in (("vertical", lens.vertical), ("horizontal", lens.horizontal)):
        for part in ("label", "low", "high", "hint", "short"):
            words[f"{side}.{part}"] = getattr(axis, part)
    for i in range(4):
        words[f"quadrant.{i}"] = lens.quadrants[i]
        words[f"quadrant_help.{i}"] = lens.quadrant_help[i]
    return {f"matrix.lens.{lens.id}.{field}": word for field, word in words.items() if word}


MESSAGES = {
    "matrix.title": "Partnermatrix",
    "matrix.no_partners": "De procesbegeleider heeft nog geen partners toegevoegd. Even geduld.",
    "matrix.no_partners_facilitator": (
        "Nog geen partners. Voeg ze hieronder toe of importeer een lijst."
    ),
    # the caption under the title, per phase
    "matrix.phase_help.inschatten": "Plaats elke partner in je eigen matrix. Anderen zien jouw "
    "inschatting pas als de procesbegeleider de inschattingen laat zien.",
    "matrix.phase_help.bespreken": "Bespreek waar de groep het oneens is: de partners met de "
    "meeste spreiding staan bovenaan. Je kunt je eigen inschatting nog aanpassen.",
    "matrix.phase_help.besluiten": (
        "De procesbegeleider zet per partner de gezamenlijke positie en de richting. Daarbij "
        "horen een actie, een eigenaar en een datum om terug te kijken."
    ),
    "matrix.phase_help.gesloten": "De partnermatrix is gesloten. Je kunt alles nog bekijken.",
    # under the matrix
    "matrix.placed_count": "Je hebt {placed} van de {total} partners geplaatst.",
    "matrix.others_hidden": "De inschattingen van anderen zijn nog verborgen.",
    "matrix.agreed_count": "Gezamenlijke positie vastgesteld voor {agreed} van de {total} "
    "partners. Inschattingen {state}.",
    "matrix.agreed_visible": "zichtbaar voor iedereen",
    "matrix.agreed_hidden": "nog verborgen voor de deelnemers (alleen jij ziet ze)",
    # the matrix itself (the component)
    "matrix.chart_title": "Partnermatrix: {lens}",
    "matrix.unplaced_own": "nog niet geplaatst",
    "matrix.unplaced_agreed": "nog niet vastgesteld, start op het gemiddelde",
    "matrix.draggable": "versleepbaar punt",
    "matrix.agreed_position": "gezamenlijke positie",
    "matrix.legend_facilitator": "Bruine punten: de gezamenlijke positie. Sleep ze, of gebruik "
    "Tab en de pijltjestoetsen. Gestippeld: nog niet vastgesteld.",
    "matrix.legend_own": "Blauwe punten: jouw inschatting. Sleep ze, of gebruik Tab en de "
    "pijltjestoetsen. Gestippeld in het midden: nog niet geplaatst, telt niet mee.",
    "matrix.legend_own_readonly": "Blauwe punten: jouw inschatting (alleen kijken).",
    "matrix.legend_marks": "Grijze stipjes: inschattingen van anderen, zonder naam.",
    "matrix.legend_agreed": "Bruine ruiten: de gezamenlijke positie.",
    "matrix.legend_arrows": "Pijlen: de afgesproken richting; een ring betekent blijven.",
    # the lens bar
    "matrix.lens_choice": "Lens van deze ronde",
    "matrix.lens_choice_help": "Alle partners, dezelfde stappen: eerst plaatst ieder zelf, dan "
    "laat je de inschattingen zien, daarna de gezamenlijke positie en richting. Een nieuwe lens "
    "begint met verborgen inschattingen.",
    "matrix.lens_changed": "Lens gewijzigd naar {lens}",
    "matrix.lens_heading": "**Lens: {lens}**",
    "matrix.quadrants_expander": "Wat betekenen de kwadranten?",
    "matrix.quadrant_heading": "**{corner}: {name}**",
    "matrix.corner.0": "Linksboven",
    "matrix.corner.1": "Rechtsboven",
    "matrix.corner.2": "Linksonder",
    "matrix.corner.3": "Rechtsonder",
    # where do we differ?
    "matrix.group_heading": "Waar verschillen we?",
    "matrix.group_hidden": "De inschattingen van de groep worden zichtbaar als de "
    "procesbegeleider ze laat zien.",
    "matrix.spread.small": "klein",
    "matrix.spread.medium": "middel",
    "matrix.spread.large": "groot",
    "matrix.col.partner": "Partner",
    "matrix.col.placed": "Geplaatst",
    "matrix.placed_of": "{count} van {total}",
    "matrix.col.mean": "{axis} (gem.)",
    "matrix.col.spread": "Spreiding",
    "matrix.col.groups": "Per groep (3 of meer)",
    "matrix.spread_caption": (
        "Spreiding: de gemiddelde afstand van de inschattingen tot het gemiddelde. 0 = "
        "iedereen eens, 0,7 = zo ver mogelijk uit elkaar. Per rolgroep alleen bij 3 of meer "
        "inschattingen, nooit wie wat heeft geplaatst."
    ),
    # direction per partner
    "matrix.directions_heading": "Richting per partner",
    "matrix.no_directions": "Nog geen richtingen afgesproken.",
    "matrix.col.direction": "Richting",
    "matrix.col.action": "Actie",
    "matrix.col.owner": "Eigenaar",
    "matrix.col.review": "Terugkijken op",
    "matrix.col.rationale": "Onderbouwing",
    "matrix.col.dissent": "Afwijkende mening",
    # the sliders
    "matrix.sliders_who_agreed": "de gezamenlijke positie",
    "matrix.sliders_who_own": "je inschatting",
    "matrix.sliders_expander": "Liever zonder slepen? Zet {who} met schuifjes",
    "matrix.sliders_caption": "{y_label} ({y_low} tot {y_high}) en {x_label} ({x_low} tot "
    "{x_high}), in procenten. Alleen wat je verschuift wordt opgeslagen.",
    "matrix.sliders_save": "Opslaan",
    "matrix.sliders_saved": "{n} partner(s) opgeslagen",
    # relations and interests
    "matrix.relations_heading": "Opdrachtgever én partner, en belangen",
    "matrix.relations_caption": "Niet elke relatie hoeft een partnerschap te zijn. Soms past "
    "opdrachtgever en opdrachtnemer beter: maak dan de rollen en afspraken duidelijk. Belangen "
    "die je deelt en belangen van de partner zelf horen allebei op tafel.",
    "matrix.relation_partner": "Partner",
    "matrix.relation_now_desired": "**Relatie nu:** {now}  \n**Gewenste relatie:** {desired}",
    "matrix.roles_agreements": "Rollen en afspraken",
    "matrix.good_enough": "Wat is goed genoeg",
    "matrix.interests_heading": "**Belangen**",
    "matrix.no_interests": "Nog geen belangen genoemd.",
    "matrix.interests_ungrouped": "Nog niet geordend",
    "matrix.interest_kind": "Soort belang",
    "matrix.interest": "Belang",
    "matrix.interest_placeholder": "Bijvoorbeeld: een sluitende begroting voor de eigen "
    "organisatie",
    "matrix.interest_help": "Zonder naam: niemand ziet wie dit schreef.",
    "matrix.interest_submit": "Belang toevoegen",
    "matrix.interest_added": "Belang toegevoegd",
    # the facilitator's tools (only the facilitator sees these)
    "matrix.facilitator_heading": "Voor de procesbegeleider",
    "matrix.tab.direction": "Richting per partner",
    "matrix.tab.partners": "Partners",
    "matrix.tab.import": "Importeren",
    "matrix.tab.settings": "Zichtbaarheid en kwadranten",
    "matrix.add_partners_first": "Voeg eerst partners toe.",
    # partners: add, edit, delete, import
    "matrix.partner_add_heading": "**Partner toevoegen**",
    "matrix.partner_name": "Naam",
    "matrix.partner_service_optional": "Voorziening (mag leeg)",
    "matrix.partner_service": "Voorziening",
    "matrix.partner_kind": "Soort",
    "matrix.partner_value_optional": "Contractwaarde in euro (mag leeg)",
    "matrix.partner_value": "Contractwaarde in euro",
    "matrix.partner_value_placeholder": "Bijvoorbeeld 125.000",
    "matrix.partner_notes_optional": "Notities (mag leeg)",
    "matrix.partner_notes": "Notities",
    "matrix.partner_add": "Toevoegen",
    "matrix.partner_added": "Partner toegevoegd",
    "matrix.partner_pick": "Partner bewerken of verwijderen",
    "matrix.partner_save": "Wijzigingen opslaan",
    "matrix.partner_saved": "Partner opgeslagen",
    "matrix.partner_delete_confirm": "Ook verwijderen als activiteiten deze partner noemen (die "
    "activiteiten blijven, zonder partner)",
    "matrix.partner_delete": "Partner verwijderen",
    "matrix.partner_deleted": "Partner verwijderd",
    "matrix.import_help": "Een CSV- of Excel-bestand met de kolommen **naam**, voorziening, soort "
    "(welzijn, zorg, jeugd, onderwijs, wonen, overig), contractwaarde en notities. "
    "Klopt één regel niet, dan wordt niets geïmporteerd.",
    "matrix.import_file": "Bestand met partners",
    "matrix.import_submit": "Importeren",
    "matrix.imported": "Partners geïmporteerd",
    # visibility and quadrants
    "matrix.reveal_toggle": "Inschattingen van iedereen laten zien (zonder namen)",
    "matrix.agree_mean": "Gezamenlijke posities starten op het gemiddelde",
    "matrix.agree_mean_help": "Voor partners zonder gezamenlijke positie; partners die niemand "
    "plaatste blijven over.",
    "matrix.agreed_at_mean": "{n} positie(s) gezet",
    "matrix.quadrants_fixed": "De kwadranten van deze lens hebben vaste namen. Je kunt de namen "
    "van de lens '{lens}' wel aanpassen.",
    "matrix.quadrant_names_heading": "**Namen van de kwadranten**",
    "matrix.quadrant_name.0": "Linksboven (veel invloed, weinig afhankelijk)",
    "matrix.quadrant_name.1": "Rechtsboven (veel invloed, erg afhankelijk)",
    "matrix.quadrant_name.2": "Linksonder (weinig invloed, weinig afhankelijk)",
    "matrix.quadrant_name.3": "Rechtsonder (weinig invloed, erg afhankelijk)",
    "matrix.quadrants_save": "Kwadranten opslaan",
    "matrix.quadrants_saved": "Kwadranten opgeslagen",
    # the direction per partner (the form)
    "matrix.direction_partner": "Partner",
    "matrix.direction_caption": "In de lens {lens}: omhoog is {up}, omlaag {down}, naar rechts "
    "{right}, naar links {left}.",
    "matrix.towards_more": "meer {word}",
    "matrix.towards_less": "minder {word}",
    "matrix.towards": "naar {word}",
    "matrix.direction": "Richting",
    "matrix.direction_rationale": "Onderbouwing",
    "matrix.direction_action": "Actie",
    "matrix.direction_owner": "Eigenaar",
    "matrix.direction_review": "Terugkijken op",
    "matrix.direction_dissent": "Afwijkende mening (mag leeg)",
    "matrix.direction_save": "Richting opslaan",
    "matrix.direction_saved": "Richting opgeslagen",
    # the relation (the form) and ordering the interests
    "matrix.relation_now": "Relatie nu",
    "matrix.relation_desired": "Gewenste relatie",
    "matrix.roles_optional": "Rollen en afspraken (mag leeg)",
    "matrix.good_enough_optional": "Wat is goed genoeg? (mag leeg)",
    "matrix.good_enough_help": "De ondergrens die de groep afspreekt, bijvoorbeeld een "
    "aanvaardbare wachttijd.",
    "matrix.relation_save": "Relatie opslaan",
    "matrix.relation_saved": "Relatie opgeslagen",
    "matrix.interests_order": "Belangen ordenen",
    "matrix.interests_order_caption": "Geef belangen die bij elkaar horen dezelfde groep. "
    "Leeg = geen groep.",
    "matrix.interest_group": "Groep",
    "matrix.interest_kind_short": "Soort",
    "matrix.interest_groups_save": "Groepen opslaan",
    "matrix.interest_delete_pick": "Belang verwijderen",
    "matrix.interest_delete": "Verwijderen",
    "matrix.interest_deleted": "Belang verwijderd",
    **_lens_words(_lenses.INVLOED_AFHANKELIJKHEID),
    **_lens_words(_lenses.STURING_NETWERK),
}
