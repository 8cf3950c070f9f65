"""Starting a workshop on the home page (for the facilitator)."""

MESSAGES = {
    "start.heading": "Start a workshop",
    "start.intro": "For the facilitator. Only a title is needed.",
    "start.title": "Title of the workshop",
    "start.title_example": "For example: Working session social domain",
    "start.organisation": "Municipality or organisation",
    "start.theme": "Theme or main goal",
    "start.theme_example": "For example: Everyone counts and takes part",
    "start.budget": "Dots per participant (for voting)",
    "start.about": "About the session (can also be done later, on the Report page)",
    "start.date": "Date of the session",
    "start.place": "Place",
    "start.purpose": "Purpose of the session",
    "start.purpose_example": "For example: choosing together which results come first",
    "start.submit": "Start workshop",
    "start.restore": "Restore a back-up (JSON)",
}
