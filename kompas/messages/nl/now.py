"""De balk "Nu" bovenaan elke pagina van een deelnemer, en de timer."""

MESSAGES = {
    "now.waiting": "De procesbegeleider vertelt zo waar we mee beginnen.",
    "now.here": "**Nu:** {now}. Je bent op de goede plek.",
    "now.elsewhere": "**Nu:** {now}",
    "now.go_to": "Ga naar {tool}",
    "now.timer_left": "nog {time}",
    "now.timer_over": "de tijd is om",
}
