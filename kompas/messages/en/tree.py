"""The goal tree: the form, the phase, the picture with its legend, the tree as text, dot
voting and the priorities."""

MESSAGES = {
    # the page
    "tree.title": "Goal tree",
    "tree.caption": "From the main goal via policy domains and societal effects to activities.",
    "tree.only_main_goal": "The tree only has a main goal so far. Propose a policy domain or an "
    "effect.",
    "tree.only_main_goal_facilitator": "The tree only has a main goal so far. Add the six "
    "policy domains with the template, or start empty.",
    # the phase
    "tree.phase": "**Phase:** {phase}{locked} — {help}",
    "tree.locked": " · locked",
    "tree.phase_help.verzamelen": "Propose parts: effects under a policy domain, activities "
    "under an effect. Everyone sees your proposal at once.",
    "tree.phase_help.ordenen": "The facilitator puts the tree in order: agreeing proposals, "
    "merging doubles, moving parts.",
    "tree.phase_help.stemmen": "Spread your dots over the parts you find most important.",
    "tree.phase_help.resultaat": "The result: the priorities with their number of dots.",
    "tree.phase_help.gesloten": "The goal tree is closed. You can only look.",
    "tree.voters": "{voters} of {participants} have voted",
    "tree.budget": "Your dots: {remaining} of {budget} left (at most {per_node} per part, on "
    "{level})",
    "tree.votes_hidden": "The votes stay hidden until the facilitator shows them.",
    # the form
    "tree.form_refused": "{refusal} What you typed is still here: copy it if you want to keep it.",
    "tree.form_close": "Close the form",
    "tree.propose_heading": "**Propose a part**",
    "tree.add_heading": "**Add a part**",
    "tree.node_title": "Title",
    "tree.node_title_example": "For example: Fewer residents feel lonely",
    "tree.parent": "Under",
    "tree.parent_help": "The level below: under the main goal a policy domain, under a policy "
    "domain an effect, under an effect an activity.",
    "tree.description": "Explanation (optional)",
    "tree.kind": "Kind (under the main goal)",
    "tree.kind_help": "Only matters when you put something directly under the main goal.",
    "tree.partner": "Partner (for an activity)",
    "tree.no_partner": "none",
    "tree.submit": "Add",
    "tree.added": "Added",
    "tree.proposed": "Your proposal is in the tree",
    # the picture
    "tree.collapse": "Fold policy domains",
    "tree.collapse_none": "Everything unfolded",
    "tree.enlarge": "View large",
    "tree.enlarge_help": "The tree larger, in a window of its own",
    "tree.enlarged_title": "Goal tree, large",
    "tree.legend": "**Legend**",
    "tree.legend_proposal": "Dotted white border: proposal, not agreed yet.",
    "tree.legend_accepted": "Coloured box: agreed (dark blue main goal, blue policy domain, "
    "green effect, yellow activity).",
    "tree.legend_agreed": "★ with a gold border: agreed priority.",
    "tree.legend_folded": "+number: that many parts folded away.",
    "tree.legend_dots": "Red circle with a number: the number of dots.",
    "tree.legend_dots_later": "The dots appear as red circles in the tree as soon as they are "
    "shown.",
    "tree.chart_description": "Goal tree with {n} parts, from the main goal (left) to "
    "activities (right).",
    "tree.chart_tooltip": "Part",
    "tree.chart_also": "also: {names}",
    "tree.chart_partner": "partner: {name}",
    "tree.chart_folded": "{n} parts folded away",
    "tree.chart_dots": "{n} dots",
    # the outline
    "tree.outline": "**The tree as text**",
    "tree.facilitator": "facilitator",
    "tree.proposal_by": "proposal by {who}",
    "tree.node_partner": "partner: {name}",
    "tree.also_called": "also called: {names}",
    "tree.dots_one": "{n} dot",
    "tree.dots_many": "{n} dots",
    "tree.agreed": "★ agreed",
    # proposals
    "tree.proposals": "Proposals ({n})",
    "tree.my_proposals": "My proposals ({n})",
    "tree.accept_all": "Agree all {n} proposals",
    "tree.accepted": "Agreed",
    "tree.proposal_under": "{kind} under {parent} · {who}",
    "tree.accept": "Agree",
    "tree.reject": "Delete proposal",
    "tree.rejected": "Deleted",
    "tree.withdraw": "Withdraw",
    "tree.withdrawn": "Withdrawn",
    "tree.more_proposals": "And {n} more proposals; they are all in the tree as text below.",
    # voting
    "tree.voting": "**Votes**",
    "tree.vote": "Add a dot",
    "tree.vote_help": "Dot on: {title}",
    "tree.unvote": "Take a dot back",
    "tree.unvote_help": "Take a dot back from: {title}",
    # the result
    "tree.priorities": "Priorities",
    "tree.not_revealed": "The votes have not been shown yet.",
    "tree.reveal": "Show the votes",
    "tree.no_dots": "No dots have been placed yet.",
    "tree.col_rank": "Rank",
    "tree.col_node": "Part",
    "tree.col_kind": "Kind",
    "tree.col_domain": "Policy domain",
    "tree.col_dots": "Dots",
    "tree.col_agreed": "Agreed",
    "tree.dots_per_role": "Dots per role: {totals}",
    "tree.dots_per_role_hidden": "We only show dots per role when at least {min_group} people "
    "of every role voted: otherwise you could see what one person chose.",
    "tree.agreed_priorities": "Agreed priorities",
    "tree.agreed_choose": "Choose the agreed priorities",
}
