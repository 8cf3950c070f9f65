"""Page-wide accessibility fixes that Streamlit does not offer as settings, done by one tiny
Custom Component on every page:

- the page's language for screen readers and browsers (WCAG 3.1.1): Streamlit serves every
  page as <html lang="en">; the component sets the viewer's language instead;
- no single-character shortcuts (WCAG 2.1.4): Streamlit reruns the page on a bare "r" (and
  "R") pressed outside a text field, which speech-input users trigger by accident. The
  component swallows those keys before Streamlit sees them; typing in fields and grids and
  the matrix's arrow keys are untouched;
- Streamlit's own English texts (placeholders, "Select all", form hints) in Dutch
  (``STREAMLIT_NL``), and the English names of its buttons for screen readers and tooltips
  ("Help for …", "Download as CSV", "Collapse sidebar": ``STREAMLIT_NAMES_NL``), and on a phone the sidebar closes once a page is chosen in it."""

from __future__ import annotations

from datetime import date, datetime

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from kompas import formats, i18n, labels

DEFAULT = i18n.DEFAULT
LANGUAGE_KEY = "kompas_language"  # the viewer's language in this browser session


def current_language() -> str:
    """The language of this viewer's screens: a participant's own choice, else Dutch (also
    outside a page run, where there is no viewer)."""
    if get_script_run_ctx() is None:
        return DEFAULT
    return i18n.normalise(st.session_state.get(LANGUAGE_KEY))


def use_language(language: str) -> None:
    st.session_state[LANGUAGE_KEY] = i18n.normalise(language)


def t(key: str, /, **values: object) -> str:
    """A message of the catalogue in the viewer's language (kompas.i18n)."""
    return i18n.text(key, current_language(), **values)


def day(value: date | datetime | None, *, empty: str = "–") -> str:
    """A date in the viewer's language: "3 maart 2026" / "3 March 2026"."""
    if value is None:
        return empty
    if isinstance(value, datetime):
        value = formats.local(value).date()
    return f"{value.day} {label('month', str(value.month))} {value.year}"


def refusal(exc: Exception) -> str:
    """A KompasError's message in the viewer's language: the catalogue's words when the error
    names its message (``exc.key``), else its own (Dutch) text."""
    language = current_language()
    key = getattr(exc, "key", None)
    if language == DEFAULT or not key or key not in i18n.catalogue(language):
        return str(exc)
    values = dict(exc.values)
    if "field" in values:  # a noun at the start of the sentence
        values["field"] = labels.sentence_start(i18n.label("field", values["field"], language))
    return i18n.text(key, language, **values)


def label(kind: str, value: str) -> str:
    """The word for a stored id in the viewer's language: ``label("role", "inwoner")``."""
    return i18n.label(kind, value, current_language())


# Streamlit's own English texts that no parameter reaches (a selectbox between runs, the
# multiselect's "Select all", the form's "Press Enter…" hint, the file uploader, empty
# dropdowns), in Dutch. Call sites pass Dutch placeholders where they can; this catches the rest.
STREAMLIT_NL = {
    "Choose an option": "Kies een optie",
    "Choose options": "Kies een of meer",
    "Choose or add an option": "Kies of typ een optie",
    "Add an option": "Typ een optie",
    "No options to select": "Geen keuzes",
    "No results": "Geen resultaten",
    "Select all": "Alles kiezen",
    "Clear all": "Alles wissen",
    "Press Enter to submit form": "Druk op Enter om te versturen",
    "Press Enter to apply": "Druk op Enter om over te nemen",
    "Drag and drop file here": "Sleep een bestand hierheen",
    "Drag and drop files here": "Sleep bestanden hierheen",
    "Browse files": "Bestand kiezen",
    "Upload": "Uploaden",
    "Skip to main content": "Naar de inhoud",
}

# The names Streamlit gives its own buttons for screen readers and as tooltips (aria-label,
# title): the toolbar of a table or chart, the sidebar button, number steppers, the data
# grid, the date picker, the links beside headings (WCAG 3.1.2, language of parts).
STREAMLIT_NAMES_NL = {
    "Add row": "Rij toevoegen",
    "Choose date": "Kies een datum",
    "Clear all": "Alles wissen",
    "Clear value": "Wissen",
    "Close": "Sluiten",
    "Collapse sidebar": "Zijbalk inklappen",
    "Expand sidebar": "Zijbalk uitklappen",
    "Copy to clipboard": "Kopiëren",
    "Copy Vega-Lite spec": "Grafiekcode kopiëren",
    "Decrement": "Eén lager",
    "Increment": "Eén hoger",
    "Delete row": "Rij verwijderen",
    "Delete rows": "Rijen verwijderen",
    "Download as CSV": "Downloaden als CSV",
    "Download as PNG": "Downloaden als PNG",
    "Download as SVG": "Downloaden als SVG",
    "Fullscreen": "Volledig scherm",
    "Close fullscreen": "Volledig scherm sluiten",
    "Exit fullscreen": "Volledig scherm sluiten",
    "View fullscreen": "Volledig scherm",
    "Link to heading": "Link naar deze kop",
    "Open": "Openen",
    "Search": "Zoeken",
    "Show data": "Gegevens tonen",
    "Show/hide columns": "Kolommen tonen of verbergen",
    "Show password": "Wachtwoord tonen",
    "Hide password": "Wachtwoord verbergen",
    "More options": "Meer keuzes",
}

# Custom Components v2 run in the page itself (no iframe), so the script can reach <html>
# and, with one MutationObserver per tab, Streamlit's own texts as React draws them.
_JS = r"""
export default function (component) {
  const data = component.data || {};
  const lang = data.lang || "nl";
  if (document.documentElement.lang !== lang) {
    document.documentElement.lang = lang;
  }
  if (!window.__kompasNoCharShortcuts) {
    window.__kompasNoCharShortcuts = true;
    window.addEventListener("keydown", (evt) => {
      if (evt.ctrlKey || evt.metaKey || evt.altKey || evt.key.length !== 1) return;
      if (!/^[a-z]$/i.test(evt.key)) return;
      const t = evt.target;
      if (t && t.closest && (t.isContentEditable ||
          t.closest("input, textarea, select, [contenteditable], [data-testid='stDataFrame']," +
                    " [data-testid='stDataFrameResizable'], canvas"))) return;
      evt.stopImmediatePropagation();
    }, true);
  }
  if (!window.__kompasSidebarCloser) {
    window.__kompasSidebarCloser = true;
    // On a phone the sidebar covers the page: close it once a page has been chosen there.
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest('[data-testid="stSidebar"] a');
      if (!link || window.innerWidth >= 768) return;
      setTimeout(() => {
        const close = document.querySelector(
          '[data-testid="stSidebarCollapseButton"] button, [data-testid="stSidebar"] button[kind="headerNoPadding"]'
        );
        if (close) close.click();
      }, 100);
    }, true);
  }
  if (!data.texts) {
    // a viewer who chose English: Streamlit's own texts as Streamlit wrote them again
    if (window.__kompasNl) window.__kompasNl.undo();
    return () => {};
  }
  if (window.__kompasNl) return () => {};
  const MAP = data.texts;
  const NAMES = data.names || {};
  const RX = [
    [/^Limit (.+) per file(.*)$/, "Maximaal $1 per bestand$2"],
    [/^Select (\d+) matches$/, "Kies deze $1"],
  ];
  const NAME_RX = [
    [/^Help for (.+)$/s, "Uitleg bij $1"],
    [/^Remove (.+)$/s, "$1 verwijderen"],
    [/^Fullscreen: (.+)$/s, "Volledig scherm: $1"],
  ];
  // a translator per kind: exact texts first, then patterns; null when nothing applies
  const translator = (map, patterns, limit) => (v) => {
    const t = (v || "").trim();
    if (!t || t.length > limit) return null;
    if (map[t]) return v.replace(t, map[t]);
    for (const [r, to] of patterns) if (r.test(t)) return v.replace(t, t.replace(r, to));
    return null;
  };
  const tr = translator(MAP, RX, 80);
  const trName = translator(NAMES, NAME_RX, Infinity);
  // what was translated, to undo it when the viewer switches to English (only what is
  // still on the page is kept)
  let done = [];
  const remember = (node, undo) => {
    done.push([node, undo]);
    if (done.length > 2000) done = done.filter(([n]) => n.isConnected);
  };
  const fixText = (n) => {
    const v = n.nodeValue, t = tr(v);
    if (t !== null && t !== v) { n.nodeValue = t; remember(n, () => { if (n.nodeValue === t) n.nodeValue = v; }); }
  };
  const fixPlaceholder = (e) => {
    const v = e.placeholder, t = tr(v);
    if (t !== null && t !== v) { e.placeholder = t; remember(e, () => { if (e.placeholder === t) e.placeholder = v; }); }
  };
  const NAMED = "[aria-label], [title]";
  const fixName = (e) => {
    for (const a of ["aria-label", "title"]) {
      const v = e.getAttribute(a), t = v && trName(v);
      if (t && t !== v) {
        e.setAttribute(a, t);
        remember(e, () => { if (e.getAttribute(a) === t) e.setAttribute(a, v); });
      }
    }
  };
  const each = (root, selector, f) => {  // the element itself and everything inside it
    if (root.matches && root.matches(selector)) f(root);
    if (root.querySelectorAll) root.querySelectorAll(selector).forEach(f);
  };
  const fix = (root) => {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = walk.nextNode())) fixText(n);
    each(root, "input[placeholder], textarea[placeholder]", fixPlaceholder);
    each(root, NAMED, fixName);
  };
  const obs = new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === "characterData") fixText(c.target);
      else if (c.type === "attributes") (c.attributeName === "placeholder" ? fixPlaceholder : fixName)(c.target);
      else c.addedNodes.forEach((a) => (a.nodeType === 3 ? fixText(a) : a.nodeType === 1 && fix(a)));
    }
  });
  obs.observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ["placeholder", "aria-label", "title"],
  });
  fix(document.body);
  window.__kompasNl = {
    undo() {
      obs.disconnect();
      done.reverse().forEach(([, undo]) => undo());
      done = [];
      window.__kompasNl = null;
    },
  };
  return () => {};
}
"""
_component = st.components.v2.component(
    "kompas.page_language", html="<span hidden></span>", js=_JS, isolate_styles=True
)


def set_page_language(lang: str | None = None) -> None:
    """Mark the page as written in ``lang`` (a BCP 47 tag such as "nl" or "en"; default: the
    viewer's language). Once per run, after the viewer is known."""
    lang = lang or current_language()
    _component(
        key="kompas_page_language",
        data={
            "lang": lang,
            "texts": STREAMLIT_NL if lang == "nl" else None,
            "names": STREAMLIT_NAMES_NL if lang == "nl" else None,
        },
    )
