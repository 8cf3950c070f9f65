"""The partner matrix as a static picture (Altair): quadrants with their labels, every
partner at its agreed position (or, while none is agreed, hollow at the group mean), the
agreed direction as an arrow, and the individual placements as small grey dots without
names. Used for the group view in the app and, via vl-convert, in Word and PDF exports.
"""

from __future__ import annotations

import json

import altair as alt

from kompas.partners.view import MatrixView

SIZE = 520  # pixels of the plot square
ARROW = 0.12  # arrow length in axis units
DELTA = {"omhoog": (0.0, 1.0), "omlaag": (0.0, -1.0), "rechts": (1.0, 0.0), "links": (-1.0, 0.0)}
SHAPE = {
    "omhoog": "triangle-up",
    "omlaag": "triangle-down",
    "rechts": "triangle-right",
    "links": "triangle-left",
}
AGREED = "#8a3b00"  # 7:1 on white
MEAN = "#1f5f8b"
MARK = "#6b6b6b"
TEXT = "#1a1d21"
QUAD_TEXT = "#3d4650"
FILLS = ("#eef3f8", "#f8f9fb", "#f8f9fb", "#eef3f8")
CHAR = 7.2 / SIZE  # rough width of one 12px character in axis units
LINE = 14 / SIZE
LABEL_MAX = 30


def _short(name: str) -> str:
    return name if len(name) <= LABEL_MAX else name[: LABEL_MAX - 1] + "…"


def _points(view: MatrixView) -> list[dict]:
    rows = []
    for p in view.partners:
        if p.id in view.agreed:
            point, agreed = view.agreed[p.id], True
        else:
            c = view.consensus_for(p.id)
            if c is None or c.mean is None:
                continue
            point, agreed = c.mean, False
        d = view.directions.get(p.id)
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "label": _short(p.name),
                "x": point.dependency,
                "y": point.influence,
                "status": "gezamenlijke positie" if agreed else "gemiddelde (nog niet afgesproken)",
                "direction": d.direction if d else "",
            }
        )
    return rows


def _place_labels(points: list[dict]) -> list[dict]:
    """Greedy: each name takes the first spot around its point that overlaps least with
    the names and points already placed."""
    r = 9 / SIZE
    spots = [
        (0, r + 4 / SIZE, "center"),
        (0, -r - LINE, "center"),
        (r + 3 / SIZE, -LINE / 3, "left"),
        (-r - 3 / SIZE, -LINE / 3, "right"),
        (0, r + LINE + 6 / SIZE, "center"),
        (0, -r - 2 * LINE, "center"),
        (r + 3 / SIZE, r, "left"),
        (-r - 3 / SIZE, r, "right"),
        (r + 3 / SIZE, -r - LINE, "left"),
        (-r - 3 / SIZE, -r - LINE, "right"),
        (r + 12 / SIZE, -LINE / 3, "left"),
        (-r - 12 / SIZE, -LINE / 3, "right"),
    ]
    taken = []
    for p in points:
        ring = 15 / SIZE if p.get("direction") == "blijven" else r
        taken.append((p["x"] - ring, p["x"] + ring, p["y"] - ring, p["y"] + ring))
    # arrows are taken too, so that no name is written across one
    half = 5 / SIZE
    arrows = []
    for p in points:
        if p.get("direction") in DELTA:
            dx, dy = DELTA[p["direction"]]
            ex = min(1.0, max(0.0, p["x"] + dx * ARROW))
            ey = min(1.0, max(0.0, p["y"] + dy * ARROW))
            arrows.append(
                (
                    min(p["x"], ex) - half,
                    max(p["x"], ex) + half,
                    min(p["y"], ey) - half,
                    max(p["y"], ey) + half,
                )
            )
    labels = []
    for i, p in enumerate(points):
        width = len(p["label"]) * CHAR
        best = None
        for dx, dy, align in spots:
            x, y = p["x"] + dx, p["y"] + dy
            left = x if align == "left" else x - width if align == "right" else x - width / 2
            box = (left, left + width, y, y + LINE)
            cost = 0.0 if 0 <= box[0] and box[1] <= 1 and 0 <= box[2] and box[3] <= 1 else 1.0
            for j, other in enumerate(taken + arrows):
                if j != i:
                    w = min(box[1], other[1]) - max(box[0], other[0])
                    h = min(box[3], other[3]) - max(box[2], other[2])
                    cost += w * h if w > 0 and h > 0 else 0.0
            if best is None or cost < best[0]:
                best = (cost, x, y, align, box)
            if cost == 0:
                break
        taken.append(best[4])
        labels.append(
            {"label": p["label"], "x": best[1], "y": best[2], "align": best[3], "cost": best[0]}
        )
    return labels


def numbered(view: MatrixView) -> bool:
    """True when the partners' names do not fit beside their dots without touching each
    other or the edge: the picture then shows numbers and the report a numbered key (the
    numbers follow the partner list, from 1)."""
    points = _points(view)
    return any(label["cost"] > 1e-9 for label in _place_labels(points))


def partner_numbers(view: MatrixView) -> dict:
    """Partner id → its number in the key (the order of the partner list)."""
    return {p.id: n for n, p in enumerate(view.partners, start=1)}


def _ends(axis) -> str:
    """A Vega expression naming the ends of an axis (the lens's low and high words)."""
    return f"datum.value == 0 ? {json.dumps(axis.low)} : {json.dumps(axis.high)}"


def matrix_chart(view: MatrixView) -> alt.LayerChart:
    scale = alt.Scale(domain=[0, 1], nice=False, zero=False)
    lens = view.lens  # axis titles and end words come with the lens
    x_axis = alt.Axis(
        title=lens.horizontal.label,
        values=[0, 1],
        grid=False,
        labelExpr=_ends(lens.horizontal),
        titleFontSize=13,
        titleColor=TEXT,
        labelColor=QUAD_TEXT,
    )
    y_axis = alt.Axis(
        title=lens.vertical.label,
        values=[0, 1],
        grid=False,
        labelExpr=_ends(lens.vertical),
        titleFontSize=13,
        titleColor=TEXT,
        labelColor=QUAD_TEXT,
    )
    labels = list(view.quadrant_labels)
    quads = alt.Data(
        values=[
            {"x": 0, "x2": 0.5, "y": 0.5, "y2": 1, "fill": FILLS[0]},
            {"x": 0.5, "x2": 1, "y": 0.5, "y2": 1, "fill": FILLS[1]},
            {"x": 0, "x2": 0.5, "y": 0, "y2": 0.5, "fill": FILLS[2]},
            {"x": 0.5, "x2": 1, "y": 0, "y2": 0.5, "fill": FILLS[3]},
        ]
    )
    layers = [
        alt.Chart(quads)
        .mark_rect(stroke="#5c6670", strokeWidth=0.8)
        .encode(
            x=alt.X("x:Q", scale=scale, axis=x_axis),
            x2="x2:Q",
            y=alt.Y("y:Q", scale=scale, axis=y_axis),
            y2="y2:Q",
            fill=alt.Fill("fill:N", scale=None),
        ),
    ]
    for i, label in enumerate(labels):
        top, left = i < 2, i % 2 == 0
        spot = {"label": label, "x": 0.02 if left else 0.98, "y": 0.98 if top else 0.02}
        layers.append(
            alt.Chart(alt.Data(values=[spot]))
            .mark_text(
                align="left" if left else "right",
                baseline="top" if top else "bottom",
                fontSize=13,
                fontWeight="bold",
                color=QUAD_TEXT,
            )
            .encode(x=alt.X("x:Q", scale=scale), y=alt.Y("y:Q", scale=scale), text="label:N")
        )
    marks = [{"x": m.dependency, "y": m.influence} for m in view.marks]
    if marks:
        layers.append(
            alt.Chart(alt.Data(values=marks))
            .mark_circle(size=22, color=MARK, opacity=0.8)
            .encode(x=alt.X("x:Q", scale=scale), y=alt.Y("y:Q", scale=scale))
        )
    points = _points(view)
    arrows, ends, rings = [], [], []
    for p in points:
        if p["direction"] in DELTA:
            dx, dy = DELTA[p["direction"]]
            ex = min(1.0, max(0.0, p["x"] + dx * ARROW))
            ey = min(1.0, max(0.0, p["y"] + dy * ARROW))
            arrows.append({"x": p["x"], "y": p["y"], "x2": ex, "y2": ey})
            ends.append({"x": ex, "y": ey, "shape": SHAPE[p["direction"]]})
        elif p["direction"] == "blijven":
            rings.append({"x": p["x"], "y": p["y"]})
    if arrows:
        layers.append(
            alt.Chart(alt.Data(values=arrows))
            .mark_rule(color=AGREED, strokeWidth=2.5)
            .encode(x=alt.X("x:Q", scale=scale), y=alt.Y("y:Q", scale=scale), x2="x2:Q", y2="y2:Q")
        )
        layers.append(
            alt.Chart(alt.Data(values=ends))
            .mark_point(filled=True, size=110, color=AGREED, opacity=1)
            .encode(
                x=alt.X("x:Q", scale=scale),
                y=alt.Y("y:Q", scale=scale),
                shape=alt.Shape("shape:N", scale=None),
            )
        )
    if rings:
        layers.append(
            alt.Chart(alt.Data(values=rings))
            .mark_point(filled=False, size=650, color=AGREED, strokeWidth=2, opacity=1)
            .encode(x=alt.X("x:Q", scale=scale), y=alt.Y("y:Q", scale=scale))
        )
    if points:
        layers.append(
            alt.Chart(alt.Data(values=points))
            .mark_circle(size=190, opacity=1, stroke="white", strokeWidth=1.5)
            .encode(
                x=alt.X("x:Q", scale=scale),
                y=alt.Y("y:Q", scale=scale),
                color=alt.Color(
                    "status:N",
                    title=None,
                    scale=alt.Scale(
                        domain=["gezamenlijke positie", "gemiddelde (nog niet afgesproken)"],
                        range=[AGREED, MEAN],
                    ),
                    legend=alt.Legend(orient="bottom", labelColor=TEXT),
                ),
                tooltip=[
                    alt.Tooltip("name:N", title="Partner"),
                    alt.Tooltip("status:N", title="Positie"),
                ],
            )
        )
        labelled = points
        if numbered(view):
            # numbers; partners on the same spot share one label ("11, 21, 31")
            numbers = partner_numbers(view)
            spots: dict = {}
            for p in points:
                spots.setdefault((round(p["x"], 3), round(p["y"], 3)), []).append(p)
            labelled = []
            for group in spots.values():
                first = dict(group[0])
                first["label"] = ", ".join(str(numbers[p["id"]]) for p in group)
                labelled.append(first)
        labels_data = _place_labels(labelled)
        for align in ("left", "center", "right"):
            subset = [label for label in labels_data if label["align"] == align]
            if subset:
                layers.append(
                    alt.Chart(alt.Data(values=subset))
                    .mark_text(align=align, baseline="bottom", fontSize=12, color=TEXT)
                    .encode(
                        x=alt.X("x:Q", scale=scale), y=alt.Y("y:Q", scale=scale), text="label:N"
                    )
                )
    return (
        alt.layer(*layers)
        .properties(width=SIZE, height=SIZE)
        .configure_view(stroke=None)
        .configure_axis(domain=False, ticks=False)
    )
