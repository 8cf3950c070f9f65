"""Why a participant cannot do something now (kompas.workshops.write_refusal)."""

MESSAGES = {
    "refusal.not_joined": "You have not joined this workshop.",
    "refusal.removed": "The facilitator has removed you from this workshop.",
    "refusal.compass_closed": "The facilitator is filling in the quality compass now. "
    "You can watch.",
    "refusal.locked": "{tool} is locked. You can only watch now.",
    "refusal.closed": "{tool} is closed. You can only watch now.",
    "refusal.phase": "Not possible now: {tool} is in the phase {phase}.",
}
