"""Drafts across page changes: what someone typed in a text field of a page but did not send
yet is there again when they come back to that page in the same browser tab.

Most text fields of the tool pages sit in forms (st.form), whose values reach the server only
when the form is sent; Streamlit forgets a widget that a page run does not draw. So the draft
lives in the browser: one small component per page (in the sidebar) keeps the text of each
keyed text field per workshop and page in the tab's sessionStorage, and puts it back when the
field appears again with the value it had when the draft was typed. A field that the app
itself changes (cleared after a successful send, or someone saved another text meanwhile)
drops its draft: the app's value wins, nothing old comes back. The grids of the
Kwaliteitskompas keep their edits on the server (compass_tables)."""

from __future__ import annotations

import json

import streamlit as st

DRAFTS_WIDGET_KEY = "kompas_drafts"
STORE = "kompas_drafts"  # the sessionStorage item: {workshop code + page + field key: draft}
# Fields whose text must never come back on its own: typing a workshop's code is the
# confirmation of deleting it.
NEVER_KEEP = ("delete_confirm",)

# One keeper per browser tab, installed once (Streamlit's page changes keep the document).
# Per field element: `base` is the value the app gave it, `last` the value it had when last
# looked at. A change without an input event came from the app: the draft is done with.
DRAFTS_JS = r"""
export default function (component) {
  if (window.__kompasDrafts) return;
  const STORE = __STORE__;
  const NEVER = __NEVER__;
  const FIELDS = '[data-testid="stTextInput"] input, [data-testid="stTextArea"] textarea';
  const base = new WeakMap(), last = new WeakMap(), seenAs = new WeakMap();
  const keeper = (window.__kompasDrafts = { log: [] });
  // what the keeper did, for a test that has to explain a lost draft (the last 40 steps)
  const note = (...what) => {
    keeper.log.push([Math.round(performance.now()), location.pathname, ...what].join(" "));
    if (keeper.log.length > 40) keeper.log.shift();
  };
  const load = () => {
    try { return JSON.parse(sessionStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  };
  const save = (all) => {
    try { sessionStorage.setItem(STORE, JSON.stringify(all)); } catch (e) { /* full: skip */ }
  };
  const where = (el) => {
    const box = el.closest('[class*="st-key-"]');
    const cls = box && [...box.classList].find((c) => c.startsWith("st-key-"));
    if (!cls || NEVER.includes(cls.slice(7))) return null;
    const code = new URLSearchParams(location.search).get("code") || "";
    return code + location.pathname + "#" + cls.slice(7);
  };
  const typed = (el) => {
    const k = where(el);
    if (!k) return;
    if (seenAs.get(el) !== k) {
      // typed before the keeper's first look (it waits while the page runs): the value the
      // app drew is still the element's default value
      seenAs.set(el, k);
      base.set(el, el.defaultValue);
    }
    last.set(el, el.value);
    const all = load();
    if (el.value === base.get(el)) delete all[k];
    else all[k] = { value: el.value, base: base.get(el) };
    note("typed", k, JSON.stringify(all[k] || null));
    save(all);
  };
  document.addEventListener("input", (e) => {
    if (e.target instanceof Element && e.target.matches(FIELDS)) typed(e.target);
  }, true);
  const put = (el, value) => {
    // as if typed (a value set from outside would not reach the form's state): focus,
    // select, insert, and give the focus back
    const before = document.activeElement;
    el.focus({ preventScroll: true });
    el.select();
    if (!document.execCommand("insertText", false, value)) {
      const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
      Object.getOwnPropertyDescriptor(proto.prototype, "value").set.call(el, value);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
    el.blur();  // outside a form a text field sends its value when it loses focus
    if (before && before !== document.body && before.focus) before.focus({ preventScroll: true });
  };
  // Sending a form: its drafts are done with, unless the app refuses and keeps the text
  // (then, after a moment, the text is a draft again).
  const sent = {};
  const sending = (form) => {
    const all = load();
    for (const el of form.querySelectorAll(FIELDS)) {
      const k = where(el);
      if (!k || !(k in all)) continue;
      sent[k] = { value: el.value, base: all[k].base, at: Date.now() };
      delete all[k];
    }
    save(all);
  };
  document.addEventListener("click", (e) => {
    const form = e.target instanceof Element && e.target.closest('[data-testid="stForm"]');
    if (form && e.target.closest("button")) sending(form);
  }, true);
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || !(e.target instanceof Element)) return;
    if (!(e.target instanceof HTMLInputElement) && !e.ctrlKey && !e.metaKey) return;
    const form = e.target.closest('[data-testid="stForm"]');
    if (form) sending(form);
  }, true);
  // Streamlit shows its running icon only after half a second; until then the elements of
  // the previous run (or page) are still there, marked stale, and a field may be drawn with
  // an empty value that its real value replaces a moment later.
  const RUNNING = '[data-testid="stStatusWidgetRunningIcon"], ' +
    '[data-testid="stElementContainer"][data-stale="true"]';
  const restores = {};  // field key -> how often a redraw undid a restored draft
  keeper.sweep = () => {
    if (document.querySelector(RUNNING)) return;  // look again when the page is drawn
    let all = null;
    for (const el of document.querySelectorAll(FIELDS)) {
      const k = where(el);
      if (!k) continue;
      if (sent[k]) {
        if (el.value !== sent[k].value) delete sent[k];  // sent and cleared: done
        else if (Date.now() - sent[k].at > 2000) {  // refused: still a draft
          all = all || load();
          all[k] = { value: sent[k].value, base: sent[k].base };
          save(all);
          delete sent[k];
        }
      }
      if (el.disabled || el.readOnly) continue;  // not usable yet, or not for this person
      if (seenAs.get(el) !== k) {  // a field that just appeared (or a reused element)
        seenAs.set(el, k);
        base.set(el, el.value);
        last.set(el, el.value);
        note("seen", k, JSON.stringify(el.value));
        all = all || load();
        if (all[k] && all[k].base === el.value && all[k].value !== el.value) {
          restores[k] = 0;
          note("restore", k);
          put(el, all[k].value);
        }
        continue;
      }
      if (el.value === last.get(el)) continue;
      all = all || load();
      // The app drew the very text the draft was typed over: a late redraw (or the field
      // got its real value only now). The draft still applies. (A few times at most: an
      // app that keeps drawing that text over the draft wins.)
      if (all[k] && el.value === all[k].base && (restores[k] || 0) < 5) {
        restores[k] = (restores[k] || 0) + 1;
        note("restore again", k);
        put(el, all[k].value);
        continue;
      }
      // another text than the one the draft was typed over: the app's value wins
      base.set(el, el.value);
      last.set(el, el.value);
      if (all[k]) { delete all[k]; save(all); note("app wins", k, JSON.stringify(el.value)); }
    }
  };
  setInterval(keeper.sweep, 200);
  keeper.sweep();
}
""".replace("__STORE__", json.dumps(STORE)).replace("__NEVER__", json.dumps(NEVER_KEEP))

_keeper = st.components.v2.component(
    "kompas.drafts", html="<span hidden></span>", js=DRAFTS_JS, isolate_styles=True
)


def keep_drafts() -> None:
    """The draft keeper of this page (once per page, in the sidebar)."""
    _keeper(key=DRAFTS_WIDGET_KEY, height=0, data={})
