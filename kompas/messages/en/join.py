"""Joining, a participant's start page and who you are."""

MESSAGES = {
    "join.heading": "Join",
    "join.heading_for": "Join {title}",
    "join.intro": "For participants. Enter the code the facilitator shows.",
    "join.intro_for": "Enter your name and your role. The code is already filled in.",
    "join.code": "Workshop code",
    "join.code_example": "For example: K7M2QP",
    "join.name": "Your name",
    "join.name_help": "As others may see you, for example your first name.",
    "join.role": "Your role",
    "join.role_choose": "Choose your role",
    "join.organisation": "Organisation (optional)",
    "join.language": "Taal / Language",
    "join.language_help": "The language of your screens. What people write stays as it was "
    "written.",
    "join.submit": "Join",
    "join.no_role": "Choose your role: municipality, provider, resident or other. Then you "
    "can join.",
    "join.too_many": "Too many attempts in a short time. Wait a minute and try again.",
    "join.not_signed_in": "You have not joined yet. Join with the workshop's code.",
    "join.to_join": "To the join form",
    "join.welcome": "Welcome, **{name}**. You take part as {role}.",
    "join.lobby_intro": "Choose a part on the left or below. The facilitator tells you when "
    "you can do what. Your link remembers who you are: keep it if you want to come back "
    "later.",
    "join.leave": "Sign out on this device",
}
