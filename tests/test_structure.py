"""The layering contract, read from the source (so it also holds for code no test runs).

- Nothing in kompas/ outside kompas/ui imports streamlit.
- The domain (kompas/ outside ui/ and export/, and not the command line) imports neither
  kompas.export nor kompas.ui.
- Chart modules (kompas/*chart*.py, kompas/<tool>/chart.py) take no database session:
  they draw from plain data.
- No private name (``from kompas.x import _y``) is imported across kompas modules.
- No kompas module is imported inside a function, unless a cycle or start-up speed asks for
  it (an allow-list with the reason).
- kompas.ui is a facade with ``__all__``; every write from the UI goes through ui.act;
  every st.session_state key is a named constant.
- Pages start with the shared workshop context.

An EXPECTED_* list names today's known offenders outside the UI (code that other
branches move): it may only shrink. A new offender fails, and so does a listed one that
is gone (remove it from the list).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KOMPAS = ROOT / "kompas"
ALL_KOMPAS = sorted(KOMPAS.rglob("*.py"))  # packages too: kompas/goaltree/*.py and so on


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def parts(path: Path) -> tuple[str, ...]:
    return path.relative_to(KOMPAS).parts


UI = [p for p in ALL_KOMPAS if parts(p)[0] == "ui"]
OUTSIDE_UI = [p for p in ALL_KOMPAS if parts(p)[0] != "ui"]
# The command line sits on top of the domain, beside the UI: it may export.
ENTRY_POINTS = {"kompas/__main__.py"}
DOMAIN = [p for p in OUTSIDE_UI if parts(p)[0] != "export" and rel(p) not in ENTRY_POINTS]
CHARTS = [
    p
    for p in ALL_KOMPAS
    if parts(p)[0] != "ui" and ("chart" in p.stem and len(parts(p)) == 1 or p.name == "chart.py")
]
APP = [ROOT / "app.py", ROOT / "home.py", *sorted((ROOT / "pages").glob("*.py"))]


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def module_name(path: Path) -> str:
    names = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(names[:-1] if names[-1] == "__init__" else names)


def modules_of(path: Path, node: ast.AST) -> list[str]:
    """The modules one import statement names; relative imports resolved."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        package = module_name(path).split(".")
        if path.name != "__init__.py":
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join(package + ([base] if base else []))
    return [base] + [f"{base}.{a.name}" for a in node.names]  # from kompas import ui


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, also inside functions; relative imports resolved."""
    return [name for node in ast.walk(tree(path)) for name in modules_of(path, node)]


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("path", OUTSIDE_UI, ids=rel)
def test_domain_does_not_import_streamlit(path):
    assert not any(within(n, "streamlit") for n in imported_modules(path)), path


EXPECTED_DOMAIN_IMPORTS: set[str] = set()


def test_domain_imports_neither_export_nor_ui():
    found = {
        f"{rel(p)}: {n}"
        for p in DOMAIN
        for n in imported_modules(p)
        if within(n, "kompas.export") or within(n, "kompas.ui")
    }
    assert found - EXPECTED_DOMAIN_IMPORTS == set(), "the domain reaches up into export or ui"
    assert EXPECTED_DOMAIN_IMPORTS - found == set(), "fixed: remove these from the list"


def session_parameters(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(tree(path)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            if any(
                a.arg == "db"
                or (a.annotation is not None and "Session" in ast.unparse(a.annotation))
                for a in args
            ):
                out.add(f"{rel(path)}: {node.name}")
    return out


# TODO: the tree picture reads the database itself; it moves to goaltree/chart.py and
# should take the TreeView (or plain data) instead.
EXPECTED_CHART_SESSIONS: set[str] = set()


def test_charts_take_no_database_session():
    assert CHARTS, "no chart modules found"
    found = set().union(*(session_parameters(p) for p in CHARTS))
    assert found - EXPECTED_CHART_SESSIONS == set(), "a chart takes a db session"
    assert EXPECTED_CHART_SESSIONS - found == set(), "fixed: remove these from the list"


def private_imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.ImportFrom) and (node.level or within(node.module or "", "kompas")):
            for a in node.names:
                if a.name.startswith("_") and not a.name.startswith("__"):
                    out.add(f"{rel(path)}: {node.module}.{a.name}")
    return out


EXPECTED_PRIVATE_IMPORTS: set[str] = set()


def test_no_private_names_imported_across_modules():
    found = set().union(*(private_imports(p) for p in ALL_KOMPAS + APP))
    assert found - EXPECTED_PRIVATE_IMPORTS == set(), "rename what another module needs to public"
    assert EXPECTED_PRIVATE_IMPORTS - found == set(), "fixed: remove these from the list"


def local_imports(path: Path) -> set[str]:
    """kompas modules imported inside a function (``if TYPE_CHECKING:`` is not one)."""
    out = set()
    for fn in ast.walk(tree(path)):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(fn):
                names = modules_of(path, node)
                if isinstance(node, ast.ImportFrom):  # the module; for ``from kompas import x`` x
                    names = names[1:] if names[0] == "kompas" else names[:1]
                out |= {f"{rel(path)}: {n}" for n in names if within(n, "kompas")}
    return out


# Each with its reason; this list may only shrink.
ALLOWED_LOCAL_IMPORTS = {
    # start-up speed: kompas.export brings the report and its charts (altair); only the
    # export and import commands need it
    "kompas/__main__.py: kompas.export",
    "kompas/__main__.py: kompas.export.json_io",
    "kompas/__main__.py: kompas.export.backup",
}


def test_no_function_local_imports_of_kompas_modules():
    found = set().union(*(local_imports(p) for p in ALL_KOMPAS))
    assert found - ALLOWED_LOCAL_IMPORTS == set(), "import at the top of the module"
    assert ALLOWED_LOCAL_IMPORTS - found == set(), "fixed: remove these from the list"


def test_ui_is_a_facade_with_all():
    import kompas.ui

    body = tree(KOMPAS / "ui" / "__init__.py").body
    assert all(
        isinstance(n, (ast.Import, ast.ImportFrom))
        or isinstance(n, ast.Expr)
        and isinstance(n.value, ast.Constant)
        or isinstance(n, ast.Assign)
        and [ast.unparse(t) for t in n.targets] == ["__all__"]
        for n in body
    )
    assert kompas.ui.__all__ and all(hasattr(kompas.ui, n) for n in kompas.ui.__all__)


# Writes outside ui.act, each for a reason: retention at start-up and presence (neither
# is someone's action, and neither may stop a page).
UI_WRITERS = {"kompas/ui/actions.py", "kompas/ui/runtime.py", "kompas/ui/identity.py"}


@pytest.mark.parametrize("path", UI + APP, ids=rel)
def test_ui_writes_only_through_act(path):
    calls = [
        n
        for n in ast.walk(tree(path))
        if isinstance(n, ast.Call) and ast.unparse(n.func).split(".")[-1] == "writing"
    ]
    assert not calls or rel(path) in UI_WRITERS, "write through ui.act"


def session_state_keys(path: Path) -> list[str]:
    """String literals used as st.session_state keys (widget keys built with an
    f-string, like influence_<id>, are the widgets' own)."""
    out = []
    for node in ast.walk(tree(path)):
        key = None
        if isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("session_state"):
            key = node.slice
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and ast.unparse(node.func.value).endswith("session_state")
            and node.args
        ):
            key = node.args[0]
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            out.append(key.value)
    return out


@pytest.mark.parametrize("path", UI + APP, ids=rel)
def test_session_state_keys_are_named_constants(path):
    assert session_state_keys(path) == []


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_start_with_workshop_context(path):
    tree = ast.parse(path.read_text())
    calls = [
        n
        for n in tree.body
        if not isinstance(n, (ast.Import, ast.ImportFrom, ast.Expr))
        or (isinstance(n, ast.Expr) and isinstance(n.value, ast.Call))
    ]
    first = calls[0]
    assert isinstance(first, ast.Assign) and ast.unparse(first.value).startswith(
        "ui.workshop_context("
    )


def test_config_disables_gc_and_telemetry():
    cfg = (ROOT / ".streamlit" / "config.toml").read_text()
    assert "postScriptGC = false" in cfg and "gatherUsageStats = false" in cfg
