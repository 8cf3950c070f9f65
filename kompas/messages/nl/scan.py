"""De Samenwerkingsscan: de stellingen, de schaal, de cijfers van de groep en de conclusies."""

from kompas import scan as _scan

MESSAGES = {
    "scan.title": "Samenwerkingsscan",
    "scan.intro": (
        "Een regionaal netwerk werkt als drie dingen kloppen: een gedeelde strategie, "
        "duidelijke sturing (governance) en goed samenwerken. Geef bij elke stelling aan hoe "
        "het nu is."
    ),
    "scan.facilitator_heading": "Voor de procesbegeleider",
    "scan.facilitator_info": (
        "Deelnemers geven hier een score van 1 (helemaal oneens) tot 5 (helemaal eens). "
        "Jij ziet de uitkomst hieronder; de groep ziet die als jij hem laat zien."
    ),
    "scan.progress": (
        "Je hebt {done} van de {total} stellingen gescoord. "
        "1 = helemaal oneens, 5 = helemaal eens. Niemand ziet jouw scores."
    ),
    "scan.choice_with_word": "{score} {word}",
    "scan.save": "Scores opslaan",
    "scan.saved": "{n} score(s) opgeslagen",
    "scan.column_element": "Onderdeel",
    "scan.column_statement": "Stelling",
    "scan.column_scores": "Scores",
    "scan.column_mean": "Gemiddeld",
    "scan.column_spread": "Spreiding",
    "scan.column_groups": "Per rolgroep (3 of meer)",
    "scan.group_figure": "{role}: {mean} ({count})",
    "scan.group_heading": "Wat zegt de groep?",
    "scan.respondents_one": "{respondents} van de {participants} deelnemers heeft gescoord.",
    "scan.respondents_many": "{respondents} van de {participants} deelnemers hebben gescoord.",
    "scan.hidden": "De scores van de groep worden zichtbaar als de procesbegeleider ze laat zien.",
    "scan.figures_explained": (
        "Gemiddeld: van 1 (helemaal oneens) tot 5 (helemaal eens). Spreiding: hoe ver de "
        "scores uit elkaar liggen (0 = iedereen gaf hetzelfde). Het gemiddelde en de cijfers "
        "per rolgroep alleen bij 3 of meer scores, nooit wie wat gaf."
    ),
    "scan.conclusions_heading": "Conclusies",
    "scan.no_conclusions": "Nog geen conclusies.",
    "scan.action": "Actie: {action}",
    "scan.action_owner": "Actie: {action} (eigenaar: {owner})",
    # the facilitator's panel
    "scan.reveal_toggle": "Scores van de groep laten zien (zonder namen)",
    "scan.conclusion_about": "Conclusie over",
    "scan.conclusion": "Conclusie",
    "scan.conclusion_help": "Elke regel komt als besluit in het verslag.",
    "scan.action_optional": "Actie (mag leeg)",
    "scan.owner": "Eigenaar",
    "scan.conclusion_save": "Conclusie opslaan",
    "scan.conclusion_saved": "Conclusie opgeslagen",
    **{f"scan.statement.{s.id}": s.text for s in _scan.STATEMENTS},
    **{f"scan.score.{score}": word for score, word in _scan.SCORE_WORDS.items()},
}
