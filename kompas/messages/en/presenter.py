"""The presentation: the projector screen (code, QR code and what is on now), and the notice
for a participant who opens the page."""

MESSAGES = {
    "presenter.title": "Presentation",
    "presenter.refusal": "The presentation is for the facilitator only. You take part via the "
    "other pages: choose a part on the left.",
    "presenter.join_at": "Join at **{site}** with the code",
    "presenter.code_label": "Code",
    "presenter.scan_and_count": "Or scan the QR code. Participants: **{n}**",
    "presenter.now": "Now: {now}",
    "presenter.welcome": "Welcome",
    "presenter.qr_alt": "QR code with the link to join: {url}",
    "presenter.starting_soon": "We start shortly. Join now with the code above.",
    "presenter.how_to_follow": "For the facilitator: choose 'Everyone to …' at a part "
    "({tools}); this screen follows along.",
    "presenter.newest_proposals": "Newest proposals",
    "presenter.no_proposals": "No proposals yet.",
    "presenter.proposal": "- **{kind}:** {title}",
    "presenter.no_partners": "No partners yet.",
}
