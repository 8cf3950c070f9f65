"""De Presentatie: het scherm voor de beamer (code, QR-code en wat er nu is), en de melding
voor een deelnemer die de pagina opent."""

MESSAGES = {
    "presenter.title": "Presentatie",
    "presenter.refusal": "De presentatie is alleen voor de procesbegeleider. Jij doet mee via "
    "de andere pagina's: kies links een onderdeel.",
    "presenter.join_at": "Doe mee op **{site}** met de code",
    "presenter.code_label": "Code",
    "presenter.scan_and_count": "Of scan de QR-code. Deelnemers: **{n}**",
    "presenter.now": "Nu: {now}",
    "presenter.welcome": "Welkom",
    "presenter.qr_alt": "QR-code met de link om mee te doen: {url}",
    "presenter.starting_soon": "We beginnen zo. Doe alvast mee met de code hierboven.",
    "presenter.how_to_follow": "Voor de procesbegeleider: kies bij een onderdeel 'Iedereen "
    "naar …' ({tools}); dit scherm volgt mee.",
    "presenter.newest_proposals": "Nieuwste voorstellen",
    "presenter.no_proposals": "Nog geen voorstellen.",
    "presenter.proposal": "- **{kind}:** {title}",
    "presenter.no_partners": "Nog geen partners.",
}
