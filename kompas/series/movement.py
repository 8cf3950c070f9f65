"""Did a partner move the way that was agreed? Last time's agreed position against where
the group puts the partner now, read along the agreed direction.

Axes as in the matrix: influence is vertical (``omhoog`` = more influence), dependency
horizontal (``rechts`` = more dependency). A shift of less than ``STILL`` on an axis counts
as no shift: placements are estimates, not measurements.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from kompas.partners.consensus import Point

STILL = 0.05

# direction → (axis, sign): axis "influence" or "dependency"
AXIS = {
    "omhoog": ("influence", 1),
    "omlaag": ("influence", -1),
    "rechts": ("dependency", 1),
    "links": ("dependency", -1),
}
OPPOSITE = {"omhoog": "omlaag", "omlaag": "omhoog", "links": "rechts", "rechts": "links"}
# Verdicts, in kompas.labels.MOVEMENT_LABELS.
VERDICTS = (
    "zoals_afgesproken",
    "andere_kant_op",
    "niet_bewogen",
    "zijwaarts",
    "bewogen",
    "onbekend",
)


@dataclass(frozen=True)
class Movement:
    moved: str  # the main direction of the shift (one of DIRECTIONS), "" when unknown
    verdict: str  # one of VERDICTS
    d_influence: float = 0.0
    d_dependency: float = 0.0


def main_direction(before: Point, now: Point) -> str:
    """The direction of the larger shift, or ``blijven`` when both are under ``STILL``."""
    di, dd = now.influence - before.influence, now.dependency - before.dependency
    if max(abs(di), abs(dd)) < STILL:
        return "blijven"
    if abs(di) >= abs(dd):
        return "omhoog" if di > 0 else "omlaag"
    return "rechts" if dd > 0 else "links"


def movement(agreed: str, before: Optional[Point], now: Optional[Point]) -> Movement:
    """Judge the shift from ``before`` to ``now`` against the ``agreed`` direction
    (one of DIRECTIONS, or "" when none was agreed)."""
    if before is None or now is None:
        return Movement("", "onbekend")
    di, dd = now.influence - before.influence, now.dependency - before.dependency
    moved = main_direction(before, now)
    if agreed not in AXIS:  # "blijven", or no direction agreed
        if not agreed:
            return Movement(moved, "onbekend", di, dd)
        verdict = "zoals_afgesproken" if moved == "blijven" else "bewogen"
        return Movement(moved, verdict, di, dd)
    axis, sign = AXIS[agreed]
    along = sign * (di if axis == "influence" else dd)
    across = dd if axis == "influence" else di
    if along >= STILL:
        verdict = "zoals_afgesproken"
    elif along <= -STILL:
        verdict = "andere_kant_op"
    elif abs(across) >= STILL:
        verdict = "zijwaarts"
    else:
        verdict = "niet_bewogen"
    return Movement(moved, verdict, di, dd)
