"""Partnermatrix page: per partner the relation (opdrachtgever én partner) and the
interests. Everyone sees them; participants add interests without a name; the facilitator
records the relation and groups the interests."""

from __future__ import annotations

import streamlit as st

from kompas import ui
from kompas.models import INTEREST_KINDS, RELATION_TYPES
from kompas.partners import relations
from kompas.ui import esc

PICK_KEY = "relation_partner"
INTEREST_TEXT_KEY = "interest_text"
INTEREST_KIND_KEY = "interest_kind"
RELATION_CHOICES = ("", *RELATION_TYPES)


def rows_for(ctx: ui.Context) -> tuple:
    return ui.read(relations.relations, ctx.workshop_id)


def relations_part(ctx: ui.Context) -> None:
    """The live part: pick a partner, see its relation and interests, add an interest."""
    rows = rows_for(ctx)
    if not rows:
        return
    st.subheader(ui.t("matrix.relations_heading"))
    st.caption(ui.t("matrix.relations_caption"))
    ui.show_pending_errors()
    names = {r.partner_id: r.name for r in rows}
    pid = st.selectbox(
        ui.t("matrix.relation_partner"),
        list(names),
        key=PICK_KEY,
        format_func=lambda i: names.get(i, "") + (" ✓" if _row(rows, i).recorded else ""),
    )
    row = _row(rows, pid)
    if row is None:
        return
    left, right = st.columns(2, gap="large")
    with left:
        _relation_text(row)
        if ctx.is_facilitator:
            _relation_form(ctx, row)
    with right:
        _interests(ctx, row)


def _row(rows: tuple, partner_id) -> relations.RelationRow | None:
    return next((r for r in rows if r.partner_id == partner_id), None)


def _relation_text(row: relations.RelationRow) -> None:
    st.markdown(
        ui.t(
            "matrix.relation_now_desired",
            now=esc(ui.label("relation", row.relation_now)),
            desired=esc(ui.label("relation", row.relation_desired)),
        )
    )
    for title, value in (
        (ui.t("matrix.roles_agreements"), row.roles_agreements),
        (ui.t("matrix.good_enough"), row.good_enough),
    ):
        if value:
            st.markdown(f"**{title}**")
            st.text(value)  # literal: no Markdown, no links


def _relation_label(relation: str) -> str:
    return ui.label("relation", relation)


def _interest_kind_label(kind: str) -> str:
    return ui.label("interest_kind", kind)


def _relation_form(ctx: ui.Context, row: relations.RelationRow) -> None:
    pid = row.partner_id
    with st.form(f"relation_form_{pid}"):
        cols = st.columns(2)
        now = cols[0].selectbox(
            ui.t("matrix.relation_now"),
            RELATION_CHOICES,
            index=RELATION_CHOICES.index(row.relation_now)
            if row.relation_now in RELATION_CHOICES
            else 0,
            format_func=_relation_label,
            key=f"relation_now_{pid}",
        )
        desired = cols[1].selectbox(
            ui.t("matrix.relation_desired"),
            RELATION_CHOICES,
            index=RELATION_CHOICES.index(row.relation_desired)
            if row.relation_desired in RELATION_CHOICES
            else 0,
            format_func=_relation_label,
            key=f"relation_desired_{pid}",
        )
        roles = st.text_area(
            ui.t("matrix.roles_optional"),
            value=row.roles_agreements,
            key=f"relation_roles_{pid}",
        )
        enough = st.text_area(
            ui.t("matrix.good_enough_optional"),
            value=row.good_enough,
            key=f"relation_enough_{pid}",
            help=ui.t("matrix.good_enough_help"),
        )
        save = st.form_submit_button(ui.t("matrix.relation_save"), key=f"relation_submit_{pid}")
    if save and ui.act(
        relations.set_relation,
        actor=ctx.actor,
        partner_id=pid,
        rev=row.rev,
        relation_now=now,
        relation_desired=desired,
        roles_agreements=roles,
        good_enough=enough,
        success=ui.t("matrix.relation_saved"),
    ):
        st.rerun()


def _interests(ctx: ui.Context, row: relations.RelationRow) -> None:
    st.markdown(ui.t("matrix.interests_heading"))
    if not row.interests:
        st.caption(ui.t("matrix.no_interests"))
    heading = None
    for interest in row.interests:
        if interest.grouping != heading:
            heading = interest.grouping
            st.markdown(f"*{esc(heading) if heading else ui.t('matrix.interests_ungrouped')}*")
        st.text(f"{ui.label('interest_kind', interest.kind)}: {interest.text}")
    refusal = ctx.write_refusal("matrix")
    if refusal:
        st.caption(refusal)
    else:
        with st.form(f"interest_form_{row.partner_id}", border=True):
            st.radio(
                ui.t("matrix.interest_kind"),
                INTEREST_KINDS,
                format_func={k: ui.label("interest_kind", k) for k in INTEREST_KINDS}.get,
                horizontal=True,
                key=INTEREST_KIND_KEY,
            )
            st.text_area(
                ui.t("matrix.interest"),
                key=INTEREST_TEXT_KEY,
                max_chars=relations.INTEREST_MAX,
                placeholder=ui.t("matrix.interest_placeholder"),
                help=ui.t("matrix.interest_help"),
            )
            st.form_submit_button(
                ui.t("matrix.interest_submit"),
                key=f"interest_submit_{row.partner_id}",
                on_click=_add_interest,
                args=(ctx.actor, row.partner_id),
            )
    if ctx.is_facilitator and row.interests:
        _group_form(ctx, row)


def _add_interest(actor, partner_id: int) -> None:
    """Sends the interest; clears the text only when it was saved."""
    state = st.session_state
    done = ui.act(
        relations.add_interest,
        actor=actor,
        partner_id=partner_id,
        kind=state.get(INTEREST_KIND_KEY, "gedeeld"),
        text_=state.get(INTEREST_TEXT_KEY, ""),
        later=True,
        success=ui.t("matrix.interest_added"),
    )
    if done:
        state[INTEREST_TEXT_KEY] = ""


def _group_form(ctx: ui.Context, row: relations.RelationRow) -> None:
    with st.expander(ui.t("matrix.interests_order"), expanded=False):
        with st.form(f"interest_groups_{row.partner_id}", border=False):
            st.caption(ui.t("matrix.interests_order_caption"))
            values = {}
            for interest in row.interests:
                cols = st.columns([3, 2, 2])
                cols[0].text(interest.text)
                values[interest.id] = (
                    cols[1].text_input(
                        ui.t("matrix.interest_group"),
                        value=interest.grouping,
                        max_chars=relations.GROUPING_MAX,
                        key=f"interest_group_{interest.id}",
                    ),
                    cols[2].selectbox(
                        ui.t("matrix.interest_kind_short"),
                        INTEREST_KINDS,
                        index=INTEREST_KINDS.index(interest.kind)
                        if interest.kind in INTEREST_KINDS
                        else 0,
                        format_func=_interest_kind_label,
                        key=f"interest_kindof_{interest.id}",
                    ),
                )
            save = st.form_submit_button(
                ui.t("matrix.interest_groups_save"), key=f"interest_groups_save_{row.partner_id}"
            )
        if save:
            changed = [
                (iid, grouping, kind)
                for iid, (grouping, kind) in values.items()
                if (grouping, kind)
                != next(((i.grouping, i.kind) for i in row.interests if i.id == iid), None)
            ]
            if all(
                ui.act(
                    relations.group_interest,
                    actor=ctx.actor,
                    interest_id=iid,
                    grouping=grouping,
                    kind=kind,
                )
                for iid, grouping, kind in changed
            ):
                st.rerun()
        names = {i.id: i.text[:60] for i in row.interests}
        gone = st.selectbox(
            ui.t("matrix.interest_delete_pick"),
            list(names),
            format_func=names.get,
            key=f"interest_delete_pick_{row.partner_id}",
        )
        if st.button(
            ui.t("matrix.interest_delete"), key=f"interest_delete_{row.partner_id}"
        ) and ui.act(
            relations.delete_interest,
            actor=ctx.actor,
            interest_id=gone,
            success=ui.t("matrix.interest_deleted"),
        ):
            st.rerun()
