"""Why a participant cannot do something now (kompas.workshops.write_refusal)."""

MESSAGES = {
    "refusal.not_joined": "You have not joined this workshop.",
    "refusal.removed": "The facilitator has removed you from this workshop.",
    "refusal.compass_closed": "The facilitator is filling in the quality compass now. "
    "You can watch.",
    "refusal.locked": "{tool} is locked. You can only watch now.",
    "refusal.closed": "{tool} is closed. You can only watch now.",
    "refusal.phase": "Not possible now: {tool} is in the phase {phase}.",
    "refusal.vote_proposal": "'{title}' is still a proposal. You cannot vote on it.",
    "refusal.vote_level": "You are voting on {level} now, not on a {kind}.",
    "refusal.vote_budget": "You have used all your {n} dots. Take a dot away somewhere if you "
    "want to choose differently.",
    "refusal.vote_max": "You already have {n} dots on '{title}'. More than {max} per part is "
    "not possible.",
    "refusal.vote_none": "You have no dot on '{title}'.",
}
