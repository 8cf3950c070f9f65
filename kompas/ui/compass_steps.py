"""The six steps of the Kwaliteitskompas page as editable tables (see compass_tables):
ambitions, results with their indicators and measurements, activities, quality, outcome and
the improvement cycle, and taking results and activities over from the goal tree."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from kompas import compass, formats, ui
from kompas.compass import CompassView
from kompas.labels import EFFECTIVENESS_LABELS, from_label
from kompas.ui.compass_indicators import indicators_editor, measurement_form
from kompas.ui.compass_tables import reload, reverse_labels, table_editor, unique_labels

# Title columns are not "required": the grid would then keep an incomplete row to itself
# and drop it silently; the domain refuses it instead, naming the row.


def ambitions_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown(ui.t("compass.step_ambitions"))
    df = pd.DataFrame(
        [
            {
                "id": a.id,
                "rev": a.rev,
                "title": a.title,
                "current_state": a.current_state,
                "monitoring": a.monitoring,
            }
            for a in view.ambitions
            if a.id is not None
        ],
        columns=["id", "rev", "title", "current_state", "monitoring"],
    )
    table_editor(
        ctx,
        table="ambitions",
        name="ambitions",
        df=df,
        editable=editable,
        column_order=["title", "current_state", "monitoring"],
        column_config={
            "title": st.column_config.TextColumn(
                ui.t("compass.column_ambition"), max_chars=200, width="medium"
            ),
            "current_state": st.column_config.TextColumn(
                ui.t("compass.column_current_state"), width="large"
            ),
            "monitoring": st.column_config.TextColumn(
                ui.t("compass.column_monitoring"), width="large"
            ),
        },
    )


def results_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown(ui.t("compass.step_results"))
    ambitions = unique_labels([(a.id, a.title) for a in view.ambitions if a.id is not None])
    amb_label = reverse_labels(ambitions)
    df = pd.DataFrame(
        [
            {
                "id": r.id,
                "rev": r.rev,
                "ambition": amb_label.get(r.ambition_id),
                "title": r.title,
                "description": r.description,
                "linked": ui.t("compass.linked_yes") if r.goal_node_id else "",
            }
            for r in view.results
        ],
        columns=["id", "rev", "ambition", "title", "description", "linked"],
    )

    def convert(row: dict) -> dict:
        return {**row, "ambition_id": ambitions.get(row.get("ambition"))}

    table_editor(
        ctx,
        table="results",
        name="results",
        df=df,
        editable=editable,
        convert=convert,
        column_order=["ambition", "title", "description", "linked"],
        column_config={
            "ambition": st.column_config.SelectboxColumn(
                ui.t("compass.column_ambition"), options=list(ambitions)
            ),
            "title": st.column_config.TextColumn(
                ui.t("compass.column_result_title"), max_chars=200, width="large"
            ),
            "description": st.column_config.TextColumn(
                ui.t("compass.column_description"), width="medium"
            ),
            "linked": st.column_config.TextColumn(
                ui.t("compass.column_linked"), disabled=True, width="small"
            ),
        },
    )
    if editable:
        goal_tree_link(ctx, view, "effect")
    st.markdown(ui.t("compass.result_indicators"))
    indicators_editor(ctx, view, editable, level="result")
    measurement_form(ctx, view, editable, level="result")


def activities_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown(ui.t("compass.step_activities"))
    results = unique_labels([(r.id, r.title) for r in view.results])
    res_label = reverse_labels(results)
    partners = unique_labels(list(view.partners))
    partner_label = reverse_labels(partners)
    df = pd.DataFrame(
        [
            {
                "id": a.id,
                "rev": a.rev,
                "title": a.title,
                "partner": partner_label.get(a.partner_id),
                "budget": formats.money(a.budget_cents, empty=""),
                "results": [res_label[r] for r in a.result_ids if r in res_label],
                "linked": ui.t("compass.linked_yes") if a.goal_node_id else "",
            }
            for a in view.activities
        ],
        columns=["id", "rev", "title", "partner", "budget", "results", "linked"],
    )

    def convert(row: dict) -> dict:
        chosen = row.get("results") or []
        out = {
            "id": row.get("id"),
            "rev": row.get("rev"),
            "_label": row.get("_label"),
            "title": row.get("title"),
            "partner_id": partners.get(row.get("partner")) if row.get("partner") else None,
            "budget": row.get("budget") or None,
        }
        old = next((a for a in view.activities if a.id == row.get("id")), None)
        ids = [results[label] for label in chosen if label in results]
        if old is None or set(ids) != set(old.result_ids):  # keep weights when links are unchanged
            out["result_ids"] = ids
        return out

    if not view.partners:
        st.caption(ui.t("compass.no_partners"))
    table_editor(
        ctx,
        table="activities",
        name="activities",
        df=df,
        editable=editable,
        convert=convert,
        column_order=["title", "budget", "partner", "results", "linked"],
        column_config={
            "title": st.column_config.TextColumn(
                ui.t("compass.column_activity"), max_chars=200, width="medium"
            ),
            "partner": st.column_config.SelectboxColumn(
                ui.t("compass.column_executor"), options=list(partners), width="medium"
            ),
            "budget": st.column_config.TextColumn(
                ui.t("compass.column_budget_euro"), help=ui.t("compass.budget_help"), width=110
            ),
            "results": st.column_config.MultiselectColumn(
                ui.t("compass.column_contributes"), options=list(results), width="medium"
            ),
            "linked": st.column_config.TextColumn(
                ui.t("compass.column_linked"), disabled=True, width="small"
            ),
        },
    )
    if editable:
        goal_tree_link(ctx, view, "activity")


def quality_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown(ui.t("compass.step_quality"))
    if not view.activities:
        st.caption(ui.t("compass.activities_first"))
        return
    works = {value: ui.label("effectiveness", value) for value in EFFECTIVENESS_LABELS}
    df = pd.DataFrame(
        [
            {
                "id": a.id,
                "rev": a.rev,
                "title": a.title,
                "quality_method": a.quality_method,
                "quality_training": a.quality_training,
                "quality_conditions": a.quality_conditions,
                "proven_effective": works.get(a.proven_effective, a.proven_effective),
            }
            for a in view.activities
        ],
        columns=[
            "id",
            "rev",
            "title",
            "quality_method",
            "quality_training",
            "quality_conditions",
            "proven_effective",
        ],
    )

    def convert(row: dict) -> dict:
        row = {k: v for k, v in row.items() if k != "title" or row.get("id") is None}
        row["proven_effective"] = from_label(works, row.get("proven_effective"), "onbekend")
        return row

    table_editor(
        ctx,
        table="activities",
        name="quality",
        df=df,
        editable=editable,
        convert=convert,
        can_add=False,
        column_order=[
            "title",
            "quality_method",
            "quality_training",
            "quality_conditions",
            "proven_effective",
        ],
        column_config={
            "title": st.column_config.TextColumn(ui.t("compass.column_activity"), disabled=True),
            "quality_method": st.column_config.TextColumn(
                ui.t("compass.column_method"), width="medium"
            ),
            "quality_training": st.column_config.TextColumn(
                ui.t("compass.column_training"), width="medium"
            ),
            "quality_conditions": st.column_config.TextColumn(
                ui.t("compass.column_conditions"), width="medium"
            ),
            "proven_effective": st.column_config.SelectboxColumn(
                ui.t("compass.column_works"), options=list(works.values())
            ),
        },
    )


def outcome_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown(ui.t("compass.step_outcome"))
    indicators_editor(ctx, view, editable, level="activity")
    measurement_form(ctx, view, editable, level="activity")


def reflections_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown(ui.t("compass.step_reflections"))
    subjects = unique_labels(
        [(("r", r.id), ui.t("compass.subject_result", title=r.title)) for r in view.results]
        + [(("a", a.id), ui.t("compass.subject_activity", title=a.title)) for a in view.activities]
    )
    if not subjects:
        st.caption(ui.t("compass.subjects_first"))
        return
    back = reverse_labels(subjects)
    df = pd.DataFrame(
        [
            {
                "id": r.id,
                "rev": r.rev,
                "subject": back.get(("r", r.result_id) if r.result_id else ("a", r.activity_id)),
                "going_well": r.going_well,
                "could_be_better": r.could_be_better,
                "next_step": r.next_step,
                "owner": r.owner,
                "due_date": r.due_date,
            }
            for r in view.reflections
        ],
        columns=[
            "id",
            "rev",
            "subject",
            "going_well",
            "could_be_better",
            "next_step",
            "owner",
            "due_date",
        ],
    )
    df["due_date"] = pd.to_datetime(df["due_date"]).dt.date if len(df) else df["due_date"]

    def convert(row: dict) -> dict:
        kind, obj_id = subjects.get(row.get("subject"), (None, None))
        due = row.get("due_date")
        if due is not None and hasattr(due, "date") and not isinstance(due, date):
            due = due.date()
        return {
            **row,
            "result_id": obj_id if kind == "r" else None,
            "activity_id": obj_id if kind == "a" else None,
            "due_date": due,
        }

    table_editor(
        ctx,
        table="reflections",
        name="reflections",
        df=df,
        editable=editable,
        convert=convert,
        column_order=["subject", "going_well", "could_be_better", "next_step", "owner", "due_date"],
        column_config={
            "subject": st.column_config.SelectboxColumn(
                ui.t("compass.column_subject"), options=list(subjects), width="medium"
            ),
            "going_well": st.column_config.TextColumn(ui.t("compass.column_going_well")),
            "could_be_better": st.column_config.TextColumn(ui.t("compass.column_could_be_better")),
            "next_step": st.column_config.TextColumn(ui.t("compass.column_next_step")),
            "owner": st.column_config.TextColumn(ui.t("compass.column_owner"), max_chars=80),
            "due_date": st.column_config.DateColumn(
                ui.t("compass.column_due_date"), format="DD-MM-YYYY"
            ),
        },
    )


# --- goal tree and import -----------------------------------------------------------------------


def goal_tree_link(ctx: ui.Context, view: CompassView, kind: str) -> None:
    nodes = [n for n in ui.read(compass.goal_nodes_for_compass, ctx.workshop_id) if n[1] == kind]
    if not nodes:
        return
    what = "effect" if kind == "effect" else "activity"
    number = "one" if len(nodes) == 1 else "many"
    with st.expander(
        ui.t(f"compass.from_tree_{what}_{number}", n=len(nodes)),
        icon=":material/account_tree:",
    ):
        labels = unique_labels([(n[0], n[2]) for n in nodes])
        cols = st.columns([3, 2, 1], vertical_alignment="bottom")
        pick = cols[0].selectbox(
            ui.t(f"compass.pick_{what}"), list(labels), key=f"node_pick_{kind}"
        )
        ambition = None
        if kind == "effect":
            ambitions = unique_labels([(a.id, a.title) for a in view.ambitions if a.id is not None])
            chosen = cols[1].selectbox(
                ui.t("compass.with_ambition"),
                [ui.t("compass.no_ambition_choice"), *ambitions],
                key="node_ambition",
            )
            ambition = ambitions.get(chosen)
        if cols[2].button(ui.t("compass.take_over"), key=f"node_take_{kind}"):
            fn = compass.result_from_node if kind == "effect" else compass.activity_from_node
            extra = {"ambition_id": ambition} if kind == "effect" else {}
            if ui.act(
                fn,
                actor=ctx.actor,
                node_id=labels[pick],
                success=ui.t("compass.taken_over"),
                **extra,
            ):
                reload()
        st.caption(ui.t("compass.linked_title"))
