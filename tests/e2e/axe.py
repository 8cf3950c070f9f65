"""axe-core for the browser tests: fetched once from the npm registry (never a CDN),
checked against its published sha512 integrity, cached under .cache/ (not committed).

``scan(page)`` runs the WCAG 2.0/2.1 A and AA rules on the page and returns the
violations that are not in tests/e2e/axe_known_issues.json (Streamlit's own, which the
app cannot fix; that list may only shrink)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / f"axe-core-{VERSION}" / "axe.min.js"
KNOWN = Path(__file__).with_name("axe_known_issues.json")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def source() -> str:
    """The axe.min.js text; downloads and verifies it the first time."""
    if not CACHE.exists():
        data = urllib.request.urlopen(URL, timeout=60).read()
        digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        if digest != INTEGRITY:
            raise RuntimeError(f"axe-core {VERSION}: integrity mismatch ({digest})")
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            js = tar.extractfile("package/axe.min.js").read()
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        tmp = CACHE.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(js)
        tmp.replace(CACHE)
    return CACHE.read_text(encoding="utf-8")


def known_issues() -> list[dict]:
    return json.loads(KNOWN.read_text(encoding="utf-8"))["issues"]


def _is_known(rule: str, target: str, html: str, known: list[dict]) -> bool:
    """Known when the rule matches and the selector or the element's opening tag contains
    the listed text (Streamlit's class names change between releases; its data-testid
    attributes do not)."""
    return any(k["rule"] == rule and (k["match"] in target or k["match"] in html) for k in known)


# Elements of a run in progress are "stale": Streamlit fades them, so a scan that overlaps a
# rerun (a live part redrawn by news, slower on a busy machine) measures faded text. Such a
# scan says nothing about the page: wait until the run is over and scan again.
WATCH_RUNS = """() => {
  window.__axeSawRun = false;
  if (window.__axeRuns) return;
  window.__axeRuns = new MutationObserver((changes) => {
    for (const c of changes) if (c.target.getAttribute("data-stale") === "true") window.__axeSawRun = true;
  });
  window.__axeRuns.observe(document.body, {subtree: true, attributes: true, attributeFilter: ["data-stale"]});
}"""
SETTLED = """() => !window.__axeSawRun && !document.querySelector(
  '[data-stale="true"], [data-testid="stStatusWidgetRunningIcon"]')"""
QUIET = """() => !document.querySelector(
  '[data-stale="true"], [data-testid="stStatusWidgetRunningIcon"]')"""


def run(page) -> list[dict]:
    """All WCAG A/AA violations on the page: [{rule, impact, help, targets: [...]}], from a
    scan that no rerun overlapped (at most three tries)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source())
    for _ in range(3):
        page.evaluate(WATCH_RUNS)
        result = _scan_once(page)
        if page.evaluate(SETTLED):
            break
        page.wait_for_function(QUIET)
        page.wait_for_timeout(300)
    return result


def _scan_once(page) -> list[dict]:
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations']});
            return r.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
                html: v.nodes.map(n => n.html.slice(0, 200)),
                summary: v.nodes.map(n => (n.failureSummary || '').slice(0, 300))}));
        }""",
        TAGS,
    )


def scan(page) -> list[dict]:
    """Violations caused by Kompas: everything not listed in axe_known_issues.json."""
    known = known_issues()
    out = []
    for v in run(page):
        keep = [
            (t, h, s)
            for t, h, s in zip(v["targets"], v["html"], v["summary"])
            if not _is_known(v["rule"], t, h, known)
        ]
        if keep:
            out.append(
                {
                    **v,
                    "targets": [k[0] for k in keep],
                    "html": [k[1] for k in keep],
                    "summary": [k[2] for k in keep],
                }
            )
    return out
