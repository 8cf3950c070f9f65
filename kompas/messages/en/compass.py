"""The quality compass: the page, the overview, the six steps and the import."""

MESSAGES = {
    "compass.title": "Quality compass",
    "compass.tab_overview": "Results and inputs",
    "compass.tab_ambitions": "1 Ambitions",
    "compass.tab_results": "2 Results",
    "compass.tab_activities": "3 Activities",
    "compass.tab_quality": "4 Quality",
    "compass.tab_outcome": "5 Outcome",
    "compass.tab_reflections": "6 Improvement cycle",
    "compass.tab_import": "Import",
    # intro
    "compass.settings": "Settings for participants",
    "compass.open_to_participants": (
        "Participants may fill in the compass (in the phase filling in)"
    ),
    "compass.settings_caption": (
        "You set the phase at the top of this page, the lock in the console. You can always "
        "change everything."
    ),
    "compass.can_write": "You can write along. The others see changes at once.",
    # overview
    "compass.empty": ("The compass is still empty. Start at step 1: ambitions. Or import a file."),
    "compass.metric_on_track": "Indicators on track or reached",
    "compass.metric_off_track": "Off track",
    "compass.metric_activities": "Activities",
    "compass.metric_budget": "Total budget",
    "compass.money_millions": "€ {amount} mln",
    "compass.indicator_status": "{icon} {name}: {status}",
    "compass.result_line": "{ambition} › {result} — {indicators}",
    "compass.no_indicator": "no indicator",
    "compass.no_ambition": "Without ambition",
    "compass.missing": "**What is missing?**",
    "compass.no_budget": (
        "No budget has been filled in yet. In step 3 (Activities), fill in a budget per "
        "activity; then you see here how the money is divided over the results and partners."
    ),
    "compass.table_heading": "Compass table",
    "compass.table_caption": "Copy the table to your report (select the cells and copy).",
    "compass.column_ambition": "Ambition",
    "compass.column_result": "Result",
    "compass.column_indicator": "Indicator",
    "compass.column_status": "Status",
    "compass.column_activity": "Activity",
    "compass.column_partner": "Partner",
    "compass.column_budget": "Budget",
    # import
    "compass.import_intro": (
        "**Import.** Read results, indicators and activities from Excel or CSV. "
        "Use the template; a file with errors changes nothing."
    ),
    "compass.template_xlsx": "Template (Excel)",
    "compass.template_csv": "Template (CSV)",
    "compass.upload": "File with the compass (.xlsx or .csv)",
    "compass.import": "Import",
    # the six steps
    "compass.step_ambitions": (
        "**Step 1 · Monitoring and ambitions.** How are residents doing, and what do we "
        "want to achieve?"
    ),
    "compass.column_current_state": "How it is going now",
    "compass.column_monitoring": "Monitoring figures",
    "compass.step_results": (
        "**Step 2 · Societal result.** What do we want to achieve in a few years, "
        "and by which figures or stories do we see that?"
    ),
    "compass.column_result_title": "Result (in 3 years …)",
    "compass.column_description": "Explanation",
    "compass.column_linked": "From goal tree",
    "compass.linked_yes": "yes",
    "compass.result_indicators": "**Indicators for the results**",
    "compass.step_activities": (
        "**Step 3 · Activities.** What contributes to which result, who carries it out "
        "and what does it cost? You may type amounts as € 12.500,50."
    ),
    "compass.no_partners": (
        "There are no partners in the partner list yet (Partner matrix); you can choose "
        "who carries it out later."
    ),
    "compass.column_executor": "Carried out by (partner)",
    "compass.column_budget_euro": "Budget (€)",
    "compass.budget_help": "For example € 12.500,50",
    "compass.column_contributes": "Contributes to result",
    "compass.step_quality": (
        "**Step 4 · Input and quality.** How does each activity secure its quality, and do "
        "we know that the approach works?"
    ),
    "compass.activities_first": "First make activities in step 3.",
    "compass.column_method": "Method",
    "compass.column_training": "Training and education",
    "compass.column_conditions": "Preconditions",
    "compass.column_works": "Does the method work?",
    "compass.step_outcome": (
        "**Step 5 · Outcome.** Do the activities themselves achieve results? Counting "
        "(a number) and telling (a short story)."
    ),
    "compass.step_reflections": (
        "**Step 6 · Improvement cycle.** Are residents doing better? What goes well, what "
        "could be better, and who does what?"
    ),
    "compass.subject_result": "Result: {title}",
    "compass.subject_activity": "Activity: {title}",
    "compass.subjects_first": "First make results or activities.",
    "compass.column_subject": "About",
    "compass.column_going_well": "What goes well",
    "compass.column_could_be_better": "What could be better",
    "compass.column_next_step": "Next step",
    "compass.column_owner": "Who",
    "compass.column_due_date": "When",
    # from the goal tree
    "compass.from_tree_effect_one": "From the goal tree ({n} effect not in the compass yet)",
    "compass.from_tree_effect_many": "From the goal tree ({n} effects not in the compass yet)",
    "compass.from_tree_activity_one": ("From the goal tree ({n} activity not in the compass yet)"),
    "compass.from_tree_activity_many": (
        "From the goal tree ({n} activities not in the compass yet)"
    ),
    "compass.pick_effect": "Choose an effect from the goal tree",
    "compass.pick_activity": "Choose an activity from the goal tree",
    "compass.with_ambition": "Under ambition",
    "compass.no_ambition_choice": "(none)",
    "compass.take_over": "Take over",
    "compass.taken_over": "Taken over from the goal tree",
    "compass.linked_title": (
        "The title stays linked: if you change it here, it also changes in the goal tree."
    ),
    # indicators and measurements
    "compass.owner_first_result": "First make a result; then you can add indicators to it.",
    "compass.owner_first_activity": ("First make an activity; then you can add indicators to it."),
    "compass.column_kind": "Kind",
    "compass.column_unit": "Unit",
    "compass.column_baseline": "Baseline",
    "compass.column_baseline_year": "Baseline year",
    "compass.column_target": "Target value",
    "compass.column_target_year": "Target year",
    "compass.column_higher_is_better": "Higher is better",
    "compass.column_source": "Source",
    "compass.column_latest": "Latest measurement",
    "compass.measurements": "Measurements",
    "compass.measured_value": "Measured value or story",
    "compass.measured_value_help": "A number (for example 41,5) or, for 'telling', a short story",
    "compass.column_date": "Date",
    "compass.column_value": "Value",
    "compass.column_story": "Story",
    "compass.add_measurement": "Add measurement",
    "compass.measurement_added": "Measurement added",
    "compass.delete_measurement": "Delete measurement",
    "compass.pick_measurement": "Choose a measurement",
    "compass.delete": "Delete",
    "compass.measurement_deleted": "Measurement deleted",
    # the editable tables (compass_tables)
    "compass.grid_save": "Save",
    "compass.grid_saved": "Saved",
    "compass.grid_changes_one": "{n} change",
    "compass.grid_changes_many": "{n} changes",
    "compass.grid_unsaved": "Not saved yet: {changes}.",
    "compass.grid_unsaved_kept": (
        "Not saved yet: {changes}. They are kept; you can save again as soon as you may write."
    ),
    "compass.grid_row": "row {n}",
    "compass.grid_row_new": "'{title}' (new)",
    "compass.grid_row_changed": "'{title}' (changed)",
    "compass.grid_row_deleted": "'{title}' (deleted)",
    "compass.grid_changed_by_others": (
        "Changed by someone else meanwhile: {rows}. Your changes stay. Save them; then you see "
        "everything. If someone changed the same row, Kompas tells you which."
    ),
    "compass.grid_changed_by_both": (
        "You changed these rows and someone else did too: {rows}. This is your version. "
        "Saving those rows will not work; Kompas then tells you which. The other rows already "
        "show what others changed."
    ),
    "compass.grid_delete_note": "Note, when deleting:",
    "compass.grid_delete_confirm": "Yes, delete anyway",
    "compass.grid_discard": "Throw away my changes",
    "compass.grid_discard_help": (
        "Puts the table back as it is saved now; what you did not save here is lost."
    ),
    # the charts (kompas/compass/chart.py; the exports keep the Dutch)
    "compass.chart_results_title": "Results: are the indicators on track?",
    "compass.chart_inputs_title": "Inputs: budget per result",
    "compass.chart_progress_axis": "Indicators: from baseline (0%) to target (100%)",
    "compass.chart_budget_axis": "Budget in euros",
    "compass.chart_status": "Status",
    "compass.chart_indicator": "Indicator",
    "compass.chart_values": "Values",
    "compass.chart_result": "Result",
    "compass.chart_budget": "Budget",
    "compass.chart_values_text": (
        "baseline {baseline}{unit} → measured {latest}{unit} → target {target}{unit}"
    ),
    "compass.chart_no_activity": "no activity",
    "compass.chart_not_linked": "Not linked to a result",
    "compass.chart_no_partner": "No partner",
    "compass.chart_budget_per_result": "Budget per result",
    "compass.chart_budget_per_partner": "Budget per partner",
    "compass.chart_tooltip_resultaat": "Result",
    "compass.chart_tooltip_partner": "Partner",
}
