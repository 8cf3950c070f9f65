"""The timer, counted down in the browser from its end time: no server work per second,
and the same end time on every screen."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Optional

import streamlit as st

from kompas.ui.language import t

# Text goes in with textContent. The server's clock travels along, so a laptop whose clock
# is off still shows the right number of minutes left.
_JS = r"""
export default function (component) {
  const { data, parentElement } = component;
  const box = parentElement.querySelector(".kompas-timer");
  if (box.__tick) clearInterval(box.__tick);
  box.classList.toggle("big", !!(data && data.size === "big"));
  box.classList.toggle("huge", !!(data && data.size === "huge"));
  if (!data || !data.end) { box.textContent = ""; return () => {}; }
  const skew = Date.parse(data.now) - Date.now();
  const end = Date.parse(data.end);
  const show = () => {
    const left = Math.round((end - (Date.now() + skew)) / 1000);
    const prefix = data.label ? data.label + ": " : "";
    if (left > 0) {
      const m = Math.floor(left / 60), s = String(left % 60).padStart(2, "0");
      box.textContent = prefix + data.left.replace("{time}", m + ":" + s);
    } else {
      box.textContent = prefix + data.over;
      clearInterval(box.__tick);
    }
  };
  show();
  box.__tick = setInterval(show, 1000);
  return () => clearInterval(box.__tick);
}
"""
_HTML = '<div class="kompas-timer" role="timer" aria-live="off"></div>'
# "big": the timer at the top of the page, readable on a phone and from the back of a room.
_CSS = """.kompas-timer { font-weight: 600; }
.kompas-timer.big { font-size: 1.75rem; line-height: 1.2; font-variant-numeric: tabular-nums; }
.kompas-timer.huge { font-size: clamp(2.5rem, 4.6vw, 6rem); line-height: 1.1; font-variant-numeric: tabular-nums; }"""
_component = st.components.v2.component(
    "kompas.timer", html=_HTML, css=_CSS, js=_JS, isolate_styles=True
)


def countdown(
    end: Optional[datetime], label: str = "", *, key: str = "kompas_timer", size: str = ""
) -> None:
    """Shows "label: nog 4:12", counting down every second in the browser. ``size``:
    "" (sidebar), "big" (top of every page) or "huge" (the projector)."""
    if end is not None and end.tzinfo is None:
        end = end.replace(tzinfo=UTC)
    _component(
        key=key,
        data={
            "end": end.isoformat() if end else None,
            "label": label,
            "now": datetime.now(UTC).isoformat(),
            "size": size,
            # in the viewer's language: "nog {time}" / "{time} left"
            "left": t("now.timer_left"),
            "over": t("now.timer_over"),
        },
    )
