"""Streamlit helpers for the Kwaliteitskompas page: the live results-versus-inputs
overview, the six steps as editable tables (see compass_tables), the goal-tree link and
the import."""

from __future__ import annotations

from datetime import date
import pandas as pd
import streamlit as st

from kompas import compass, formats, ui, workshops
from kompas.compass import chart as charts
from kompas.compass import importer as compass_import
from kompas.compass import CompassView
from kompas.errors import KompasError
from kompas.labels import (
    EFFECTIVENESS_LABELS,
    INDICATOR_KIND_LABELS,
    compass_status_label,
    effectiveness_label,
    from_label,
    indicator_kind_label,
    phase_label,
)
from kompas.ui import esc
from kompas.ui.compass_tables import gen, reload, reverse_labels, table_editor, unique_labels

# Title columns are not "required": the grid would then keep an incomplete row to itself
# and drop it silently; the domain refuses it instead, naming the row.
# Every part of the page shows the compass; activity owners are partners, and results and
# activities can come from the goal tree.
PARTS = ("workshop", "compass", "matrix", "tree")
IMPORTED_KEY = "compass_imported"  # the summary of an import, shown after the reload
APP_CHART_WIDTH = 780  # fits the main column of a 1280 px projector next to the sidebar
STATUS_ICONS = {compass.STATUS_REACHED: "◆", compass.STATUS_ON_TRACK: "●",
                compass.STATUS_OFF_TRACK: "▼", compass.STATUS_NO_DATA: "■", compass.STATUS_STORY: "✚"}


def live_part(ctx: ui.Context, draw, name: str, parts: tuple[str, ...] = PARTS) -> None:
    """One live part of the page: ``draw(ctx, view, editable)`` with current data, redrawn
    when the compass (or the phase, the lock, the partners) changes."""

    @ui.live(parts=parts, key=f"compass_{name}")
    def part() -> None:
        fresh = ctx.refreshed()
        editable = fresh.can_write("compass", compass.EDIT_PHASES)
        draw(fresh, ui.read(compass.compass_view, ctx.workshop_id), editable)

    part()


# --- intro and settings ---------------------------------------------------------------------


def intro(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    if ctx.is_facilitator:
        with st.expander("Instellingen voor deelnemers", icon=":material/tune:"):
            open_ = st.toggle("Deelnemers mogen het kompas invullen (in de fase invullen)",
                              key=ui.synced("compass_open", ctx.info.compass_open_to_participants))
            if open_ != ctx.info.compass_open_to_participants:
                ui.act(workshops.update_workshop, actor=ctx.actor, compass_open_to_participants=open_)
                st.rerun()
            st.caption("Fase en slot zet je in de console. Jij kunt altijd alles wijzigen.")
    elif editable:
        st.caption("Je kunt meeschrijven. Wijzigingen zien de anderen meteen.")
    else:
        st.info(ctx.write_refusal("compass", compass.EDIT_PHASES), icon=":material/visibility:")


# --- live overview ------------------------------------------------------------------------------


@st.cache_data(max_entries=256, show_spinner=False)
def _chart_specs(workshop_id: int, version: int, _view: CompassView) -> dict:
    """Chart specs per workshop version: built once, shared by every viewer."""
    return {"main": ui.arrow_datasets(charts.results_inputs_chart(_view, width=APP_CHART_WIDTH).to_dict()),
            "result": ui.arrow_datasets(charts.budget_per_result_chart(_view).to_dict()),
            "partner": ui.arrow_datasets(charts.budget_per_partner_chart(_view).to_dict())}


def overview(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    show_overview(ctx, view, ui.version(ctx.workshop_id))


def show_overview(ctx: ui.Context, view: CompassView, version: int) -> None:
    if view.empty:
        st.info("Het kompas is nog leeg. Begin bij stap 1: ambities. Of lees een bestand in.",
                icon=":material/explore:")
        return
    counts = view.status_counts
    cols = st.columns(4)
    cols[0].metric("Indicatoren op koers of bereikt",
                   counts[compass.STATUS_ON_TRACK] + counts[compass.STATUS_REACHED])
    cols[1].metric("Niet op koers", counts[compass.STATUS_OFF_TRACK])
    cols[2].metric("Activiteiten", len(view.activities))
    cols[3].metric("Totaal budget", money_compact(view.total_budget_cents),
                   help=formats.money(view.total_budget_cents))
    specs = _chart_specs(ctx.workshop_id, version, view)
    with st.container(key="compass_chart"):
        st.vega_lite_chart(specs["main"], width="content", theme=None)
    with st.container(key="compass_status"):
        for result in view.results:
            parts = [f"{STATUS_ICONS[i.status]} {i.name}: {compass_status_label(i.status)}"
                     for i in result.indicators]
            st.text(f"{result.ambition_title or compass.NO_AMBITION} › {result.title} — "
                    + ("; ".join(parts) if parts else "geen indicator"))
    if view.warnings:
        with st.container(key="compass_warnings", border=True):
            st.markdown("**Wat ontbreekt er?**")
            for w in view.warnings:
                st.warning(esc(w.message), icon=":material/warning:")
    left, right = st.columns(2)
    with left:
        st.vega_lite_chart(specs["result"], width="stretch", theme=None)
    with right:
        st.vega_lite_chart(specs["partner"], width="stretch", theme=None)
    st.subheader("Kompastabel")
    st.caption("Kopieer de tabel naar je verslag (selecteer de cellen en kopieer).")
    st.dataframe(compass_table(view), hide_index=True, width="stretch", key="compass_table")


def money_compact(cents: int) -> str:
    """€ 4,2 mln for big amounts, so a metric fits a narrow column on a projector."""
    if cents >= 100_000_000:
        return f"€ {formats.number(cents / 100_000_000, 1)} mln"
    return formats.money_short(cents)


def compass_table(view: CompassView) -> pd.DataFrame:
    return pd.DataFrame([{"Ambitie": r.ambition, "Resultaat": r.result, "Indicator": r.indicator,
                          "Status": r.status, "Activiteit": r.activity, "Partner": r.partner,
                          "Budget": formats.money(r.budget_cents, empty="")} for r in view.rows],
                        columns=["Ambitie", "Resultaat", "Indicator", "Status", "Activiteit",
                                 "Partner", "Budget"])


def ambitions_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown("**Stap 1 · Monitoring en ambities.** Hoe gaat het met inwoners, en wat willen we bereiken?")
    df = pd.DataFrame([{"id": a.id, "rev": a.rev, "title": a.title, "current_state": a.current_state,
                        "monitoring": a.monitoring} for a in view.ambitions if a.id is not None],
                      columns=["id", "rev", "title", "current_state", "monitoring"])
    table_editor(ctx, table="ambitions", name="ambitions", df=df, editable=editable,
                 column_order=["title", "current_state", "monitoring"],
                 column_config={"title": st.column_config.TextColumn("Ambitie", max_chars=200,
                                                                     width="medium"),
                                "current_state": st.column_config.TextColumn("Hoe gaat het nu", width="large"),
                                "monitoring": st.column_config.TextColumn("Monitoringcijfers", width="large")})


def results_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown("**Stap 2 · Maatschappelijk resultaat.** Wat willen we over een paar jaar bereiken, "
                "en aan welke cijfers of verhalen zien we dat?")
    ambitions = unique_labels([(a.id, a.title) for a in view.ambitions if a.id is not None])
    amb_label = reverse_labels(ambitions)
    df = pd.DataFrame([{"id": r.id, "rev": r.rev, "ambition": amb_label.get(r.ambition_id),
                        "title": r.title, "description": r.description,
                        "linked": "ja" if r.goal_node_id else ""} for r in view.results],
                      columns=["id", "rev", "ambition", "title", "description", "linked"])

    def convert(row: dict) -> dict:
        return {**row, "ambition_id": ambitions.get(row.get("ambition"))}

    table_editor(ctx, table="results", name="results", df=df, editable=editable, convert=convert,
                 column_order=["ambition", "title", "description", "linked"],
                 column_config={
                     "ambition": st.column_config.SelectboxColumn("Ambitie", options=list(ambitions)),
                     "title": st.column_config.TextColumn("Resultaat (over 3 jaar …)",
                                                          max_chars=200, width="large"),
                     "description": st.column_config.TextColumn("Toelichting", width="medium"),
                     "linked": st.column_config.TextColumn("Uit doelenboom", disabled=True, width="small")})
    if editable:
        goal_tree_link(ctx, view, "effect")
    st.markdown("**Indicatoren bij de resultaten**")
    indicators_editor(ctx, view, editable, level="result")
    measurement_form(ctx, view, editable, level="result")


def indicators_editor(ctx: ui.Context, view: CompassView, editable: bool, *, level: str) -> None:
    if level == "result":
        owners = unique_labels([(r.id, r.title) for r in view.results])
        items = [i for i in view.indicators if i.result_id is not None]
        owner_of = lambda i: reverse_labels(owners).get(i.result_id)  # noqa: E731
        owner_key, owner_title = "result_id", "Resultaat"
    else:
        owners = unique_labels([(a.id, a.title) for a in view.activities])
        items = [i for i in view.indicators if i.activity_id is not None]
        owner_of = lambda i: reverse_labels(owners).get(i.activity_id)  # noqa: E731
        owner_key, owner_title = "activity_id", "Activiteit"
    if not owners:
        st.caption(f"Maak eerst een {owner_title.lower()}; daarna kun je er indicatoren bij zetten.")
        return
    df = pd.DataFrame([{
        "id": i.id, "rev": i.rev, "owner": owner_of(i), "name": i.name, "kind": indicator_kind_label(i.kind),
        "unit": i.unit,
        "baseline_value": i.baseline_value, "baseline_year": i.baseline_year,
        "target_value": i.target_value, "target_year": i.target_year,
        "higher_is_better": i.higher_is_better, "source": i.source,
        "latest": _latest_text(i),
        "status": f"{STATUS_ICONS[i.status]} {compass_status_label(i.status)}"} for i in items],
        columns=["id", "rev", "owner", "name", "kind", "unit", "baseline_value", "baseline_year",
                 "target_value", "target_year", "higher_is_better", "source", "latest", "status"])
    df = df.astype({"baseline_value": "float64", "target_value": "float64", "baseline_year": "float64",
                    "target_year": "float64", "higher_is_better": "bool"})

    def convert(row: dict) -> dict:
        row = {k: (None if (v is pd.NA or (isinstance(v, float) and v != v)) else v) for k, v in row.items()}
        for year in ("baseline_year", "target_year"):
            if isinstance(row.get(year), float) and row[year].is_integer():
                row[year] = int(row[year])
        if row.get("higher_is_better") is None:
            row["higher_is_better"] = True
        row["kind"] = from_label(INDICATOR_KIND_LABELS, row.get("kind"), row.get("kind"))
        return {**row, owner_key: owners.get(row.get("owner")) if row.get("owner") else None}

    year = dict(min_value=compass.YEAR_MIN, max_value=compass.YEAR_MAX, step=1, format="%d")
    table_editor(ctx, table="indicators", name=f"indicators_{level}", df=df, editable=editable,
                 convert=convert,
                 column_order=["owner", "name", "kind", "unit", "baseline_value", "baseline_year",
                               "target_value", "target_year", "higher_is_better", "source", "latest",
                               "status"],
                 column_config={
                     "owner": st.column_config.SelectboxColumn(owner_title, options=list(owners)),
                     "name": st.column_config.TextColumn("Indicator", max_chars=200),
                     "kind": st.column_config.SelectboxColumn(
                         "Soort", options=list(INDICATOR_KIND_LABELS.values()),
                         default=indicator_kind_label("tellen"), required=True, width="small"),
                     "unit": st.column_config.TextColumn("Eenheid", max_chars=40, width="small"),
                     "baseline_value": st.column_config.NumberColumn("Nulmeting", format="localized"),
                     "baseline_year": st.column_config.NumberColumn("Jaar nulmeting", **year),
                     "target_value": st.column_config.NumberColumn("Streefwaarde", format="localized"),
                     "target_year": st.column_config.NumberColumn("Streefjaar", **year),
                     "higher_is_better": st.column_config.CheckboxColumn("Hoger is beter", default=True),
                     "source": st.column_config.TextColumn("Bron"),
                     "latest": st.column_config.TextColumn("Laatste meting", disabled=True),
                     "status": st.column_config.TextColumn("Status", disabled=True)})


def _latest_text(i: compass.IndicatorView) -> str:
    if i.latest is None:
        return ""
    what = (formats.smart_number(i.latest.value) + (f" {i.unit}" if i.unit else "")
            if i.latest.value is not None else i.latest.story[:60])
    return f"{what} ({formats.date_nl(i.latest.measured_on)})"


def measurement_form(ctx: ui.Context, view: CompassView, editable: bool, *, level: str) -> None:
    items = [i for i in view.indicators if (i.result_id if level == "result" else i.activity_id) is not None]
    if not items:
        return
    with st.expander("Metingen", icon=":material/timeline:"):
        labels = unique_labels([(i.id, f"{i.owner_title} · {i.name}") for i in items])
        by_id = {i.id: i for i in items}
        if editable:
            with st.form(f"measure_{level}", border=False, clear_on_submit=True):
                cols = st.columns([3, 1, 1, 2])
                label = cols[0].selectbox("Indicator", list(labels), key=f"measure_ind_{level}")
                value = cols[1].text_input("Gemeten waarde of verhaal", key=f"measure_value_{level}",
                                           help="Een getal (bijvoorbeeld 41,5) of bij 'vertellen' een kort verhaal")
                when = cols[2].date_input("Datum", value=date.today(), format="DD-MM-YYYY",
                                          key=f"measure_date_{level}")
                source = cols[3].text_input("Bron", key=f"measure_source_{level}")
                go = st.form_submit_button("Meting toevoegen", key=f"measure_submit_{level}")
            if go and label:
                ind = by_id[labels[label]]
                story = ind.kind == "vertellen" and formats_is_text(value)
                if ui.act(compass.add_measurement, actor=ctx.actor, indicator_id=ind.id, measured_on=when,
                          value=None if story else value, story=value if story else "",
                          source=source, success="Meting toegevoegd"):
                    st.rerun()
        rows = [{"Indicator": i.name, "Datum": m.measured_on,
                 "Waarde": formats.smart_number(m.value, empty=""), "Verhaal": m.story, "Bron": m.source,
                 "id": m.id} for i in items for m in i.measurements]
        if rows:
            st.dataframe(pd.DataFrame(rows).drop(columns="id"), hide_index=True, width="stretch",
                         column_config={"Datum": st.column_config.DateColumn(format="DD-MM-YYYY")})
            if editable:
                options = {f"{r['Indicator']} · {formats.date_nl(r['Datum'])} · {r['Waarde'] or r['Verhaal'][:30]}":
                           r["id"] for r in rows}
                cols = st.columns([4, 1], vertical_alignment="bottom")
                pick = cols[0].selectbox("Meting verwijderen", list(options), index=None, 
                                         key=f"measure_del_pick_{level}", placeholder="Kies een meting")
                if cols[1].button("Verwijderen", key=f"measure_del_{level}", disabled=pick is None):
                    if ui.act(compass.delete_measurement, actor=ctx.actor, measurement_id=options[pick],
                              success="Meting verwijderd"):
                        st.rerun()


def formats_is_text(value: str) -> bool:
    try:
        formats.parse_number(value)
        return False
    except KompasError:
        return True


def activities_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown("**Stap 3 · Activiteiten.** Wat draagt bij aan welk resultaat, wie voert het uit "
                "en wat kost het? Bedragen mag je typen als € 12.500,50.")
    results = unique_labels([(r.id, r.title) for r in view.results])
    res_label = reverse_labels(results)
    partners = unique_labels(list(view.partners))
    partner_label = reverse_labels(partners)
    df = pd.DataFrame([{
        "id": a.id, "rev": a.rev, "title": a.title, "partner": partner_label.get(a.partner_id),
        "budget": formats.money(a.budget_cents, empty=""),
        "results": [res_label[r] for r in a.result_ids if r in res_label],
        "linked": "ja" if a.goal_node_id else ""} for a in view.activities],
        columns=["id", "rev", "title", "partner", "budget", "results", "linked"])

    def convert(row: dict) -> dict:
        chosen = row.get("results") or []
        out = {"id": row.get("id"), "rev": row.get("rev"), "_label": row.get("_label"),
               "title": row.get("title"), "partner_id": partners.get(row.get("partner")) if row.get("partner") else None,
               "budget": row.get("budget") or None}
        old = next((a for a in view.activities if a.id == row.get("id")), None)
        ids = [results[label] for label in chosen if label in results]
        if old is None or set(ids) != set(old.result_ids):  # keep weights when links are unchanged
            out["result_ids"] = ids
        return out

    if not view.partners:
        st.caption("Er staan nog geen partners in de partnerlijst (Partnermatrix); je kunt de "
                   "uitvoerder later kiezen.")
    table_editor(ctx, table="activities", name="activities", df=df, editable=editable, convert=convert,
                 column_order=["title", "partner", "budget", "results", "linked"],
                 column_config={
                     "title": st.column_config.TextColumn("Activiteit", max_chars=200, width="medium"),
                     "partner": st.column_config.SelectboxColumn("Uitvoerder (partner)", options=list(partners)),
                     "budget": st.column_config.TextColumn("Budget (€)", help="Bijvoorbeeld € 12.500,50"),
                     "results": st.column_config.MultiselectColumn("Draagt bij aan resultaat", options=list(results),
                                                                   width="large"),
                     "linked": st.column_config.TextColumn("Uit doelenboom", disabled=True, width="small")})
    if editable:
        goal_tree_link(ctx, view, "activity")


def quality_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown("**Stap 4 · Input en kwaliteit.** Hoe borgt elke activiteit de kwaliteit, en weten "
                "we dat de aanpak werkt?")
    if not view.activities:
        st.caption("Maak eerst activiteiten in stap 3.")
        return
    df = pd.DataFrame([{"id": a.id, "rev": a.rev, "title": a.title, "quality_method": a.quality_method,
                        "quality_training": a.quality_training, "quality_conditions": a.quality_conditions,
                        "proven_effective": effectiveness_label(a.proven_effective)}
                       for a in view.activities],
                      columns=["id", "rev", "title", "quality_method", "quality_training",
                               "quality_conditions", "proven_effective"])

    def convert(row: dict) -> dict:
        row = {k: v for k, v in row.items() if k != "title" or row.get("id") is None}
        row["proven_effective"] = from_label(EFFECTIVENESS_LABELS, row.get("proven_effective"), "onbekend")
        return row

    table_editor(ctx, table="activities", name="quality", df=df, editable=editable, convert=convert,
                 can_add=False, column_order=["title", "quality_method", "quality_training",
                                              "quality_conditions", "proven_effective"],
                 column_config={
                     "title": st.column_config.TextColumn("Activiteit", disabled=True),
                     "quality_method": st.column_config.TextColumn("Methode", width="medium"),
                     "quality_training": st.column_config.TextColumn("Training en scholing", width="medium"),
                     "quality_conditions": st.column_config.TextColumn("Randvoorwaarden", width="medium"),
                     "proven_effective": st.column_config.SelectboxColumn(
                         "Werkt de methode?", options=list(EFFECTIVENESS_LABELS.values()))})


def outcome_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown("**Stap 5 · Outcome.** Bereiken de activiteiten zelf resultaat? Tellen (een getal) "
                "en vertellen (een kort verhaal).")
    indicators_editor(ctx, view, editable, level="activity")
    measurement_form(ctx, view, editable, level="activity")


def reflections_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown("**Stap 6 · Verbetercyclus.** Gaat het beter met inwoners? Wat gaat goed, wat kan "
                "beter, en wie doet wat?")
    subjects = unique_labels([(("r", r.id), f"Resultaat: {r.title}") for r in view.results]
                             + [(("a", a.id), f"Activiteit: {a.title}") for a in view.activities])
    if not subjects:
        st.caption("Maak eerst resultaten of activiteiten.")
        return
    back = reverse_labels(subjects)
    df = pd.DataFrame([{
        "id": r.id, "rev": r.rev,
        "subject": back.get(("r", r.result_id) if r.result_id else ("a", r.activity_id)),
        "going_well": r.going_well, "could_be_better": r.could_be_better, "next_step": r.next_step,
        "owner": r.owner, "due_date": r.due_date} for r in view.reflections],
        columns=["id", "rev", "subject", "going_well", "could_be_better", "next_step", "owner", "due_date"])
    df["due_date"] = pd.to_datetime(df["due_date"]).dt.date if len(df) else df["due_date"]

    def convert(row: dict) -> dict:
        kind, obj_id = subjects.get(row.get("subject"), (None, None))
        due = row.get("due_date")
        if due is not None and hasattr(due, "date") and not isinstance(due, date):
            due = due.date()
        return {**row, "result_id": obj_id if kind == "r" else None,
                "activity_id": obj_id if kind == "a" else None, "due_date": due}

    table_editor(ctx, table="reflections", name="reflections", df=df, editable=editable, convert=convert,
                 column_order=["subject", "going_well", "could_be_better", "next_step", "owner", "due_date"],
                 column_config={
                     "subject": st.column_config.SelectboxColumn("Over", options=list(subjects),
                                                                 width="medium"),
                     "going_well": st.column_config.TextColumn("Wat gaat goed"),
                     "could_be_better": st.column_config.TextColumn("Wat kan beter"),
                     "next_step": st.column_config.TextColumn("Volgende stap"),
                     "owner": st.column_config.TextColumn("Wie", max_chars=80),
                     "due_date": st.column_config.DateColumn("Wanneer", format="DD-MM-YYYY")})


# --- goal tree and import -----------------------------------------------------------------------


def goal_tree_link(ctx: ui.Context, view: CompassView, kind: str) -> None:
    nodes = [n for n in ui.read(compass.goal_nodes_for_compass, ctx.workshop_id) if n[1] == kind]
    if not nodes:
        return
    what = "effect" if kind == "effect" else "activiteit"
    plural = {"effect": "effecten", "activiteit": "activiteiten"}[what] if len(nodes) != 1 else what
    with st.expander(f"Uit de doelenboom ({len(nodes)} {plural} nog niet in het kompas)",
                     icon=":material/account_tree:"):
        labels = unique_labels([(n[0], n[2]) for n in nodes])
        cols = st.columns([3, 2, 1], vertical_alignment="bottom")
        pick = cols[0].selectbox(f"Kies een {what} uit de doelenboom", list(labels), key=f"node_pick_{kind}")
        ambition = None
        if kind == "effect":
            ambitions = unique_labels([(a.id, a.title) for a in view.ambitions if a.id is not None])
            chosen = cols[1].selectbox("Bij ambitie", ["(geen)"] + list(ambitions), key="node_ambition")
            ambition = ambitions.get(chosen)
        if cols[2].button("Overnemen", key=f"node_take_{kind}"):
            fn = compass.result_from_node if kind == "effect" else compass.activity_from_node
            extra = {"ambition_id": ambition} if kind == "effect" else {}
            if ui.act(fn, actor=ctx.actor, node_id=labels[pick], success="Overgenomen uit de doelenboom",
                      **extra):
                reload()
        st.caption("De titel blijft gekoppeld: pas je hem hier aan, dan verandert hij ook in de doelenboom.")


def import_step(ctx: ui.Context, view: CompassView, editable: bool) -> None:
    st.markdown("**Importeren.** Lees resultaten, indicatoren en activiteiten in uit Excel of CSV. "
                "Gebruik het sjabloon; een bestand met fouten verandert niets.")
    cols = st.columns(2)
    cols[0].download_button("Sjabloon (Excel)", data=compass_import.template_xlsx, on_click="ignore",
                            file_name="kwaliteitskompas-sjabloon.xlsx", key="compass_template_xlsx",
                            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    cols[1].download_button("Sjabloon (CSV)", data=compass_import.template_csv, on_click="ignore",
                            file_name="kwaliteitskompas-sjabloon.csv", mime="text/csv",
                            key="compass_template_csv")
    if not editable:
        return
    upload = st.file_uploader("Bestand met het kompas (.xlsx of .csv)", type=["xlsx", "csv"],
                              key=f"compass_upload_{gen()}", max_upload_size=2)
    if upload is not None and st.button("Inlezen", key="compass_import", type="primary"):
        # a refusal shows its first line and the problems as a table (ui.act)
        result = ui.act(compass_import.import_compass, actor=ctx.actor, filename=upload.name,
                        data=upload.getvalue())
        if not result:
            return
        st.session_state[IMPORTED_KEY] = result.summary()
        reload()
    done = st.session_state.pop(IMPORTED_KEY, None)
    if done:
        st.success(done, icon=":material/check_circle:")
