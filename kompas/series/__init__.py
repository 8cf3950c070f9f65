"""Vervolgsessies: a series of sessions in which each next one starts where the last ended.

``carry`` starts the follow-up (what is carried over and what is not), ``review`` records
what became of last time's actions, ``movement`` judges a partner's shift against the
agreed direction, ``view`` reads the series, the review and the partners' paths, and
``report`` writes the "Sinds vorige keer" section of the verslag.
"""

from kompas.series.carry import follow_up, next_number, start_follow_up
from kompas.series.movement import (
    OPPOSITE,
    STILL,
    VERDICTS,
    Movement,
    main_direction,
    movement,
)
from kompas.series.review import set_action_status
from kompas.series.view import (
    TRENDS,
    IndicatorTrend,
    PartnerShift,
    Priority,
    Review,
    SeriesSession,
    Step,
    indicator_trends,
    partner_shifts,
    previous_number,
    review,
    series_sessions,
)

__all__ = [
    "OPPOSITE",
    "STILL",
    "TRENDS",
    "VERDICTS",
    "IndicatorTrend",
    "Movement",
    "PartnerShift",
    "Priority",
    "Review",
    "SeriesSession",
    "Step",
    "follow_up",
    "indicator_trends",
    "main_direction",
    "movement",
    "next_number",
    "partner_shifts",
    "previous_number",
    "review",
    "series_sessions",
    "set_action_status",
    "start_follow_up",
]
