"""The facilitator console: join code and links, participants live, phases, locks,
timer, removing participants, deleting the workshop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import streamlit as st

from kompas import ui, workshops
from kompas.models import PHASES, ROLE_GROUPS, TOOLS
from kompas.ui import esc, esc_inline, series as series_ui
from kompas.ui.home import NEW_WORKSHOP_KEY, facilitator_url, join_url, qr_png, site_url
from kompas.ui.now import send_here

CONFIRM_REMOVE_KEY = "kompas_confirm_remove"  # the participant whose removal awaits a second click
DELETED_KEY = "kompas_deleted"  # the escaped title of the workshop just deleted, for the home page


def show(ctx: ui.Context) -> None:
    info = ctx.info
    st.title(esc_inline(info.title))
    st.caption(
        " · ".join(x for x in (esc(info.organisation), esc(info.theme)) if x)
        or ui.t("console.caption")
    )
    _new_workshop_banner(info.code)
    left, right = st.columns([3, 1], gap="large", vertical_alignment="center")
    with left:
        with st.container(key="workshop_code", border=True):
            st.markdown(ui.t("console.code_heading"))
            st.markdown(f"# `{info.code}`")
            st.markdown(ui.t("console.join_via", site=esc(site_url())))
            st.code(join_url(info.code), language=None)
    with right:
        st.image(
            qr_png(join_url(info.code)),
            caption=ui.t("console.qr_caption"),
            width=220,
            alt=ui.t("console.qr_alt", url=join_url(info.code)),
        )
    _retention_warning(info)
    series_ui.review_section(ctx)
    _participants_live(ctx)
    st.divider()
    _tools(ctx)
    st.divider()
    series_ui.console_section(ctx)
    st.divider()
    _timer_controls(ctx)
    st.divider()
    _danger_zone(ctx)


def _new_workshop_banner(code: str) -> None:
    new = st.session_state.get(NEW_WORKSHOP_KEY)
    if not new or new.get("code") != code:
        return
    with st.container(border=True, key="facilitator_link_box"):
        st.success(
            ui.t("console.link_notice"),
            icon=":material/key:",
        )
        st.code(facilitator_url(code, new["key"]), language=None)
        if st.button(ui.t("console.link_saved"), key="hide_facilitator_link"):
            st.session_state.pop(NEW_WORKSHOP_KEY, None)
            st.rerun()


def _retention_warning(info: workshops.WorkshopInfo) -> None:
    days = ui.settings().retention_days
    # a series counts from its latest session
    ends = workshops.expires_on(ui.read(workshops.series_retained_from, info.id), days)
    if ends - datetime.now(UTC) <= timedelta(days=7):
        st.warning(
            ui.t("console.retention", date=ui.day(ends), days=days),
            icon=":material/schedule:",
        )


def _participants_live(ctx: ui.Context) -> None:
    @ui.live(parts=("participants",))  # joins show at once
    def participants():
        info = ctx.refreshed().info
        people = info.active_participants
        counts = info.count_by_role()
        with st.container(key="participant_count"):
            st.subheader(ui.t("console.participants", n=len(people)))
        st.markdown(" · ".join(f"{ui.label('role', r)}: **{counts[r]}**" for r in ROLE_GROUPS))
        if not people:
            st.info(ui.t("console.nobody"))
            return
        now = datetime.now(UTC)
        for p in people:
            cols = st.columns([5, 3, 2, 2], vertical_alignment="center")
            active = (
                now - (p.last_seen if p.last_seen.tzinfo else p.last_seen.replace(tzinfo=UTC))
            ) < timedelta(minutes=3)
            org = f" · {p.organisation}" if p.organisation else ""
            cols[0].text(f"{p.name}{org}")
            active_word = f" · {ui.t('console.active')}" if active else ""
            cols[1].text(ui.label("role", p.role_group) + active_word)
            if cols[2].button(
                ui.t("console.anonymise"),
                key=f"anon_{p.id}",
                disabled=p.anonymised,
                help=ui.t("console.anonymise_help"),
            ):
                if ui.act(
                    workshops.anonymise_participant,
                    actor=ctx.actor,
                    participant_id=p.id,
                    success=ui.t("console.anonymised"),
                ):
                    st.rerun()
            if st.session_state.get(CONFIRM_REMOVE_KEY) == p.id:
                if cols[3].button(
                    ui.t("console.remove_confirm"),
                    key=f"remove_confirm_{p.id}",
                    type="primary",
                    help=ui.t("console.remove_confirm_help"),
                ):
                    st.session_state.pop(CONFIRM_REMOVE_KEY, None)
                    if ui.act(
                        workshops.remove_participant,
                        actor=ctx.actor,
                        participant_id=p.id,
                        success=ui.t("console.removed"),
                    ):
                        st.rerun()
            elif cols[3].button(
                ui.t("console.remove"),
                key=f"remove_{p.id}",
                help=ui.t("console.remove_help"),
            ):
                st.session_state[CONFIRM_REMOVE_KEY] = p.id
                st.rerun()

    participants()


def _tools(ctx: ui.Context) -> None:
    st.subheader(ui.t("console.tools"))

    @ui.live(parts=("workshop",))  # a phase set on a tool page shows here at once
    def tools() -> None:
        fresh = ctx.refreshed()
        cols = st.columns(len(TOOLS))
        for col, tool in zip(cols, TOOLS):
            with col, st.container(border=True):
                st.markdown(f"**{ui.label('tool', tool)}**")
                current = fresh.phase(tool)
                phase = st.selectbox(
                    ui.t("console.phase"),
                    PHASES[tool],
                    key=ui.synced(f"phase_{tool}", current),
                    format_func=lambda phase, tool=tool: ui.label(f"phase.{tool}", phase),
                )
                if phase != current:
                    if ui.act(
                        workshops.set_phase,
                        actor=ctx.actor,
                        tool=tool,
                        phase=phase,
                        success=ui.t(
                            "console.phase_set",
                            tool=ui.label("tool", tool),
                            phase=ui.label(f"phase.{tool}", phase).lower(),
                        ),
                    ):
                        st.rerun()
                locked = st.toggle(
                    ui.t("console.locked"), key=ui.synced(f"lock_{tool}", fresh.locked(tool))
                )
                if locked != fresh.locked(tool):
                    if ui.act(workshops.set_lock, actor=ctx.actor, tool=tool, locked=locked):
                        st.rerun()
                send_here(fresh, tool)

    tools()


def _timer_controls(ctx: ui.Context) -> None:
    st.subheader(ui.t("console.timer"))
    with st.form("timer_form", border=False):
        cols = st.columns([1, 2, 1, 1], vertical_alignment="bottom")
        minutes = cols[0].number_input(
            ui.t("console.timer_minutes"), min_value=1, max_value=240, value=10, key="timer_minutes"
        )
        label = cols[1].text_input(ui.t("console.timer_label"), key="timer_label", max_chars=80)
        start = cols[2].form_submit_button(ui.t("console.timer_start"), key="timer_start")
        stop = cols[3].form_submit_button(ui.t("console.timer_stop"), key="timer_stop")
    if start:
        if ui.act(
            workshops.start_timer,
            actor=ctx.actor,
            minutes=minutes,
            label=label,
            success=ui.t("console.timer_started"),
        ):
            st.rerun()
    if stop:
        if ui.act(workshops.stop_timer, actor=ctx.actor, success=ui.t("console.timer_stopped")):
            st.rerun()


def _danger_zone(ctx: ui.Context) -> None:
    with st.expander(ui.t("console.delete")):
        st.markdown(ui.t("console.delete_explain"))
        with st.form("delete_form", border=False):
            confirm = st.text_input(
                ui.t("console.delete_confirm", code=ctx.info.code), key="delete_confirm"
            )
            go = st.form_submit_button(
                ui.t("console.delete_submit"), key="delete_submit", type="primary"
            )
        if go:
            done = ui.act(workshops.delete_workshop, actor=ctx.actor, confirm_code=confirm)
            if done:
                ui.forget_identity()
                st.session_state[DELETED_KEY] = esc_inline(ctx.info.title)
                st.rerun()


def deleted_notice() -> None:
    """On the home page after a deletion: which workshop is gone."""
    deleted = st.session_state.pop(DELETED_KEY, None)
    if deleted:
        st.success(ui.t("console.deleted", title=deleted))
