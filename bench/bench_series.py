"""Time a follow-up session of a large workshop (300 nodes, 40 partners, 60 indicators):
starting it (everything carried in one transaction) and the reads of its review and its
partner movement (each once per change, shared by every viewer).

Prints JSON: medians over the runs, with the CPU time of this process and the load average.
Run: python bench/bench_series.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_exports import seed_large  # noqa: E402
from kompas import series, summary  # noqa: E402
from kompas.db import make_engine, reading, writing  # noqa: E402


def _timed(fn) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        wid = seed_large(engine)
        figures: dict[str, list] = {"follow_up": [], "review": [], "shifts": [], "report": []}
        cpu: dict[str, list] = {k: [] for k in figures}
        new_id = None

        def start():
            nonlocal new_id
            with writing(engine) as db:
                new_id = series.follow_up(db, wid).workshop_id

        for _ in range(args.runs):
            for name, fn in (
                ("follow_up", start),
                ("review", lambda: _read(engine, series.review, new_id)),
                ("shifts", lambda: _read(engine, series.partner_shifts, new_id)),
                ("report", lambda: _read(engine, summary.build, new_id)),
            ):
                w, c = _timed(fn)
                figures[name].append(w)
                cpu[name].append(c)
        print(
            json.dumps(
                {
                    "bench": "series",
                    "workshop": {"nodes": 300, "partners": 40, "indicators": 60},
                    "runs": args.runs,
                    "median_ms": {
                        k: round(statistics.median(v) * 1000, 1) for k, v in figures.items()
                    },
                    "median_cpu_ms": {
                        k: round(statistics.median(v) * 1000, 1) for k, v in cpu.items()
                    },
                    "load_average": [round(x, 2) for x in os.getloadavg()],
                },
                indent=1,
            )
        )


def _read(engine, fn, workshop_id):
    with reading(engine) as db:
        return fn(db, workshop_id)


if __name__ == "__main__":
    main()
