"""Layering: nothing in kompas/ outside kompas/ui imports streamlit; pages start with the
shared workshop context."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = [p for p in (ROOT / "kompas").rglob("*.py") if "ui" not in p.relative_to(ROOT / "kompas").parts]


@pytest.mark.parametrize("path", DOMAIN, ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_does_not_import_streamlit(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        assert not any(n == "streamlit" or n.startswith("streamlit.") for n in names), path


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_start_with_workshop_context(path):
    tree = ast.parse(path.read_text())
    calls = [n for n in tree.body if not isinstance(n, (ast.Import, ast.ImportFrom, ast.Expr))
             or (isinstance(n, ast.Expr) and isinstance(n.value, ast.Call))]
    first = calls[0]
    assert isinstance(first, ast.Assign) and ast.unparse(first.value).startswith("ui.workshop_context(")


def test_config_disables_gc_and_telemetry():
    cfg = (ROOT / ".streamlit" / "config.toml").read_text()
    assert "postScriptGC = false" in cfg and "gatherUsageStats = false" in cfg
