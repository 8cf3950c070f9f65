"""The goal tree as a picture: a left-to-right tree layout computed here, drawn as an
Altair (Vega-Lite) chart of boxes and elbow lines, and as PNG for the exports.

The main goal stands at the top left; every leaf gets its own row, a parent sits in the
middle of its children, so the height grows with the number of leaves and 150 nodes stay
readable. Titles are wrapped, never cut: a box is as high as its title needs, and a row
as high as its box. Four levels (main goal to activity) fit a laptop column of 780 px.
"""

from __future__ import annotations

import functools
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

import altair as alt

from kompas import i18n

if TYPE_CHECKING:  # view.py builds its chart_spec read function from this module
    from kompas.goaltree.view import NodeView, TreeView

BOX_W = 172
GAP_X = 22
ROW_GAP = 8  # between the boxes of two rows
BOX_PAD = 5  # above and below the text in a box
MARGIN = 8
VOTE_W = 34  # room at the right of a box for the vote total
LINE_CHARS = 25  # characters of 11 px DejaVu Sans in BOX_W less the padding
VOTE_CHARS = 21  # the same, less the room for the vote total
LINE_H = 13
ROW_H = 2 * LINE_H + 2 * BOX_PAD + ROW_GAP  # the row of a two-line title
# where votes can show, room for the total is kept, so a reveal does not reflow the tree
VOTED_KINDS = ("effect", "activity")

# fill, text colour per kind; all text colours have ≥ 4.5:1 contrast on their fill
STYLE = {
    "main_goal": ("#0b3d66", "#ffffff"),
    "vision": ("#e8eef5", "#0b2740"),
    "domain": ("#1f6f8b", "#ffffff"),
    "effect": ("#d9efe6", "#0d3b2e"),
    "activity": ("#fff4d6", "#4a3500"),
}
PROPOSAL_FILL = "#ffffff"
PROPOSAL_TEXT = "#3d3d3d"
STROKE = "#5b6670"
EDGE = "#8a96a0"


@dataclass(frozen=True)
class Box:
    id: int
    x: float  # left edge
    y: float  # centre
    node: NodeView
    hidden: int  # descendants hidden because the node is collapsed
    label: str = ""  # the wrapped title, one line per "\n"
    h: float = 0  # box height


def wrap_label(title: str, *, width: int = LINE_CHARS) -> str:
    """The whole title in lines of at most ``width`` characters; a word longer than a
    line is split with a hyphen ('Mantelzorgonder-' 'steuning')."""
    lines = []
    for line in textwrap.wrap(title, width=width, break_long_words=False) or [""]:
        while len(line) > width:
            lines.append(line[: width - 1] + "-")
            line = line[width - 1 :]
        lines.append(line)
    return "\n".join(lines)


def box_label(node: NodeView, hidden: int = 0) -> str:
    """The text in a node's box: ★ for an agreed priority, the full title wrapped, and
    '+N' when N nodes below it are folded away."""
    label = ("★ " if node.agreed else "") + node.title
    width = VOTE_CHARS if node.kind in VOTED_KINDS else LINE_CHARS
    suffix = f"  +{hidden}" if hidden else ""
    wrapped = wrap_label(label, width=width)
    if suffix and len(wrapped.rsplit("\n", 1)[-1]) + len(suffix) > width:
        return wrapped + "\n" + suffix.strip()
    return wrapped + suffix


def box_height(label: str) -> float:
    return (label.count("\n") + 1) * LINE_H + 2 * BOX_PAD


def layout(view: TreeView, collapsed: frozenset[int] = frozenset()) -> tuple[list[Box], int]:
    """Boxes with positions (pixels, y down) and the number of leaf rows."""
    boxes, rows, _height = _layout(view, collapsed)
    return boxes, rows


def _layout(view: TreeView, collapsed: frozenset[int]) -> tuple[list[Box], int, float]:
    if not view.nodes:
        return [], 0, 0
    by_id = {n.id: n for n in view.nodes}
    boxes: dict[int, Box] = {}
    rows = 0
    cursor = float(MARGIN)  # the top of the next row

    def count(node: NodeView) -> int:
        return sum(1 + count(by_id[c]) for c in node.children if c in by_id)

    def place(node: NodeView, depth: int) -> float:
        nonlocal rows, cursor
        x = MARGIN + depth * (BOX_W + GAP_X)
        kids = [by_id[c] for c in node.children if c in by_id]
        hidden = count(node) if node.id in collapsed and kids else 0
        label = box_label(node, hidden)
        h = box_height(label)
        need = h + ROW_GAP
        if hidden or not kids:
            y = cursor + need / 2
            cursor += need
            rows += 1
        else:
            start = cursor
            ys = [place(k, depth + 1) for k in kids]
            # a parent with a longer title than its children together gets more room
            cursor = max(cursor, start + need)
            # the main goal sits level with its first child, so it is in view at the top
            # of a tall tree; every other parent sits in the middle of its children
            y = ys[0] if depth == 0 else (ys[0] + ys[-1]) / 2
            y = min(max(y, start + need / 2), cursor - need / 2)
        boxes[node.id] = Box(node.id, x, y, node, hidden, label, h)
        return y

    # recursion is safe: the tree is at most five levels deep by construction
    place(view.root, 0)
    ordered = [boxes[n.id] for n in view.nodes if n.id in boxes]
    return ordered, rows, cursor + MARGIN


def _box_rows(boxes: list[Box], show_votes: bool, language: str = i18n.DEFAULT) -> list[dict]:
    """The boxes as rows, their tooltips in ``language`` (the titles as people wrote them)."""

    def say(key: str, **values: object) -> str:
        return i18n.text(key, language, **values)

    rows = []
    for b in boxes:
        n = b.node
        proposal = n.is_proposal
        fill, colour = STYLE.get(n.kind, STYLE["effect"])
        if proposal:
            fill, colour = PROPOSAL_FILL, PROPOSAL_TEXT
        wrapped = b.label
        kind = i18n.label("node_kind", n.kind, language)
        status = f" ({i18n.label('node_status', n.status, language)})" if proposal else ""
        tip = f"{kind}{status}: {n.title}"
        if n.aliases:
            tip += " · " + say("tree.chart_also", names="; ".join(n.aliases))
        if n.partner_name:
            tip += " · " + say("tree.chart_partner", name=n.partner_name)
        if b.hidden:
            tip += " · " + say("tree.chart_folded", n=b.hidden)
        votes = n.total if (show_votes and n.total) else None
        if votes is not None:
            tip += " · " + say("tree.chart_dots", n=votes)
        rows.append(
            {
                "id": n.id,
                "x": b.x,
                "x2": b.x + BOX_W,
                "y": b.y - b.h / 2,
                "y2": b.y + b.h / 2,
                "cy": b.y,
                "ty": b.y - (wrapped.count("\n")) * LINE_H / 2,
                "tx": b.x + 8,
                "label": wrapped,
                "fill": fill,
                "colour": colour,
                "dash": "voorstel" if proposal else "vastgesteld",
                "tip": tip,
                "votes": "" if votes is None else str(votes),
                "vx": b.x + BOX_W - VOTE_W / 2,
                "agreed": n.agreed,
            }
        )
    return rows


def _edge_rows(boxes: list[Box]) -> list[dict]:
    at = {b.id: b for b in boxes}
    segments = []
    for b in boxes:
        kids = [at[c] for c in b.node.children if c in at and not b.hidden]
        if not kids:
            continue
        mid = b.x + BOX_W + GAP_X / 2
        segments.append({"x": b.x + BOX_W, "x2": mid, "y": b.y, "y2": b.y})
        top, bottom = min(k.y for k in kids), max(k.y for k in kids)
        segments.append({"x": mid, "x2": mid, "y": min(top, b.y), "y2": max(bottom, b.y)})
        for k in kids:
            segments.append({"x": mid, "x2": k.x, "y": k.y, "y2": k.y})
    return segments


def chart_size(view: TreeView, collapsed: frozenset[int] = frozenset()) -> tuple[int, int]:
    boxes, _rows, height = _layout(view, collapsed)
    depth = max((int(round((b.x - MARGIN) / (BOX_W + GAP_X))) for b in boxes), default=0)
    return (
        2 * MARGIN + (depth + 1) * BOX_W + depth * GAP_X,
        max(int(round(height)), 2 * MARGIN + ROW_H),
    )


def tree_chart(
    view: TreeView,
    *,
    show_votes: bool,
    collapsed: frozenset[int] = frozenset(),
    language: str = i18n.DEFAULT,
) -> alt.Chart:
    """The tree as boxes connected by lines. Proposals: white with a dashed border.
    ``collapsed`` node ids are drawn as one box with '+N' (N hidden nodes below).
    Vote totals appear only when ``show_votes`` and the view carries them. The tooltips and
    the description for screen readers are in ``language``."""
    boxes, _rows = layout(view, collapsed)
    width, height = chart_size(view, collapsed)
    with_votes = show_votes and any(b.node.total for b in boxes)
    chart = _chart(width, height, len(view.nodes), with_votes, language)
    # set directly: .properties() would validate every row against the schema
    chart.datasets = {
        "boxes": _box_rows(boxes, show_votes, language),
        "edges": _edge_rows(boxes),
    }
    return chart


def tree_spec(
    view: TreeView,
    *,
    show_votes: bool,
    collapsed: frozenset[int] = frozenset(),
    language: str = i18n.DEFAULT,
) -> dict:
    """``tree_chart(...).to_dict(validate=False)``, without Altair on every change: the
    spec only depends on the data through the rows, the size and the number of nodes,
    so Altair builds it once per process (with and without dots) and the numbers are
    filled in (building it took 50 to 200 ms per change, before anyone saw the change)."""
    boxes, _rows = layout(view, collapsed)
    width, height = chart_size(view, collapsed)
    with_votes = show_votes and any(b.node.total for b in boxes)
    spec = _fill(_skeleton(with_votes, language), {_W: width, _H: height, _N: len(view.nodes)})
    spec["datasets"] = {
        "boxes": _box_rows(boxes, show_votes, language),
        "edges": _edge_rows(boxes),
    }
    return spec


# Stand-ins for the width, the height and the number of nodes in the skeleton spec.
_W, _H, _N = 987_654_301, 987_654_302, 987_654_303


@functools.lru_cache(maxsize=2 * len(i18n.LANGUAGES))
def _skeleton(with_votes: bool, language: str) -> dict:
    return _chart(_W, _H, _N, with_votes, language).to_dict(validate=False)


def _fill(node, numbers: dict[int, int]):
    """A copy of ``node`` with every stand-in number replaced, also inside text."""
    if isinstance(node, dict):
        return {k: _fill(v, numbers) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, numbers) for v in node]
    if isinstance(node, int) and not isinstance(node, bool):
        return numbers.get(node, node)
    if isinstance(node, str) and "98765430" in node:
        for stand_in, value in numbers.items():
            node = node.replace(str(stand_in), str(value))
    return node


def _chart(
    width: int, height: int, n: int, with_votes: bool, language: str = i18n.DEFAULT
) -> alt.LayerChart:
    """The chart without its rows (the named datasets "boxes" and "edges")."""
    tooltip = i18n.text("tree.chart_tooltip", language)
    x = alt.X("x:Q", scale=alt.Scale(domain=[0, width], nice=False, zero=False), axis=None)
    y = alt.Y(
        "y:Q", scale=alt.Scale(domain=[0, height], nice=False, zero=False, reverse=True), axis=None
    )
    # The rows travel as named top-level datasets: Altair copies a chart on every method
    # call, and copying inline values made building the chart 20 times slower.
    edges = (
        alt.Chart(alt.NamedData(name="edges"))
        .mark_rule(color=EDGE, strokeWidth=1.4, aria=False)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q")
    )
    base = alt.Chart(alt.NamedData(name="boxes"))
    rect_enc = dict(
        x=x,
        x2="x2:Q",
        y=y,
        y2="y2:Q",
        fill=alt.Fill("fill:N", scale=None),
        stroke=alt.condition("datum.agreed", alt.value("#b8860b"), alt.value(STROKE)),
        tooltip=alt.Tooltip("tip:N", title=tooltip),
    )
    accepted = (
        base.transform_filter("datum.dash != 'voorstel'")
        .mark_rect(cornerRadius=5, strokeWidth=1.5, aria=False)
        .encode(**rect_enc)
    )
    # proposals: white with a dashed border, so they read differently in print too
    proposals = (
        base.transform_filter("datum.dash == 'voorstel'")
        .mark_rect(cornerRadius=5, strokeWidth=1.5, strokeDash=[5, 3], aria=False)
        .encode(**rect_enc)
    )
    labels = base.mark_text(
        aria=False, align="left", baseline="middle", fontSize=11, lineBreak="\n", lineHeight=LINE_H
    ).encode(
        x=alt.X("tx:Q", scale=alt.Scale(domain=[0, width], nice=False, zero=False), axis=None),
        y=alt.Y(
            "ty:Q",
            scale=alt.Scale(domain=[0, height], nice=False, zero=False, reverse=True),
            axis=None,
        ),
        text="label:N",
        color=alt.Color("colour:N", scale=None),
        tooltip=alt.Tooltip("tip:N", title=tooltip),
    )
    # the marks are hidden from screen readers (aria=False): the chart's description names
    # the picture, and every title is on the page as text in the outline
    layers = [edges, accepted, proposals, labels]
    if with_votes:
        votes = base.transform_filter("datum.votes != ''")
        layers.append(
            votes.mark_circle(size=560, color="#c0392b", opacity=1, aria=False).encode(
                x=alt.X(
                    "vx:Q", scale=alt.Scale(domain=[0, width], nice=False, zero=False), axis=None
                ),
                y=alt.Y(
                    "cy:Q",
                    scale=alt.Scale(domain=[0, height], nice=False, zero=False, reverse=True),
                    axis=None,
                ),
                tooltip=alt.Tooltip("tip:N", title=tooltip),
            )
        )
        layers.append(
            votes.mark_text(fontSize=12, fontWeight="bold", color="#ffffff", aria=False).encode(
                x=alt.X(
                    "vx:Q", scale=alt.Scale(domain=[0, width], nice=False, zero=False), axis=None
                ),
                y=alt.Y(
                    "cy:Q",
                    scale=alt.Scale(domain=[0, height], nice=False, zero=False, reverse=True),
                    axis=None,
                ),
                text="votes:N",
            )
        )
    return (
        alt.layer(*layers)
        .properties(
            width=width,
            height=height,
            description=i18n.text("tree.chart_description", language, n=n),
        )
        .configure_view(stroke=None)
        .configure(background="#ffffff", font="DejaVu Sans, sans-serif")
    )
