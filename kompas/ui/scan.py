"""Samenwerkingsscan page parts: the statements to score, the group's figures (after the
reveal; per role group only from 3 people) and the facilitator's conclusions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kompas import formats, scan, ui
from kompas.models import SCAN_ELEMENTS

PARTS = ("workshop", "matrix")  # the scan opens, locks and closes with the partner matrix
SCORE_CHOICES = scan.SCORES


def view_for(ctx: ui.Context) -> scan.ScanView:
    state = ui.read(scan.scan_state, ctx.workshop_id)
    return scan.scan_view(state, ctx.participant_id, ctx.is_facilitator)


def _key(statement_id: str) -> str:
    return f"scan_{statement_id}"


def statement_text(s: scan.Statement) -> str:
    """The statement in the viewer's language (the Dutch is the text in kompas.scan)."""
    return ui.t(f"scan.statement.{s.id}")


def score_choice(score: int) -> str:
    """1 and 5 with their words ("1 helemaal oneens"), the others as the number."""
    if score not in (1, 5):
        return str(score)
    return ui.t("scan.choice_with_word", score=score, word=ui.t(f"scan.score.{score}"))


def score_form(ctx: ui.Context, view: scan.ScanView) -> None:
    """One row of five choices per statement; only what you chose is saved."""
    if ctx.is_facilitator:
        st.info(ui.t("scan.facilitator_info"), icon=":material/info:")
        return
    refusal = ctx.write_refusal("matrix")
    if refusal:
        st.info(refusal, icon=":material/lock:")
    ui.show_pending_errors()
    st.caption(ui.t("scan.progress", done=len(view.own), total=len(scan.STATEMENTS)))
    with st.form("scan_form"):
        for element in SCAN_ELEMENTS:
            st.markdown(f"**{ui.label('scan_element', element)}**")
            for s in scan.STATEMENTS:
                if s.element != element:
                    continue
                own = view.own.get(s.id)
                st.radio(
                    statement_text(s),
                    SCORE_CHOICES,
                    index=SCORE_CHOICES.index(own) if own in SCORE_CHOICES else None,
                    horizontal=True,
                    format_func=score_choice,
                    key=_key(s.id),
                )
        st.form_submit_button(
            ui.t("scan.save"),
            key="scan_submit",
            type="primary",
            disabled=bool(refusal),
            on_click=_save,
            args=(ctx.actor, view.own),
        )


def _save(actor, own: dict) -> None:
    state = st.session_state
    scores = {
        s.id: state.get(_key(s.id))
        for s in scan.STATEMENTS
        if state.get(_key(s.id)) is not None and state.get(_key(s.id)) != own.get(s.id)
    }
    if not scores:
        return
    ui.act(
        scan.set_scores,
        actor=actor,
        scores=scores,
        later=True,
        success=ui.t("scan.saved", n=len(scores)),
    )


def figures_table(view: scan.ScanView) -> pd.DataFrame | None:
    if not view.figures:
        return None
    rows = []
    for s in scan.STATEMENTS:
        f = view.figures_for(s.id)
        if f is None:
            continue
        groups = (
            ui.t(
                "scan.group_figure",
                role=ui.label("role", g.role_group),
                mean=formats.number(g.mean, 1),
                count=g.count,
            )
            for g in f.groups
        )
        rows.append(
            {
                ui.t("scan.column_element"): ui.label("scan_element", s.element),
                ui.t("scan.column_statement"): statement_text(s),
                ui.t("scan.column_scores"): f.count,
                ui.t("scan.column_mean"): formats.number(f.mean, 1) if f.mean is not None else "–",
                ui.t("scan.column_spread"): formats.number(f.spread, 1)
                if f.count >= 2 and f.mean is not None
                else "–",
                ui.t("scan.column_groups"): " · ".join(groups) or "–",
            }
        )
    return pd.DataFrame(rows)


def group_view(view: scan.ScanView) -> None:
    st.subheader(ui.t("scan.group_heading"))
    st.caption(
        ui.t(
            "scan.respondents_one" if view.respondents == 1 else "scan.respondents_many",
            respondents=view.respondents,
            participants=view.participants,
        )
    )
    table = figures_table(view)
    if table is None:
        st.info(ui.t("scan.hidden"), icon=":material/visibility_off:")
        return
    st.dataframe(table, hide_index=True, width="stretch", key="scan_figures", placeholder="")
    st.caption(ui.t("scan.figures_explained"))


def conclusions(view: scan.ScanView) -> None:
    st.subheader(ui.t("scan.conclusions_heading"))
    shown = [view.conclusions[e] for e in SCAN_ELEMENTS if e in view.conclusions]
    shown = [c for c in shown if c.conclusion or c.action]
    if not shown:
        st.caption(ui.t("scan.no_conclusions"))
        return
    for c in shown:
        st.markdown(f"**{ui.label('scan_element', c.element)}**")
        if c.conclusion:
            st.text(c.conclusion)
        if c.action:
            if c.owner:
                st.text(ui.t("scan.action_owner", action=c.action, owner=c.owner))
            else:
                st.text(ui.t("scan.action", action=c.action))


def facilitator_panel(ctx: ui.Context, view: scan.ScanView) -> None:
    revealed = st.toggle(
        ui.t("scan.reveal_toggle"),
        key=ui.synced("scan_reveal", view.revealed),
    )
    if revealed != view.revealed:
        ui.act(scan.reveal_scan, actor=ctx.actor, revealed=revealed)
        st.rerun()
    element = st.radio(
        ui.t("scan.conclusion_about"),
        SCAN_ELEMENTS,
        format_func=lambda element: ui.label("scan_element", element),
        horizontal=True,
        key="scan_element",
    )
    c = view.conclusions.get(element)
    with st.form(f"scan_conclusion_{element}"):
        body = st.text_area(
            ui.t("scan.conclusion"),
            value=c.conclusion if c else "",
            key=f"scan_conclusion_text_{element}",
            help=ui.t("scan.conclusion_help"),
        )
        cols = st.columns([3, 1])
        action = cols[0].text_input(
            ui.t("scan.action_optional"), value=c.action if c else "", key=f"scan_action_{element}"
        )
        owner = cols[1].text_input(
            ui.t("scan.owner"),
            value=c.owner if c else "",
            max_chars=80,
            key=f"scan_owner_{element}",
        )
        save = st.form_submit_button(
            ui.t("scan.conclusion_save"), key=f"scan_conclusion_submit_{element}", type="primary"
        )
    if save and ui.act(
        scan.set_conclusion,
        actor=ctx.actor,
        element=element,
        conclusion=body,
        action=action,
        owner=owner,
        rev=c.rev if c else None,
        success=ui.t("scan.conclusion_saved"),
    ):
        st.rerun()
