"""The "Now" bar at the top of every participant page, and the timer."""

MESSAGES = {
    "now.waiting": "The facilitator will tell you shortly where we start.",
    "now.here": "**Now:** {now}. You are in the right place.",
    "now.elsewhere": "**Now:** {now}",
    "now.go_to": "Go to {tool}",
    "now.timer_left": "{time} left",
    "now.timer_over": "time is up",
    "now.phase_of": "Phase of {tool}",
    "now.phase_set": "Phase: {phase}",
    "now.participants_see": "**Participants now see:** {now}",
    "now.send_here": "Everyone to {tool}",
    "now.send_here_help": "Participants see at the top of every page that we are here, with "
    "a link.",
    "now.reveal_votes": "Votes visible to everyone",
    "now.reveal_placements": "Estimates visible to everyone",
}
