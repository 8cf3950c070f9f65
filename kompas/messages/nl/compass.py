"""Het Kwaliteitskompas: de pagina, het overzicht, de zes stappen en het importeren."""

MESSAGES = {
    "compass.title": "Kwaliteitskompas",
    "compass.tab_overview": "Resultaten en inzet",
    "compass.tab_ambitions": "1 Ambities",
    "compass.tab_results": "2 Resultaten",
    "compass.tab_activities": "3 Activiteiten",
    "compass.tab_quality": "4 Kwaliteit",
    "compass.tab_outcome": "5 Outcome",
    "compass.tab_reflections": "6 Verbetercyclus",
    "compass.tab_import": "Importeren",
    # intro
    "compass.settings": "Instellingen voor deelnemers",
    "compass.open_to_participants": "Deelnemers mogen het kompas invullen (in de fase invullen)",
    "compass.settings_caption": (
        "De fase zet je bovenaan deze pagina, het slot in de console. Jij kunt altijd "
        "alles wijzigen."
    ),
    "compass.can_write": "Je kunt meeschrijven. Wijzigingen zien de anderen meteen.",
    # overview
    "compass.empty": "Het kompas is nog leeg. Begin bij stap 1: ambities. Of lees een bestand in.",
    "compass.metric_on_track": "Indicatoren op koers of bereikt",
    "compass.metric_off_track": "Niet op koers",
    "compass.metric_activities": "Activiteiten",
    "compass.metric_budget": "Totaal budget",
    "compass.money_millions": "€ {amount} mln",
    "compass.indicator_status": "{icon} {name}: {status}",
    "compass.result_line": "{ambition} › {result} — {indicators}",
    "compass.no_indicator": "geen indicator",
    "compass.no_ambition": "Zonder ambitie",
    "compass.missing": "**Wat ontbreekt er?**",
    "compass.no_budget": (
        "Er is nog geen budget ingevuld. Vul bij stap 3 (Activiteiten) per activiteit een "
        "budget in. Dan zie je hier hoe het geld over de resultaten en partners verdeeld is."
    ),
    "compass.table_heading": "Kompastabel",
    "compass.table_caption": "Kopieer de tabel naar je verslag (selecteer de cellen en kopieer).",
    "compass.column_ambition": "Ambitie",
    "compass.column_result": "Resultaat",
    "compass.column_indicator": "Indicator",
    "compass.column_status": "Status",
    "compass.column_activity": "Activiteit",
    "compass.column_partner": "Partner",
    "compass.column_budget": "Budget",
    # import
    "compass.import_intro": (
        "**Importeren.** Lees resultaten, indicatoren en activiteiten in uit Excel of CSV. "
        "Gebruik het sjabloon; een bestand met fouten verandert niets."
    ),
    "compass.template_xlsx": "Sjabloon (Excel)",
    "compass.template_csv": "Sjabloon (CSV)",
    "compass.upload": "Bestand met het kompas (.xlsx of .csv)",
    "compass.import": "Inlezen",
    # the six steps
    "compass.step_ambitions": (
        "**Stap 1 · Monitoring en ambities.** Hoe gaat het met inwoners, en wat willen we bereiken?"
    ),
    "compass.column_current_state": "Hoe gaat het nu",
    "compass.column_monitoring": "Monitoringcijfers",
    "compass.step_results": (
        "**Stap 2 · Maatschappelijk resultaat.** Wat willen we over een paar jaar bereiken? "
        "En aan welke cijfers of verhalen zien we dat?"
    ),
    "compass.column_result_title": "Resultaat (over 3 jaar …)",
    "compass.column_description": "Toelichting",
    "compass.column_linked": "Uit doelenboom",
    "compass.linked_yes": "ja",
    "compass.result_indicators": "**Indicatoren bij de resultaten**",
    "compass.step_activities": (
        "**Stap 3 · Activiteiten.** Wat draagt bij aan welk resultaat, wie voert het uit "
        "en wat kost het? Bedragen mag je typen als € 12.500,50."
    ),
    "compass.no_partners": (
        "Er staan nog geen partners in de partnerlijst (Partnermatrix); je kunt de "
        "uitvoerder later kiezen."
    ),
    "compass.column_executor": "Uitvoerder (partner)",
    "compass.column_budget_euro": "Budget (€)",
    "compass.budget_help": "Bijvoorbeeld € 12.500,50",
    "compass.column_contributes": "Draagt bij aan resultaat",
    "compass.step_quality": (
        "**Stap 4 · Input en kwaliteit.** Hoe borgt elke activiteit de kwaliteit, en weten "
        "we dat de aanpak werkt?"
    ),
    "compass.activities_first": "Maak eerst activiteiten in stap 3.",
    "compass.column_method": "Methode",
    "compass.column_training": "Training en scholing",
    "compass.column_conditions": "Randvoorwaarden",
    "compass.column_works": "Werkt de methode?",
    "compass.step_outcome": (
        "**Stap 5 · Outcome.** Bereiken de activiteiten zelf resultaat? Tellen (een getal) "
        "en vertellen (een kort verhaal)."
    ),
    "compass.step_reflections": (
        "**Stap 6 · Verbetercyclus.** Gaat het beter met inwoners? Wat gaat goed, wat kan "
        "beter, en wie doet wat?"
    ),
    "compass.subject_result": "Resultaat: {title}",
    "compass.subject_activity": "Activiteit: {title}",
    "compass.subjects_first": "Maak eerst resultaten of activiteiten.",
    "compass.column_subject": "Over",
    "compass.column_going_well": "Wat gaat goed",
    "compass.column_could_be_better": "Wat kan beter",
    "compass.column_next_step": "Volgende stap",
    "compass.column_owner": "Wie",
    "compass.column_due_date": "Wanneer",
    # from the goal tree
    "compass.from_tree_effect_one": "Uit de doelenboom ({n} effect nog niet in het kompas)",
    "compass.from_tree_effect_many": "Uit de doelenboom ({n} effecten nog niet in het kompas)",
    "compass.from_tree_activity_one": ("Uit de doelenboom ({n} activiteit nog niet in het kompas)"),
    "compass.from_tree_activity_many": (
        "Uit de doelenboom ({n} activiteiten nog niet in het kompas)"
    ),
    "compass.pick_effect": "Kies een effect uit de doelenboom",
    "compass.pick_activity": "Kies een activiteit uit de doelenboom",
    "compass.with_ambition": "Bij ambitie",
    "compass.no_ambition_choice": "(geen)",
    "compass.take_over": "Overnemen",
    "compass.taken_over": "Overgenomen uit de doelenboom",
    "compass.linked_title": (
        "De titel blijft gekoppeld: pas je hem hier aan, dan verandert hij ook in de doelenboom."
    ),
    # indicators and measurements
    "compass.owner_first_result": (
        "Maak eerst een resultaat; daarna kun je er indicatoren bij zetten."
    ),
    "compass.owner_first_activity": (
        "Maak eerst een activiteit; daarna kun je er indicatoren bij zetten."
    ),
    "compass.column_kind": "Soort",
    "compass.column_unit": "Eenheid",
    "compass.column_baseline": "Nulmeting",
    "compass.column_baseline_year": "Jaar nulmeting",
    "compass.column_target": "Streefwaarde",
    "compass.column_target_year": "Streefjaar",
    "compass.column_higher_is_better": "Hoger is beter",
    "compass.column_source": "Bron",
    "compass.column_latest": "Laatste meting",
    "compass.measurements": "Metingen",
    "compass.measured_value": "Gemeten waarde of verhaal",
    "compass.measured_value_help": (
        "Een getal (bijvoorbeeld 41,5) of bij 'vertellen' een kort verhaal"
    ),
    "compass.column_date": "Datum",
    "compass.column_value": "Waarde",
    "compass.column_story": "Verhaal",
    "compass.add_measurement": "Meting toevoegen",
    "compass.measurement_added": "Meting toegevoegd",
    "compass.delete_measurement": "Meting verwijderen",
    "compass.pick_measurement": "Kies een meting",
    "compass.delete": "Verwijderen",
    "compass.measurement_deleted": "Meting verwijderd",
    # the editable tables (compass_tables)
    "compass.grid_save": "Opslaan",
    "compass.grid_saved": "Opgeslagen",
    "compass.grid_changes_one": "{n} wijziging",
    "compass.grid_changes_many": "{n} wijzigingen",
    "compass.grid_unsaved": "Nog niet opgeslagen: {changes}.",
    "compass.grid_unsaved_kept": (
        "Nog niet opgeslagen: {changes}. Ze blijven bewaard; opslaan kan weer zodra je mag "
        "schrijven."
    ),
    "compass.grid_row": "rij {n}",
    "compass.grid_row_new": "'{title}' (nieuw)",
    "compass.grid_row_changed": "'{title}' (gewijzigd)",
    "compass.grid_row_deleted": "'{title}' (verwijderd)",
    "compass.grid_changed_by_others": (
        "Intussen gewijzigd door iemand anders: {rows}. Jouw wijzigingen blijven staan. Sla ze "
        "op; daarna zie je alles. Heeft iemand dezelfde rij gewijzigd, dan zegt Kompas welke."
    ),
    "compass.grid_changed_by_both": (
        "Deze rijen heb jij gewijzigd en iemand anders ook: {rows}. Hier staat jouw versie. "
        "Opslaan van die rijen lukt niet; Kompas zegt dan welke. De andere rijen laten al zien "
        "wat anderen wijzigden."
    ),
    "compass.grid_delete_note": "Let op, bij verwijderen:",
    "compass.grid_delete_confirm": "Ja, verwijder toch",
    "compass.grid_discard": "Mijn wijzigingen weggooien",
    "compass.grid_discard_help": (
        "Zet de tabel terug zoals hij nu is opgeslagen; wat je hier nog niet opsloeg, vervalt."
    ),
    # the charts (kompas/compass/chart.py; the exports keep the Dutch)
    "compass.chart_results_title": "Resultaten: staan de indicatoren op koers?",
    "compass.chart_inputs_title": "Inzet: budget per resultaat",
    "compass.chart_progress_axis": "Indicatoren: van nulmeting (0%) naar doel (100%)",
    "compass.chart_budget_axis": "Budget in euro",
    "compass.chart_status": "Status",
    "compass.chart_indicator": "Indicator",
    "compass.chart_values": "Waarden",
    "compass.chart_result": "Resultaat",
    "compass.chart_budget": "Budget",
    "compass.chart_values_text": (
        "nulmeting {baseline}{unit} → gemeten {latest}{unit} → doel {target}{unit}"
    ),
    "compass.chart_no_activity": "geen activiteit",
    "compass.chart_not_linked": "Niet gekoppeld aan een resultaat",
    "compass.chart_no_partner": "Geen partner",
    "compass.chart_budget_per_result": "Budget per resultaat",
    "compass.chart_budget_per_partner": "Budget per partner",
    "compass.chart_tooltip_resultaat": "resultaat",
    "compass.chart_tooltip_partner": "partner",
}
