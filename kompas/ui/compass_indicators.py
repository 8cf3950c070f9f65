"""Indicators of the Kwaliteitskompas (results in step 2, activities in step 5): the
editable table with baseline, target and status, and the measurements form."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from kompas import compass, formats, ui
from kompas.compass import CompassView
from kompas.errors import KompasError
from kompas.labels import INDICATOR_KIND_LABELS, from_label
from kompas.ui.compass import STATUS_ICONS
from kompas.ui.compass_tables import reverse_labels, table_editor, unique_labels


def indicators_editor(ctx: ui.Context, view: CompassView, editable: bool, *, level: str) -> None:
    if level == "result":
        owners = unique_labels([(r.id, r.title) for r in view.results])
        items = [i for i in view.indicators if i.result_id is not None]
        owner_of = lambda i: reverse_labels(owners).get(i.result_id)  # noqa: E731
        owner_key, owner_title = "result_id", ui.t("compass.column_result")
    else:
        owners = unique_labels([(a.id, a.title) for a in view.activities])
        items = [i for i in view.indicators if i.activity_id is not None]
        owner_of = lambda i: reverse_labels(owners).get(i.activity_id)  # noqa: E731
        owner_key, owner_title = "activity_id", ui.t("compass.column_activity")
    if not owners:
        st.caption(ui.t(f"compass.owner_first_{level}"))
        return
    kinds = {kind: ui.label("indicator_kind", kind) for kind in INDICATOR_KIND_LABELS}
    df = pd.DataFrame(
        [
            {
                "id": i.id,
                "rev": i.rev,
                "owner": owner_of(i),
                "name": i.name,
                "kind": kinds.get(i.kind, i.kind),
                "unit": i.unit,
                "baseline_value": i.baseline_value,
                "baseline_year": i.baseline_year,
                "target_value": i.target_value,
                "target_year": i.target_year,
                "higher_is_better": i.higher_is_better,
                "source": i.source,
                "latest": _latest_text(i),
                "status": f"{STATUS_ICONS[i.status]} {ui.label('compass_status', i.status)}",
            }
            for i in items
        ],
        columns=[
            "id",
            "rev",
            "owner",
            "name",
            "kind",
            "unit",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "higher_is_better",
            "source",
        ],
    )
    df = df.astype(
        {
            "baseline_value": "float64",
            "target_value": "float64",
            "baseline_year": "float64",
            "target_year": "float64",
            "higher_is_better": "bool",
        }
    )

    def convert(row: dict) -> dict:
        row = {
            k: (None if (v is pd.NA or (isinstance(v, float) and v != v)) else v)
            for k, v in row.items()
        }
        for year in ("baseline_year", "target_year"):
            if isinstance(row.get(year), float) and row[year].is_integer():
                row[year] = int(row[year])
        if row.get("higher_is_better") is None:
            row["higher_is_better"] = True
        row["kind"] = from_label(kinds, row.get("kind"), row.get("kind"))
        return {**row, owner_key: owners.get(row.get("owner")) if row.get("owner") else None}

    year = dict(min_value=compass.YEAR_MIN, max_value=compass.YEAR_MAX, step=1, format="%d")
    table_editor(
        ctx,
        table="indicators",
        name=f"indicators_{level}",
        df=df,
        editable=editable,
        convert=convert,
        column_order=[
            "owner",
            "name",
            "status",
            "latest",
            "kind",
            "unit",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "higher_is_better",
            "source",
        ],
        column_config={
            "owner": st.column_config.SelectboxColumn(
                owner_title, options=list(owners), width="medium"
            ),
            "name": st.column_config.TextColumn(
                ui.t("compass.column_indicator"), max_chars=200, width="medium"
            ),
            "kind": st.column_config.SelectboxColumn(
                ui.t("compass.column_kind"),
                options=list(kinds.values()),
                default=kinds["tellen"],
                required=True,
                width="small",
            ),
            "unit": st.column_config.TextColumn(
                ui.t("compass.column_unit"), max_chars=40, width="small"
            ),
            "baseline_value": st.column_config.NumberColumn(
                ui.t("compass.column_baseline"), format="localized"
            ),
            "baseline_year": st.column_config.NumberColumn(
                ui.t("compass.column_baseline_year"), **year
            ),
            "target_value": st.column_config.NumberColumn(
                ui.t("compass.column_target"), format="localized"
            ),
            "target_year": st.column_config.NumberColumn(
                ui.t("compass.column_target_year"), **year
            ),
            "higher_is_better": st.column_config.CheckboxColumn(
                ui.t("compass.column_higher_is_better"), default=True
            ),
            "source": st.column_config.TextColumn(ui.t("compass.column_source")),
            "latest": st.column_config.TextColumn(
                ui.t("compass.column_latest"), disabled=True, width=110
            ),
            "status": st.column_config.TextColumn(
                ui.t("compass.column_status"), disabled=True, width=110
            ),
        },
    )


def _latest_text(i: compass.IndicatorView) -> str:
    if i.latest is None:
        return ""
    what = (
        formats.smart_number(i.latest.value) + (f" {i.unit}" if i.unit else "")
        if i.latest.value is not None
        else i.latest.story[:60]
    )
    return f"{what} ({ui.day(i.latest.measured_on)})"


def measurement_form(ctx: ui.Context, view: CompassView, editable: bool, *, level: str) -> None:
    items = [
        i
        for i in view.indicators
        if (i.result_id if level == "result" else i.activity_id) is not None
    ]
    if not items:
        return
    with st.expander(ui.t("compass.measurements"), icon=":material/timeline:"):
        labels = unique_labels([(i.id, f"{i.owner_title} · {i.name}") for i in items])
        by_id = {i.id: i for i in items}
        if editable:
            with st.form(f"measure_{level}", border=False, clear_on_submit=True):
                cols = st.columns([3, 1, 1, 2])
                label = cols[0].selectbox(
                    ui.t("compass.column_indicator"), list(labels), key=f"measure_ind_{level}"
                )
                value = cols[1].text_input(
                    ui.t("compass.measured_value"),
                    key=f"measure_value_{level}",
                    help=ui.t("compass.measured_value_help"),
                )
                when = cols[2].date_input(
                    ui.t("compass.column_date"),
                    value=date.today(),
                    format="DD-MM-YYYY",
                    key=f"measure_date_{level}",
                )
                source = cols[3].text_input(
                    ui.t("compass.column_source"), key=f"measure_source_{level}"
                )
                go = st.form_submit_button(
                    ui.t("compass.add_measurement"), key=f"measure_submit_{level}"
                )
            if go and label:
                ind = by_id[labels[label]]
                story = ind.kind == "vertellen" and formats_is_text(value)
                if ui.act(
                    compass.add_measurement,
                    actor=ctx.actor,
                    indicator_id=ind.id,
                    measured_on=when,
                    value=None if story else value,
                    story=value if story else "",
                    source=source,
                    success=ui.t("compass.measurement_added"),
                ):
                    st.rerun()
        rows = [
            {
                "indicator": i.name,
                "date": m.measured_on,
                "value": formats.smart_number(m.value, empty=""),
                "story": m.story,
                "source": m.source,
                "id": m.id,
            }
            for i in items
            for m in i.measurements
        ]
        if rows:
            names = {
                column: ui.t(f"compass.column_{column}")
                for column in ("indicator", "date", "value", "story", "source")
            }
            st.dataframe(
                pd.DataFrame(rows).drop(columns="id").rename(columns=names),
                hide_index=True,
                width="stretch",
                column_config={names["date"]: st.column_config.DateColumn(format="DD-MM-YYYY")},
                placeholder="",
            )
            if editable:
                options = {
                    f"{r['indicator']} · {ui.day(r['date'])} · {r['value'] or r['story'][:30]}": r[
                        "id"
                    ]
                    for r in rows
                }
                cols = st.columns([4, 1], vertical_alignment="bottom")
                pick = cols[0].selectbox(
                    ui.t("compass.delete_measurement"),
                    list(options),
                    index=None,
                    key=f"measure_del_pick_{level}",
                    placeholder=ui.t("compass.pick_measurement"),
                )
                if cols[1].button(
                    ui.t("compass.delete"), key=f"measure_del_{level}", disabled=pick is None
                ):
                    if ui.act(
                        compass.delete_measurement,
                        actor=ctx.actor,
                        measurement_id=options[pick],
                        success=ui.t("compass.measurement_deleted"),
                    ):
                        st.rerun()


def formats_is_text(value: str) -> bool:
    try:
        formats.parse_number(value)
        return False
    except KompasError:
        return True
