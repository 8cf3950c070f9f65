"""The report's pictures as PNG for Word, PDF and the Verslag page: each tool's chart,
drawn from the view the summary carries (``WorkshopSummary.views``) and rendered offline
by vl-convert."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Optional

import vl_convert as vlc

from kompas.blocks import WorkshopSummary
from kompas.compass.chart import results_inputs_chart
from kompas.goaltree.chart import tree_chart
from kompas.goaltree.report import tree_collapse
from kompas.partners.chart import matrix_chart

_PNG_LOCK = threading.Lock()
_PNG_CACHE: OrderedDict[str, Optional[bytes]] = OrderedDict()
_PNG_CACHE_SIZE = 24
PNG_SCALE = 1.25  # about 120-150 dpi at the width of an A4 text column


def picture_png(summary: WorkshopSummary, key: str) -> Optional[bytes]:
    """The PNG for a Picture block, or None when the tool has nothing to draw. Cached by
    content, so the Word and PDF exports of the same workshop version render each
    picture once."""
    view = summary.views.get(key)
    if view is None:
        return None
    digest = hashlib.sha1(f"{key}|{view!r}".encode("utf-8", "surrogatepass")).hexdigest()
    with _PNG_LOCK:
        if digest in _PNG_CACHE:
            _PNG_CACHE.move_to_end(digest)
            return _PNG_CACHE[digest]
    png = render(key, view)
    with _PNG_LOCK:
        _PNG_CACHE[digest] = png
        while len(_PNG_CACHE) > _PNG_CACHE_SIZE:
            _PNG_CACHE.popitem(last=False)
    return png


def render(key: str, view) -> Optional[bytes]:
    """The picture ``key`` (tree, compass, matrix) of a tool's view as PNG, or None when
    there is nothing to draw. The tree is folded as its report section says
    (``tree_collapse``) so that it fits a page."""
    if key == "tree":
        spec = tree_chart(
            view, show_votes=bool(view.revealed), collapsed=tree_collapse(view)[0]
        ).to_dict(validate=False)
        return _spec_png(spec)
    if key == "compass":
        chart = results_inputs_chart(view, width=760)
        return None if chart is None else _spec_png(chart.to_dict(validate=False))
    if key == "matrix":
        return _spec_png(matrix_chart(view).to_dict(validate=False))
    if key.startswith("matrix:"):  # another lens of the matrix (partners.report.lens_sections)
        return _spec_png(matrix_chart(view).to_dict(validate=False))
    return None


def _spec_png(spec: dict) -> bytes:
    """A Vega-Lite spec as PNG at the report's scale."""
    return vlc.vegalite_to_png(spec, scale=PNG_SCALE)


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from the PNG header."""
    if len(png) < 24 or png[:8] != b"\x89PNG\r\n\x1a\n":
        return (0, 0)
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
