"""Follow-up session: what a participant sees of last time (on the Partner matrix page)."""

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
}
