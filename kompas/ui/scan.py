"""Samenwerkingsscan page parts: the statements to score, the group's figures (after the
reveal; per role group only from 3 people) and the facilitator's conclusions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kompas import formats, scan, ui
from kompas.labels import role_label, scan_element_label
from kompas.models import SCAN_ELEMENTS

PARTS = ("workshop", "matrix")  # the scan opens, locks and closes with the partner matrix
SCORE_CHOICES = scan.SCORES


def view_for(ctx: ui.Context) -> scan.ScanView:
    state = ui.read(scan.scan_state, ctx.workshop_id)
    return scan.scan_view(state, ctx.participant_id, ctx.is_facilitator)


def _key(statement_id: str) -> str:
    return f"scan_{statement_id}"


def score_form(ctx: ui.Context, view: scan.ScanView) -> None:
    """One row of five choices per statement; only what you chose is saved."""
    if ctx.is_facilitator:
        st.info(
            "Deelnemers geven hier een score van 1 (helemaal oneens) tot 5 (helemaal eens). "
            "Jij ziet de uitkomst hieronder; de groep ziet die als jij hem laat zien.",
            icon=":material/info:",
        )
        return
    refusal = ctx.write_refusal("matrix")
    if refusal:
        st.info(refusal, icon=":material/lock:")
    ui.show_pending_errors()
    st.caption(
        f"Je hebt {len(view.own)} van de {len(scan.STATEMENTS)} stellingen gescoord. "
        "1 = helemaal oneens, 5 = helemaal eens. Niemand ziet jouw scores."
    )
    with st.form("scan_form"):
        for element in SCAN_ELEMENTS:
            st.markdown(f"**{scan_element_label(element)}**")
            for s in scan.STATEMENTS:
                if s.element != element:
                    continue
                own = view.own.get(s.id)
                st.radio(
                    s.text,
                    SCORE_CHOICES,
                    index=SCORE_CHOICES.index(own) if own in SCORE_CHOICES else None,
                    horizontal=True,
                    format_func=lambda v: f"{v} {scan.SCORE_WORDS[v]}" if v in (1, 5) else str(v),
                    key=_key(s.id),
                )
        st.form_submit_button(
            "Scores opslaan",
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
        success=f"{len(scores)} score(s) opgeslagen",
    )


def figures_table(view: scan.ScanView) -> pd.DataFrame | None:
    if not view.figures:
        return None
    rows = []
    for s in scan.STATEMENTS:
        f = view.figures_for(s.id)
        if f is None:
            continue
        rows.append(
            {
                "Onderdeel": scan_element_label(s.element),
                "Stelling": s.text,
                "Scores": f.count,
                "Gemiddeld": formats.number(f.mean, 1) if f.mean is not None else "–",
                "Spreiding": formats.number(f.spread, 1)
                if f.count >= 2 and f.mean is not None
                else "–",
                "Per rolgroep (3 of meer)": " · ".join(
                    f"{role_label(g.role_group)}: {formats.number(g.mean, 1)} ({g.count})"
                    for g in f.groups
                )
                or "–",
            }
        )
    return pd.DataFrame(rows)


def group_view(view: scan.ScanView) -> None:
    st.subheader("Wat zegt de groep?")
    verb = "heeft" if view.respondents == 1 else "hebben"
    st.caption(f"{view.respondents} van de {view.participants} deelnemers {verb} gescoord.")
    table = figures_table(view)
    if table is None:
        st.info(
            "De scores van de groep worden zichtbaar als de procesbegeleider ze laat zien.",
            icon=":material/visibility_off:",
        )
        return
    st.dataframe(table, hide_index=True, width="stretch", key="scan_figures", placeholder="")
    st.caption(
        "Gemiddeld: van 1 (helemaal oneens) tot 5 (helemaal eens). Spreiding: hoe ver de "
        "scores uit elkaar liggen (0 = iedereen gaf hetzelfde). Het gemiddelde en de cijfers "
        "per rolgroep alleen bij 3 of meer scores, nooit wie wat gaf."
    )


def conclusions(view: scan.ScanView) -> None:
    st.subheader("Conclusies")
    shown = [view.conclusions[e] for e in SCAN_ELEMENTS if e in view.conclusions]
    shown = [c for c in shown if c.conclusion or c.action]
    if not shown:
        st.caption("Nog geen conclusies.")
        return
    for c in shown:
        st.markdown(f"**{scan_element_label(c.element)}**")
        if c.conclusion:
            st.text(c.conclusion)
        if c.action:
            st.text(f"Actie: {c.action}" + (f" (eigenaar: {c.owner})" if c.owner else ""))


def facilitator_panel(ctx: ui.Context, view: scan.ScanView) -> None:
    revealed = st.toggle(
        "Scores van de groep laten zien (zonder namen)",
        key=ui.synced("scan_reveal", view.revealed),
    )
    if revealed != view.revealed:
        ui.act(scan.reveal_scan, actor=ctx.actor, revealed=revealed)
        st.rerun()
    element = st.radio(
        "Conclusie over",
        SCAN_ELEMENTS,
        format_func=scan_element_label,
        horizontal=True,
        key="scan_element",
    )
    c = view.conclusions.get(element)
    with st.form(f"scan_conclusion_{element}"):
        body = st.text_area(
            "Conclusie",
            value=c.conclusion if c else "",
            key=f"scan_conclusion_text_{element}",
            help="Elke regel komt als besluit in het verslag.",
        )
        cols = st.columns([3, 1])
        action = cols[0].text_input(
            "Actie (mag leeg)", value=c.action if c else "", key=f"scan_action_{element}"
        )
        owner = cols[1].text_input(
            "Eigenaar", value=c.owner if c else "", max_chars=80, key=f"scan_owner_{element}"
        )
        save = st.form_submit_button(
            "Conclusie opslaan", key=f"scan_conclusion_submit_{element}", type="primary"
        )
    if save and ui.act(
        scan.set_conclusion,
        actor=ctx.actor,
        element=element,
        conclusion=body,
        action=action,
        owner=owner,
        rev=c.rev if c else None,
        success="Conclusie opgeslagen",
    ):
        st.rerun()
