"""kompas.labels is the one place for the words behind ids: every id has a label there,
and no other module keeps a label map or makes a label by capitalizing an id."""

import ast
from pathlib import Path

import pytest

from kompas import compass, labels, models, workshops
from kompas.export import FORMATS
from kompas.goaltree import VOTE_KINDS
from kompas.series import TRENDS, VERDICTS

ROOT = Path(__file__).resolve().parent.parent
KOMPAS = ROOT / "kompas"
SOURCES = [*sorted(KOMPAS.rglob("*.py")), ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]

# (label map, the ids it labels, whether the ids are English code words)
MAPS = {
    "TOOL_LABELS": (labels.TOOL_LABELS, models.TOOLS, True),
    "TOOL_IN_SENTENCE_LABELS": (labels.TOOL_IN_SENTENCE_LABELS, models.TOOLS, True),
    **{
        f"PHASE_LABELS[{tool}]": (labels.PHASE_LABELS[tool], models.PHASES[tool], False)
        for tool in models.TOOLS
    },
    "ROLE_LABELS": (labels.ROLE_LABELS, models.ROLE_GROUPS, False),
    "NODE_KIND_LABELS": (labels.NODE_KIND_LABELS, models.NODE_KINDS, True),
    "NODE_STATUS_LABELS": (labels.NODE_STATUS_LABELS, models.NODE_STATUSES, True),
    "VOTE_LEVEL_LABELS": (labels.VOTE_LEVEL_LABELS, workshops.VOTE_LEVELS, True),
    "COMPASS_STATUS_LABELS": (labels.COMPASS_STATUS_LABELS, compass.STATUSES, False),
    "EFFECTIVENESS_LABELS": (labels.EFFECTIVENESS_LABELS, compass.EFFECTIVENESS, False),
    "EFFECTIVENESS_SHORT_LABELS": (labels.EFFECTIVENESS_SHORT_LABELS, compass.EFFECTIVENESS, False),
    "INDICATOR_KIND_LABELS": (labels.INDICATOR_KIND_LABELS, compass.INDICATOR_KINDS, False),
    "PARTNER_KIND_LABELS": (labels.PARTNER_KIND_LABELS, models.PARTNER_KINDS, False),
    "DIRECTION_LABELS": (labels.DIRECTION_LABELS, models.DIRECTIONS, False),
    "MOVEMENT_LABELS": (labels.MOVEMENT_LABELS, VERDICTS, False),
    "TREND_LABELS": (labels.TREND_LABELS, TRENDS, False),
    "RELATION_LABELS": (labels.RELATION_LABELS, (*models.RELATION_TYPES, ""), False),
    "INTEREST_KIND_LABELS": (labels.INTEREST_KIND_LABELS, models.INTEREST_KINDS, False),
    "SCAN_ELEMENT_LABELS": (labels.SCAN_ELEMENT_LABELS, models.SCAN_ELEMENTS, False),
    "DOWNLOAD_LABELS": (labels.DOWNLOAD_LABELS, tuple(FORMATS), True),
}
CASES = [(name, id_) for name, (_, ids, _) in MAPS.items() for id_ in ids]


def test_every_label_map_is_checked():
    maps = {n for n in vars(labels) if n.endswith("_LABELS")}
    assert maps == {n.split("[")[0] for n in MAPS}
    assert set(labels.PHASE_LABELS) == set(models.TOOLS)


@pytest.mark.parametrize("name,id_", CASES, ids=[f"{n}:{i}" for n, i in CASES])
def test_every_id_has_a_dutch_label(name, id_):
    mapping, _, english_ids = MAPS[name]
    label = mapping[id_]
    assert isinstance(label, str) and label.strip() == label and label
    assert "_" not in label, "an id, not a word"
    if english_ids:
        assert label != id_, "the English id shows through"


@pytest.mark.parametrize("name", MAPS)
def test_no_label_for_an_unknown_id(name):
    mapping, ids, _ = MAPS[name]
    assert list(mapping) == list(ids)  # same ids, same order (select boxes follow it)


def test_vote_levels_are_the_vote_kinds():
    assert set(VOTE_KINDS) == set(workshops.VOTE_LEVELS)


def test_default_quadrants():
    assert len(labels.DEFAULT_QUADRANTS) == 4
    assert all(isinstance(q, str) and q.strip() == q and q for q in labels.DEFAULT_QUADRANTS)


def test_helpers_show_labels_and_unknown_ids_as_they_are():
    assert labels.phase_label("tree", "verzamelen") == "Verzamelen"
    assert labels.phase_label("tree", "invullen") == "invullen"  # a compass phase
    assert labels.role_label("inwoner") == "Inwoner" and labels.role_label("admin") == "admin"
    assert labels.node_kind_label("effect") == "Maatschappelijk effect"
    assert labels.direction_label("links") == "Naar links"
    assert (
        labels.from_label(labels.EFFECTIVENESS_LABELS, "Deels / veelbelovend", "onbekend")
        == "deels"
    )
    assert labels.from_label(labels.EFFECTIVENESS_LABELS, None, "onbekend") == "onbekend"
    assert labels.sentence_start("bedrag") == "Bedrag"


def test_labels_imports_no_kompas_module():
    """So that any module (formats, text, models' users) can use it without a cycle."""
    tree = ast.parse((KOMPAS / "labels.py").read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if n == "kompas" or n.startswith("kompas.")]


def label_offences(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        out += [
            f"defines {t.id}"
            for t in targets
            if isinstance(t, ast.Name) and t.id.endswith("_LABELS")
        ]
        if isinstance(node, ast.Attribute) and node.attr == "capitalize":
            out.append(f"line {node.lineno}: capitalize")  # also str.capitalize as format_func
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "title"
            and not node.args
            and not node.keywords
        ):
            out.append(f"line {node.lineno}: .title()")
    return out


@pytest.mark.parametrize(
    "path",
    [p for p in SOURCES if p != KOMPAS / "labels.py"],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_labels_only_in_labels_module(path):
    assert label_offences(path) == [], "take the words from kompas.labels"


def test_the_scan_finds_offences(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        'KIND_LABELS = {"a": "A"}\nx: dict = {}\nX_LABELS: dict = {}\n'
        'y = "ab".capitalize()\nf = str.capitalize\nz = "ab".title()\nt = node.title\n'
    )
    assert sorted(label_offences(bad)) == [
        "defines KIND_LABELS",
        "defines X_LABELS",
        "line 4: capitalize",
        "line 5: capitalize",
        "line 6: .title()",
    ]


def test_every_table_leaves_empty_cells_empty():
    """Streamlit draws an empty cell of a table or grid as the English "None" (on the
    canvas, out of reach of the page-wide text checks): every st.dataframe and
    st.data_editor in kompas/ui passes placeholder="" so that the cell stays empty."""
    import ast
    from pathlib import Path

    missing = []
    for path in sorted((Path(__file__).resolve().parent.parent / "kompas" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("dataframe", "data_editor")
            ):
                given = {k.arg: k.value for k in node.keywords}
                value = given.get("placeholder")
                if not (isinstance(value, ast.Constant) and value.value == ""):
                    missing.append(f"{path.name}:{node.lineno}")
    assert missing == []
