"""The facilitator's tools on the Doelenboom page: phase and voting settings, adding,
editing and moving nodes, and merging duplicates."""

from __future__ import annotations

import streamlit as st

from kompas import goaltree, ui, workshops
from kompas.goaltree import NodeView, TreeView
from kompas.ui import esc_inline
from kompas.ui.goaltree import add_form, parent_label

DELETE_PENDING_KEY = "tree_delete_pending"  # the node whose delete waits for a yes
MERGE_GONE_KEY = "merge_gone"  # the node that goes up in the kept one
MERGE_FOR_KEY = "tree_merge_for"  # the kept node that choice belongs to


def facilitator_tools(ctx: ui.Context, view: TreeView) -> None:
    with st.expander(ui.t("tree.tools"), expanded=False):
        tabs = st.tabs([ui.t(f"tree.tools_tab_{tab}") for tab in ("phase", "add", "edit", "merge")])
        with tabs[0]:
            _phase_and_votes(ctx, view)
        with tabs[1]:
            add_form(ctx, view)
        with tabs[2]:
            _edit_move(ctx, view)
        with tabs[3]:
            _merge(ctx, view)


def _phase_and_votes(ctx: ui.Context, view: TreeView) -> None:
    # the phase and the reveal are at the top of the page (kompas.ui.now) and act at once
    st.caption(ui.t("tree.tools_phase_at_top"))
    if st.button(
        ui.t("tree.template"),
        key="tree_template",
        help=ui.t("tree.template_help"),
    ):
        added = ui.act(goaltree.apply_template, actor=ctx.actor)
        if added is not None:
            st.toast(ui.t("tree.template_added", n=0 if added is True else added))
            st.rerun()
    with st.form("vote_settings", border=False):
        cols = st.columns(3)
        budget = cols[0].number_input(
            ui.t("tree.vote_budget"), 1, 20, key=ui.synced("vote_budget", view.vote_budget)
        )
        per_node = cols[1].number_input(
            ui.t("tree.vote_max"), 1, 20, key=ui.synced("vote_max", view.max_votes_per_node)
        )
        level = cols[2].selectbox(
            ui.t("tree.vote_level"),
            list(workshops.VOTE_LEVELS),
            format_func=lambda level: ui.label("vote_level", level),
            key=ui.synced("vote_level", view.vote_level),
        )
        if st.form_submit_button(ui.t("tree.settings_save"), key="vote_settings_submit"):
            if ui.act(
                workshops.update_workshop,
                actor=ctx.actor,
                vote_budget=budget,
                max_votes_per_node=per_node,
                vote_level=level,
                success=ui.t("tree.settings_saved"),
            ):
                st.rerun()


def _node_picker(
    view: TreeView, label: str, key: str, *, with_root: bool = False
) -> NodeView | None:
    nodes = [n for n in view.nodes if with_root or n.kind != "main_goal"]
    if not nodes:
        return None
    titles = {n.id: parent_label(n) for n in nodes}
    picked = st.selectbox(
        label,
        list(titles),
        key=key,
        format_func=lambda i: titles.get(i, ""),
        placeholder=ui.t("tree.pick_node"),
    )
    return view.node(picked) if picked in titles else None


def _edit_move(ctx: ui.Context, view: TreeView) -> None:
    node = _node_picker(view, ui.t("tree.edit_node"), "edit_node", with_root=True)
    if node is None:
        return
    partners = dict(view.partners)
    with st.form(f"edit_form_{node.id}_{node.rev}", border=False):
        title = st.text_input(
            ui.t("tree.edit_title"), value=node.title, key=f"edit_title_{node.id}", max_chars=200
        )
        description = st.text_area(
            ui.t("tree.edit_description"),
            value=node.description,
            key=f"edit_desc_{node.id}",
            height=68,
        )
        partner = node.partner_id
        if node.kind == "activity":
            opts = [None, *partners]
            no_partner = ui.t("tree.edit_no_partner")
            partner = st.selectbox(
                ui.t("tree.edit_partner"),
                opts,
                index=opts.index(node.partner_id) if node.partner_id in opts else 0,
                format_func=lambda i: no_partner if i is None else partners.get(i, ""),
                key=f"edit_partner_{node.id}",
            )
        if st.form_submit_button(ui.t("tree.edit_submit"), key="edit_submit"):
            if ui.act(
                goaltree.edit_node,
                actor=ctx.actor,
                node_id=node.id,
                rev=node.rev,
                title=title,
                description=description,
                partner_id=partner,
                success=ui.t("tree.edited"),
            ):
                st.rerun()
    if node.kind == "main_goal":
        return
    targets = move_targets(view, node)
    labels = {n.id: parent_label(n) for n in targets}
    if not labels:
        st.caption(ui.t("tree.move_nowhere"))
        _delete(ctx, node)
        return
    cols = st.columns([3, 1], vertical_alignment="bottom")
    target = cols[0].selectbox(
        ui.t("tree.move_to"),
        list(labels),
        index=default_index(targets, view.node(node.parent_id) if node.parent_id else None),
        key=f"move_to_{node.id}",
        format_func=lambda i: labels.get(i, ""),
        help=ui.t("tree.move_help"),
    )
    if cols[1].button(ui.t("tree.move"), key="move_submit"):
        if ui.act(
            goaltree.move_node,
            actor=ctx.actor,
            node_id=node.id,
            new_parent_id=target,
            rev=node.rev,
            success=ui.t("tree.moved"),
        ):
            st.rerun()
    _delete(ctx, node)


def _delete(ctx: ui.Context, node: NodeView) -> None:
    """Delete at once when nothing goes with the node; otherwise ask first and say what
    goes (nodes below, dots)."""
    state = st.session_state
    if st.button(ui.t("tree.delete"), key="delete_submit_node", icon=":material/delete:"):
        impact = ui.read(goaltree.delete_impact, ctx.workshop_id, node.id)
        if impact.asks_first:
            state[DELETE_PENDING_KEY] = node.id
        elif ui.act(
            goaltree.delete_node, actor=ctx.actor, node_id=node.id, success=ui.t("tree.deleted")
        ):
            st.rerun()
    if state.get(DELETE_PENDING_KEY) != node.id:
        return
    impact = ui.read(goaltree.delete_impact, ctx.workshop_id, node.id)
    with st.container(border=True, key="delete_confirm_box"):
        st.warning(impact.sentence(esc_inline(node.title)), icon=":material/warning:")
        cols = st.columns(2)
        if cols[0].button(ui.t("tree.delete_confirm"), key="delete_confirm", type="primary"):
            state.pop(DELETE_PENDING_KEY, None)
            if ui.act(
                goaltree.delete_node,
                actor=ctx.actor,
                node_id=node.id,
                success=ui.t("tree.deleted"),
            ):
                st.rerun()
        if cols[1].button(ui.t("tree.delete_cancel"), key="delete_cancel"):
            state.pop(DELETE_PENDING_KEY, None)
            st.rerun()


def subtree_ids(view: TreeView, node: NodeView) -> set[int]:
    ids, todo = set(), [node.id]
    while todo:
        current = todo.pop()
        ids.add(current)
        todo.extend(view.node(current).children)
    return ids


def move_targets(view: TreeView, node: NodeView) -> list[NodeView]:
    """Where a node can go: anywhere with room for children, except its own place, the
    node itself and anything under it."""
    own = subtree_ids(view, node)
    return [
        n
        for n in view.nodes
        if goaltree.CHILD_KINDS.get(n.kind) and n.id != node.parent_id and n.id not in own
    ]


def default_index(options: list[NodeView], like: NodeView | None) -> int:
    """The first option of the same kind as ``like`` (a move goes to another node on the
    same level as its parent, a duplicate is of the same kind as what it joins)."""
    if like is not None:
        for i, n in enumerate(options):
            if n.kind == like.kind:
                return i
    return 0


def merge_candidates(view: TreeView, keep: NodeView) -> list[NodeView]:
    """What can go up in ``keep``: not the main goal, not ``keep`` itself and not a node
    that ``keep`` stands under (the domain refuses those)."""
    above, current = set(), keep
    while current.parent_id:
        above.add(current.parent_id)
        current = view.node(current.parent_id)
    return [
        n for n in view.nodes if n.kind != "main_goal" and n.id != keep.id and n.id not in above
    ]


def _merge(ctx: ui.Context, view: TreeView) -> None:
    st.caption(ui.t("tree.merge_explained"))
    keep = _node_picker(view, ui.t("tree.merge_keep"), "merge_keep")
    if keep is None:
        return
    candidates = merge_candidates(view, keep)
    if not candidates:
        st.caption(ui.t("tree.merge_nothing"))
        return
    titles = {n.id: parent_label(n) for n in candidates}
    later = [n for n in candidates if n.order > keep.order]
    like = [n for n in later if n.kind == keep.kind] or [
        n for n in candidates if n.kind == keep.kind
    ]
    # another node to keep: the second picker starts again at its default
    if st.session_state.get(MERGE_FOR_KEY) != keep.id:
        st.session_state.pop(MERGE_GONE_KEY, None)
        st.session_state[MERGE_FOR_KEY] = keep.id
    gone_id = st.selectbox(
        ui.t("tree.merge_gone"),
        list(titles),
        index=list(titles).index(like[0].id) if like else 0,
        key=MERGE_GONE_KEY,
        format_func=lambda i: titles.get(i, ""),
        help=ui.t("tree.merge_gone_help"),
    )
    if gone_id in titles and st.button(ui.t("tree.merge"), key="merge_submit"):
        if ui.act(
            goaltree.merge_nodes,
            actor=ctx.actor,
            keep_id=keep.id,
            merge_id=gone_id,
            success=ui.t("tree.merged"),
        ):
            st.rerun()
