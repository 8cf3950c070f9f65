"""kompas.ui.runs: a fragment rerun that meets a finished run whose last messages are still
on their way waits for them (Streamlit would start a new run and drop them: half a redraw
in the browser); a full rerun and a rerun on an idle session go ahead at once."""

from __future__ import annotations

import asyncio
import inspect
from types import SimpleNamespace

import pytest
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.runtime.scriptrunner_utils.script_requests import ScriptRequests, ScriptRequestType

from kompas.ui import runs


@pytest.fixture
def started(monkeypatch):
    """AppSession.request_rerun replaced by a recorder, then wrapped by runs.install()."""
    calls = []

    def record(session, client_state):
        calls.append((client_state, session._scriptrunner))

    monkeypatch.setattr(AppSession, "request_rerun", record)
    runs.install()
    loop = asyncio.new_event_loop()
    yield calls, loop
    loop.close()


def session_with(loop, state):
    runner = None if state is None else SimpleNamespace(_requests=SimpleNamespace(_state=state))
    return SimpleNamespace(_scriptrunner=runner, _event_loop=loop)


def test_fragment_rerun_waits_until_the_finished_run_is_handled(started):
    calls, loop = started
    session = session_with(loop, ScriptRequestType.STOP)
    AppSession.request_rerun(session, ClientState(fragment_id="live_tree"))
    assert calls == []  # not now: the finished run's messages come first
    loop.call_later(0.05, lambda: setattr(session, "_scriptrunner", None))  # its SHUTDOWN
    loop.run_until_complete(asyncio.sleep(0.2))
    assert len(calls) == 1
    client_state, runner_then = calls[0]
    assert client_state.fragment_id == "live_tree"
    assert runner_then is None  # started only after the old run was done with


@pytest.mark.parametrize(
    "state,fragment",
    [
        (ScriptRequestType.STOP, ""),  # a full rerun redraws everything: at once
        (ScriptRequestType.CONTINUE, "live_tree"),  # a run in progress takes the request
        (None, "live_tree"),  # no runner: at once
    ],
)
def test_other_reruns_go_ahead_at_once(started, state, fragment):
    calls, loop = started
    AppSession.request_rerun(session_with(loop, state), ClientState(fragment_id=fragment))
    assert len(calls) == 1


def test_it_never_waits_forever(started, monkeypatch):
    calls, loop = started
    monkeypatch.setattr(runs, "MAX_WAIT_S", 0.03)
    AppSession.request_rerun(
        session_with(loop, ScriptRequestType.STOP), ClientState(fragment_id="x")
    )
    loop.run_until_complete(asyncio.sleep(0.2))
    assert len(calls) == 1


def test_the_streamlit_internals_it_reads_are_still_there():
    """runs.py reads private parts of Streamlit 1.67: after an upgrade this test says
    whether they are still what the fix expects."""
    assert list(inspect.signature(AppSession.request_rerun).parameters) == ["self", "client_state"]
    assert ScriptRequests()._state == ScriptRequestType.CONTINUE
    session_init = inspect.getsource(AppSession.__init__)
    assert "self._scriptrunner" in session_init and "self._event_loop" in session_init
    assert "self._requests = ScriptRequests()" in inspect.getsource(ScriptRunner.__init__)
