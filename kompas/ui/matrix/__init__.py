"""The partner matrix component (Custom Component v2): an SVG matrix whose dots are
dragged with the mouse or moved with the arrow keys; one trigger ``moved = {id, x, y}``
per drop (x = dependency, y = influence, 0..1).

The HTML, CSS and JS are the files beside this module, read once at import; the
component is registered once, at import. Everything user-written goes in as data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

import streamlit as st

from kompas.partners import MatrixView

KEY = "partner_matrix"
Y_LABEL = "Invloed op de doelen"
X_LABEL = "Afhankelijkheid van de gemeente"
X_HINT = "Toetsvraag: is er een alternatief als de partner wegvalt?"

_HERE = Path(__file__).resolve().parent
HTML = (_HERE / "matrix.html").read_text(encoding="utf-8")
CSS = (_HERE / "matrix.css").read_text(encoding="utf-8")
JS = (_HERE / "matrix.js").read_text(encoding="utf-8")

_component = st.components.v2.component(
    "kompas.partner_matrix", html=HTML, css=CSS, js=JS, isolate_styles=True
)


def component_data(view: MatrixView) -> dict[str, Any]:
    """What the browser gets: plain JSON, user text only as values."""
    names = {p.id: p.name for p in view.partners}
    can_move = view.can_move()
    dots = []
    for p in view.partners:
        point, is_set = view.viewer_position(p.id)
        dots.append(
            {
                "id": p.id,
                "label": p.name,
                "x": point.dependency,
                "y": point.influence,
                "placed": is_set,
                "agreed": view.is_facilitator and is_set,
                "unplaced_text": (
                    "nog niet vastgesteld, start op het gemiddelde"
                    if view.is_facilitator
                    else "nog niet geplaatst"
                ),
            }
        )
    agreed = (
        []
        if view.is_facilitator
        else [
            {"id": pid, "label": names.get(pid, ""), "x": pt.dependency, "y": pt.influence}
            for pid, pt in view.agreed.items()
            if pid in names
        ]
    )
    arrows = []
    for pid, d in view.directions.items():
        anchor = view.anchor(pid)
        if anchor is not None and pid in names:
            arrows.append(
                {"id": pid, "direction": d.direction, "x": anchor.dependency, "y": anchor.influence}
            )
    marks = [{"partner": m.partner_id, "x": m.dependency, "y": m.influence} for m in view.marks]
    lens = view.lens  # the axes and words of the lens this view shows
    return {
        "title": f"Partnermatrix: {lens.name}",
        "role": "facilitator" if view.is_facilitator else "participant",
        "readonly": not can_move,
        "x_label": lens.horizontal.label,
        "y_label": lens.vertical.label,
        "x_hint": lens.horizontal.hint,
        "x_low": lens.horizontal.low,
        "x_high": lens.horizontal.high,
        "y_low": lens.vertical.low,
        "y_high": lens.vertical.high,
        "x_word": lens.horizontal.word,
        "y_word": lens.vertical.word,
        "lens": lens.id,
        "quadrants": list(view.quadrant_labels),
        "dots": dots,
        "agreed": agreed,
        "arrows": arrows,
        "marks": marks,
        "legend": _legend(view, can_move),
    }


def _legend(view: MatrixView, can_move: bool) -> str:
    parts = []
    if view.is_facilitator:
        parts.append(
            "Bruine punten: de gezamenlijke positie. Sleep ze, of gebruik Tab en de "
            "pijltjestoetsen. Gestippeld: nog niet vastgesteld."
        )
    elif can_move:
        parts.append(
            "Blauwe punten: jouw inschatting. Sleep ze, of gebruik Tab en de "
            "pijltjestoetsen. Gestippeld in het midden: nog niet geplaatst, telt niet mee."
        )
    else:
        parts.append("Blauwe punten: jouw inschatting (alleen kijken).")
    if view.marks:
        parts.append("Grijze stipjes: inschattingen van anderen, zonder naam.")
    if view.agreed and not view.is_facilitator:
        parts.append("Bruine ruiten: de gezamenlijke positie.")
    if view.directions:
        parts.append("Pijlen: de afgesproken richting; een ring betekent blijven.")
    return " ".join(parts)


def partner_matrix(view: MatrixView, *, on_moved: Optional[Callable[[], None]] = None):
    """Mount the matrix (key ``partner_matrix``). ``on_moved`` runs before the rerun;
    read the event there with :func:`moved_event`."""
    return _component(
        key=KEY, data=component_data(view), on_moved_change=on_moved or (lambda: None)
    )


def moved_event() -> Optional[tuple[int, float, float]]:
    """The last ``moved`` trigger as (partner id, dependency, influence), or None."""
    state = st.session_state.get(KEY)
    value = state.get("moved") if isinstance(state, dict) else None
    if not isinstance(value, dict):
        return None
    pid, x, y = value.get("id"), value.get("x"), value.get("y")
    if not isinstance(pid, int) or isinstance(pid, bool):
        return None
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (x, y)):
        return None
    return pid, float(x), float(y)
