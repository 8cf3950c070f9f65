"""The facilitator console: join code and links, participants live, phases, locks,
timer, removing participants, deleting the workshop."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial

import streamlit as st

from kompas import formats, ui, workshops
from kompas.labels import phase_label, role_label, tool_label
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
        or "Console van de procesbegeleider"
    )
    _new_workshop_banner(info.code)
    left, right = st.columns([3, 1], gap="large", vertical_alignment="center")
    with left:
        with st.container(key="workshop_code", border=True):
            st.markdown("Code voor deelnemers")
            st.markdown(f"# `{info.code}`")
            st.markdown(f"Meedoen via **{esc(site_url())}** met deze code, of via de link:")
            st.code(join_url(info.code), language=None)
    with right:
        st.image(
            qr_png(join_url(info.code)),
            caption="Scan om mee te doen",
            width=220,
            alt=f"QR-code met de link om mee te doen: {join_url(info.code)}",
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
            "De workshop is gestart. Bewaar je eigen link goed: alleen met deze link "
            "beheer je de workshop. Hij wordt niet opnieuw getoond.",
            icon=":material/key:",
        )
        st.code(facilitator_url(code, new["key"]), language=None)
        if st.button("Ik heb de link bewaard", key="hide_facilitator_link"):
            st.session_state.pop(NEW_WORKSHOP_KEY, None)
            st.rerun()


def _retention_warning(info: workshops.WorkshopInfo) -> None:
    days = ui.settings().retention_days
    # a series counts from its latest session
    ends = workshops.expires_on(ui.read(workshops.series_retained_from, info.id), days)
    if ends - datetime.now(UTC) <= timedelta(days=7):
        st.warning(
            f"Deze workshop wordt op {formats.date_nl(ends)} automatisch verwijderd "
            f"(bewaartermijn {days} dagen). Maak nu een export als je hem wilt bewaren.",
            icon=":material/schedule:",
        )


def _participants_live(ctx: ui.Context) -> None:
    @ui.live(parts=("participants",))  # joins show at once
    def participants():
        info = ctx.refreshed().info
        people = info.active_participants
        counts = info.count_by_role()
        with st.container(key="participant_count"):
            st.subheader(f"Deelnemers: {len(people)}")
        st.markdown(" · ".join(f"{role_label(r)}: **{counts[r]}**" for r in ROLE_GROUPS))
        if not people:
            st.info("Nog niemand aangemeld. Laat de code of de QR-code zien.")
            return
        now = datetime.now(UTC)
        for p in people:
            cols = st.columns([5, 3, 2, 2], vertical_alignment="center")
            active = (
                now - (p.last_seen if p.last_seen.tzinfo else p.last_seen.replace(tzinfo=UTC))
            ) < timedelta(minutes=3)
            org = f" · {p.organisation}" if p.organisation else ""
            cols[0].text(f"{p.name}{org}")
            cols[1].text(role_label(p.role_group) + (" · actief" if active else ""))
            if cols[2].button(
                "Naam wissen",
                key=f"anon_{p.id}",
                disabled=p.anonymised,
                help="Naam en organisatie wissen; bijdragen blijven anoniem staan",
            ):
                if ui.act(
                    workshops.anonymise_participant,
                    actor=ctx.actor,
                    participant_id=p.id,
                    success="Naam gewist",
                ):
                    st.rerun()
            if st.session_state.get(CONFIRM_REMOVE_KEY) == p.id:
                if cols[3].button(
                    "Zeker weten?",
                    key=f"remove_confirm_{p.id}",
                    type="primary",
                    help="Klik nog eens om te verwijderen",
                ):
                    st.session_state.pop(CONFIRM_REMOVE_KEY, None)
                    if ui.act(
                        workshops.remove_participant,
                        actor=ctx.actor,
                        participant_id=p.id,
                        success="Deelnemer verwijderd",
                    ):
                        st.rerun()
            elif cols[3].button(
                "Verwijderen",
                key=f"remove_{p.id}",
                help="De link van deze deelnemer werkt niet meer; bijdragen blijven",
            ):
                st.session_state[CONFIRM_REMOVE_KEY] = p.id
                st.rerun()

    participants()


def _tools(ctx: ui.Context) -> None:
    st.subheader("Onderdelen")

    @ui.live(parts=("workshop",))  # a phase set on a tool page shows here at once
    def tools() -> None:
        fresh = ctx.refreshed()
        cols = st.columns(len(TOOLS))
        for col, tool in zip(cols, TOOLS):
            with col, st.container(border=True):
                st.markdown(f"**{tool_label(tool)}**")
                current = fresh.phase(tool)
                phase = st.selectbox(
                    "Fase",
                    PHASES[tool],
                    key=ui.synced(f"phase_{tool}", current),
                    format_func=partial(phase_label, tool),
                )
                if phase != current:
                    if ui.act(
                        workshops.set_phase,
                        actor=ctx.actor,
                        tool=tool,
                        phase=phase,
                        success=f"{tool_label(tool)}: fase {phase_label(tool, phase).lower()}",
                    ):
                        st.rerun()
                locked = st.toggle(
                    "Op slot (alleen kijken)", key=ui.synced(f"lock_{tool}", fresh.locked(tool))
                )
                if locked != fresh.locked(tool):
                    if ui.act(workshops.set_lock, actor=ctx.actor, tool=tool, locked=locked):
                        st.rerun()
                send_here(fresh, tool)

    tools()


def _timer_controls(ctx: ui.Context) -> None:
    st.subheader("Timer")
    with st.form("timer_form", border=False):
        cols = st.columns([1, 2, 1, 1], vertical_alignment="bottom")
        minutes = cols[0].number_input(
            "Minuten", min_value=1, max_value=240, value=10, key="timer_minutes"
        )
        label = cols[1].text_input("Waarvoor (mag leeg)", key="timer_label", max_chars=80)
        start = cols[2].form_submit_button("Timer starten", key="timer_start")
        stop = cols[3].form_submit_button("Timer stoppen", key="timer_stop")
    if start:
        if ui.act(
            workshops.start_timer,
            actor=ctx.actor,
            minutes=minutes,
            label=label,
            success="Timer gestart",
        ):
            st.rerun()
    if stop:
        if ui.act(workshops.stop_timer, actor=ctx.actor, success="Timer gestopt"):
            st.rerun()


def _danger_zone(ctx: ui.Context) -> None:
    with st.expander("Workshop verwijderen"):
        st.markdown(
            "Dit verwijdert de workshop met alle deelnemers, stemmen, kompas en "
            "partnermatrix. Dit kan niet ongedaan worden gemaakt. Maak eerst een "
            "export op de pagina Verslag als je iets wilt bewaren."
        )
        with st.form("delete_form", border=False):
            confirm = st.text_input(
                f"Typ de code {ctx.info.code} om te bevestigen", key="delete_confirm"
            )
            go = st.form_submit_button(
                "Definitief verwijderen", key="delete_submit", type="primary"
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
        st.success(f"De workshop {deleted} en al zijn gegevens zijn verwijderd.")
