"""The home page parts: start a workshop, join one, the participant's lobby."""

from __future__ import annotations

import io
import os
import threading
import time
from collections import deque
from typing import Optional
from urllib.parse import urlsplit

import segno
import streamlit as st

from kompas import i18n, ui, workshops
from kompas.models import ROLE_GROUPS
from kompas.ui import esc, esc_inline, now, remember
from kompas.ui.language import use_language

NEW_WORKSHOP_KEY = "kompas_new_workshop"  # {"code", "key"} until the facilitator saved the link
JOIN_ATTEMPTS_KEY = "kompas_join_attempts"  # monotonic times of this session's join attempts


def browser_base_url(url: object) -> Optional[str]:
    """Scheme, host and port of the address a browser used (st.context.url), or None."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def site_url() -> str:
    """The address participants open: KOMPAS_BASE_URL when it is set, otherwise the address
    through which this (the facilitator's) browser opened Kompas, so that other laptops in
    the room can open the links (never a localhost they cannot reach)."""
    if os.environ.get("KOMPAS_BASE_URL"):
        return ui.settings().base_url
    try:
        seen = browser_base_url(st.context.url)
    except Exception:  # no browser (AppTest): the configured default
        seen = None
    return seen or ui.settings().base_url


def join_url(code: str) -> str:
    return f"{site_url()}/?code={code}"


def facilitator_url(code: str, key: str) -> str:
    return f"{site_url()}/?code={code}&f={key}"


def qr_png(url: str) -> bytes:
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=8, border=2)
    return buf.getvalue()


def start_form() -> None:
    with st.form("new_workshop", border=True):
        st.subheader(ui.t("start.heading"))
        st.caption(ui.t("start.intro"))
        title = st.text_input(
            ui.t("start.title"),
            key="new_title",
            max_chars=200,
            placeholder=ui.t("start.title_example"),
        )
        organisation = st.text_input(
            ui.t("start.organisation"), key="new_organisation", max_chars=80
        )
        theme = st.text_input(
            ui.t("start.theme"),
            key="new_theme",
            max_chars=200,
            placeholder=ui.t("start.theme_example"),
        )
        budget = st.number_input(
            ui.t("start.budget"),
            key="new_budget",
            min_value=1,
            max_value=20,
            value=5,
            step=1,
        )
        with st.expander(ui.t("start.about")):
            session_date = st.date_input(
                ui.t("start.date"), key="new_session_date", value=None, format="DD-MM-YYYY"
            )
            place = st.text_input(ui.t("start.place"), key="new_place", max_chars=200)
            purpose = st.text_area(
                ui.t("start.purpose"),
                key="new_purpose",
                max_chars=1000,
                height=80,
                placeholder=ui.t("start.purpose_example"),
            )
        submitted = st.form_submit_button(ui.t("start.submit"), key="new_submit", type="primary")
    if submitted:
        new = ui.act(
            workshops.create_workshop,
            title=title,
            organisation=organisation,
            theme=theme,
            vote_budget=int(budget),
            session_date=session_date,
            place=place,
            purpose=purpose,
        )
        if new:
            open_new_workshop(new)


def open_new_workshop(new: workshops.NewWorkshop) -> None:
    """Sign in as the facilitator of a workshop just made (started or restored): its
    console shows the facilitator link once."""
    st.session_state[NEW_WORKSHOP_KEY] = {"code": new.code, "key": new.facilitator_key}
    ui.sign_in({"code": new.code, "f": new.facilitator_key})
    st.rerun()


# Wrong codes across all browser sessions of this process, so that a guesser cannot get
# round the per-session limit by opening new sessions.
PROCESS_WRONG_CODES_PER_MINUTE = 120
_wrong_codes: deque[float] = deque()
_wrong_lock = threading.Lock()


def _join_allowed() -> bool:
    """Slow down code guessing: at most N attempts per minute per browser session and a
    cap on wrong codes per minute for the whole process."""
    now = time.monotonic()
    recent = [t for t in st.session_state.get(JOIN_ATTEMPTS_KEY, []) if now - t < 60]
    with _wrong_lock:
        while _wrong_codes and now - _wrong_codes[0] > 60:
            _wrong_codes.popleft()
        process_ok = len(_wrong_codes) < PROCESS_WRONG_CODES_PER_MINUTE
    allowed = process_ok and len(recent) < ui.settings().join_attempts_per_minute
    if allowed:
        recent.append(now)
    st.session_state[JOIN_ATTEMPTS_KEY] = recent
    return allowed


def _count_wrong_code(code: str) -> None:
    with ui.reading_db() as db:
        known = workshops.find_workshop(db, code) is not None
    if not known:
        with _wrong_lock:
            _wrong_codes.append(time.monotonic())


def workshop_title_for(code: str) -> Optional[str]:
    """The title of the workshop with this join code (to confirm it is the right session)."""
    code = workshops.normalise_code(code)
    if not code:
        return None
    with ui.reading_db() as db:
        found = workshops.find_workshop(db, code)
        return found.title if found else None


def join_form(prefill_code: str = "", title: Optional[str] = None) -> None:
    """The join form; with ``title`` (opened through a join link) it names the workshop."""
    with st.form("join_workshop", border=True):
        if title:
            st.subheader(ui.t("join.heading_for", title=esc_inline(title)))
            st.caption(ui.t("join.intro_for"))
        else:
            st.subheader(ui.t("join.heading"))
            st.caption(ui.t("join.intro"))
        code = st.text_input(
            ui.t("join.code"),
            key="join_code",
            value=prefill_code,
            max_chars=12,
            placeholder=ui.t("join.code_example"),
        )
        name = st.text_input(
            ui.t("join.name"),
            key="join_name",
            max_chars=80,
            help=ui.t("join.name_help"),
        )
        # no default: a default role would count everyone who did not look as gemeente
        role = st.selectbox(
            ui.t("join.role"),
            ROLE_GROUPS,
            index=None,
            key="join_role",
            format_func=lambda role: ui.label("role", role),
            placeholder=ui.t("join.role_choose"),
        )
        organisation = st.text_input(
            ui.t("join.organisation"), key="join_organisation", max_chars=80
        )
        language = st.radio(
            ui.t("join.language"),
            tuple(i18n.LANGUAGES),
            key="join_language",
            index=tuple(i18n.LANGUAGES).index(ui.current_language()),
            format_func=i18n.LANGUAGES.get,
            horizontal=True,
            help=ui.t("join.language_help"),
        )
        submitted = st.form_submit_button(ui.t("join.submit"), key="join_submit", type="primary")
    if submitted:
        if role is None:
            st.error(i18n.text("join.no_role", language), icon=":material/error:")
            return
        if not _join_allowed():
            st.error(i18n.text("join.too_many", language))
            return
        joined = ui.act(
            workshops.join_workshop,
            code=code,
            name=name,
            role_group=role,
            organisation=organisation,
            language=language,
        )
        if not joined:
            _count_wrong_code(code)
        if joined:
            actor, token = joined
            ui.sign_in({"code": workshops.normalise_code(code), "p": token})
            use_language(language)
            st.rerun()


def offer_remembered(code_in_url: str) -> None:
    """Without an identity: a participant link this browser kept is used again (not a
    second join). A wrong or old one is refused like a link, and then forgotten."""

    def found() -> None:
        ident = remember.found_identity()
        if ident:
            ui.sign_in(ident)

    remember.restore(found, workshops.normalise_code(code_in_url) if code_in_url else "")


def lobby(ctx: ui.Context) -> None:
    info = ctx.info
    now.banner(ctx, None)
    st.title(esc_inline(info.title))
    role = ui.label("role", ctx.actor.role_group)
    st.markdown(ui.t("join.welcome", name=esc(ctx.actor.name), role=role.lower() if role else ""))
    st.markdown(ui.t("join.lobby_intro"))
    for path, page, icon in ui.PAGES[1:4]:
        ui.page_link(path, ui.t(f"sidebar.page.{page}"), icon, ctx.query)
    if st.button(ui.t("join.leave"), key="leave"):
        ui.forget_identity()
        st.rerun()
