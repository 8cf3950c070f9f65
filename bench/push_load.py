"""Live propagation by push, under load: N participants on the Doelenboom page.

Per participant the bench opens what a browser tab opens:

- one Streamlit websocket session on ``/Doelenboom?code=…&p=<token>`` (protocol level,
  bench/wsload.py), and
- one Server-Sent Events stream ``GET /_kompas/live/<workshop>?t=<token>`` (kompas/ui/push.py).

On every SSE message it does what the watcher's JS does (kompas/ui/live.py, WATCH_JS): when
the pushed versions moved past what the page drew (the watcher's ``data.versions``) for a
part the page shows (``data.parts``), it sends the component trigger ``changed`` with the
version as value (at most one per 150 ms, the newest news last). The server then reruns
the stale live fragments. A participant "sees" a write when a rendered delta holds the
write's marker: a node titled ``MARK-<n> boom`` in the tree outline.

Writes, one after the other (the next when every participant saw the last, or after
``--write-timeout``):

- ``--writer app`` (default for ``--live process``): a facilitator tab on process A submits
  the Doelenboom add form (node_title, node_submit) through the protocol;
- ``--writer direct`` (default for ``--live database``): this bench process calls
  ``goaltree.add_node`` in ``kompas.db.writing`` on the same database.

Cases:

    python bench/push_load.py --sessions 100                              # 1 process, SQLite
    python bench/push_load.py --sessions 300 --writes 10
    python bench/push_load.py --sessions 300 --processes 2 --live database --db postgresql

``--processes 2``: two ``streamlit run app.py`` servers on one database with
KOMPAS_LIVE=database, participants alternate between them, writes through process A (its
app, or the domain in this process). ``--db postgresql`` starts a throwaway server with
scripts/postgres-test.sh (or uses ``--postgres-url``), one fresh database per run.
``--repeat R`` runs the case R times on fresh servers and reports the medians.

Measured: per write the delay until each participant shows the marker (p50/p95/max over
all write×participant pairs, and the time until the last participant), writes seen by all,
errors; idle server CPU (psutil, ``--idle-seconds`` with nothing written) per connected
participant; server RSS; the load client's own CPU. Prints one JSON document with the
targets, ok flags and the load average at start and end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402
import websockets  # noqa: E402
import wsload  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from kompas import goaltree, live, workshops  # noqa: E402
from kompas.db import make_engine, writing  # noqa: E402
from kompas.ui.push import stream_token  # noqa: E402

WATCH_EVENT = wsload.WATCH_EVENT  # the watcher's trigger: "changed", value = version
THROTTLE_S = 0.150  # WATCH_JS: at most one trigger per 150 ms
PAGE = "Doelenboom"

TARGET_IDLE_CPU_PCT_PER_PARTICIPANT = 0.05  # % of one core


def target_p95(processes: int, sessions: int) -> float:
    if processes == 2:
        return 1.0
    return 0.5 if sessions <= 100 else 1.5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# --- servers and data ----------------------------------------------------------------------


class Server:
    """`streamlit run app.py` in a subprocess."""

    def __init__(self, tmp: Path, name: str, db_url: str, live_mode: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url = db_url
        self.name = name
        self.log_path = tmp / f"server-{name}.log"
        self.live_mode = live_mode
        self.proc: Optional[subprocess.Popen] = None

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_")}
        env.update(
            KOMPAS_DATABASE_URL=self.db_url,
            KOMPAS_BASE_URL=self.url,
            KOMPAS_LIVE=self.live_mode,
            KOMPAS_LOG_LEVEL="WARNING",
        )
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                # a file watcher would reload kompas/ modules; a measured server must not
                "--server.fileWatcherType",
                "none",
                "--server.runOnSave",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/_stcore/health", timeout=1)
                return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit {self.name} did not start: " + self.log_text()[-2000:])

    def log_text(self) -> str:
        try:
            return self.log_path.read_text()
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


def seed(engine, participants: int):
    """A workshop with ``participants`` participants: (new workshop, their tokens)."""
    with writing(engine) as db:
        new = workshops.create_workshop(db, title="Bench werksessie")
    tokens = []
    for i in range(participants):
        with writing(engine) as db:
            _, token = workshops.join_workshop(
                db,
                code=new.code,
                name=f"Deelnemer {i + 1}",
                role_group=("gemeente", "aanbieder", "inwoner", "anders")[i % 4],
            )
        tokens.append(token)
    return new, tokens


class Postgres:
    """A throwaway PostgreSQL server (scripts/postgres-test.sh), or a given URL; one fresh
    database per run."""

    def __init__(self, url: str = ""):
        self.url, self.dir = url, ""

    def __enter__(self) -> Postgres:
        if not self.url:
            out = subprocess.run(
                ["bash", "scripts/postgres-test.sh", "start"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            m = re.search(r"TEST_POSTGRES_URL=(\S+)", out)
            d = re.search(r"stop (\S+)\s*$", out.strip())
            if not m:
                raise RuntimeError("no PostgreSQL server: " + out[-500:])
            self.url, self.dir = m.group(1), d.group(1) if d else ""
        return self

    def __exit__(self, *exc) -> None:
        if self.dir:
            subprocess.run(
                ["bash", "scripts/postgres-test.sh", "stop", self.dir],
                cwd=ROOT,
                capture_output=True,
                check=False,
            )

    def _admin(self, sql: str) -> None:
        import psycopg

        dsn = self.url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(sql)

    def create_db(self) -> tuple[str, str]:
        name = f"kompas_bench_{secrets.token_hex(4)}"
        self._admin(f"CREATE DATABASE {name}")
        return name, self.url.rsplit("/", 1)[0] + "/" + name

    def drop_db(self, name: str) -> None:
        try:
            self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        except Exception:  # noqa: BLE001 - a throwaway server: best effort
            pass


# --- one participant: websocket session + SSE stream ------------------------------------------


@dataclass
class Stats:
    errors: int = 0
    app_exceptions: int = 0
    sse_messages: int = 0
    triggers: int = 0
    ws_messages: int = 0
    error_samples: list = field(default_factory=list)

    def error(self, text: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 8:
            self.error_samples.append(text)


class Participant:
    """A browser tab: the page over the websocket, the watcher's EventSource over SSE, and
    the watcher's JS logic in between."""

    def __init__(self, i: int, port: int, query: str, sse_path: str, stats: Stats, seen: dict):
        self.i, self.port, self.query, self.sse_path = i, port, query, sse_path
        self.stats, self.seen = stats, seen
        self.page_hash = ""
        self.rendered = asyncio.Event()
        self.sse_ready = asyncio.Event()
        # the watcher (WATCH_JS state)
        self.element_id = ""
        self.fragment_id = ""
        self.drawn: Optional[dict] = None
        self.parts: list[str] = []
        self.latest: Optional[dict] = None
        self.fired = 0
        self.fired_at = 0.0
        self.timer: Optional[asyncio.TimerHandle] = None
        self.ws = None
        self.closing = False
        self.watch = True

    # WATCH_JS live.check()
    def check(self) -> None:
        v, drawn = self.latest, self.drawn
        if not v or not drawn or self.ws is None or not self.watch:
            return
        if v["version"] <= self.fired or v["version"] <= drawn.get("version", 0):
            return
        if not any(v.get(p, 0) > drawn.get(p, 0) for p in self.parts):
            return
        wait = THROTTLE_S - (time.monotonic() - self.fired_at)
        if wait > 0:
            if self.timer is None:
                self.timer = asyncio.get_running_loop().call_later(wait, self._timer_fired)
            return
        self.fired = v["version"]
        self.fired_at = time.monotonic()
        self.stats.triggers += 1
        msg = wsload.trigger_msg(
            self.query, self.page_hash, self.element_id, self.fragment_id, WATCH_EVENT, v["version"]
        )
        asyncio.ensure_future(self._send(msg))

    def _timer_fired(self) -> None:
        self.timer = None
        self.check()

    async def _send(self, msg: bytes) -> None:
        try:
            await self.ws.send(msg)
        except Exception as exc:  # noqa: BLE001
            if not self.closing:
                self.stats.error(f"p{self.i}: send: {type(exc).__name__}: {exc}")

    def _on_watcher(self, fm: ForwardMsg) -> bool:
        watched = wsload.watcher_data(fm)
        if watched is None:
            return False
        self.element_id, self.fragment_id, data = watched
        self.drawn = data.get("versions")
        self.parts = data.get("parts") or []
        self.check()
        return True

    async def run_ws(self, stop: asyncio.Event) -> None:
        url = f"ws://127.0.0.1:{self.port}/_stcore/stream"
        try:
            async with websockets.connect(
                url,
                subprotocols=["streamlit"],
                max_size=None,
                origin=f"http://127.0.0.1:{self.port}",
                open_timeout=60,
                ping_interval=None,
            ) as ws:
                self.ws = ws
                await ws.send(wsload.rerun_msg(self.query, page_name=PAGE))
                reader = asyncio.ensure_future(self._read_ws(ws))
                stopper = asyncio.ensure_future(stop.wait())
                await asyncio.wait({reader, stopper}, return_when=asyncio.FIRST_COMPLETED)
                self.closing = True
                reader.cancel()
                stopper.cancel()
        except Exception as exc:  # noqa: BLE001
            if not self.closing:
                self.stats.error(f"p{self.i}: websocket: {type(exc).__name__}: {exc}")
        finally:
            self.closing = True
            if self.timer:
                self.timer.cancel()

    async def _read_ws(self, ws) -> None:
        async for raw in ws:
            self.stats.ws_messages += 1
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            if kind == "new_session":
                self.page_hash = fm.new_session.page_script_hash or self.page_hash
            elif kind == "navigation":
                self.page_hash = fm.navigation.page_script_hash or self.page_hash
            elif kind == "script_finished":
                self.rendered.set()
            el = wsload.element_of(fm)
            if el is None:
                continue
            if self._on_watcher(fm):
                continue
            if el.WhichOneof("type") == "exception":
                self.stats.app_exceptions += 1
                if len(self.stats.error_samples) < 8:
                    self.stats.error_samples.append(
                        f"p{self.i}: app exception: {el.exception.message[:200]}"
                    )
            for mark in wsload.markers_in(fm):
                self.seen.setdefault(mark, {}).setdefault(self.i, time.time())
        if not self.closing:
            self.stats.error(f"p{self.i}: websocket closed by the server")

    async def run_sse(self, stop: asyncio.Event) -> None:
        writer = None
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            writer.write(
                (
                    f"GET {self.sse_path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                    "Accept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
                ).encode()
            )
            await writer.drain()
            status = await reader.readline()
            if b" 200 " not in status:
                self.stats.error(f"p{self.i}: SSE status {status.decode().strip()!r}")
                return
            while await reader.readline() not in (b"\r\n", b"\n", b""):
                pass  # headers
            chunked_data = b""
            reading = asyncio.ensure_future(self._read_sse(reader, chunked_data))
            stopper = asyncio.ensure_future(stop.wait())
            await asyncio.wait({reading, stopper}, return_when=asyncio.FIRST_COMPLETED)
            self.closing = True
            reading.cancel()
            stopper.cancel()
        except Exception as exc:  # noqa: BLE001
            if not self.closing:
                self.stats.error(f"p{self.i}: SSE: {type(exc).__name__}: {exc}")
        finally:
            if writer is not None:
                writer.close()

    async def _read_sse(self, reader, _buf) -> None:
        # chunked transfer encoding: size lines and data lines; SSE events end with a blank line
        while True:
            line = await reader.readline()
            if not line:
                if not self.closing:
                    self.stats.error(f"p{self.i}: SSE closed by the server")
                return
            if line.startswith(b"data: "):
                try:
                    versions = json.loads(line[6:])
                except ValueError:
                    continue
                self.stats.sse_messages += 1
                self.latest = versions
                self.sse_ready.set()
                self.check()


# --- the writers -------------------------------------------------------------------------


class AppWriter:
    """A facilitator tab on the Doelenboom page of process A that submits the add form."""

    def __init__(self, port: int, new):
        self.driver = wsload.FormDriver(port, f"code={new.code}&f={new.facilitator_key}", PAGE)

    async def __aenter__(self):
        await self.driver.__aenter__()
        return self

    async def __aexit__(self, *exc):
        await self.driver.__aexit__(*exc)

    async def write(self, mark: str) -> float:
        runs = self.driver.runs_finished
        sent = await self.driver.submit(
            {"node_title": ("string_value", f"MARK-{mark} boom")}, submit_key="node_submit"
        )
        await self.driver.wait_runs(runs + 1, timeout=30)
        return sent

    def notes(self) -> dict:
        return {"writer_exceptions": self.driver.exceptions[:5]}


class DirectWriter:
    """``goaltree.add_node`` from this process, on the same database."""

    def __init__(self, engine, new):
        self.engine, self.new = engine, new
        self.actor = workshops.Actor(new.workshop_id, None, True, "Procesbegeleider")
        with writing(engine) as db:
            self.root_id = goaltree.main_goal(db, new.workshop_id).id

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        pass

    def _write(self, mark: str) -> None:
        with writing(self.engine) as db:
            goaltree.add_node(
                db, actor=self.actor, parent_id=self.root_id, title=f"MARK-{mark} boom"
            )

    async def write(self, mark: str) -> float:
        t = time.time()
        await asyncio.to_thread(self._write, mark)
        return t

    def notes(self) -> dict:
        return {}


# --- one run -----------------------------------------------------------------------------


def start_py_spy(servers: list[Server], prefix: str) -> list[subprocess.Popen]:
    """Sample the servers while they propagate the writes (py-spy, collapsed stacks)."""
    spy = Path(os.environ.get("PY_SPY") or Path(sys.executable).with_name("py-spy"))
    return [
        subprocess.Popen(
            [
                str(spy),
                "record",
                "--pid",
                str(s.proc.pid),
                "--rate",
                "100",
                "--format",
                "raw",
                "--output",
                f"{prefix}-{s.name}.txt",
                "--nonblocking",
                "--gil",
            ],  # --gil: where the interpreter spends its time
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for s in servers
    ]


def stop_py_spy(spies: list[subprocess.Popen]) -> None:
    for spy in spies:
        spy.send_signal(2)  # SIGINT: py-spy writes its output and stops
    for spy in spies:
        try:
            spy.wait(30)
        except subprocess.TimeoutExpired:
            spy.kill()


def pct(sorted_values: list[float], q: float) -> Optional[float]:
    if not sorted_values:
        return None
    return round(
        sorted_values[min(len(sorted_values) - 1, int(q * (len(sorted_values) - 1) + 0.5))], 3
    )


async def measure(servers: list[Server], new, tokens: list[str], engine, args) -> dict:
    n = len(tokens)
    stats = Stats()
    seen: dict = {}
    stop = asyncio.Event()
    sse_path = f"/_kompas/live/{new.workshop_id}?t={stream_token(engine, new.workshop_id)}"
    parts = []
    for i, token in enumerate(tokens):
        server = servers[i % len(servers)]
        parts.append(
            Participant(i, server.port, f"code={new.code}&p={token}", sse_path, stats, seen)
        )
        parts[-1].watch = not args.no_watch
    me = psutil.Process()
    me.cpu_percent(None)
    procs = [psutil.Process(s.proc.pid) for s in servers]
    rss_before = [p.memory_info().rss / 2**20 for p in procs]
    t0 = time.time()
    tasks = []
    # connect in small waves, like people opening the link over a few seconds
    for k, p in enumerate(parts):
        tasks.append(asyncio.ensure_future(p.run_ws(stop)))
        tasks.append(asyncio.ensure_future(p.run_sse(stop)))
        if k % 20 == 19:
            await asyncio.sleep(0.2)
    deadline = time.time() + args.connect_timeout
    while time.time() < deadline and not all(
        p.rendered.is_set() and p.sse_ready.is_set() and p.drawn is not None for p in parts
    ):
        await asyncio.sleep(0.2)
    connected = sum(1 for p in parts if p.rendered.is_set() and p.sse_ready.is_set())
    connect_s = round(time.time() - t0, 2)
    await asyncio.sleep(args.settle)
    # idle: nothing is written, everyone connected
    for p in procs:
        p.cpu_percent(None)
    load_idle_start = loadavg()
    await asyncio.sleep(args.idle_seconds)
    idle_cpu = [p.cpu_percent(None) for p in procs]
    per_server_n = [sum(1 for q in parts if q.port == s.port) for s in servers]
    idle_per = [c / m if m else None for c, m in zip(idle_cpu, per_server_n)]
    rss_connected = [p.memory_info().rss / 2**20 for p in procs]
    # writes
    writer = AppWriter(servers[0].port, new) if args.writer == "app" else DirectWriter(engine, new)
    marks: dict[str, float] = {}
    all_seen_at: dict[str, Optional[float]] = {}
    busy_cpu = []
    async with writer:
        await asyncio.sleep(0.5)
        spies = start_py_spy(servers, args.py_spy) if args.py_spy else []
        for p in procs:
            p.cpu_percent(None)
        w0 = time.time()
        for k in range(args.writes):
            mark = f"{k}"
            marks[mark] = await writer.write(mark)
            end = marks[mark] + args.write_timeout
            while time.time() < end and len(seen.get(mark, {})) < n:
                await asyncio.sleep(0.01)
            got = seen.get(mark, {})
            all_seen_at[mark] = (max(got.values()) - marks[mark]) if len(got) == n else None
            await asyncio.sleep(args.gap)
        busy_s = time.time() - w0
        busy_cpu = [p.cpu_percent(None) for p in procs]
        notes = writer.notes()
        stop_py_spy(spies)
    rss_end = [p.memory_info().rss / 2**20 for p in procs]
    client_cpu = me.cpu_percent(None)
    stop.set()
    await asyncio.sleep(0.3)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

    delays = sorted(t - marks[m] for m, per in seen.items() if m in marks for t in per.values())
    by_half = {}
    for s in servers:
        ids = {p.i for p in parts if p.port == s.port}
        d = sorted(
            t - marks[m]
            for m, per in seen.items()
            if m in marks
            for i, t in per.items()
            if i in ids
        )
        by_half[s.name] = {
            "participants": len(ids),
            "samples": len(d),
            "p50_s": pct(d, 0.5),
            "p95_s": pct(d, 0.95),
            "max_s": round(d[-1], 3) if d else None,
            "writes_seen_by_all": sum(1 for m in marks if ids <= set(seen.get(m, {}))),
        }
    everyone = [m for m in marks if len(seen.get(m, {})) == n]
    last = sorted(v for v in all_seen_at.values() if v is not None)
    return {
        "participants": n,
        "connected": connected,
        "connect_s": connect_s,
        "writes": len(marks),
        "writes_seen_by_all": len(everyone),
        "samples": len(delays),
        "samples_expected": n * len(marks),
        "p50_s": pct(delays, 0.5),
        "p95_s": pct(delays, 0.95),
        "max_s": round(delays[-1], 3) if delays else None,
        "last_participant_s_p50": pct(last, 0.5),
        "last_participant_s_max": round(last[-1], 3) if last else None,
        "by_process": by_half if len(servers) > 1 else None,
        "idle_cpu_pct": [round(c, 2) for c in idle_cpu],
        "idle_cpu_pct_per_participant": round(max(x for x in idle_per if x is not None), 4)
        if any(x is not None for x in idle_per)
        else None,
        "idle_load_average": load_idle_start,
        "writing_cpu_pct": [round(c, 1) for c in busy_cpu],
        "writing_seconds": round(busy_s, 1),
        # the server's own CPU per write (all its threads): what a change costs, less
        # dependent on other load on the machine than the delays
        "server_cpu_s_per_write": [
            round(c / 100 * busy_s / max(1, len(marks)), 3) for c in busy_cpu
        ],
        "rss_mb_start": [round(x, 1) for x in rss_before],
        "rss_mb_connected": [round(x, 1) for x in rss_connected],
        "rss_mb_end": [round(x, 1) for x in rss_end],
        "client_cpu_pct": round(client_cpu, 1),
        "sse_messages": stats.sse_messages,
        "triggers": stats.triggers,
        "ws_messages": stats.ws_messages,
        "errors": stats.errors,
        "app_exceptions": stats.app_exceptions,
        "error_samples": stats.error_samples,
        **notes,
    }


def run_once(args, pg: Optional[Postgres]) -> dict:
    with tempfile.TemporaryDirectory(prefix="kompas-push-") as tmp:
        tmp_path = Path(tmp)
        dbname = None
        if args.db == "postgresql":
            dbname, db_url = pg.create_db()
        else:
            db_url = f"sqlite:///{tmp_path / 'kompas.db'}"
        live.reset()
        engine = make_engine(db_url)
        servers: list[Server] = []
        try:
            new, tokens = seed(engine, args.sessions)
            servers = [
                Server(tmp_path, name, db_url, args.live) for name in ("A", "B")[: args.processes]
            ]
            for s in servers:
                s.start()
            for s in servers:
                s.wait_ready()
            result = asyncio.run(measure(servers, new, tokens, engine, args))
            for s in servers:
                if s.proc.poll() is not None:
                    result.setdefault("server_died", {})[s.name] = s.log_text()[-2000:]
        finally:
            for s in servers:
                s.stop()
            engine.dispose()
            if dbname:
                pg.drop_db(dbname)
        logs = "\n".join(s.log_text() for s in servers)
        tracebacks = logs.count("Traceback (most recent call last)")
        disconnects = logs.count("WebSocketDisconnected") + logs.count("WebSocketClosedError")
        bad = [
            line
            for line in logs.splitlines()
            if (" ERROR " in line or "Error" in line) and "WebSocket" not in line
        ]
        result["server_log_tracebacks"] = tracebacks
        result["server_log_ws_disconnects"] = disconnects
        result["server_log_errors"] = len(bad)
        if bad:
            result["server_log_samples"] = bad[:5]
        if args.log_dir:
            Path(args.log_dir).mkdir(parents=True, exist_ok=True)
            for s in servers:
                (Path(args.log_dir) / s.log_path.name).write_text(s.log_text())
    target = target_p95(args.processes, args.sessions)
    result["ok"] = {
        f"p95_le_{target}_s": result["p95_s"] is not None
        and result["p95_s"] <= target
        and result["samples"] == result["samples_expected"],
        "every_write_seen_by_all": result["writes"] > 0
        and result["writes_seen_by_all"] == result["writes"],
        "zero_errors": result["errors"] == 0
        and result["app_exceptions"] == 0
        and result["connected"] == result["participants"],
        f"idle_cpu_le_{TARGET_IDLE_CPU_PCT_PER_PARTICIPANT}_pct_per_participant": result[
            "idle_cpu_pct_per_participant"
        ]
        is not None
        and result["idle_cpu_pct_per_participant"] <= TARGET_IDLE_CPU_PCT_PER_PARTICIPANT,
    }
    return result


MEDIAN_KEYS = (
    "p50_s",
    "p95_s",
    "max_s",
    "last_participant_s_p50",
    "writes_seen_by_all",
    "idle_cpu_pct_per_participant",
    "client_cpu_pct",
    "errors",
    "app_exceptions",
    "connect_s",
)


def median_of(runs: list[dict]) -> dict:
    out = {}
    for key in MEDIAN_KEYS:
        values = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
        out[key] = round(statistics.median(values), 4) if values else None
    for key in (
        "rss_mb_connected",
        "rss_mb_end",
        "idle_cpu_pct",
        "writing_cpu_pct",
        "server_cpu_s_per_write",
    ):
        values = [max(r[key]) for r in runs if r.get(key)]
        out[key + "_max_server"] = round(statistics.median(values), 2) if values else None
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=100, help="participants (all processes)")
    ap.add_argument("--processes", type=int, choices=(1, 2), default=1)
    ap.add_argument(
        "--live",
        choices=("process", "database"),
        default=None,
        help="KOMPAS_LIVE (default: process for 1 process, database for 2)",
    )
    ap.add_argument(
        "--db",
        choices=("sqlite", "postgresql"),
        default=None,
        help="default: sqlite for 1 process, postgresql for 2",
    )
    ap.add_argument("--postgres-url", default="", help="an existing server (else a throwaway one)")
    ap.add_argument(
        "--writer",
        choices=("app", "direct"),
        default=None,
        help="app: a facilitator tab submits the add form on process A; "
        "direct: goaltree.add_node from this process (default: app for "
        "--live process, direct for --live database)",
    )
    ap.add_argument("--writes", type=int, default=10)
    ap.add_argument(
        "--write-timeout",
        type=float,
        default=20.0,
        help="seconds to wait for every participant to see a write",
    )
    ap.add_argument("--gap", type=float, default=1.0, help="pause between writes (s)")
    ap.add_argument("--idle-seconds", type=float, default=10.0)
    ap.add_argument("--settle", type=float, default=3.0, help="pause after connecting (s)")
    ap.add_argument("--connect-timeout", type=float, default=120.0)
    ap.add_argument("--repeat", type=int, default=1, help="runs on fresh servers; medians")
    ap.add_argument("--log-dir", default="", help="keep the server logs here")
    ap.add_argument(
        "--py-spy",
        default="",
        metavar="PREFIX",
        help="profile the servers while writes propagate: PREFIX-A.txt (collapsed "
        "stacks; needs py-spy next to this Python: pip install py-spy)",
    )
    ap.add_argument(
        "--no-watch",
        action="store_true",
        help="never send the watcher's trigger (check: then no write arrives)",
    )
    args = ap.parse_args()
    args.live = args.live or ("database" if args.processes == 2 else "process")
    args.db = args.db or ("postgresql" if args.processes == 2 else "sqlite")
    args.writer = args.writer or ("app" if args.live == "process" else "direct")
    if args.processes == 2 and args.live != "database":
        ap.error("two processes need --live database (each process only knows its own writes)")
    if args.live == "process" and args.writer == "direct":
        ap.error("--live process sees only the server's own writes: use --writer app")
    if args.processes == 2 and args.db == "sqlite":
        print("note: two processes on SQLite poll the file (KOMPAS_LIVE=database)", file=sys.stderr)

    target = target_p95(args.processes, args.sessions)
    out = {
        "bench": "push_load",
        "participants": args.sessions,
        "processes": args.processes,
        "live": args.live,
        "db": args.db,
        "writer": args.writer,
        "writes": args.writes,
        "page": PAGE,
        "cpu_count": psutil.cpu_count(),
        "targets": {
            "p95_s": target,
            "writes_seen_by_all": "all",
            "errors": 0,
            "idle_cpu_pct_per_participant": TARGET_IDLE_CPU_PCT_PER_PARTICIPANT,
        },
        "load_average_at_start": loadavg(),
        "runs": [],
    }
    started = time.time()
    pg = Postgres(args.postgres_url) if args.db == "postgresql" else None
    try:
        if pg:
            pg.__enter__()
        for _ in range(args.repeat):
            run = {"load_average_at_start": loadavg()}
            try:
                run.update(run_once(args, pg))
            except Exception as exc:  # noqa: BLE001 - a bench reports, it does not crash
                run["error"] = f"{type(exc).__name__}: {exc}"
            run["load_average_at_end"] = loadavg()
            out["runs"].append(run)
    finally:
        if pg:
            pg.__exit__(None, None, None)
    good = [r for r in out["runs"] if "error" not in r]
    out["median"] = median_of(good) if good else None
    m = out["median"] or {}
    out["ok_median"] = {
        f"p95_le_{target}_s": m.get("p95_s") is not None and m["p95_s"] <= target,
        "every_write_seen_by_all": bool(good)
        and all(r["ok"]["every_write_seen_by_all"] for r in good),
        "zero_errors": bool(good) and all(r["ok"]["zero_errors"] for r in good),
        f"idle_cpu_le_{TARGET_IDLE_CPU_PCT_PER_PARTICIPANT}_pct_per_participant": m.get(
            "idle_cpu_pct_per_participant"
        )
        is not None
        and m["idle_cpu_pct_per_participant"] <= TARGET_IDLE_CPU_PCT_PER_PARTICIPANT,
    }
    out["ok"] = len(good) == len(out["runs"]) and all(out["ok_median"].values())
    out["wall_s"] = round(time.time() - started, 1)
    out["load_average_at_end"] = loadavg()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
