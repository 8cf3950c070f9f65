"""The facilitator's console on the home page: code and links, participants, phases, locks,
timer, retention and deleting."""

MESSAGES = {
    "console.caption": "Facilitator's console",
    "console.link_notice": "The workshop has started. Keep your own link safe: only with this "
    "link can you manage the workshop. It will not be shown again.",
    "console.link_saved": "I have saved the link",
    "console.code_heading": "Code for participants",
    "console.join_via": "Join via **{site}** with this code, or via the link:",
    "console.qr_caption": "Scan to join",
    "console.qr_alt": "QR code with the link to join: {url}",
    "console.retention": "This workshop will be deleted automatically on {date} (retention "
    "period {days} days). Make an export now if you want to keep it.",
    "console.participants": "Participants: {n}",
    "console.nobody": "Nobody has joined yet. Show the code or the QR code.",
    "console.active": "active",
    "console.anonymise": "Erase name",
    "console.anonymise_help": "Erase name and organisation; contributions stay, anonymously",
    "console.anonymised": "Name erased",
    "console.remove": "Remove",
    "console.remove_help": "This participant's link stops working; contributions stay",
    "console.remove_confirm": "Are you sure?",
    "console.remove_confirm_help": "Click again to remove",
    "console.removed": "Participant removed",
    "console.tools": "Parts",
    "console.phase": "Phase",
    "console.phase_set": "{tool}: phase {phase}",
    "console.locked": "Locked (view only)",
    "console.timer": "Timer",
    "console.timer_minutes": "Minutes",
    "console.timer_label": "What for (may be empty)",
    "console.timer_start": "Start timer",
    "console.timer_stop": "Stop timer",
    "console.timer_started": "Timer started",
    "console.timer_stopped": "Timer stopped",
    "console.delete": "Delete workshop",
    "console.delete_explain": "This deletes the workshop with all participants, votes, compass "
    "and partner matrix. This cannot be undone. First make an export on the Report page if you "
    "want to keep anything.",
    "console.delete_confirm": "Type the code {code} to confirm",
    "console.delete_submit": "Delete for good",
    "console.deleted": "The workshop {title} and all its data have been deleted.",
}
