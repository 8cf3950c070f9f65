"""The cooperation scan: the statements, the scale, the group's figures and the conclusions."""

MESSAGES = {
    "scan.title": "Cooperation scan",
    "scan.intro": (
        "A regional network works when three things are right: a shared strategy, "
        "clear steering (governance) and good cooperation. For each statement, say how "
        "things are now."
    ),
    "scan.facilitator_heading": "For the facilitator",
    "scan.facilitator_info": (
        "Participants give a score here from 1 (strongly disagree) to 5 (strongly agree). "
        "You see the outcome below; the group sees it when you show it."
    ),
    "scan.progress": (
        "You have scored {done} of the {total} statements. "
        "1 = strongly disagree, 5 = strongly agree. Nobody sees your scores."
    ),
    "scan.choice_with_word": "{score} {word}",
    "scan.save": "Save scores",
    "scan.saved": "{n} score(s) saved",
    "scan.column_element": "Element",
    "scan.column_statement": "Statement",
    "scan.column_scores": "Scores",
    "scan.column_mean": "Average",
    "scan.column_spread": "Spread",
    "scan.column_groups": "Per role group (3 or more)",
    "scan.group_figure": "{role}: {mean} ({count})",
    "scan.group_heading": "What does the group say?",
    "scan.respondents_one": "{respondents} of the {participants} participants has scored.",
    "scan.respondents_many": "{respondents} of the {participants} participants have scored.",
    "scan.hidden": "The group's scores become visible when the facilitator shows them.",
    "scan.figures_explained": (
        "Average: from 1 (strongly disagree) to 5 (strongly agree). Spread: how far apart "
        "the scores are (0 = everyone gave the same). The average and the figures per role "
        "group only with 3 or more scores, never who gave what."
    ),
    "scan.conclusions_heading": "Conclusions",
    "scan.no_conclusions": "No conclusions yet.",
    "scan.action": "Action: {action}",
    "scan.action_owner": "Action: {action} (owner: {owner})",
    # the facilitator's panel
    "scan.reveal_toggle": "Show the group's scores (without names)",
    "scan.conclusion_about": "Conclusion about",
    "scan.conclusion": "Conclusion",
    "scan.conclusion_help": "Each line goes into the report as a decision.",
    "scan.action_optional": "Action (may be empty)",
    "scan.owner": "Owner",
    "scan.conclusion_save": "Save conclusion",
    "scan.conclusion_saved": "Conclusion saved",
    "scan.statement.strategie_samen": "Together we have a clear strategy for the region.",
    "scan.statement.strategie_doorleefd": (
        "The strategy lives in the whole organisation: from the front desk to the back office."
    ),
    "scan.statement.strategie_keuzes": (
        "We make choices based on that strategy, even when that is hard."
    ),
    "scan.statement.governance_wie_stuurt": (
        "It is clear who steers, even when the municipality pays, commissions the work "
        "and carries it out itself at the same time."
    ),
    "scan.statement.governance_grip": (
        "The municipal council and the supervisors keep a grip on the network, without "
        "arranging everything themselves."
    ),
    "scan.statement.governance_vertrouwen": (
        "We mainly steer on trust. We only check where that is really needed."
    ),
    "scan.statement.samenwerken_teams": (
        "Professionals from different organisations work together in one team."
    ),
    "scan.statement.samenwerken_zelfsturing": (
        "The teams get room to decide for themselves what a resident needs."
    ),
    "scan.statement.samenwerken_belangen": (
        "We know each other's interests and we discuss them openly."
    ),
    "scan.score.1": "strongly disagree",
    "scan.score.2": "disagree",
    "scan.score.3": "neutral",
    "scan.score.4": "agree",
    "scan.score.5": "strongly agree",
}
