"""A fix for a race in Streamlit 1.67's session (AppSession), installed once per server
process by app.py.

When a script run finishes, its ScriptRunner stops; its last messages (the rest of what the
run drew, and "run finished") travel to the session's event loop as events. If a fragment
rerun request arrives in between (on a busy server: the page's watcher hearing news just as
someone's own form submit is drawn), the session starts a new ScriptRunner at once and then
ignores every event still on its way from the finished one. The browser keeps half a
redraw: the proposal is saved and its toast shows, but the tree on that page never shows it
(measured: about 1 in 60 proposals under load in a two-participant loop).

The fix: a fragment rerun that meets a finished runner whose events are still on their way
waits, a few milliseconds at a time, until the session has handled them (the runner's
SHUTDOWN event clears ``_scriptrunner``), and is then started as usual. Full-page reruns
are untouched (they redraw everything anyway)."""

from __future__ import annotations

import logging

from streamlit.runtime.app_session import AppSession
from streamlit.runtime.scriptrunner_utils.script_requests import ScriptRequestType

log = logging.getLogger("kompas")

RETRY_S = 0.005
MAX_WAIT_S = 2.0  # after this, Streamlit's own behaviour (never wait forever)


def finished_runner_pending(session: AppSession) -> bool:
    """Whether the session's ScriptRunner has stopped but its last events are not handled
    yet (a new runner now would drop them)."""
    runner = getattr(session, "_scriptrunner", None)
    requests = getattr(runner, "_requests", None)
    return requests is not None and getattr(requests, "_state", None) == ScriptRequestType.STOP


def install() -> None:
    """Wrap AppSession.request_rerun (once per process)."""
    if getattr(AppSession.request_rerun, "_kompas_waits", False):
        return
    original = AppSession.request_rerun

    def request_rerun(self: AppSession, client_state, _waited: float = 0.0) -> None:
        if (
            client_state is not None
            and client_state.fragment_id
            and _waited < MAX_WAIT_S
            and finished_runner_pending(self)
        ):
            self._event_loop.call_later(
                RETRY_S, lambda: request_rerun(self, client_state, _waited + RETRY_S)
            )
            return
        if _waited >= MAX_WAIT_S:
            log.warning("fragment rerun waited %.1f s for a finished run", _waited)
        original(self, client_state)

    request_rerun._kompas_waits = True  # type: ignore[attr-defined]
    AppSession.request_rerun = request_rerun  # type: ignore[method-assign]
