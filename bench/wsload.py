"""Protocol-level Streamlit load client (proven on Streamlit 1.67).

Opens N websocket sessions against a running `streamlit run` server. Each session behaves
like a browser tab: it sends the first script run for a page and query string, then honours
every `auto_rerun` message (that is what `st.fragment(run_every=...)` sends) by requesting a
fragment rerun at the given interval. It records when a markdown or text element containing
a marker `MARK-<n>` first reaches each session, so a writer that adds items whose text holds
such markers gives the propagation delay of a write to every participant.

    python bench/wsload.py --port 8501 --sessions 100 --seconds 30 \
        --query "code=ABC123&p=<token>" --page-name Doelenboom --server-pid 1234

A page is chosen like the browser does on a direct visit: ``--page-name`` is the URL path
of the page (``Doelenboom`` for pages/1_Doelenboom.py, empty for the home page) and the
page hash stays empty; the server names the page it runs in its ``navigation`` message
(``new_session`` names the main script) and the session uses that hash for its reruns. ``--query-file`` gives one query string per
line (one participant per line; session i uses line i modulo the number of lines).

The writer is up to you: call the project's own domain function (or its command line)
every few seconds with a title like "MARK-7 bench" and pass the write times in with
--marks FILE (one JSON object {"7": unix_time, ...}), or use --write-cmd, which is run with
the marker number substituted for {n}. :class:`FormDriver` makes writes through the app
itself (a facilitator session that submits a form; ``bench/push_load.py`` uses it). Loopback only; bounded in time; stops by itself.

Kompas's live parts are pushed (kompas/ui/live.py): a page's watcher (a Custom Component v2
named ``kompas.live_watch``) listens to a Server-Sent Events stream and fires its trigger
``changed`` when a part the page shows moved on. These sessions open no SSE stream and so
never fire it: they see what a page draws in its own runs. ``bench/push_load.py`` adds the
stream and the watcher's logic (:func:`watcher_data`, :func:`trigger_msg`) for the push path.

Kompas escapes user text for Markdown (``MARK\\-7``); markers are read after removing
Markdown backslash escapes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Optional

import psutil
import websockets
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

_UNESCAPE = re.compile(r"\\(.)")


def rerun_msg(
    query: str,
    page_hash: str = "",
    fragment_id: str = "",
    page_name: str = "",
    widgets: Optional[list] = None,
    auto_rerun: bool = True,
) -> bytes:
    """A BackMsg rerun_script as the browser sends it. ``widgets`` is a list of
    ``(widget id, proto field, value)``, e.g. ``(id, "string_value", "x")``. A rerun of a
    fragment is a tick of ``run_every`` (``auto_rerun``) or a widget interaction inside
    that fragment (``auto_rerun=False``)."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_script_hash = page_hash
    if page_name and not page_hash:
        msg.rerun_script.page_name = page_name
    if fragment_id:
        msg.rerun_script.fragment_id = fragment_id
        msg.rerun_script.is_auto_rerun = auto_rerun
    for wid, kind, value in widgets or ():
        state = msg.rerun_script.widget_states.widgets.add()
        state.id = wid
        setattr(state, kind, value)
    return msg.SerializeToString()


def element_of(fm: ForwardMsg):
    if fm.WhichOneof("type") != "delta" or fm.delta.WhichOneof("type") != "new_element":
        return None
    return fm.delta.new_element


# The push watcher (kompas/ui/live.py): a Custom Component v2 in the keyed fragment
# ``kompas_live_watcher``; its data is {"url": SSE address, "parts": the parts the page shows,
# "versions": the versions the page drew}. Its JS calls setTriggerValue("changed", version)
# when the stream brings newer versions of one of those parts; the callback reruns the stale
# live fragments. This client runs no JS: bench/push_load.py does what the JS does.
WATCH_COMPONENT = "kompas.live_watch"
WATCH_EVENT = "changed"


def trigger_aggregator_id(element_id: str) -> str:
    """The widget id a CCv2 trigger is sent under: Streamlit's own rule, so that the
    frontend (``$$STREAMLIT_INTERNAL_KEY_<id>__events``) and this client agree."""
    return _make_trigger_id(element_id, "events")


def watcher_data(fm: ForwardMsg) -> Optional[tuple[str, str, dict]]:
    """``(element id, fragment id, data)`` when this message draws the push watcher."""
    el = element_of(fm)
    if el is None or el.WhichOneof("type") != "bidi_component":
        return None
    comp = el.bidi_component
    if not comp.component_name.endswith(WATCH_COMPONENT):
        return None
    raw = (
        comp.json
        if comp.WhichOneof("data") == "json"
        else (comp.mixed.json if comp.WhichOneof("data") == "mixed" else "")
    )
    data = json.loads(raw) if raw else {}
    return comp.id, fm.delta.fragment_id, data or {}


def trigger_msg(
    query: str, page_hash: str, element_id: str, fragment_id: str, event: str, value: object
) -> bytes:
    """What the browser sends after a CCv2 component calls ``setTriggerValue(event, value)``
    (WidgetStateManager.setTriggerValue: ``json_trigger_value`` = JSON list of
    ``{"event", "value"}`` under the trigger aggregator id; the rerun carries the fragment
    id of the fragment that holds the component, and is not an auto rerun)."""
    payload = json.dumps([{"event": event, "value": value}])
    return rerun_msg(
        query,
        page_hash,
        fragment_id,
        widgets=[(trigger_aggregator_id(element_id), "json_trigger_value", payload)],
        auto_rerun=False,
    )


def markers_in(fm: ForwardMsg) -> list[str]:
    """Marker numbers found in a new markdown/text element of this message."""
    el = element_of(fm)
    if el is None:
        return []
    body = ""
    if el.WhichOneof("type") == "markdown":
        body = _UNESCAPE.sub(r"\1", el.markdown.body)
    elif el.WhichOneof("type") == "text":
        body = el.text.body
    return [part.split()[0].strip("*_`,.:") for part in body.split("MARK-")[1:] if part.strip()]


@dataclass
class LoadStats:
    msgs: int = 0
    auto_reruns: int = 0
    errors: int = 0
    app_exceptions: int = 0
    elements_by_fragment: dict = field(default_factory=dict)  # fragment id -> new elements
    first_run: dict = field(default_factory=dict)
    error_samples: list = field(default_factory=list)


async def session(
    i: int,
    port: int,
    query: str,
    page_name: str,
    page_hash: str,
    stop_at: float,
    seen: dict,
    stats: LoadStats,
) -> None:
    url = f"ws://127.0.0.1:{port}/_stcore/stream"
    try:
        async with websockets.connect(
            url, subprotocols=["streamlit"], max_size=None, origin=f"http://127.0.0.1:{port}"
        ) as ws:
            await ws.send(rerun_msg(query, page_hash, page_name=page_name))
            timers: dict = {}

            async def ticker(fid: str, interval: float) -> None:
                while time.time() < stop_at:
                    await asyncio.sleep(interval)
                    await ws.send(rerun_msg(query, page_hash, fid))
                    stats.auto_reruns += 1

            while time.time() < stop_at:
                try:
                    raw = await asyncio.wait_for(ws.recv(), timeout=max(0.1, stop_at - time.time()))
                except TimeoutError:
                    break
                stats.msgs += 1
                fm = ForwardMsg()
                fm.ParseFromString(raw)
                kind = fm.WhichOneof("type")
                if kind == "new_session":
                    page_hash = fm.new_session.page_script_hash or page_hash
                elif kind == "navigation":
                    # the page actually running (new_session names the main script)
                    page_hash = fm.navigation.page_script_hash or page_hash
                elif kind == "script_finished":
                    stats.first_run.setdefault(i, time.time())
                elif kind == "auto_rerun" and fm.auto_rerun.fragment_id not in timers:
                    timers[fm.auto_rerun.fragment_id] = asyncio.create_task(
                        ticker(fm.auto_rerun.fragment_id, fm.auto_rerun.interval)
                    )
                el = element_of(fm)
                if el is not None:
                    frag = fm.delta.fragment_id
                    stats.elements_by_fragment[frag] = stats.elements_by_fragment.get(frag, 0) + 1
                if el is not None and el.WhichOneof("type") == "exception":
                    stats.app_exceptions += 1
                    if len(stats.error_samples) < 5:
                        where = " | ".join(line.strip() for line in el.exception.stack_trace[-3:])
                        stats.error_samples.append(
                            f"session {i}: app exception: {el.exception.message[:200]} at {where[:400]}"
                        )
                for mark in markers_in(fm):
                    seen.setdefault(mark, {}).setdefault(i, time.time())
            for t in timers.values():
                t.cancel()
    except Exception as exc:  # noqa: BLE001 - a load client reports, it does not crash
        stats.errors += 1
        if len(stats.error_samples) < 5:
            stats.error_samples.append(f"session {i}: {type(exc).__name__}: {exc}")


class FormDriver:
    """One scripted browser tab that can fill and submit a form through the protocol:
    it learns widget ids from the elements the server sends, then sends a rerun with the
    widget states a browser would send on submit."""

    def __init__(self, port: int, query: str, page_name: str = ""):
        self.port, self.query, self.page_name = port, query, page_name
        self.page_hash = ""
        self.widgets: dict[str, str] = {}  # user key -> widget id
        self.seen: dict[str, float] = {}  # marker -> first time this tab saw it
        self.runs_finished = 0
        self.exceptions: list[str] = []
        self._ws = None
        self._reader: Optional[asyncio.Task] = None

    async def __aenter__(self) -> FormDriver:
        self._ws = await websockets.connect(
            f"ws://127.0.0.1:{self.port}/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
            origin=f"http://127.0.0.1:{self.port}",
        )
        self._reader = asyncio.create_task(self._read())
        await self._ws.send(rerun_msg(self.query, page_name=self.page_name))
        await self.wait_runs(1)
        return self

    async def __aexit__(self, *exc) -> None:
        if self._reader:
            self._reader.cancel()
        if self._ws:
            await self._ws.close()

    async def _read(self) -> None:
        async for raw in self._ws:
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fm.new_session.page_script_hash or self.page_hash
            elif kind == "navigation":
                self.page_hash = fm.navigation.page_script_hash or self.page_hash
            elif kind == "script_finished":
                self.runs_finished += 1
            el = element_of(fm)
            if el is not None:
                etype = el.WhichOneof("type")
                wid = getattr(getattr(el, etype), "id", "") if etype else ""
                if isinstance(wid, str) and wid.startswith("$$ID-"):
                    self.widgets[wid.rsplit("-", 1)[-1]] = wid
                if etype == "exception":
                    self.exceptions.append(el.exception.message[:200])
            for mark in markers_in(fm):
                self.seen.setdefault(mark, time.time())

    async def wait_runs(self, n: int, timeout: float = 30) -> None:
        deadline = time.time() + timeout
        while self.runs_finished < n and time.time() < deadline:
            await asyncio.sleep(0.02)

    def widget_id(self, key: str) -> str:
        if key not in self.widgets:
            raise KeyError(f"widget {key!r} not on the page; seen: {sorted(self.widgets)}")
        return self.widgets[key]

    async def submit(self, values: dict, submit_key: str) -> float:
        """Send a form submission: ``values`` maps widget key -> (proto field, value).
        Returns the time the submission was sent."""
        widgets = [(self.widget_id(k), kind, v) for k, (kind, v) in values.items()]
        widgets.append((self.widget_id(submit_key), "trigger_value", True))
        sent = time.time()
        await self._ws.send(rerun_msg(self.query, self.page_hash, widgets=widgets))
        return sent


async def run_load(
    *,
    port: int,
    sessions: int,
    seconds: float,
    queries: list[str],
    page_name: str = "",
    page_hash: str = "",
    server_pid: int,
    writer: Optional[Callable[[float, dict, LoadStats], Awaitable[None]]] = None,
    marks: Optional[dict] = None,
) -> dict:
    """Run the sessions for ``seconds``; ``writer(stop_at, marks, stats)`` fills ``marks``
    (marker -> unix write time). Returns the figures as a dict. Markers of different kinds
    (the letters before the number: ``MARK-t7`` is kind ``t``) are also reported apart."""
    proc = psutil.Process(server_pid)
    proc.cpu_percent(None)
    me = psutil.Process()  # the load client itself: if it is busy, its figures are late
    me.cpu_percent(None)
    rss0 = proc.memory_info().rss / 2**20
    seen: dict = {}
    stats = LoadStats()
    marks = {} if marks is None else marks
    t0 = time.time()
    stop_at = t0 + seconds
    queries = queries or [""]
    tasks = [
        asyncio.create_task(
            session(i, port, queries[i % len(queries)], page_name, page_hash, stop_at, seen, stats)
        )
        for i in range(sessions)
    ]
    wtask = asyncio.create_task(writer(stop_at, marks, stats)) if writer else None
    samples: list[tuple[float, float, float]] = []  # (time, cpu %, rss MB)
    await asyncio.sleep(2)
    proc.cpu_percent(None)
    while time.time() < stop_at - 0.5:
        await asyncio.sleep(1)
        samples.append((time.time(), proc.cpu_percent(None), proc.memory_info().rss / 2**20))
    client_cpu = me.cpu_percent(None)
    await asyncio.gather(*tasks, *([wtask] if wtask else []), return_exceptions=True)
    all_rendered = max(stats.first_run.values()) if len(stats.first_run) == sessions else None
    steady = (
        [c for t, c, _ in samples if all_rendered and t > all_rendered + 1]
        or [c for _, c, _ in samples[2:]]
        or [c for _, c, _ in samples]
    )
    q, everyone = _propagation(marks, seen, sessions)
    by_kind = {}
    for kind in sorted({_kind(m) for m in marks}):
        kq, kall = _propagation(
            {m: t for m, t in marks.items() if _kind(m) == kind}, seen, sessions
        )
        by_kind[kind or "-"] = {
            "writes": sum(1 for m in marks if _kind(m) == kind),
            "writes_seen_by_all": len(kall),
            "propagation_samples": len(kq),
            "propagation_s_p50": round(statistics.median(kq), 3) if kq else None,
            "propagation_s_p95": round(kq[int(0.95 * (len(kq) - 1))], 3) if kq else None,
            "propagation_s_max": round(kq[-1], 3) if kq else None,
        }
    cpu_mean = statistics.mean(steady) if steady else None
    return {
        "sessions": sessions,
        "seconds": seconds,
        "server_cpu_pct_mean": round(cpu_mean, 1) if cpu_mean is not None else None,
        "server_cpu_pct_max": round(max(c for _, c, _ in samples), 1) if samples else None,
        "server_cpu_pct_per_session": round(cpu_mean / sessions, 3)
        if cpu_mean is not None
        else None,
        "rss_mb_start": round(rss0, 1),
        "rss_mb_end": round(samples[-1][2], 1) if samples else None,
        "rss_mb_max": round(max(r for _, _, r in samples), 1) if samples else None,
        "sessions_rendered": len(stats.first_run),
        "first_render_s_max": round(max(stats.first_run.values()) - t0, 2)
        if stats.first_run
        else None,
        "auto_reruns_per_s": round(stats.auto_reruns / seconds, 1),
        "writes": len(marks),
        "writes_seen_by_all": len(everyone),
        "writes_seen_by_all_pct": round(100 * len(everyone) / len(marks), 1) if marks else None,
        "propagation_samples": len(q),
        "propagation_s_p50": round(statistics.median(q), 3) if q else None,
        "propagation_s_p95": round(q[int(0.95 * (len(q) - 1))], 3) if q else None,
        "propagation_s_max": round(q[-1], 3) if q else None,
        "by_marker_kind": by_kind,
        "new_elements_by_fragment": dict(
            sorted(stats.elements_by_fragment.items(), key=lambda kv: -kv[1])
        ),
        "client_cpu_pct_mean": round(client_cpu, 1),
        "errors": stats.errors,
        "app_exceptions": stats.app_exceptions,
        "error_samples": stats.error_samples,
    }


def _kind(marker: str) -> str:
    return re.match(r"[A-Za-z]*", marker).group()


def _propagation(marks: dict, seen: dict, sessions: int) -> tuple[list[float], list[str]]:
    """Sorted delays (write -> first sight, per session) and the markers every session saw."""
    delays = [t - marks[m] for m, per in seen.items() if m in marks for t in per.values()]
    return sorted(delays), [m for m in marks if len(seen.get(m, {})) == sessions]


def command_writer(write_cmd: str, write_every: float, warmup: float, settle: float):
    """The reference writer: run a shell command with {n} = marker number."""

    async def writer(stop_at: float, marks: dict, stats: LoadStats) -> None:
        n = 0
        await asyncio.sleep(warmup)
        while time.time() < stop_at - settle:
            marks[str(n)] = time.time()
            await asyncio.to_thread(subprocess.run, write_cmd.format(n=n), shell=True, check=False)
            n += 1
            await asyncio.sleep(write_every)

    return writer


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8501)
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--query", default="")
    ap.add_argument("--query-file", default="", help="one query string per line (per participant)")
    ap.add_argument("--page-name", default="", help="URL path of the page, e.g. Doelenboom")
    ap.add_argument("--page-hash", default="")
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--write-cmd", default="", help="shell command; {n} is the marker number")
    ap.add_argument("--write-every", type=float, default=2.0)
    ap.add_argument("--warmup", type=float, default=5.0)
    ap.add_argument("--settle", type=float, default=4.0)
    ap.add_argument("--marks", default="", help="JSON file of marker -> write time")
    args = ap.parse_args()

    queries = [args.query]
    if args.query_file:
        with open(args.query_file) as fh:
            queries = [line.strip() for line in fh if line.strip()]
    marks: dict = {}
    writer = (
        command_writer(args.write_cmd, args.write_every, args.warmup, args.settle)
        if args.write_cmd
        else None
    )
    if args.marks:
        # read after the run: an outside writer fills the file while we measure
        command = writer

        async def file_marks(stop_at, marks_, stats):
            if command:
                await command(stop_at, marks_, stats)
            await asyncio.sleep(max(0.0, stop_at - time.time()))
            with open(args.marks) as fh:
                marks_.update(json.load(fh))

        writer = file_marks
    result = await run_load(
        port=args.port,
        sessions=args.sessions,
        seconds=args.seconds,
        queries=queries,
        page_name=args.page_name,
        page_hash=args.page_hash,
        server_pid=args.server_pid,
        writer=writer,
        marks=marks,
    )
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    asyncio.run(main())
