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
from kompas.goaltree.chart import chart_size, tree_chart
from kompas.goaltree.report import tree_collapse
from kompas.partners.chart import matrix_chart

_PNG_LOCK = threading.Lock()
_PNG_CACHE: OrderedDict[str, Optional[bytes]] = OrderedDict()
_PNG_CACHE_SIZE = 24
PNG_SCALE = 1.0  # the least scale; more when a picture is small for its printed size
MIN_PPI = 200  # pixels per inch on paper, at least
PRINT_WIDTH_CM, PRINT_HEIGHT_CM = 16.0, 22.0  # the largest a picture is printed (Word, PDF)
MAX_SCALE = 4.0


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
        collapsed = tree_collapse(view)[0]
        spec = tree_chart(view, show_votes=bool(view.revealed), collapsed=collapsed).to_dict(
            validate=False
        )
        return _spec_png(spec, chart_size(view, collapsed))
    if key == "compass":
        chart = results_inputs_chart(view, width=760)
        if chart is None:
            return None
        spec = chart.to_dict(validate=False)
        return _spec_png(spec, (820, _inner_height(spec) + 110))  # titles, axes, legend
    if key == "matrix":
        return _spec_png(matrix_chart(view).to_dict(validate=False), (575, 600))
    if key.startswith("matrix:"):  # another lens of the matrix (partners.report.lens_sections)
        return _spec_png(matrix_chart(view).to_dict(validate=False), (575, 600))
    return None


def _inner_height(spec) -> int:
    """The largest plot height named anywhere in a spec (its views' heights)."""
    if isinstance(spec, dict):
        own = spec.get("height") if isinstance(spec.get("height"), (int, float)) else 0
        return int(max([own] + [_inner_height(v) for v in spec.values()]))
    if isinstance(spec, list):
        return max([_inner_height(v) for v in spec] + [0])
    return 0


def scale_for(size: tuple[int, int]) -> float:
    """The scale that gives at least MIN_PPI at the size the picture is printed (the text
    width, or less when the height limit of a page makes it narrower)."""
    w, h = max(size[0], 1), max(size[1], 1)
    printed_cm = min(PRINT_WIDTH_CM, PRINT_HEIGHT_CM * w / h)
    needed = MIN_PPI * printed_cm / 2.54 / w
    return round(min(max(PNG_SCALE, needed * 1.02), MAX_SCALE), 2)


def _spec_png(spec: dict, size: tuple[int, int]) -> bytes:
    """A Vega-Lite spec as PNG at a scale for print (``size``: about its pixels at 1)."""
    return vlc.vegalite_to_png(spec, scale=scale_for(size))


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from the PNG header."""
    if len(png) < 24 or png[:8] != b"\x89PNG\r\n\x1a\n":
        return (0, 0)
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
