"""The Partner matrix as a participant sees it: the help per phase, the matrix, the lens, the
group, the directions, the sliders, the relations and the interests.

The words of the lenses (axes, quadrants, help) per lens id: ``matrix.lens.<lens id>.<field>``
(the Dutch come from kompas.partners.lenses)."""

_LENSES = {
    "invloed_afhankelijkheid": {
        "name": "Influence × dependency",
        "help": "How much does the partner add to the goals, and how dependent are you on "
        "each other? After the Kraljic model.",
        "vertical.label": "Influence on the goals",
        "vertical.low": "low",
        "vertical.high": "high",
        "vertical.short": "influence",
        "horizontal.label": "The municipality's dependency",
        "horizontal.low": "low",
        "horizontal.high": "high",
        "horizontal.hint": "Test question: is there an alternative if the partner drops out?",
        "horizontal.short": "dependency",
        "quadrant.0": "Develop",
        "quadrant_help.0": "Much influence on the goals, but the partner depends little on "
        "the municipality. Invest in the relationship.",
        "quadrant.1": "Strategic partnership",
        "quadrant_help.1": "Much influence and strongly dependent on each other. Work "
        "together as strategic partners.",
        "quadrant.2": "Keep limited",
        "quadrant_help.2": "Little influence and little dependency. Keep the effort small.",
        "quadrant.3": "Secure",
        "quadrant_help.3": "Little influence, but the partner depends strongly on the "
        "municipality. Make sure the service goes on.",
    },
    "sturing_netwerk": {
        "name": "Steering × network position",
        "help": "How does the municipality steer as a funder: tightly, or by facilitating? "
        "And does the organisation stand on its own, or does it work with many partners? "
        "After the model of Stade Advies. Well-known services need good commissioning; "
        "complex tasks need a partner who thinks along and takes part.",
        "vertical.label": "Steering by the municipality as funder",
        "vertical.low": "facilitating",
        "vertical.high": "tight steering",
        "vertical.hint": "Does the municipality steer on the assignment, or does it make room "
        "for what the partner does?",
        "vertical.short": "steering",
        "horizontal.label": "Network position of the organisation",
        "horizontal.low": "on its own",
        "horizontal.high": "many partners",
        "horizontal.hint": "Test question: with how many partners and activities is the "
        "organisation connected?",
        "horizontal.short": "network position",
        "quadrant.0": "Good commissioning",
        "quadrant_help.0": "A known, clear service of one organisation. The municipality is "
        "mainly the client: clear agreements about what it buys.",
        "quadrant.1": "Directing the chain",
        "quadrant_help.1": "An organisation with many partners, but the municipality steers "
        "tightly. Note: in the network the organisation can do more than the assignment asks.",
        "quadrant.2": "Room to grow",
        "quadrant_help.2": "The municipality facilitates an organisation that still stands on "
        "its own. Help it connect with others.",
        "quadrant.3": "Productive partnership",
        "quadrant_help.3": "The municipality facilitates an organisation in a wide network. "
        "Shape the service together, learn by trying, no competition. Say so when this "
        "clashes with the organisation's own interest.",
    },
}

MESSAGES = {
    "matrix.title": "Partner matrix",
    "matrix.no_partners": "The facilitator has not added any partners yet. Please wait.",
    "matrix.no_partners_facilitator": "No partners yet. Add them below or import a list.",
    # the caption under the title, per phase
    "matrix.phase_help.inschatten": "Place each partner in your own matrix. Others only see "
    "your estimate when the facilitator shows the estimates.",
    "matrix.phase_help.bespreken": "Discuss where the group disagrees: the partners with the "
    "most spread are at the top. You can still change your own estimate.",
    "matrix.phase_help.besluiten": "For each partner the facilitator sets the agreed position "
    "and the direction, with an action, an owner and a date to look back.",
    "matrix.phase_help.gesloten": "The partner matrix is closed. You can still look at everything.",
    # under the matrix
    "matrix.placed_count": "You have placed {placed} of the {total} partners.",
    "matrix.others_hidden": "The estimates of others are still hidden.",
    "matrix.agreed_count": "Agreed position set for {agreed} of the {total} partners. "
    "Estimates {state}.",
    "matrix.agreed_visible": "visible to everyone",
    "matrix.agreed_hidden": "still hidden from the participants (only you see them)",
    # the matrix itself (the component)
    "matrix.chart_title": "Partner matrix: {lens}",
    "matrix.unplaced_own": "not placed yet",
    "matrix.unplaced_agreed": "not set yet, starts at the average",
    "matrix.draggable": "draggable point",
    "matrix.agreed_position": "agreed position",
    "matrix.legend_facilitator": "Brown dots: the agreed position. Drag them, or use Tab and "
    "the arrow keys. Dotted: not set yet.",
    "matrix.legend_own": "Blue dots: your estimate. Drag them, or use Tab and the arrow keys. "
    "Dotted in the middle: not placed yet, does not count.",
    "matrix.legend_own_readonly": "Blue dots: your estimate (view only).",
    "matrix.legend_marks": "Small grey dots: estimates of others, without names.",
    "matrix.legend_agreed": "Brown diamonds: the agreed position.",
    "matrix.legend_arrows": "Arrows: the agreed direction; a ring means stay.",
    # the lens bar
    "matrix.lens_choice": "Lens of this round",
    "matrix.lens_choice_help": "All partners, the same steps: first everyone places on their "
    "own, then you show the estimates, then the agreed position and direction. A new lens "
    "starts with hidden estimates.",
    "matrix.lens_changed": "Lens changed to {lens}",
    "matrix.lens_heading": "**Lens: {lens}**",
    "matrix.quadrants_expander": "What do the quadrants mean?",
    "matrix.quadrant_heading": "**{corner}: {name}**",
    "matrix.corner.0": "Top left",
    "matrix.corner.1": "Top right",
    "matrix.corner.2": "Bottom left",
    "matrix.corner.3": "Bottom right",
    # where do we differ?
    "matrix.group_heading": "Where do we differ?",
    "matrix.group_hidden": "The group's estimates become visible when the facilitator shows them.",
    "matrix.spread.small": "small",
    "matrix.spread.medium": "medium",
    "matrix.spread.large": "large",
    "matrix.col.partner": "Partner",
    "matrix.col.placed": "Placed",
    "matrix.placed_of": "{count} of {total}",
    "matrix.col.mean": "{axis} (avg.)",
    "matrix.col.spread": "Spread",
    "matrix.col.groups": "Per group (3 or more)",
    "matrix.spread_caption": "Spread: the average distance of the estimates from the average "
    "(0 = everyone agrees, 0,7 = as far apart as possible). Per role group only with 3 or "
    "more estimates, never who placed what.",
    # direction per partner
    "matrix.directions_heading": "Direction per partner",
    "matrix.no_directions": "No directions agreed yet.",
    "matrix.col.direction": "Direction",
    "matrix.col.action": "Action",
    "matrix.col.owner": "Owner",
    "matrix.col.review": "Look back on",
    "matrix.col.rationale": "Reasoning",
    "matrix.col.dissent": "Different opinion",
    # the sliders
    "matrix.sliders_who_agreed": "the agreed position",
    "matrix.sliders_who_own": "your estimate",
    "matrix.sliders_expander": "Rather not drag? Set {who} with sliders",
    "matrix.sliders_caption": "{y_label} ({y_low} to {y_high}) and {x_label} ({x_low} to "
    "{x_high}), in percent. Only what you move is saved.",
    "matrix.sliders_save": "Save",
    "matrix.sliders_saved": "{n} partner(s) saved",
    # relations and interests
    "matrix.relations_heading": "Client and partner, and interests",
    "matrix.relations_caption": "Not every relation has to be a partnership. Sometimes client "
    "and contractor fits better: then make the roles and agreements clear. Interests you "
    "share and the partner's own interests both belong on the table.",
    "matrix.relation_partner": "Partner",
    "matrix.relation_now_desired": "**Relation now:** {now}  \n**Desired relation:** {desired}",
    "matrix.roles_agreements": "Roles and agreements",
    "matrix.good_enough": "What is good enough",
    "matrix.interests_heading": "**Interests**",
    "matrix.no_interests": "No interests named yet.",
    "matrix.interests_ungrouped": "Not grouped yet",
    "matrix.interest_kind": "Kind of interest",
    "matrix.interest": "Interest",
    "matrix.interest_placeholder": "For example: a balanced budget for the organisation itself",
    "matrix.interest_help": "Without a name: nobody sees who wrote this.",
    "matrix.interest_submit": "Add interest",
    "matrix.interest_added": "Interest added",
    # the facilitator's tools (only the facilitator sees these)
    "matrix.facilitator_heading": "For the facilitator",
    "matrix.tab.direction": "Direction per partner",
    "matrix.tab.partners": "Partners",
    "matrix.tab.import": "Import",
    "matrix.tab.settings": "Visibility and quadrants",
    "matrix.add_partners_first": "Add partners first.",
    # partners: add, edit, delete, import
    "matrix.partner_add_heading": "**Add a partner**",
    "matrix.partner_name": "Name",
    "matrix.partner_service_optional": "Service (may be empty)",
    "matrix.partner_service": "Service",
    "matrix.partner_kind": "Kind",
    "matrix.partner_value_optional": "Contract value in euros (may be empty)",
    "matrix.partner_value": "Contract value in euros",
    "matrix.partner_value_placeholder": "For example 125.000",
    "matrix.partner_notes_optional": "Notes (may be empty)",
    "matrix.partner_notes": "Notes",
    "matrix.partner_add": "Add",
    "matrix.partner_added": "Partner added",
    "matrix.partner_pick": "Edit or delete a partner",
    "matrix.partner_save": "Save changes",
    "matrix.partner_saved": "Partner saved",
    "matrix.partner_delete_confirm": "Also delete if activities name this partner (those "
    "activities stay, without a partner)",
    "matrix.partner_delete": "Delete partner",
    "matrix.partner_deleted": "Partner deleted",
    "matrix.import_help": "A CSV or Excel file with the columns **naam**, voorziening, soort "
    "(welzijn, zorg, jeugd, onderwijs, wonen, overig), contractwaarde and notities (name, "
    "service, kind, contract value, notes). If one line is wrong, nothing is imported.",
    "matrix.import_file": "File with partners",
    "matrix.import_submit": "Import",
    "matrix.imported": "Partners imported",
    # visibility and quadrants
    "matrix.reveal_toggle": "Show everyone's estimates (without names)",
    "matrix.agree_mean": "Start the agreed positions at the average",
    "matrix.agree_mean_help": "For partners without an agreed position; partners that nobody "
    "placed are left over.",
    "matrix.agreed_at_mean": "{n} position(s) set",
    "matrix.quadrants_fixed": "The quadrants of this lens have fixed names. You can change the "
    "names of the lens '{lens}'.",
    "matrix.quadrant_names_heading": "**Names of the quadrants**",
    "matrix.quadrant_name.0": "Top left (much influence, little dependent)",
    "matrix.quadrant_name.1": "Top right (much influence, very dependent)",
    "matrix.quadrant_name.2": "Bottom left (little influence, little dependent)",
    "matrix.quadrant_name.3": "Bottom right (little influence, very dependent)",
    "matrix.quadrants_save": "Save quadrants",
    "matrix.quadrants_saved": "Quadrants saved",
    # the direction per partner (the form)
    "matrix.direction_partner": "Partner",
    "matrix.direction_caption": "In the lens {lens}: up is {up}, down {down}, to the right "
    "{right}, to the left {left}.",
    "matrix.towards_more": "more {word}",
    "matrix.towards_less": "less {word}",
    "matrix.towards": "towards {word}",
    "matrix.direction": "Direction",
    "matrix.direction_rationale": "Reasoning",
    "matrix.direction_action": "Action",
    "matrix.direction_owner": "Owner",
    "matrix.direction_review": "Look back on",
    "matrix.direction_dissent": "Different opinion (may be empty)",
    "matrix.direction_save": "Save direction",
    "matrix.direction_saved": "Direction saved",
    # the relation (the form) and ordering the interests
    "matrix.relation_now": "Relation now",
    "matrix.relation_desired": "Desired relation",
    "matrix.roles_optional": "Roles and agreements (may be empty)",
    "matrix.good_enough_optional": "What is good enough? (may be empty)",
    "matrix.good_enough_help": "The lower limit the group agrees on, for example an "
    "acceptable waiting time.",
    "matrix.relation_save": "Save relation",
    "matrix.relation_saved": "Relation saved",
    "matrix.interests_order": "Order the interests",
    "matrix.interests_order_caption": "Give interests that belong together the same group. "
    "Empty = no group.",
    "matrix.interest_group": "Group",
    "matrix.interest_kind_short": "Kind",
    "matrix.interest_groups_save": "Save groups",
    "matrix.interest_delete_pick": "Delete an interest",
    "matrix.interest_delete": "Delete",
    "matrix.interest_deleted": "Interest deleted",
    **{
        f"matrix.lens.{lens}.{field}": word
        for lens, words in _LENSES.items()
        for field, word in words.items()
    },
}
