"""Run every benchmark in bench/ and print one JSON document (`make bench`).

Runs, one after the other so they do not disturb each other's figures, each script in
bench/ named ``bench_*.py`` plus ``concurrent_writes.py``, ``push_load.py`` (live updates by
push, 100 participants on one process) and ``push_browser.py`` (10 Chromium tabs), every one
as its own subprocess that prints one JSON document. A script that is missing is left out;
one that fails or prints no JSON is reported with its exit code and the end of its output.
The combined document is also written to bench/results/<time>.json.

    python bench/run_all.py [--only push_load,bench_exports] [--skip push_browser]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# the ones that need a quiet machine go last
FIXED = ("concurrent_writes.py", "push_load.py", "push_browser.py")
TIMEOUT_S = 900


def discover() -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    found += [HERE / name for name in FIXED if (HERE / name).exists()]
    return found


def parse_json(stdout: str):
    """The script's JSON document: the whole output, or the last {...} block in it."""
    text = stdout.strip()
    try:
        return json.loads(text)
    except ValueError:
        pass
    decoder = json.JSONDecoder()
    last = None
    for i, ch in enumerate(text):
        if ch == "{" and (i == 0 or text[i - 1] == "\n"):
            try:
                last, _ = decoder.raw_decode(text[i:])
            except ValueError:
                continue
    return last


def run_one(script: Path) -> dict:
    started = time.time()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    try:
        proc = subprocess.run(
            [sys.executable, str(script)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as exc:
        return {
            "error": f"timed out after {TIMEOUT_S} s",
            "stdout_tail": (exc.stdout or "")[-1000:] if isinstance(exc.stdout, str) else "",
        }
    seconds = round(time.time() - started, 1)
    result = parse_json(proc.stdout)
    if not isinstance(result, dict):
        return {
            "error": f"no JSON document (exit code {proc.returncode})",
            "seconds": seconds,
            "stdout_tail": proc.stdout[-1000:],
            "stderr_tail": proc.stderr[-1500:],
        }
    result.setdefault("seconds", seconds)
    if proc.returncode != 0:
        result["exit_code"] = proc.returncode
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="", help="comma-separated script names (without .py)")
    ap.add_argument("--skip", default="", help="comma-separated script names (without .py)")
    args = ap.parse_args()
    only = {x.strip().removesuffix(".py") for x in args.only.split(",") if x.strip()}
    skip = {x.strip().removesuffix(".py") for x in args.skip.split(",") if x.strip()}
    scripts = [s for s in discover() if (not only or s.stem in only) and s.stem not in skip]
    out: dict = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": sys.version.split()[0],
        "cpu_count": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "missing": [
            n for n in ("bench_tree_page.py", "bench_exports.py", *FIXED) if not (HERE / n).exists()
        ],
        "results": {},
    }
    for script in scripts:
        print(f"running {script.name} …", file=sys.stderr, flush=True)
        out["results"][script.stem] = run_one(script)
    # a bench states its own verdict as "ok"; one that does not is judged by its figures
    verdicts = {
        name: (False if "error" in r else r.get("ok")) for name, r in out["results"].items()
    }
    out["ok_by_bench"] = verdicts
    out["ok"] = bool(verdicts) and all(v is not False for v in verdicts.values())
    out["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    text = json.dumps(out, indent=1, ensure_ascii=False)
    try:
        (HERE / "results").mkdir(exist_ok=True)
        (HERE / "results" / time.strftime("%Y%m%d-%H%M%S.json")).write_text(text)
    except OSError:
        pass
    print(text)


if __name__ == "__main__":
    main()
