"""Follow-up session: what a participant sees of last time (on the Partner matrix page), and for
the facilitator the series on the console and the review."""

MESSAGES = {
    "series.not_placed": "not placed yet",
    "series.position": "influence {influence}, dependency {dependency}",
    "series.since_heading": "Since last time",
    "series.since_caption": "Per partner: last time's agreed position and direction, and where "
    "the group places the partner now (the average of the placements). Has the relation moved "
    "as agreed?",
    "series.before": "Last time: {position}",
    "series.direction": "Direction: {direction}",
    "series.no_direction": "not agreed",
    "series.now_one": "Now, 1 placement: {position}",
    "series.now_many": "Now, {n} placements: {position}",
    "series.now_hidden": "Now: visible once the estimates are shown",
    "series.paths": "Path of each partner over all sessions",
    "series.paths_caption": "S1, S2, …: the agreed position in that session; now: where the "
    "group places the partner now. The table has the same figures.",
    "series.column_partner": "Partner",
    "series.column_session": "Session",
    "series.column_agreed_influence": "Agreed influence",
    "series.column_agreed_dependency": "Agreed dependency",
    "series.column_group_influence": "Group influence",
    "series.column_group_dependency": "Group dependency",
    "series.column_direction": "Direction",
    # the console: the series and the next session
    "series.sessions_heading": "Series of sessions",
    "series.session": "Session {number} · {date} · code {code} · {n} participants",
    "series.session_current": "Session {number} · {date} · code {code} · {n} participants "
    "(this session)",
    "series.follow_up_caption": "A follow-up session starts where this session ends: the goal "
    "tree (with today's votes and priorities as history), the quality compass, the partners "
    "with their agreed position and direction, the actions and decisions. Participants, votes "
    "and own placements do not carry over. This session stays as it is.",
    "series.start_follow_up": "Start follow-up session",
    "series.start_follow_up_help": "Makes a new workshop in this series, with its own code",
    # the review (terugblik) that opens a follow-up session
    "series.review_heading": "Review of session {number}",
    "series.review_caption": "What has happened since last time? Set the status of each action "
    "with a short note. Enter new measurements and see what came first last time.",
    "series.actions_heading": "Actions from last time",
    "series.no_actions": "Last time there were no actions with an owner or date.",
    "series.owner": "owner {owner}",
    "series.due": "date {date}",
    "series.status": "Status",
    "series.note": "Note (may be empty)",
    "series.save": "Save",
    "series.status_saved": "Status saved",
    "series.open_questions": "Open questions from last time",
    "series.priorities_heading": "Goal tree: what came first last time",
    "series.no_priorities": "Last time no votes were cast and no priorities were agreed.",
    "series.column_item": "Part",
    "series.column_votes": "Dots last time",
    "series.column_agreed": "Agreed priority",
    "series.agreed": "yes",
    "series.indicators_heading": "Indicators since last time",
    "series.no_indicators": "There are no indicators in the quality compass.",
    "series.column_indicator": "Indicator",
    "series.column_last_time": "Last time",
    "series.column_now": "Now",
    "series.column_change": "Difference",
    "series.column_trend": "Trend",
    "series.measure_for": "New measurement for",
    "series.measure_value": "Value or story",
    "series.measure_date": "Date",
    "series.measure_add": "Add measurement",
    "series.measure_added": "Measurement added",
}
