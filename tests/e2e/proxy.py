"""nginx from apt in front of Kompas processes, with the configuration file the container
set-up uses (deploy/nginx.conf), for the proxied browser test and the benchmarks.

deploy/nginx.conf is a template: ``${PROXY_*}`` are filled in here exactly as the nginx
container image does it (only those names; nginx's own ``$variables`` stay)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "nginx.conf"
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+)[^"]*" (?P<status>\d+) backend=(?P<backend>\S+) upstream=(?P<upstream>\S+)'
)


def render(values: dict[str, str]) -> str:
    """deploy/nginx.conf with its ``${PROXY_*}`` names filled in; every one must be given."""
    text = TEMPLATE.read_text(encoding="utf-8")
    missing = sorted(set(re.findall(r"\$\{(PROXY_\w+)\}", text)) - set(values))
    if missing:
        raise KeyError(f"deploy/nginx.conf needs {missing}")
    return re.sub(r"\$\{(PROXY_\w+)\}", lambda m: values[m.group(1)], text)


def find_nginx() -> str | None:
    """nginx's path; installed with apt-get when missing and we are root or in CI.
    None (after a loud warning) when that is impossible."""
    for path in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if path and os.path.exists(path):
            return path
    if os.geteuid() == 0 or os.environ.get("CI") == "true":
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        for cmd in (
            ["apt-get", "update", "-qq"],
            ["apt-get", "install", "-y", "-qq", "nginx-light"],
        ):
            subprocess.run(sudo + cmd, env=env, capture_output=True, timeout=600, check=False)
        if os.path.exists("/usr/sbin/nginx"):
            return "/usr/sbin/nginx"
    msg = "PROXYTEST OVERGESLAGEN: nginx ontbreekt en kan niet worden geïnstalleerd (apt-get install nginx-light)"
    print("\n" + "!" * 80 + "\n" + msg + "\n" + "!" * 80, file=sys.stderr)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proxy:
    """nginx on 127.0.0.1:``port`` in front of ``upstreams`` (host:port), in ``tmp``."""

    def __init__(self, nginx: str, tmp: Path, upstreams: list[str], port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp = tmp
        self.access_log = tmp / "access.log"
        values = {f"PROXY_UPSTREAM_{i}": u for i, u in enumerate(upstreams, 1)}
        values.update(PROXY_LISTEN=f"127.0.0.1:{self.port}", PROXY_ACCESS_LOG=str(self.access_log))
        (tmp / "kompas.conf").write_text(render(values), encoding="utf-8")
        temp = "\n".join(
            f"  {kind}_temp_path {tmp / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (tmp / "nginx.conf").write_text(
            ("user root;\n" if os.geteuid() == 0 else "")
            + f"daemon off;\nworker_processes 1;\npid {tmp / 'nginx.pid'};\n"
            f"error_log {tmp / 'error.log'} warn;\n"
            "events { worker_connections 4096; }\n"
            f"http {{\n{temp}\n  include {tmp / 'kompas.conf'};\n}}\n",
            encoding="utf-8",
        )
        check = subprocess.run(
            [nginx, "-t", "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        if check.returncode != 0:
            raise RuntimeError("nginx -t: " + check.stderr)
        self.proc = subprocess.Popen(
            [nginx, "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=open(tmp / "nginx.out", "w"),
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("nginx did not start: " + (tmp / "error.log").read_text())

    def requests(self) -> list[dict]:
        """The access log: method, path, status, backend (sticky cookie), upstream."""
        if not self.access_log.exists():
            return []
        lines = self.access_log.read_text(encoding="utf-8").splitlines()
        return [m.groupdict() for m in map(LOG_LINE.search, lines) if m]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
