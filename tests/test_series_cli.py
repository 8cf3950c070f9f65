"""``python -m kompas vervolg CODE`` and the demo series on the command line."""

from tests.test_cli import kompas


def test_vervolg_starts_the_next_session_and_refuses_an_unknown_code(tmp_path):
    db = tmp_path / "k.db"
    demo = kompas("demo", db=db)
    assert demo.returncode == 0, demo.stderr
    lines = demo.stdout.splitlines()
    code = lines[0].removeprefix("code: ")
    assert lines[3].startswith("eerste sessie: http://localhost:8501/?code=")
    out = kompas("vervolg", code, db=db)
    assert out.returncode == 0, out.stderr
    new_code = out.stdout.splitlines()[0].removeprefix("code: ")
    assert len(new_code) == 6 and new_code != code
    assert out.stdout.splitlines()[1].startswith(
        f"facilitator: http://localhost:8501/?code={new_code}&f="
    )
    listed = kompas("list", db=db).stdout
    assert listed.count("\n") == 3 and new_code in listed
    unknown = kompas("vervolg", "ZZZZZZ", db=db)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert unknown.stderr.strip() == "kompas: Er is geen workshop met code ZZZZZZ."
    missing = kompas("vervolg", db=db)
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
