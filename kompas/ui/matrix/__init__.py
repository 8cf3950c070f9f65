"""The partner matrix component (Custom Component v2): an SVG matrix whose dots are
dragged with the mouse or moved with the arrow keys; one trigger ``moved = {id, x, y}``
per drop (x = dependency, y = influence, 0..1).

The HTML, CSS and JS are the files beside this module, read once at import; the
component is registered once, at import. Everything user-written goes in as data, and so do
all the words, in the viewer's language (the lens's words too: :func:`shown_lens`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Optional

import streamlit as st

from kompas import i18n
from kompas.partners import MatrixView
from kompas.partners.lenses import Axis, Lens
from kompas.ui.language import current_language, t

KEY = "partner_matrix"

_HERE = Path(__file__).resolve().parent
HTML = (_HERE / "matrix.html").read_text(encoding="utf-8")
CSS = (_HERE / "matrix.css").read_text(encoding="utf-8")
JS = (_HERE / "matrix.js").read_text(encoding="utf-8")

_component = st.components.v2.component(
    "kompas.partner_matrix", html=HTML, css=CSS, js=JS, isolate_styles=True
)


def shown_lens(lens: Lens) -> Lens:
    """The lens in the viewer's words: its name, axes, quadrants and help from the catalogue
    (``matrix.lens.<id>.…``); the lens itself for Dutch, and its own words where the
    catalogue has none (a lens registered later)."""
    language = current_language()
    if language == i18n.DEFAULT:
        return lens
    words = i18n.catalogue(language)

    def word(field: str, own: str) -> str:
        return words.get(f"matrix.lens.{lens.id}.{field}", own) if own else own

    def axis(side: str, own: Axis) -> Axis:
        parts = ("label", "low", "high", "hint", "short")
        return replace(own, **{part: word(f"{side}.{part}", getattr(own, part)) for part in parts})

    return replace(
        lens,
        name=word("name", lens.name),
        help=word("help", lens.help),
        vertical=axis("vertical", lens.vertical),
        horizontal=axis("horizontal", lens.horizontal),
        quadrants=tuple(word(f"quadrant.{i}", q) for i, q in enumerate(lens.quadrants)),
        quadrant_help=tuple(
            word(f"quadrant_help.{i}", h) for i, h in enumerate(lens.quadrant_help)
        ),
    )


def quadrant_names(view: MatrixView) -> tuple[str, str, str, str]:
    """The quadrant names of this view in the viewer's words: a name the facilitator gave a
    quadrant is user text and stays as written; the lens's own names are translated."""
    own = view.lens.quadrants
    shown = shown_lens(view.lens).quadrants
    names = tuple(view.quadrant_labels)
    if len(names) != 4:
        return shown
    return tuple(shown[i] if name == own[i] else name for i, name in enumerate(names))


def component_data(view: MatrixView) -> dict[str, Any]:
    """What the browser gets: plain JSON, user text only as values."""
    names = {p.id: p.name for p in view.partners}
    can_move = view.can_move()
    unplaced = t("matrix.unplaced_agreed" if view.is_facilitator else "matrix.unplaced_own")
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
                "unplaced_text": unplaced,
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
    lens = shown_lens(view.lens)  # the axes and words of the lens this view shows
    return {
        "title": t("matrix.chart_title", lens=lens.name),
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
        "quadrants": list(quadrant_names(view)),
        "dots": dots,
        "agreed": agreed,
        "arrows": arrows,
        "marks": marks,
        "legend": _legend(view, can_move),
        "texts": {
            "draggable": t("matrix.draggable"),
            "agreed": t("matrix.agreed_position"),
            "unplaced": t("matrix.unplaced_own"),
        },
    }


def _legend(view: MatrixView, can_move: bool) -> str:
    parts = []
    if view.is_facilitator:
        parts.append(t("matrix.legend_facilitator"))
    elif can_move:
        parts.append(t("matrix.legend_own"))
    else:
        parts.append(t("matrix.legend_own_readonly"))
    if view.marks:
        parts.append(t("matrix.legend_marks"))
    if view.agreed and not view.is_facilitator:
        parts.append(t("matrix.legend_agreed"))
    if view.directions:
        parts.append(t("matrix.legend_arrows"))
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
