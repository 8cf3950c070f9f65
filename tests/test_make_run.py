"""`make run PORT=…` prints links with that port (the demo's links are built on it)."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_builds_links_on_the_chosen_port():
    plan = subprocess.run(
        ["make", "-n", "run", "PORT=8600"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    demo = next(line for line in plan.splitlines() if "kompas demo" in line)
    assert "http://localhost:8600" in demo
    assert "--server.port 8600" in plan
