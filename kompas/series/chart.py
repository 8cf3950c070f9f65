"""Each partner's path over the sessions of a series (Altair): the agreed position of every
earlier session, then where the group puts the partner now, joined by a line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt

if TYPE_CHECKING:  # the view imports no chart; only the type is needed here
    from kompas.series.view import PartnerShift

SIZE = 460
TEXT = "#1a1d21"


def path_chart(shifts: tuple[PartnerShift, ...], *, show_now: bool = True) -> alt.LayerChart:
    """``show_now`` False leaves out the group's current placements (not yet revealed)."""
    scale = alt.Scale(domain=[0, 1], nice=False)
    rows = []
    for s in shifts:
        order = 0
        for step in s.path:
            point = step.group if step.current else step.agreed
            if point is None or (step.current and not show_now):
                continue
            order += 1
            rows.append(
                {
                    "partner": s.name,
                    "x": point.dependency,
                    "y": point.influence,
                    "order": order,
                    "label": "nu" if step.current else f"S{step.number}",
                }
            )
    data = alt.Data(values=rows)
    x = alt.X("x:Q", scale=scale, title="Afhankelijkheid van de gemeente")
    y = alt.Y("y:Q", scale=scale, title="Invloed op de doelen")
    color = alt.Color("partner:N", title="Partner", legend=alt.Legend(orient="bottom", columns=2))
    lines = alt.Chart(data).mark_line(strokeWidth=2).encode(x=x, y=y, color=color, order="order:Q")
    dots = (
        alt.Chart(data)
        .mark_circle(size=70, opacity=1)
        .encode(x=x, y=y, color=color, tooltip=["partner:N", "label:N"])
    )
    labels = (
        alt.Chart(data)
        .mark_text(dx=8, dy=-8, fontSize=11, color=TEXT)
        .encode(x=x, y=y, text="label:N")
    )
    return alt.layer(lines, dots, labels).properties(width=SIZE, height=SIZE)
