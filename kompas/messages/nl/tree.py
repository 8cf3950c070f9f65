"""De Doelenboom: het formulier, de fase, de plaat met legenda, de boom als tekst, stemmen
met stippen en de prioriteiten."""

MESSAGES = {
    # the page
    "tree.title": "Doelenboom",
    "tree.caption": "Van hoofddoel via beleidsterreinen en maatschappelijke effecten naar "
    "activiteiten.",
    "tree.only_main_goal": "De boom heeft alleen nog een hoofddoel. Stel een beleidsterrein of "
    "effect voor.",
    "tree.only_main_goal_facilitator": "De boom heeft alleen nog een hoofddoel. Voeg de zes "
    "beleidsterreinen toe met het sjabloon, of begin leeg.",
    # the phase
    "tree.phase": "**Fase:** {phase}{locked} — {help}",
    "tree.locked": " · op slot",
    "tree.phase_help.verzamelen": "Stel onderdelen voor: effecten onder een beleidsterrein, "
    "activiteiten onder een effect. Je voorstel is meteen voor iedereen zichtbaar.",
    "tree.phase_help.ordenen": "De procesbegeleider ordent de boom: voorstellen vaststellen, "
    "dubbele samenvoegen, verplaatsen.",
    "tree.phase_help.stemmen": "Verdeel je stippen over de onderdelen die jij het belangrijkst "
    "vindt.",
    "tree.phase_help.resultaat": "De uitslag: de prioriteiten met het aantal stippen.",
    "tree.phase_help.gesloten": "De doelenboom is gesloten. Je kunt alleen kijken.",
    "tree.voters": "{voters} van {participants} hebben gestemd",
    "tree.budget": "Jouw stippen: nog {remaining} van {budget} over (maximaal {per_node} per "
    "onderdeel, op {level})",
    "tree.votes_hidden": "De stemmen blijven verborgen tot de procesbegeleider ze zichtbaar maakt.",
    # the form
    "tree.form_refused": "{refusal} Wat je typte staat er nog: kopieer het als je het wilt "
    "bewaren.",
    "tree.form_close": "Formulier sluiten",
    "tree.propose_heading": "**Onderdeel voorstellen**",
    "tree.add_heading": "**Onderdeel toevoegen**",
    "tree.node_title": "Titel",
    "tree.node_title_example": "Bijvoorbeeld: Minder inwoners voelen zich eenzaam",
    "tree.parent": "Onder",
    "tree.parent_help": "Het niveau eronder: onder het hoofddoel een beleidsterrein, onder een "
    "beleidsterrein een effect, onder een effect een activiteit.",
    "tree.description": "Toelichting (mag leeg)",
    "tree.kind": "Soort (onder het hoofddoel)",
    "tree.kind_help": "Alleen van belang als je iets direct onder het hoofddoel zet.",
    "tree.partner": "Partner (bij een activiteit)",
    "tree.no_partner": "geen",
    "tree.submit": "Toevoegen",
    "tree.added": "Toegevoegd",
    "tree.proposed": "Je voorstel staat in de boom",
    # the picture
    "tree.collapse": "Beleidsterreinen inklappen",
    "tree.collapse_none": "Alles uitgeklapt",
    "tree.enlarge": "Groot bekijken",
    "tree.enlarge_help": "De boom groter, in een eigen venster",
    "tree.enlarged_title": "Doelenboom, groot",
    "tree.legend": "**Legenda**",
    "tree.legend_proposal": "Gestippelde witte rand: voorstel, nog niet vastgesteld.",
    "tree.legend_accepted": "Gekleurd vak: vastgesteld (donkerblauw hoofddoel, blauw "
    "beleidsterrein, groen effect, geel activiteit).",
    "tree.legend_agreed": "★ met gouden rand: afgesproken prioriteit.",
    "tree.legend_folded": "+getal: zoveel onderdelen ingeklapt.",
    "tree.legend_dots": "Rood rondje met getal: het aantal stippen.",
    "tree.legend_dots_later": "De stippen komen als rode rondjes in de boom zodra ze zichtbaar "
    "zijn.",
    "tree.chart_description": "Doelenboom met {n} onderdelen, van hoofddoel (links) naar "
    "activiteiten (rechts).",
    "tree.chart_tooltip": "Onderdeel",
    "tree.chart_also": "ook: {names}",
    "tree.chart_partner": "partner: {name}",
    "tree.chart_folded": "{n} onderdelen ingeklapt",
    "tree.chart_dots": "{n} stippen",
    # the outline
    "tree.outline": "**De boom als tekst**",
    "tree.facilitator": "procesbegeleider",
    "tree.proposal_by": "voorstel van {who}",
    "tree.node_partner": "partner: {name}",
    "tree.also_called": "ook genoemd: {names}",
    "tree.dots_one": "{n} stip",
    "tree.dots_many": "{n} stippen",
    "tree.agreed": "★ afgesproken",
    # proposals
    "tree.proposals": "Voorstellen ({n})",
    "tree.my_proposals": "Mijn voorstellen ({n})",
    "tree.accept_all": "Alle {n} voorstellen vaststellen",
    "tree.accepted": "Vastgesteld",
    "tree.proposal_under": "{kind} onder {parent} · {who}",
    "tree.accept": "Vaststellen",
    "tree.reject": "Voorstel verwijderen",
    "tree.rejected": "Verwijderd",
    "tree.withdraw": "Intrekken",
    "tree.withdrawn": "Ingetrokken",
    "tree.more_proposals": "En nog {n} voorstellen; ze staan allemaal in de boom als tekst "
    "hieronder.",
    # voting
    "tree.voting": "**Stemmen**",
    "tree.vote": "Stip erbij",
    "tree.vote_help": "Stip op: {title}",
    "tree.unvote": "Stip terug",
    "tree.unvote_help": "Stip terug van: {title}",
    # the result
    "tree.priorities": "Prioriteiten",
    "tree.not_revealed": "De stemmen zijn nog niet zichtbaar gemaakt.",
    "tree.reveal": "Stemmen zichtbaar maken",
    "tree.no_dots": "Er zijn nog geen stippen geplakt.",
    "tree.col_rank": "Rang",
    "tree.col_node": "Onderdeel",
    "tree.col_kind": "Soort",
    "tree.col_domain": "Beleidsterrein",
    "tree.col_dots": "Stippen",
    "tree.col_agreed": "Afgesproken",
    "tree.dots_per_role": "Stippen per rol: {totals}",
    "tree.dots_per_role_hidden": (
        "Stippen per rol tonen we alleen als uit elke rol minstens {min_group} mensen "
        "stemden. Anders is te zien wat één persoon koos."
    ),
    "tree.agreed_priorities": "Afgesproken prioriteiten",
    "tree.agreed_choose": "Kies de afgesproken prioriteiten",
    # the facilitator's tools (kompas.ui.goaltree_tools)
    "tree.tools": "Procesbegeleider: fase, stemmen, toevoegen en ordenen",
    "tree.tools_tab_phase": "Fase en stemmen",
    "tree.tools_tab_add": "Toevoegen",
    "tree.tools_tab_edit": "Bewerken en verplaatsen",
    "tree.tools_tab_merge": "Samenvoegen",
    "tree.tools_phase_at_top": "De fase en het zichtbaar maken van de stemmen staan bovenaan "
    "de pagina.",
    "tree.template": "Zes beleidsterreinen toevoegen (sjabloon)",
    "tree.template_help": "Voegt de beleidsterreinen toe die er nog niet zijn.",
    "tree.template_added": "{n} beleidsterreinen toegevoegd",
    "tree.vote_budget": "Stippen per deelnemer",
    "tree.vote_max": "Maximaal per onderdeel",
    "tree.vote_level": "Stemmen op",
    "tree.settings_save": "Opslaan",
    "tree.settings_saved": "Instellingen opgeslagen",
    "tree.pick_node": "Kies een onderdeel",
    "tree.edit_node": "Onderdeel",
    "tree.edit_title": "Titel",
    "tree.edit_description": "Toelichting",
    "tree.edit_partner": "Partner",
    "tree.edit_no_partner": "geen",
    "tree.edit_submit": "Wijzigen opslaan",
    "tree.edited": "Gewijzigd",
    "tree.move_nowhere": "Er is geen andere plek om dit onderdeel onder te zetten.",
    "tree.move_to": "Verplaatsen naar onder",
    "tree.move_help": "Alles eronder en de stippen gaan mee.",
    "tree.move": "Verplaatsen",
    "tree.moved": "Verplaatst",
    "tree.delete": "Verwijderen",
    "tree.deleted": "Verwijderd",
    "tree.delete_confirm": "Ja, verwijderen",
    "tree.delete_cancel": "Niet verwijderen",
    "tree.merge_explained": (
        "Het tweede onderdeel gaat op in het eerste. Stippen en alles eronder gaan mee. De "
        "titel blijft zichtbaar als 'ook genoemd'."
    ),
    "tree.merge_keep": "Bewaren",
    "tree.merge_nothing": "Er is geen ander onderdeel dat hierin kan opgaan.",
    "tree.merge_gone": "Laten opgaan in het eerste",
    "tree.merge_gone_help": "Kies het dubbele onderdeel. Het eerste onderdeel zelf staat hier "
    "niet bij.",
    "tree.merge": "Samenvoegen",
    "tree.merged": "Samengevoegd",
}
