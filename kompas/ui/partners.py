"""Partnermatrix page parts: the live matrix, the group view, the slider form and the
facilitator's partner, direction and settings forms."""

from __future__ import annotations

from typing import Optional

import pandas as pd
import streamlit as st

from kompas import formats, partners, ui, workshops
from kompas.labels import sentence_start
from kompas.models import DIRECTIONS, PARTNER_KINDS, PHASES
from kompas.partners import MatrixView
from kompas.ui import esc, esc_inline, matrix as component

PARTS = ("workshop", "matrix")  # what every live part of the page shows


def view_for(ctx: ui.Context) -> MatrixView:
    # One shared read per change for everyone; each viewer's part is cut out in memory.
    state = ui.read(partners.matrix_state, ctx.workshop_id)
    return partners.view_of(state, ctx.participant_id, ctx.is_facilitator)


def intro(ctx: ui.Context) -> None:
    phase = ctx.phase("matrix")
    text = ui.t(f"matrix.phase_help.{phase}") if phase in PHASES["matrix"] else ""
    if ctx.locked("matrix") and not ctx.is_facilitator:
        text += " " + ctx.write_refusal("matrix", partners.PLACE_PHASES)
    st.caption(text)


# --- the live matrix ----------------------------------------------------------------------


def _on_moved(actor: workshops.Actor, lens: str) -> None:
    """Runs before the rerun that the drop caused, so the redraw already shows it.
    ``lens``: the lens the viewer saw (a drop after the facilitator switched is refused)."""
    event = component.moved_event()
    if event is None:
        return
    partner_id, dependency, influence = event
    fn = partners.set_agreed_position if actor.is_facilitator else partners.place_partner
    ui.act(
        fn,
        actor=actor,
        partner_id=partner_id,
        influence=influence,
        dependency=dependency,
        lens=lens,
        later=True,
    )


def matrix(ctx: ui.Context, view: MatrixView) -> None:
    ui.show_pending_errors()  # a refused drop or slider save
    component.partner_matrix(view, on_moved=lambda: _on_moved(ctx.actor, view.lens.id))
    total = len(view.partners)
    if not view.is_facilitator:
        st.caption(
            ui.t("matrix.placed_count", placed=len(view.own), total=total)
            + ("" if view.revealed else " " + ui.t("matrix.others_hidden"))
        )
    else:
        state = ui.t("matrix.agreed_visible" if view.revealed else "matrix.agreed_hidden")
        st.caption(ui.t("matrix.agreed_count", agreed=len(view.agreed), total=total, state=state))


def _spread_word(spread: float) -> str:
    if spread < 0.10:
        return ui.t("matrix.spread.small")
    if spread < 0.20:
        return ui.t("matrix.spread.medium")
    return ui.t("matrix.spread.large")


def _consensus_columns(view: MatrixView) -> dict[str, str]:
    """The group view's column headers in the viewer's words, with the widths (px) that keep
    the spread and the groups in view at 1280 px (about 780 px)."""
    lens = component.shown_lens(view.lens)
    mean = "matrix.col.mean"
    return {
        ui.t("matrix.col.partner"): 150,
        ui.t("matrix.col.placed"): 80,
        ui.t(mean, axis=sentence_start(lens.vertical.word)): 95,
        ui.t(mean, axis=sentence_start(lens.horizontal.word)): 110,
        ui.t("matrix.col.spread"): 120,
        ui.t("matrix.col.groups"): 220,
    }


def consensus_table(view: MatrixView) -> Optional[pd.DataFrame]:
    """The group view: one row per partner, largest disagreement first. Dataframe cells
    are literal, so names need no escaping."""
    if not view.consensus:
        return None
    columns = list(_consensus_columns(view))
    rows = []
    for c in view.consensus:
        p = view.partner(c.partner_id)
        if p is None:
            continue
        groups = " · ".join(
            f"{ui.label('role', g.role_group)}: {formats.number(g.spread, 2)} ({g.count})"
            for g in c.groups
        )
        spread = f"{_spread_word(c.spread)} ({formats.number(c.spread, 2)})"
        cells = (
            p.name,
            ui.t("matrix.placed_of", count=c.count, total=view.participants),
            formats.percent(c.mean.influence) if c.mean else "–",
            formats.percent(c.mean.dependency) if c.mean else "–",
            spread if c.count >= 2 else "–",
            groups or "–",
        )
        rows.append(dict(zip(columns, cells, strict=True)))
    return pd.DataFrame(rows)


def group_view(view: MatrixView) -> None:
    st.subheader(ui.t("matrix.group_heading"))
    table = consensus_table(view)
    if table is None:
        st.info(ui.t("matrix.group_hidden"), icon=":material/visibility_off:")
        return
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="matrix_consensus",
        column_config={
            column: st.column_config.TextColumn(width=width)
            for column, width in _consensus_columns(view).items()
        },
        placeholder="",
    )
    st.caption(ui.t("matrix.spread_caption"))


def directions_table(view: MatrixView) -> None:
    st.subheader(ui.t("matrix.directions_heading"))
    if not view.directions:
        st.caption(ui.t("matrix.no_directions"))
        return
    # column header key -> width in px (None: as wide as Streamlit makes it)
    widths = {
        "partner": 140,
        "direction": 110,
        "action": 180,
        "owner": 110,
        "review": 110,
        "rationale": None,
        "dissent": None,
    }
    columns = [ui.t(f"matrix.col.{key}") for key in widths]
    rows = []
    for p in view.partners:
        d = view.directions.get(p.id)
        if d is None:
            continue
        cells = (
            p.name,
            ui.label("direction", d.direction),
            d.action,
            d.owner,
            ui.day(d.review_date, empty=""),
            d.rationale,
            d.dissent,
        )
        rows.append(dict(zip(columns, cells, strict=True)))
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        key="matrix_directions",
        column_config={
            column: st.column_config.TextColumn(width=width)
            for column, width in zip(columns, widths.values(), strict=True)
            if width is not None
        },
        placeholder="",
    )


# --- the slider form (the same moves without dragging) ------------------------------------

BASE_KEY = "matrix_slider_base"  # partner id -> (influence, dependency) the sliders last showed


def _percent(value: float) -> int:
    return int(round(value * 100))


def slider_form(ctx: ui.Context, view: MatrixView) -> None:
    """Two sliders per partner, in percent (0–100). Only sliders that someone moved are
    saved, so a partner you leave alone stays 'not yet placed' and a drop in the matrix
    since the form was drawn is not undone."""
    if not view.can_move():
        return
    base: dict = st.session_state.setdefault(BASE_KEY, {})
    who = ui.t("matrix.sliders_who_agreed" if view.is_facilitator else "matrix.sliders_who_own")
    with st.expander(ui.t("matrix.sliders_expander", who=who), expanded=False):
        with st.form("matrix_sliders", border=False):
            lens = component.shown_lens(view.lens)
            st.caption(
                ui.t(
                    "matrix.sliders_caption",
                    y_label=lens.vertical.label,
                    y_low=lens.vertical.low,
                    y_high=lens.vertical.high,
                    x_label=lens.horizontal.label.lower(),
                    x_low=lens.horizontal.low,
                    x_high=lens.horizontal.high,
                )
            )
            for p in view.partners:
                point, _ = view.viewer_position(p.id)
                shown = (_percent(point.influence), _percent(point.dependency))
                if base.get(p.id) != shown:  # new data since the form was drawn
                    base[p.id] = shown
                    st.session_state[f"influence_{p.id}"] = shown[0]
                    st.session_state[f"dependency_{p.id}"] = shown[1]
                st.markdown(f"**{esc(p.name)}**")
                left, right = st.columns(2)
                left.slider(
                    f"{esc_inline(lens.vertical.label)} (%) – {esc_inline(p.name)}",
                    0,
                    100,
                    step=5,
                    key=f"influence_{p.id}",
                    format="%d%%",
                )
                right.slider(
                    f"{esc_inline(lens.horizontal.label)} (%) – {esc_inline(p.name)}",
                    0,
                    100,
                    step=5,
                    key=f"dependency_{p.id}",
                    format="%d%%",
                )
            st.form_submit_button(
                ui.t("matrix.sliders_save"),
                key="matrix_sliders_submit",
                type="primary",
                on_click=_save_sliders,
                args=(ctx.actor, [p.id for p in view.partners], view.lens.id),
            )


def _save_sliders(actor: workshops.Actor, partner_ids: list[int], lens: str) -> None:
    base: dict = st.session_state.get(BASE_KEY, {})
    changed = []
    for pid in partner_ids:
        now = (st.session_state.get(f"influence_{pid}"), st.session_state.get(f"dependency_{pid}"))
        if None in now or tuple(now) == base.get(pid):
            continue
        changed.append((pid, now))
    if (
        ui.act(
            partners.place_many,
            actor=actor,
            moves=changed,
            lens=lens,
            later=True,
            success=ui.t("matrix.sliders_saved", n=len(changed)),
        )
        is None
    ):
        return
    for pid, now in changed:
        base[pid] = tuple(now)


# --- facilitator ----------------------------------------------------------------------------


def partner_admin(ctx: ui.Context, view: MatrixView) -> None:
    with st.form("partner_add", clear_on_submit=True):
        st.markdown(ui.t("matrix.partner_add_heading"))
        cols = st.columns(2)
        name = cols[0].text_input(ui.t("matrix.partner_name"), key="partner_name", max_chars=80)
        service = cols[1].text_input(
            ui.t("matrix.partner_service_optional"), key="partner_service", max_chars=120
        )
        cols = st.columns(2)
        kind = cols[0].selectbox(
            ui.t("matrix.partner_kind"),
            PARTNER_KINDS,
            index=PARTNER_KINDS.index("overig"),
            format_func=_kind_label,
            key="partner_kind",
        )
        value = cols[1].text_input(
            ui.t("matrix.partner_value_optional"),
            key="partner_value",
            placeholder=ui.t("matrix.partner_value_placeholder"),
        )
        notes = st.text_area(
            ui.t("matrix.partner_notes_optional"), key="partner_notes", max_chars=4000
        )
        add = st.form_submit_button(
            ui.t("matrix.partner_add"), key="partner_submit", type="primary"
        )
    if add and ui.act(
        partners.add_partner,
        actor=ctx.actor,
        name=name,
        service=service,
        kind=kind,
        contract_value_cents=value or None,
        notes=notes,
        success=ui.t("matrix.partner_added"),
    ):
        st.rerun()
    if not view.partners:
        return
    # One editor at a time: forty open forms would make every page run slow.
    names = {p.id: p.name for p in view.partners}
    chosen = st.selectbox(
        ui.t("matrix.partner_pick"),
        list(names),
        key="partner_pick",
        format_func=names.__getitem__,
    )  # option labels are plain text
    p = view.partner(chosen)
    if p is not None:
        _partner_editor(ctx, p)


def _kind_label(kind: str) -> str:
    return ui.label("partner_kind", kind)


def _partner_editor(ctx: ui.Context, p: partners.PartnerRow) -> None:
    with st.container(border=True):
        with st.form(f"partner_edit_{p.id}", border=False):
            cols = st.columns(2)
            name = cols[0].text_input(
                ui.t("matrix.partner_name"), value=p.name, key=f"partner_name_{p.id}", max_chars=80
            )
            service = cols[1].text_input(
                ui.t("matrix.partner_service"),
                value=p.service,
                key=f"partner_service_{p.id}",
                max_chars=120,
            )
            cols = st.columns(2)
            kind = cols[0].selectbox(
                ui.t("matrix.partner_kind"),
                PARTNER_KINDS,
                index=PARTNER_KINDS.index(p.kind) if p.kind in PARTNER_KINDS else 5,
                format_func=_kind_label,
                key=f"partner_kind_{p.id}",
            )
            value = cols[1].text_input(
                ui.t("matrix.partner_value"),
                value=formats.number(p.contract_value_cents / 100, 2)
                if p.contract_value_cents is not None
                else "",
                key=f"partner_value_{p.id}",
            )
            notes = st.text_area(
                ui.t("matrix.partner_notes"), value=p.notes, key=f"partner_notes_{p.id}"
            )
            save = st.form_submit_button(ui.t("matrix.partner_save"), key=f"partner_save_{p.id}")
        if save and ui.act(
            partners.update_partner,
            actor=ctx.actor,
            partner_id=p.id,
            rev=p.rev,
            name=name,
            service=service,
            kind=kind,
            contract_value_cents=value or None,
            notes=notes,
            success=ui.t("matrix.partner_saved"),
        ):
            st.rerun()
        confirm = st.checkbox(
            ui.t("matrix.partner_delete_confirm"),
            key=f"partner_confirm_{p.id}",
        )
        if st.button(ui.t("matrix.partner_delete"), key=f"partner_delete_{p.id}") and ui.act(
            partners.delete_partner,
            actor=ctx.actor,
            partner_id=p.id,
            confirm=confirm,
            success=ui.t("matrix.partner_deleted"),
        ):
            st.rerun()


def import_form(ctx: ui.Context) -> None:
    st.markdown(ui.t("matrix.import_help"))
    upload = st.file_uploader(
        ui.t("matrix.import_file"), type=["csv", "xlsx"], key="partner_import"
    )
    if upload is not None and st.button(ui.t("matrix.import_submit"), key="partner_import_submit"):
        if ui.act(
            partners.import_partners,
            actor=ctx.actor,
            filename=upload.name,
            data=upload.getvalue(),
            success=ui.t("matrix.imported"),
        ):
            st.rerun()


def settings_panel(ctx: ui.Context, view: MatrixView) -> None:
    revealed = st.toggle(
        ui.t("matrix.reveal_toggle"),
        key=ui.synced("matrix_reveal", view.revealed),
    )
    if revealed != view.revealed:
        ui.act(partners.reveal_placements, actor=ctx.actor, revealed=revealed)
        st.rerun()
    if st.button(
        ui.t("matrix.agree_mean"),
        key="matrix_agree_mean",
        help=ui.t("matrix.agree_mean_help"),
    ):
        n = ui.act(partners.agree_at_mean, actor=ctx.actor, lens=view.lens.id)
        if n is not None:
            st.toast(
                ui.t("matrix.agreed_at_mean", n=0 if n is True else n),
                icon=":material/check_circle:",
            )
            st.rerun()
    if view.lens.id != partners.lenses.DEFAULT:
        default = component.shown_lens(partners.lenses.INVLOED_AFHANKELIJKHEID)
        st.caption(ui.t("matrix.quadrants_fixed", lens=default.name))
        return
    with st.form("quadrant_form"):
        st.markdown(ui.t("matrix.quadrant_names_heading"))
        labels = list(view.quadrant_labels)
        cols = st.columns(2)
        new = [
            cols[i % 2].text_input(
                ui.t(f"matrix.quadrant_name.{i}"),
                key=ui.synced(f"quadrant_{i}", labels[i]),
                max_chars=60,
            )
            for i in range(4)
        ]
        if st.form_submit_button(ui.t("matrix.quadrants_save"), key="quadrant_submit"):
            if ui.act(
                workshops.set_quadrant_labels,
                actor=ctx.actor,
                labels=new,
                success=ui.t("matrix.quadrants_saved"),
            ):
                st.rerun()


def _towards(axis, shown, high: bool) -> str:
    """Where a direction goes in a lens's words: 'meer invloed' or 'naar faciliteren'.
    ``axis``: the lens's own (Dutch) axis; ``shown``: the same axis in the viewer's words."""
    if (axis.high if high else axis.low) in ("hoog", "laag"):
        return ui.t("matrix.towards_more" if high else "matrix.towards_less", word=shown.word)
    return ui.t("matrix.towards", word=shown.high if high else shown.low)


def direction_form(ctx: ui.Context, view: MatrixView) -> None:
    if not view.partners:
        return
    ids = [p.id for p in view.partners]
    order = [c.partner_id for c in view.consensus] or ids
    ids = [i for i in order if i in ids] + [i for i in ids if i not in order]
    names = {p.id: p.name for p in view.partners}
    pid = st.selectbox(
        ui.t("matrix.direction_partner"),
        ids,
        key="direction_partner",
        format_func=lambda i: names[i] + (" ✓" if i in view.directions else ""),
    )
    d = view.directions.get(pid)
    lens = component.shown_lens(view.lens)
    y, x = view.lens.vertical, view.lens.horizontal
    st.caption(
        ui.t(
            "matrix.direction_caption",
            lens=lens.name,
            up=_towards(y, lens.vertical, True),
            down=_towards(y, lens.vertical, False),
            right=_towards(x, lens.horizontal, True),
            left=_towards(x, lens.horizontal, False),
        )
    )
    with st.form(f"direction_form_{pid}"):
        direction = st.radio(
            ui.t("matrix.direction"),
            DIRECTIONS,
            horizontal=True,
            key=f"direction_{pid}",
            index=DIRECTIONS.index(d.direction) if d else 4,
            format_func=lambda value: ui.label("direction", value),
        )
        rationale = st.text_area(
            ui.t("matrix.direction_rationale"),
            value=d.rationale if d else "",
            key=f"direction_rationale_{pid}",
        )
        action = st.text_area(
            ui.t("matrix.direction_action"),
            value=d.action if d else "",
            key=f"direction_action_{pid}",
        )
        cols = st.columns(2)
        owner = cols[0].text_input(
            ui.t("matrix.direction_owner"),
            value=d.owner if d else "",
            max_chars=80,
            key=f"direction_owner_{pid}",
        )
        review = cols[1].date_input(
            ui.t("matrix.direction_review"),
            value=d.review_date if d else None,
            format="DD-MM-YYYY",
            key=f"direction_review_{pid}",
        )
        dissent = st.text_area(
            ui.t("matrix.direction_dissent"),
            value=d.dissent if d else "",
            key=f"direction_dissent_{pid}",
        )
        save = st.form_submit_button(
            ui.t("matrix.direction_save"), key=f"direction_submit_{pid}", type="primary"
        )
    if save and ui.act(
        partners.set_direction,
        actor=ctx.actor,
        partner_id=pid,
        direction=direction,
        rationale=rationale,
        action=action,
        owner=owner,
        review_date=review,
        dissent=dissent,
        rev=d.rev if d else None,
        lens=view.lens.id,
        success=ui.t("matrix.direction_saved"),
    ):
        st.rerun()
