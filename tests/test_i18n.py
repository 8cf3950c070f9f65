"""The message catalogues (kompas/messages/<language>/): every key in every language, the
same placeholders, every key the code asks for exists, and the screens that are translated
hold no Dutch of their own."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from kompas import i18n, labels
from kompas.models import PHASES, ROLE_GROUPS, TOOLS

ROOT = Path(__file__).resolve().parents[1]
KEY = re.compile(r"^[a-z][a-z_]*\.[a-z0-9_.]*$")  # "join.name", "sidebar.page."
SOURCES = [
    ROOT / "home.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted((ROOT / "kompas").rglob("*.py")),
]


def fields(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_every_key_exists_in_every_language():
    keys = {lang: set(i18n.catalogue(lang)) for lang in i18n.LANGUAGES}
    for lang, own in keys.items():
        for other, theirs in keys.items():
            assert not own - theirs, f"only in {lang}, not in {other}: {sorted(own - theirs)}"


def test_every_message_has_the_same_placeholders_in_every_language():
    dutch = i18n.catalogue("nl")
    for lang in i18n.LANGUAGES:
        for key, message in i18n.catalogue(lang).items():
            assert fields(message) == fields(dutch[key]), (lang, key)
            assert message.strip(), (lang, key)


def test_a_key_outside_its_area_is_refused(tmp_path, monkeypatch):
    package = tmp_path / "kompas_probe_lang"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "join.py").write_text('MESSAGES = {"now.title": "x"}')
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(i18n.importlib, "import_module", _redirect(i18n.importlib.import_module))
    with pytest.raises(ValueError, match="outside its area"):
        i18n.catalogue.__wrapped__("probe")


def _redirect(real):
    def import_module(name):
        return real(name.replace("kompas.messages.probe", "kompas_probe_lang"))

    return import_module


def test_every_stored_id_has_a_word_in_every_language():
    ids = {
        "tool": TOOLS,
        "role": ROLE_GROUPS,
        "node_kind": tuple(labels.NODE_KIND_LABELS),
        "direction": tuple(labels.DIRECTION_LABELS),
        **{f"phase.{tool}": PHASES[tool] for tool in TOOLS},
    }
    for lang in i18n.LANGUAGES:
        for kind, values in ids.items():
            for value in values:
                assert f"labels.{kind}.{value}" in i18n.catalogue(lang), (lang, kind, value)
    assert i18n.label("role", "inwoner", "en") == "Resident"
    assert i18n.label("role", "inwoner", "nl") == "Inwoner"
    assert i18n.label("role", "onbekend", "en") == "onbekend"  # an unknown id as it is


def test_text_fills_in_values_and_falls_back_to_dutch_for_an_unknown_language():
    assert i18n.text("now.go_to", "en", tool="Goal tree") == "Go to Goal tree"
    assert i18n.text("now.go_to", "xx", tool="Doelenboom") == "Ga naar Doelenboom"
    with pytest.raises(KeyError):
        i18n.text("now.no_such_message", "nl")


def _asked_keys():
    """Every literal key passed to t("…") / ui.t("…") / i18n.text("…") in the code."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            first = node.args[0]
            if name not in ("t", "text"):
                continue
            if isinstance(first, ast.Constant) and KEY.match(str(first.value)):
                yield path.relative_to(ROOT), first.value
            if isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                prefix = first.values[0].value
                if KEY.match(prefix):
                    yield path.relative_to(ROOT), prefix + "*"


def test_every_key_the_code_asks_for_exists():
    known = set(i18n.catalogue("nl"))
    asked = list(_asked_keys())
    assert len(asked) > 30
    for where, key in asked:
        if key.endswith("*"):
            assert any(k.startswith(key[:-1]) for k in known), (where, key)
        else:
            assert key in known, (where, key)


# The screens a participant sees that are fully in the catalogue: (file, function). No
# string literal in them reads as words (a literal with two or more words is Dutch text that
# an English participant would see).
TRANSLATED = [
    ("kompas/ui/home.py", "join_form"),
    ("kompas/ui/home.py", "lobby"),
    ("kompas/ui/now.py", "banner"),
    ("kompas/ui/now.py", "now_text"),
    ("kompas/ui/sidebar.py", "nav"),
    ("kompas/ui/sidebar.py", "sidebar_live"),
    ("kompas/ui/sidebar.py", "language_choice"),
    ("kompas/ui/sidebar.py", "phase_label"),
    ("kompas/ui/sidebar.py", "timer"),
    ("kompas/ui/identity.py", "stop_with_join"),
]


def _wordy(value: object) -> bool:
    return isinstance(value, str) and sum(w.isalpha() for w in value.split()) >= 2


def assert_no_dutch_of_its_own(file: str, function: str) -> None:
    """``function`` in ``file`` (from the repository root) takes every word it shows from the
    catalogue: no string literal in it (nested functions included, docstrings not) reads as
    words. Other test modules use this for the screens they translate."""
    tree = ast.parse((ROOT / file).read_text())
    found = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == function
    ]
    assert found, f"{file}: no function {function}"
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(found[0])
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and ast.get_docstring(node)
    }
    words = [
        node.value
        for node in ast.walk(found[0])
        if isinstance(node, ast.Constant) and _wordy(node.value) and id(node) not in docstrings
    ]
    assert words == [], f"{file}:{function} shows its own words"


@pytest.mark.parametrize(("file", "function"), TRANSLATED)
def test_translated_screens_hold_no_dutch_of_their_own(file, function):
    assert_no_dutch_of_its_own(file, function)


def test_month_names_match_the_dutch_date_format_and_exist_in_english():
    from datetime import date

    from kompas import formats

    for month in range(1, 13):
        day = date(2026, month, 3)
        dutch = f"3 {i18n.label('month', str(month), 'nl')} 2026"
        assert dutch == formats.date_nl(day)
        assert i18n.label("month", str(month), "en") != str(month)
    assert i18n.label("month", "3", "en") == "March"


# Screen code: every page and every module of kompas/ui. Not UI text: docstrings, log lines,
# developer errors, and the page's own CSS, HTML and JavaScript; and Streamlit's own English
# texts with their Dutch (language.STREAMLIT_NL, applied for Dutch viewers only).
SCREEN_CODE = [
    ROOT / "home.py",
    ROOT / "app.py",
    *sorted((ROOT / "pages").glob("*.py")),
    *sorted((ROOT / "kompas" / "ui").rglob("*.py")),
]
NOT_UI_TEXT = re.compile(
    r"^(STYLE|[A-Z_]*_(JS|CSS|HTML)|_JS|_CSS|_HTML|STREAMLIT_NL|STREAMLIT_NAMES_NL)$"
)
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}


def _words_outside_the_catalogue(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), str(path))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            skip.add(id(body[0].value))
        blob = None
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and NOT_UI_TEXT.match(t.id) for t in targets):
                blob = node.value
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) in LOG_CALLS:
            blob = node
        elif isinstance(node, ast.Raise) and node.exc is not None:
            called = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if getattr(called, "id", "") in {"ValueError", "TypeError", "RuntimeError"}:
                blob = node.exc
        if blob is not None:
            skip.update(id(inner) for inner in ast.walk(blob))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and id(node) not in skip and _wordy(node.value)
    ]


def test_screen_code_takes_every_word_from_the_catalogue():
    left = {
        str(path.relative_to(ROOT)): found
        for path in SCREEN_CODE
        if (found := _words_outside_the_catalogue(path))
    }
    assert left == {}, "\n".join(
        f"{where}:{line}: {text[:60]!r}" for where, items in left.items() for line, text in items
    )


def _sentences(message: str) -> list[str]:
    plain = re.sub(r"\{[^}]*\}", "X", message)
    return [s for s in re.split(r"(?<=[.!?])\s+", plain) if s.strip()]


def test_dutch_stays_plain_short_sentences():
    """B1: short sentences. No sentence of the Dutch catalogue is longer than 20 words, and
    on average they stay under 12 (a placeholder counts as one word)."""
    sentences = [s for message in i18n.catalogue("nl").values() for s in _sentences(message)]
    too_long = [s for s in sentences if len(s.split()) > 20]
    assert too_long == []
    words = [len(s.split()) for s in sentences if len(s.split()) > 2]
    assert sum(words) / len(words) < 12


def test_every_field_a_text_message_names_has_a_word_in_every_language():
    """kompas.text names the field in its messages (``field="de titel"``); a screen shows that
    message in the viewer's language, so each literal field needs its word in each language."""
    fields = {
        keyword.value.value
        for path in sorted((ROOT / "kompas").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "field" and isinstance(keyword.value, ast.Constant)
    }
    assert len(fields) > 25
    for lang in i18n.LANGUAGES:
        missing = sorted(f for f in fields if f"labels.field.{f}" not in i18n.catalogue(lang))
        assert missing == [], lang
