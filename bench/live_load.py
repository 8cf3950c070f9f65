"""Live propagation under load: N participants polling one Streamlit process.

Starts `streamlit run app.py` on a free port with a temporary SQLite file and
KOMPAS_POLL_SECONDS=1, seeds a workshop with N participants, opens one protocol-level
session per participant (bench/wsload.py) on a participant page, and makes a write every
two seconds whose text holds a marker. It measures how long each write takes to reach every
session. Two kinds of marker, taken in turn (``--markers``):

- ``tree``: a node "MARK-t<n> boom" in the Doelenboom outline. The outline is in the page's
  keyed live fragment, which reruns only when the version watcher in the sidebar fires, so
  this is the path of a real change: sidebar tick -> new version in the watcher -> trigger
  -> keyed rerun (wsload answers the watcher as the browser's JS does).
- ``sidebar``: a timer label "MARK-s<n> bench", drawn by the polling sidebar fragment itself.

Figures per kind are under ``by_marker_kind`` (``t`` and ``s``).

Two live modes, each on its own fresh server:

- ``process`` (the default of the app): the version of a workshop lives in the server
  process, so only writes made by that process are seen. The writes therefore go through
  the app itself: facilitator sessions submit the timer form (console) and the add form
  (Doelenboom).
- ``database``: the server polls ``SELECT version`` (0.5 s TTL); the writes are made by
  this bench process directly with the domain functions ``workshops.start_timer`` and
  ``goaltree.add_node``.

    python bench/live_load.py                      # 100 sessions, both modes, ~85 s
    python bench/live_load.py --sessions 20 --seconds 20 --modes process

Prints one JSON document. Targets (DESIGN.md): 100 participants, 1 s poll: p95 ≤ 1.2 s,
every write seen by everyone, 0 errors; ≤ 0.5 % of one core per polling participant.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402

import wsload  # noqa: E402
from kompas import goaltree, live, workshops  # noqa: E402
from kompas.db import make_engine, writing  # noqa: E402

TARGET_P95_S = 1.2
TARGET_CPU_PCT_PER_SESSION = 0.5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run app.py` in a subprocess with its own database file."""

    def __init__(self, tmp: Path, live_mode: str, poll: float):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url = f"sqlite:///{tmp / 'kompas.db'}"
        self.log_path = tmp / f"server-{live_mode}.log"
        self.live_mode = live_mode
        self.poll = poll
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_")}
        env.update(KOMPAS_DATABASE_URL=self.db_url, KOMPAS_BASE_URL=self.url,
                   KOMPAS_LIVE=self.live_mode, KOMPAS_POLL_SECONDS=str(self.poll),
                   KOMPAS_LOG_LEVEL="WARNING")
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false",
             # a file watcher reloads kompas/ modules when a file changes (re-defining the
             # tables: "Table 'workshop' is already defined"); a measured server must not
             "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/_stcore/health", timeout=1)
                return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not start: " + self.log_tail())

    def log_tail(self, n: int = 2000) -> str:
        try:
            return self.log_path.read_text()[-n:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if getattr(self, "_log", None):
            self._log.close()


def seed(db_url: str, participants: int):
    """A workshop with ``participants`` participants; returns (engine, new workshop, tokens)."""
    live.reset()
    engine = make_engine(db_url)
    with writing(engine) as db:
        new = workshops.create_workshop(db, title="Bench werksessie")
    tokens = []
    for i in range(participants):
        with writing(engine) as db:
            _, token = workshops.join_workshop(db, code=new.code, name=f"Deelnemer {i + 1}",
                                               role_group=("gemeente", "aanbieder", "inwoner", "anders")[i % 4])
        tokens.append(token)
    return engine, new, tokens


MARKER_KINDS = {"sidebar": "s", "tree": "t"}


def _writer(mode: str, server: Server, engine, new, sessions: int, write_every: float,
            settle: float, notes: dict, markers: tuple[str, ...]):
    """Writes alternate between the kinds in ``markers``: ``sidebar`` (a timer label
    "MARK-s<n> bench", drawn by the polling sidebar fragment) and ``tree`` (a node
    "MARK-t<n> boom" under the main goal, drawn in the outline of the Doelenboom's keyed
    live fragment, which reruns only when the version watcher fires)."""
    facilitator = workshops.Actor(new.workshop_id, None, True, "Procesbegeleider")
    fac_query = f"code={new.code}&f={new.facilitator_key}"

    async def wait_until_rendered(stats: wsload.LoadStats, stop_at: float) -> None:
        deadline = min(stop_at - settle - 4, time.time() + 30)
        while len(stats.first_run) < sessions and time.time() < deadline:
            await asyncio.sleep(0.2)
        await asyncio.sleep(2)  # let every session settle into its 1 s rhythm

    async def via_app(stop_at: float, marks: dict, stats: wsload.LoadStats) -> None:
        # Facilitator tabs submit forms through the protocol exactly as a browser would
        # (widget states + the submit trigger): the timer form on the console, the add
        # form on the Doelenboom page.
        console = wsload.FormDriver(server.port, fac_query) if "sidebar" in markers else None
        tree = wsload.FormDriver(server.port, fac_query, "Doelenboom") if "tree" in markers else None
        tabs = [t for t in (console, tree) if t]
        for tab in tabs:
            await tab.__aenter__()
        try:
            await wait_until_rendered(stats, stop_at)
            n = 0
            while time.time() < stop_at - settle:
                kind = markers[n % len(markers)]
                mark = f"{MARKER_KINDS[kind]}{n}"
                if kind == "sidebar":
                    marks[mark] = await console.submit(
                        {"timer_minutes": ("int_value", 10),
                         "timer_label": ("string_value", f"MARK-{mark} bench")},
                        submit_key="timer_start")
                else:
                    marks[mark] = await tree.submit(
                        {"node_title": ("string_value", f"MARK-{mark} boom")},
                        submit_key="node_submit")
                n += 1
                await asyncio.sleep(write_every)
            notes["writer_exceptions"] = [e for tab in tabs for e in tab.exceptions][:5]
            notes["writer_saw_own_writes"] = sum(1 for m in marks
                                                 if any(m in tab.seen for tab in tabs))
        finally:
            for tab in tabs:
                await tab.__aexit__(None, None, None)

    async def direct(stop_at: float, marks: dict, stats: wsload.LoadStats) -> None:
        await wait_until_rendered(stats, stop_at)
        with writing(engine) as db:
            root_id = goaltree.main_goal(db, new.workshop_id).id
        n = 0

        def write(kind: str, mark: str) -> None:
            with writing(engine) as db:
                if kind == "sidebar":
                    workshops.start_timer(db, actor=facilitator, minutes=10, label=f"MARK-{mark} bench")
                else:
                    goaltree.add_node(db, actor=facilitator, parent_id=root_id, title=f"MARK-{mark} boom")

        while time.time() < stop_at - settle:
            kind = markers[n % len(markers)]
            mark = f"{MARKER_KINDS[kind]}{n}"
            marks[mark] = time.time()
            await asyncio.to_thread(write, kind, mark)
            n += 1
            await asyncio.sleep(write_every)

    return via_app if mode == "process" else direct


def run_mode(mode: str, args) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"kompas-bench-{mode}-") as tmp:
        server = Server(Path(tmp), mode, args.poll)
        engine, new, tokens = seed(server.db_url, args.sessions)
        try:
            server.start()
            proc = psutil.Process(server.proc.pid)
            proc.cpu_percent(None)
            time.sleep(3)
            idle = proc.cpu_percent(None)
            notes: dict = {}
            queries = [f"code={new.code}&p={t}" for t in tokens]
            markers = tuple(m.strip() for m in args.markers.split(",") if m.strip())
            writer = _writer(mode, server, engine, new, args.sessions, args.write_every,
                             args.settle, notes, markers)
            result = asyncio.run(wsload.run_load(
                port=server.port, sessions=args.sessions, seconds=args.seconds, queries=queries,
                page_name=args.page, server_pid=server.proc.pid, writer=writer,
                watch=not args.no_watch))
            result["server_cpu_pct_idle"] = round(idle, 1)
            result.update(notes)
            if server.proc.poll() is not None:
                result["server_died"] = server.log_tail()
            log_text = server.log_tail(10**7)
            # a websocket closed by a client at the end is logged by the server with a
            # traceback (WebSocketDisconnected); count those apart from real errors
            disconnects = log_text.count("WebSocketDisconnected")
            result["server_log_tracebacks"] = log_text.count("Traceback (most recent call last)")
            result["server_log_ws_disconnects"] = disconnects
            bad = [line for line in log_text.splitlines()
                   if (" ERROR " in line or "Error" in line) and "WebSocketDisconnected" not in line]
            result["server_log_errors"] = len(bad)
            if bad:
                result["server_log_samples"] = bad[:5]
        finally:
            server.stop()
            engine.dispose()
            if args.log_dir:
                Path(args.log_dir).mkdir(parents=True, exist_ok=True)
                (Path(args.log_dir) / server.log_path.name).write_text(server.log_tail(10**7))
    result["live_mode"] = mode
    result["markers"] = {"s": "sidebar: timer label (polling sidebar fragment)",
                         "t": "tree: node title in the outline (keyed live fragment)"}
    result["writes_made_by"] = ("the app: facilitator tabs submit the timer form (console) "
                                "and the add form (Doelenboom)"
                                if mode == "process" else
                                "the bench process: workshops.start_timer / goaltree.add_node "
                                "on the database file")
    p95 = result.get("propagation_s_p95")
    per = result.get("server_cpu_pct_per_session")
    result["meets_targets"] = {
        "p95_le_1_2_s": p95 is not None and p95 <= TARGET_P95_S,
        "every_write_seen_by_all": bool(result["writes"]) and result["writes_seen_by_all"] == result["writes"],
        "zero_errors": result["errors"] == 0 and result["app_exceptions"] == 0,
        "cpu_per_session_le_0_5_pct": per is not None and per <= TARGET_CPU_PCT_PER_SESSION,
    }
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=35)
    ap.add_argument("--poll", type=float, default=1.0)
    ap.add_argument("--write-every", type=float, default=2.0)
    ap.add_argument("--settle", type=float, default=3.0)
    ap.add_argument("--page", default="Doelenboom", help="URL path of the participant page ('' = home)")
    ap.add_argument("--modes", default="process,database")
    ap.add_argument("--markers", default="tree,sidebar",
                    help="kinds of write, taken in turn: tree (a node in the Doelenboom "
                         "outline, needs --page Doelenboom) and/or sidebar (a timer label)")
    ap.add_argument("--no-watch", action="store_true",
                    help="sessions do not answer the version watcher (no JS)")
    ap.add_argument("--log-dir", default="", help="keep the server logs here")
    args = ap.parse_args()
    started = time.time()
    out = {"bench": "live_load", "participants": args.sessions, "poll_seconds": args.poll,
           "page": args.page or "(home)", "cpu_count": psutil.cpu_count(),
           "targets": {"propagation_s_p95": TARGET_P95_S, "writes_seen_by_all": "all",
                       "errors": 0, "server_cpu_pct_per_session": TARGET_CPU_PCT_PER_SESSION},
           "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
           "modes": {}}
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        try:
            out["modes"][mode] = run_mode(mode, args)
        except Exception as exc:  # noqa: BLE001 - a bench reports, it does not crash
            out["modes"][mode] = {"error": f"{type(exc).__name__}: {exc}"}
    out["ok"] = all(isinstance(r.get("meets_targets"), dict) and all(r["meets_targets"].values())
                    for r in out["modes"].values())
    out["wall_s"] = round(time.time() - started, 1)
    # figures are only comparable on an otherwise idle machine: say how busy it was
    out["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
