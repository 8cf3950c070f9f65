"""WCAG 2.1 AA contrast of Kompas's own colours: text ≥ 4.5:1 on its background (1.4.3),
lines and marks that carry meaning ≥ 3:1 (1.4.11). Streamlit's theme is checked in the
browser by axe (tests/e2e/test_accessibility_e2e.py); charts and the matrix are SVG or
canvas, which axe cannot measure, so their colours are checked here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kompas.compass import chart as compass_chart
from kompas.goaltree import chart as tree_chart
from kompas.partners import chart as matrix_chart

CSS = Path(__file__).resolve().parents[1] / "kompas" / "ui" / "matrix" / "matrix.css"
WHITE = "#ffffff"


def _lum(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ratio(a: str, b: str) -> float:
    hi, lo = sorted((_lum(a), _lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_ratio_matches_the_wcag_examples():
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("kind", sorted(tree_chart.STYLE))
def test_tree_box_text_on_its_fill(kind):
    fill, text_colour = tree_chart.STYLE[kind]
    assert ratio(fill, text_colour) >= 4.5


def test_tree_proposals_lines_and_votes():
    assert ratio(tree_chart.PROPOSAL_TEXT, tree_chart.PROPOSAL_FILL) >= 4.5
    assert ratio(tree_chart.STROKE, WHITE) >= 3
    assert ratio(tree_chart.EDGE, WHITE) >= 3


@pytest.mark.parametrize("status", sorted(compass_chart.STATUS_COLORS))
def test_compass_status_colours_on_white(status):
    assert ratio(compass_chart.STATUS_COLORS[status], WHITE) >= 3
    # colour is never the only cue: every status also has its own shape
    assert status in compass_chart.STATUS_SHAPES
    assert len(set(compass_chart.STATUS_SHAPES.values())) == len(compass_chart.STATUS_SHAPES)


def test_matrix_picture_colours():
    for fill in matrix_chart.FILLS:
        assert ratio(matrix_chart.TEXT, fill) >= 4.5
        assert ratio(matrix_chart.QUAD_TEXT, fill) >= 4.5
        for mark in (matrix_chart.AGREED, matrix_chart.MEAN, matrix_chart.MARK):
            assert ratio(mark, fill) >= 3


def _css_colour(selector: str, prop: str) -> str:
    rule = re.search(re.escape(selector) + r"[^{]*\{([^}]*)\}", CSS.read_text())
    assert rule, selector
    return re.search(prop + r":\s*(#[0-9a-fA-F]{6})", rule.group(1)).group(1)


def test_matrix_component_css():
    backgrounds = [_css_colour("rect.q0", "fill"), _css_colour("rect.q1", "fill")]
    for bg in backgrounds:
        for selector in ("text.axis", "text.hint", "text.tick", "text.quadrant"):
            assert ratio(_css_colour(selector, "fill"), bg) >= 4.5, selector
        for selector, prop in [
            ("g.mark circle", "fill"),
            ("g.dot circle.body", "fill"),
            ("g.agreed rect", "fill"),
            ("rect.frame", "stroke"),
            ("g.arrow line", "stroke"),
        ]:
            assert ratio(_css_colour(selector, prop), bg) >= 3, selector
