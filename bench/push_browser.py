"""Push with real browsers: N participant tabs in headless Chromium see a proposal.

Starts `streamlit run app.py` (temporary SQLite file, KOMPAS_LIVE=process), seeds a
workshop with N+1 participants, opens N participant pages on the Doelenboom page (each in
its own browser context, like N people) and one more participant page that proposes nodes
through the add form. Per proposal it measures, inside every watching page, when the tree
outline first shows the new title (a MutationObserver records Date.now()), against the
moment the proposer's "Toevoegen" button was clicked (Date.now() in that page; one machine,
one clock).

    python bench/push_browser.py                 # 10 pages, 5 proposals
    python bench/push_browser.py --pages 10 --proposals 5

Needs /usr/bin/chromium and Playwright. Prints one JSON document (the order of magnitude
should match bench/push_load.py's 100-participant figure).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402
from push_load import Server, loadavg, pct, seed  # noqa: E402

from kompas import live  # noqa: E402
from kompas.db import make_engine  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# In every watching page: remember when the outline first shows each watched title.
WATCH_OUTLINE = r"""
() => {
  window.__seen = {};
  window.__want = [];
  const look = () => {
    const box = document.querySelector('.st-key-tree_outline');
    if (!box) return;
    const text = box.textContent;
    for (const m of window.__want) {
      if (!(m in window.__seen) && text.includes(m)) window.__seen[m] = Date.now();
    }
  };
  new MutationObserver(look).observe(document.body, {subtree: true, childList: true, characterData: true});
  window.__look = look;
}
"""

CLICK_ADD = r"""
() => {
  const form = [...document.querySelectorAll('[data-testid="stForm"]')]
      .find((f) => f.querySelector('.st-key-node_title'));
  const button = [...form.querySelectorAll('button')].find((b) => b.textContent.includes('Toevoegen'));
  const t = Date.now();
  button.click();
  return t;
}
"""


def wait_idle(page) -> None:
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stStatusWidget"] '
        '[data-testid="stStatusWidgetRunningIcon"]\')'
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=10)
    ap.add_argument("--proposals", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=20.0)
    args = ap.parse_args()
    out = {
        "bench": "push_browser",
        "pages": args.pages,
        "proposals": args.proposals,
        "browser": CHROMIUM,
        "load_average_at_start": loadavg(),
    }
    if not os.path.exists(CHROMIUM):  # not a failure of Kompas: say so, give no verdict
        out["skipped"] = f"{CHROMIUM} is missing (bash scripts/ensure-chromium.sh)"
        print(json.dumps(out, indent=1))
        return
    from playwright.sync_api import sync_playwright

    started = time.time()
    with tempfile.TemporaryDirectory(prefix="kompas-push-browser-") as tmp:
        db_url = f"sqlite:///{Path(tmp) / 'kompas.db'}"
        live.reset()
        engine = make_engine(db_url)
        new, tokens = seed(engine, args.pages + 1)
        server = Server(Path(tmp), "A", db_url, "process")
        server.start()
        try:
            server.wait_ready()
            proc = psutil.Process(server.proc.pid)
            with sync_playwright() as p:
                browser = p.chromium.launch(
                    executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
                )
                pages = []
                for token in tokens:
                    ctx = browser.new_context(
                        viewport={"width": 1400, "height": 1000}, locale="nl-NL"
                    )
                    page = ctx.new_page()
                    page.set_default_timeout(60000)
                    page.goto(f"{server.url}/Doelenboom?code={new.code}&p={token}")
                    pages.append(page)
                for page in pages:
                    page.locator(".st-key-tree_outline").wait_for()
                    wait_idle(page)
                proposer, watchers = pages[-1], pages[:-1]
                for page in watchers:
                    page.evaluate(WATCH_OUTLINE)
                proposer.wait_for_timeout(1000)
                delays, last, missing = [], [], 0
                proc.cpu_percent(None)
                for k in range(args.proposals):
                    mark = f"MARK-{k} voorstel"
                    for page in watchers:
                        page.evaluate("(m) => { window.__want.push(m); window.__look(); }", mark)
                    proposer.locator(".st-key-node_title input").fill(mark)
                    proposer.wait_for_timeout(300)  # the text input commits its value
                    clicked = proposer.evaluate(CLICK_ADD)
                    deadline = time.time() + args.timeout
                    seen = {}
                    while time.time() < deadline and len(seen) < len(watchers):
                        for i, page in enumerate(watchers):
                            if i not in seen:
                                t = page.evaluate("(m) => window.__seen[m] || null", mark)
                                if t:
                                    seen[i] = t
                        time.sleep(0.05)
                    these = [(t - clicked) / 1000 for t in seen.values()]
                    delays += these
                    missing += len(watchers) - len(seen)
                    if len(seen) == len(watchers):
                        last.append(max(these))
                    wait_idle(proposer)
                    proposer.wait_for_timeout(1000)
                cpu = proc.cpu_percent(None)
                browser.close()
        finally:
            server.stop()
            engine.dispose()
        logs = server.log_text()
    delays.sort()
    last.sort()
    out.update(
        {
            "samples": len(delays),
            "missing": missing,
            "p50_s": pct(delays, 0.5),
            "p95_s": pct(delays, 0.95),
            "max_s": round(delays[-1], 3) if delays else None,
            "last_page_s_median": round(statistics.median(last), 3) if last else None,
            "proposals_seen_by_all": len(last),
            "server_cpu_pct_while_proposing": round(cpu, 1),
            "server_log_tracebacks": logs.count("Traceback (most recent call last)"),
            "wall_s": round(time.time() - started, 1),
            "load_average_at_end": loadavg(),
        }
    )
    out["ok"] = missing == 0 and len(last) == args.proposals
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
