"""The command line: exit codes, one-line messages, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def kompas(*args, db=None, env_extra=None):
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMPAS_")}
    if db:
        env["KOMPAS_DATABASE_URL"] = f"sqlite:///{db}"
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "kompas", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_demo_prints_code_and_links_then_list(tmp_path):
    db = tmp_path / "k.db"
    out = kompas("demo", db=db)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    code = lines[0].removeprefix("code: ")
    assert lines[0].startswith("code: ") and len(code) == 6
    assert lines[1].startswith(f"facilitator: http://localhost:8501/?code={code}&f=")
    assert lines[2] == f"participant: http://localhost:8501/?code={code}"
    listed = kompas("list", db=db)
    assert listed.returncode == 0 and code in listed.stdout and "8 deelnemers" in listed.stdout
    again = kompas("demo", "--if-empty", db=db)
    assert again.returncode == 0 and "code:" not in again.stdout


def test_base_url_setting_is_used(tmp_path):
    out = kompas(
        "demo", db=tmp_path / "k.db", env_extra={"KOMPAS_BASE_URL": "https://kompas.gemeente.nl/"}
    )
    assert "participant: https://kompas.gemeente.nl/?code=" in out.stdout


@pytest.mark.parametrize(
    "args, env_extra, needle",
    [
        (("export", "ZZZZZZ", "--format", "json", "--output", "x.json"), {}, "geen workshop"),
        (("import", "/nonexistent/file.json"), {}, "kompas:"),
        (("list",), {"KOMPAS_LIVE": "redis"}, "KOMPAS_LIVE"),
        (("frobnicate",), {}, "kompas:"),
        (("export", "ZZZZZZ", "--format", "odt", "--output", "x"), {}, "kompas:"),
    ],
)
def test_refused_input_exits_2_with_one_line(tmp_path, args, env_extra, needle):
    out = kompas(*args, db=tmp_path / "k.db", env_extra=env_extra)
    assert out.returncode == 2
    assert needle in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_export_and_import_round_trip_on_the_command_line(tmp_path):
    import json

    db = tmp_path / "k.db"
    code = kompas("demo", db=db).stdout.splitlines()[0].removeprefix("code: ")
    for fmt in ("json", "md", "xlsx"):
        out = kompas("export", code, "--format", fmt, "--output", str(tmp_path / f"v.{fmt}"), db=db)
        assert out.returncode == 0, out.stderr
        assert (tmp_path / f"v.{fmt}").stat().st_size > 500
    imported = kompas("import", str(tmp_path / "v.json"), db=db)
    assert imported.returncode == 0, imported.stderr
    new_code = imported.stdout.splitlines()[0].removeprefix("code: ")
    assert new_code != code and imported.stdout.splitlines()[1].startswith("facilitator: http")
    again = kompas(
        "export", new_code, "--format", "json", "--output", str(tmp_path / "w.json"), db=db
    )
    assert again.returncode == 0
    first, second = (json.loads((tmp_path / n).read_text()) for n in ("v.json", "w.json"))
    # the default back-up names nobody; imported, it gives the same back-up again, up to
    # the pseudonyms' numbers (they follow the new, random tokens)
    assert all(
        p["name"].startswith("Deelnemer ") and "organisation" not in p
        for p in first["participants"]
    )
    assert {
        k: v
        for k, v in first.items()
        if k not in ("participants", "votes", "placements", "goal_nodes", "scan_scores")
    } == {
        k: v
        for k, v in second.items()
        if k not in ("participants", "votes", "placements", "goal_nodes", "scan_scores")
    }
    assert len(first["votes"]) == len(second["votes"]) and len(first["placements"]) == len(
        second["placements"]
    )
    assert len(first["scan_scores"]) == len(second["scan_scores"])


def test_export_with_names_round_trips_exactly(tmp_path):
    import json

    db = tmp_path / "k.db"
    code = kompas("demo", db=db).stdout.splitlines()[0].removeprefix("code: ")
    out = kompas(
        "export",
        code,
        "--format",
        "json",
        "--with-names",
        "--output",
        str(tmp_path / "v.json"),
        db=db,
    )
    assert out.returncode == 0, out.stderr
    first = json.loads((tmp_path / "v.json").read_text())
    assert not any(p["name"].startswith("Deelnemer ") for p in first["participants"])
    assert any(p["organisation"] for p in first["participants"])
    new_code = (
        kompas("import", str(tmp_path / "v.json"), db=db)
        .stdout.splitlines()[0]
        .removeprefix("code: ")
    )
    kompas(
        "export",
        new_code,
        "--format",
        "json",
        "--with-names",
        "--output",
        str(tmp_path / "w.json"),
        db=db,
    )
    assert json.loads((tmp_path / "w.json").read_text()) == first
    refused = kompas(
        "export", code, "--format", "md", "--with-names", "--output", str(tmp_path / "x.md"), db=db
    )
    assert refused.returncode == 2 and "--with-names" in refused.stderr


def test_import_of_a_broken_file_exits_2_and_writes_nothing(tmp_path):
    db = tmp_path / "k.db"
    kompas("demo", db=db)
    bad = tmp_path / "kapot.json"
    bad.write_text('{"schema_version": 1, "workshop": {"title": "x"')
    out = kompas("import", str(bad), db=db)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert kompas("list", db=db).stdout.count("\n") == 2  # the demo series: two sessions
