"""The sidebar: the pages, the workshop at a glance and your language."""

MESSAGES = {
    "sidebar.page.home": "Start",
    "sidebar.page.tree": "Goal tree",
    "sidebar.page.compass": "Quality compass",
    "sidebar.page.matrix": "Partner matrix",
    "sidebar.page.scan": "Cooperation scan",
    "sidebar.page.report": "Report",
    "sidebar.page.presenter": "Presentation",
    "sidebar.workshop": "**Workshop:** {title}",
    "sidebar.code": "**Code:** `{code}`",
    "sidebar.you_are": "**You are:** {who}",
    "sidebar.phase": "**Phase:** {phase}",
    "sidebar.phase_of": "{phase} ({n} of {total})",
    "sidebar.locked": " · locked",
    "sidebar.participants": "**Participants:** {n}",
    "sidebar.timer": "**Timer:**",
    "sidebar.timer_help": "The facilitator has set a timer.",
    "sidebar.language": "Taal / Language",
    "sidebar.language_help": "The language of your screens. What people write is not translated.",
}
