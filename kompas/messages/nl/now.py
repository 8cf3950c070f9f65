"""De balk "Nu" bovenaan elke pagina van een deelnemer, en de timer."""

MESSAGES = {
    "now.waiting": "De procesbegeleider vertelt zo waar we mee beginnen.",
    "now.here": "**Nu:** {now}. Je bent op de goede plek.",
    "now.elsewhere": "**Nu:** {now}",
    "now.go_to": "Ga naar {tool}",
    "now.timer_left": "nog {time}",
    "now.timer_over": "de tijd is om",
    "now.phase_of": "Fase van {tool}",
    "now.phase_set": "Fase: {phase}",
    "now.participants_see": "**Deelnemers zien nu:** {now}",
    "now.send_here": "Iedereen naar {tool}",
    "now.send_here_help": "Deelnemers zien bovenaan elke pagina dat we hier zijn, met een link.",
    "now.reveal_votes": "Stemmen zichtbaar voor iedereen",
    "now.reveal_placements": "Inschattingen zichtbaar voor iedereen",
}
