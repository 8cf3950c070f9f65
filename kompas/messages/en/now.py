"""The "Now" bar at the top of every participant page, and the timer."""

MESSAGES = {
    "now.waiting": "The facilitator will tell you shortly where we start.",
    "now.here": "**Now:** {now}. You are in the right place.",
    "now.elsewhere": "**Now:** {now}",
    "now.go_to": "Go to {tool}",
    "now.timer_left": "{time} left",
    "now.timer_over": "time is up",
}
