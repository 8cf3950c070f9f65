"""A participant who reopens the plain address in the same browser is recognised, not
joined a second time: their link (code and token) is kept in the browser's localStorage
and offered back to the home page. Only participants: a facilitator key stays out of
storage that a shared laptop keeps."""

from __future__ import annotations

from typing import Optional

import streamlit as st

from kompas import workshops

KEY = "kompas_remember"
FORGET_KEY = "kompas_forget_device"  # set on sign-out: the next run clears the browser's copy
STORAGE = "kompas_participant"

_JS = r"""
export default function (component) {
  const { data, setTriggerValue } = component;
  const KEY = data.storage;
  try {
    if (data.mode === "store" && data.identity) {
      localStorage.setItem(KEY, JSON.stringify(data.identity));
    } else if (data.mode === "clear") {
      localStorage.removeItem(KEY);
    } else if (data.mode === "restore" && !window.__kompasRestored) {
      const raw = localStorage.getItem(KEY);
      const saved = raw ? JSON.parse(raw) : null;
      // a join link for another workshop is not overruled
      if (saved && (!data.code || saved.code === data.code)) {
        window.__kompasRestored = true;  // once per tab: never a loop
        setTriggerValue("found", saved);
      }
    }
  } catch (e) { /* storage blocked: joining works as before */ }
  return () => {};
}
"""
_component = st.components.v2.component(
    "kompas.remember", html="<span hidden></span>", js=_JS, isolate_styles=True
)


def store(identity: dict) -> None:
    """On every page of a participant: keep their link in this browser."""
    if st.session_state.pop(FORGET_KEY, False):
        forget()
        return
    if identity.get("p") and identity.get("code"):
        _component(
            key=KEY,
            height=0,
            data={
                "mode": "store",
                "storage": STORAGE,
                "identity": {"code": identity["code"], "p": identity["p"]},
            },
        )


def forget() -> None:
    _component(key=KEY, height=0, data={"mode": "clear", "storage": STORAGE})


def mark_forgotten() -> None:
    """Sign-out on this device: the next run removes the browser's copy too."""
    st.session_state[FORGET_KEY] = True


def found_identity() -> Optional[dict]:
    """The participant link this browser remembered (sent by the component), checked for
    shape only; authentication happens as for a link."""
    state = st.session_state.get(KEY)
    value = state.get("found") if isinstance(state, dict) else None
    if not isinstance(value, dict):
        return None
    code, token = value.get("code"), value.get("p")
    if not (isinstance(code, str) and isinstance(token, str) and 0 < len(token) <= 200):
        return None
    return {"code": workshops.normalise_code(code), "p": token}


def restore(on_found, code_in_url: str = "") -> None:
    """On the home page without an identity: ask the browser for a remembered link. A
    join link for another workshop is not overruled."""
    if st.session_state.pop(FORGET_KEY, False):
        forget()
        return
    _component(
        key=KEY,
        height=0,
        data={"mode": "restore", "storage": STORAGE, "code": code_in_url},
        on_found_change=on_found,
    )
