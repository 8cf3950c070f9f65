"""Streamlit parts of the Doelenboom page: the proposal form, the facilitator's tools,
the tree picture with its text outline, dot voting and the priority list."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kompas import goaltree, ui, workshops
from kompas.goaltree import NodeView, TreeView
from kompas.models import PHASES, ROLE_GROUPS
from kompas.ui import esc_inline
from kompas.workshops import MIN_GROUP

MAX_PROPOSAL_ROWS = 12  # rows with buttons; more makes every redraw slow
# The parts of the workshop each live part of the page shows (kompas.live.PARTS).
TREE_PARTS = ("workshop", "tree", "votes")
FORM_SHOWN_KEY = "tree_form_shown"  # the proposal form was on screen in this session
FORM_FIELDS = ("node_title", "node_description")
# the parent of the last proposal: "Onder" starts there again, also after the form was
# away (another page, a phase without the form), when Streamlit forgets a widget's value
LAST_PARENT_KEY = "tree_last_parent"


def tree_for(ctx: ui.Context) -> TreeView:
    """The tree for this viewer: the shared view (one query per change for everyone)
    plus the viewer's own dots (a small query each)."""
    shared = ui.read(goaltree.tree_view, ctx.workshop_id)
    if ctx.participant_id is None:
        return shared
    mine = ui.read(goaltree.votes_by_participant, ctx.workshop_id).get(ctx.participant_id, ())
    return goaltree.with_viewer(shared, mine)


def who(node: NodeView) -> str:
    """Who proposed ``node``, in the viewer's language: "gemeente", "procesbegeleider"."""
    if node.author_role == goaltree.FACILITATOR_ROLE:
        return ui.t("tree.facilitator")
    return ui.label("role", node.author_role).lower()


# Selectbox and multiselect options are shown literally in Streamlit 1.67 (checked in
# Chromium: escaped text showed its backslashes), so option labels are not escaped.
def parent_label(node: NodeView) -> str:
    return f"{'· ' * node.depth}{ui.label('node_kind', node.kind)}: {node.title}"[:140]


def parent_options(view: TreeView, ctx: ui.Context) -> list[NodeView]:
    """Nodes a new node may stand under (for a participant: accepted ones and their own)."""
    return [
        n
        for n in view.nodes
        if goaltree.CHILD_KINDS.get(n.kind)
        and (ctx.is_facilitator or n.status == "accepted" or n.author_id == ctx.participant_id)
    ]


# --- inputs outside the live fragment -------------------------------------------------------


def add_form(ctx: ui.Context, view: TreeView) -> None:
    """node_title, node_parent (defaults to the main goal), node_submit. After a phase
    change the form stays for whoever had it open, with what they typed and why it cannot
    be sent now; a refused proposal keeps its text."""
    refusal = ctx.write_refusal("tree", goaltree.PROPOSE_PHASES)
    if refusal:
        if not st.session_state.get(FORM_SHOWN_KEY):
            return
        cols = st.columns([5, 1], vertical_alignment="center")
        cols[0].warning(ui.t("tree.form_refused", refusal=refusal), icon=":material/edit_off:")
        if cols[1].button(ui.t("tree.form_close"), key="node_form_close"):
            st.session_state[FORM_SHOWN_KEY] = False
            st.rerun(scope="fragment")
    else:
        st.session_state[FORM_SHOWN_KEY] = True
    ui.show_pending_errors()
    options = parent_options(view, ctx)
    labels = {n.id: parent_label(n) for n in options}
    last = st.session_state.get(LAST_PARENT_KEY)
    partners = dict(view.partners)
    with st.form("node_form", border=True):
        st.markdown(
            ui.t("tree.propose_heading") if not ctx.is_facilitator else ui.t("tree.add_heading")
        )
        st.text_input(
            ui.t("tree.node_title"),
            key="node_title",
            max_chars=200,
            placeholder=ui.t("tree.node_title_example"),
        )
        st.selectbox(
            ui.t("tree.parent"),
            list(labels),
            index=list(labels).index(last) if last in labels else 0,
            key="node_parent",
            format_func=lambda i: labels.get(i, ""),
            help=ui.t("tree.parent_help"),
        )
        st.text_area(ui.t("tree.description"), key="node_description", height=68)
        if ctx.is_facilitator:
            cols = st.columns(2)
            cols[0].selectbox(
                ui.t("tree.kind"),
                ["domain", "vision"],
                format_func=lambda kind: ui.label("node_kind", kind),
                key="node_kind",
                help=ui.t("tree.kind_help"),
            )
            no_partner = ui.t("tree.no_partner")
            cols[1].selectbox(
                ui.t("tree.partner"),
                [None, *partners],
                format_func=lambda i: no_partner if i is None else partners.get(i, ""),
                key="node_partner",
            )
        st.form_submit_button(
            ui.t("tree.submit"),
            key="node_submit",
            type="primary",
            on_click=_submit_node,
            args=(ctx, view),
        )


def _submit_node(ctx: ui.Context, view: TreeView) -> None:
    """Sends the proposal; clears the form only when it was saved."""
    state = st.session_state
    parent = state.get("node_parent")
    parent_node = next((n for n in view.nodes if n.id == parent), view.root)
    kind = (
        state.get("node_kind") if ctx.is_facilitator and parent_node.kind == "main_goal" else None
    )
    partner = (
        state.get("node_partner") if ctx.is_facilitator and parent_node.kind == "effect" else None
    )
    done = ui.act(
        goaltree.add_node,
        actor=ctx.actor,
        parent_id=parent_node.id,
        title=state.get("node_title", ""),
        kind=kind,
        description=state.get("node_description", ""),
        partner_id=partner,
        later=True,
        success=ui.t("tree.added") if ctx.is_facilitator else ui.t("tree.proposed"),
    )
    if done:
        for key in FORM_FIELDS:
            state[key] = ""
        state[LAST_PARENT_KEY] = parent_node.id


# --- the live part --------------------------------------------------------------------------


def _callback(fn, **kwargs) -> dict:
    """Button arguments that run a domain action before the next run, so everything the
    live part draws afterwards already includes the change (no extra rerun); a refusal
    shows at the top of the live part (ui.show_pending_errors)."""
    return {"on_click": ui.act, "args": (fn,), "kwargs": {"later": True, **kwargs}}


def status(ctx: ui.Context, view: TreeView) -> None:
    st.markdown(
        ui.t(
            "tree.phase",
            phase=ui.phase_label("tree", view.phase),
            locked=ui.t("tree.locked") if view.locked else "",
            help=ui.t(f"tree.phase_help.{view.phase}") if view.phase in PHASES["tree"] else "",
        )
    )
    if view.phase in ("stemmen", "resultaat") or view.voters:
        with st.container(key="tree_voters"):
            st.text(ui.t("tree.voters", voters=view.voters, participants=view.participants))
    if view.my_remaining is not None and view.phase == "stemmen":
        with st.container(key="tree_budget"):
            st.text(
                ui.t(
                    "tree.budget",
                    remaining=view.my_remaining,
                    budget=view.vote_budget,
                    per_node=view.max_votes_per_node,
                    level=ui.label("vote_level", view.vote_level),
                )
            )
    if view.phase == "stemmen" and not view.revealed:
        st.caption(ui.t("tree.votes_hidden"))


def actions_and_outline(ctx: ui.Context, view: TreeView) -> None:
    left, right = st.columns(2, gap="medium")
    with left:
        proposals(ctx, view)
        voting(ctx, view)
    with right:
        st.markdown(ui.t("tree.outline"))
        outline(view)


LEGEND_KEY = "tree_legend"
ENLARGE_ZOOM = 1.5  # the enlarged picture, as the presenter screen scales it (CSS zoom)


def legend_text(revealed: bool) -> str:
    """What the shapes in the picture mean, as text beside the picture."""
    keys = ["proposal", "accepted", "agreed", "folded", "dots" if revealed else "dots_later"]
    return "\n".join(f"- {ui.t(f'tree.legend_{key}')}" for key in keys)


def enlarged(workshop_id: int, revealed: bool, collapsed: tuple[int, ...]) -> None:
    """The picture larger, in a dialog with a title in the viewer's language."""
    st.dialog(ui.t("tree.enlarged_title"), width="large")(_enlarged)(
        workshop_id, revealed, collapsed, ui.current_language()
    )


def _enlarged(workshop_id: int, revealed: bool, collapsed: tuple[int, ...], language: str) -> None:
    st.html(
        "<style>.st-key-tree_picture_large { overflow-x: auto; }"
        f".st-key-tree_picture_large .stVegaLiteChart {{ zoom: {ENLARGE_ZOOM}; }}"
        "@media (max-width: 640px) { .st-key-tree_picture_large .stVegaLiteChart "
        "{ zoom: 1; } }</style>"
    )
    with st.container(key="tree_picture_large"):
        spec = ui.read_chart(goaltree.chart_spec, workshop_id, revealed, collapsed, language)
        st.vega_lite_chart(spec=spec, theme=None, width="content")
    st.markdown(legend_text(revealed))


def picture(ctx: ui.Context, view: TreeView) -> None:
    domains = {n.id: n.title for n in view.nodes if n.kind == "domain" and n.children}
    cols = st.columns([3, 1], vertical_alignment="bottom")
    collapsed = cols[0].multiselect(
        ui.t("tree.collapse"),
        list(domains),
        key="tree_collapse",
        format_func=lambda i: domains.get(i, ""),
        placeholder=ui.t("tree.collapse_none"),
    )
    collapsed = tuple(sorted(i for i in collapsed if i in domains))
    if cols[1].button(
        ui.t("tree.enlarge"),
        key="tree_enlarge",
        icon=":material/zoom_in:",
        help=ui.t("tree.enlarge_help"),
        width="stretch",
    ):
        enlarged(ctx.workshop_id, view.revealed, collapsed)
    # the tooltips and the description of the picture in the viewer's language
    language = ui.current_language()
    spec = ui.read_chart(goaltree.chart_spec, ctx.workshop_id, view.revealed, collapsed, language)
    # narrower than the tree (a phone): scroll sideways instead of cutting it off
    st.html("<style>.st-key-tree_picture { overflow-x: auto; }</style>")
    with st.container(height=720 if spec.get("height", 0) > 720 else "content", key="tree_picture"):
        ui.draw_chart(goaltree.chart_spec, ctx.workshop_id, view.revealed, collapsed, language)
    with st.container(key=LEGEND_KEY):
        st.markdown(ui.t("tree.legend"))
        st.markdown(legend_text(view.revealed))


def dots(n: int) -> str:
    """ "1 stip", "3 stippen" in the viewer's language."""
    return ui.t("tree.dots_one", n=n) if n == 1 else ui.t("tree.dots_many", n=n)


def outline_markdown(view: TreeView) -> str:
    """Every node as an escaped nested Markdown list (for screen readers and search)."""
    lines = []
    for n in view.nodes:
        extra = []
        if n.is_proposal:
            extra.append(ui.t("tree.proposal_by", who=who(n)))
        if n.partner_name:
            extra.append(ui.t("tree.node_partner", name=esc_inline(n.partner_name)))
        if n.aliases:
            names = "; ".join(esc_inline(a) for a in n.aliases)
            extra.append(ui.t("tree.also_called", names=names))
        if n.total is not None and n.kind in ("effect", "activity"):
            extra.append(dots(n.total))
        if n.agreed:
            extra.append(ui.t("tree.agreed"))
        tail = f" ({', '.join(extra)})" if extra else ""
        kind = ui.label("node_kind", n.kind)
        lines.append(f"{'    ' * n.depth}- **{kind}:** {esc_inline(n.title)}{tail}")
    return "\n".join(lines)


def outline(view: TreeView) -> None:
    # No inner scroll box: it would need its own keyboard focus (WCAG 2.1.1), and on a
    # phone a box inside a scrolling page traps the thumb.
    with st.container(key="tree_outline"):
        st.markdown(outline_markdown(view))


def proposals(ctx: ui.Context, view: TreeView) -> None:
    """Facilitator: accept or delete proposals. Participant: withdraw their own."""
    if ctx.is_facilitator:
        items = [n for n in view.nodes if n.is_proposal]
        heading = ui.t("tree.proposals", n=len(items))
    else:
        items = [n for n in view.nodes if n.is_proposal and n.author_id == ctx.participant_id]
        heading = ui.t("tree.my_proposals", n=len(items))
        if not ctx.can_write("tree", goaltree.EDIT_PHASES):
            return
    if not items:
        return
    st.markdown(f"**{heading}**")
    if ctx.is_facilitator and len(items) > 1:
        st.button(
            ui.t("tree.accept_all", n=len(items)),
            key="accept_all",
            **_callback(goaltree.accept_all, actor=ctx.actor, success=ui.t("tree.accepted")),
        )
    for n in items[:MAX_PROPOSAL_ROWS]:
        parent = view.node(n.parent_id) if n.parent_id else None
        cols = st.columns([6, 1, 1] if ctx.is_facilitator else [6, 2], vertical_alignment="center")
        under = ui.t(
            "tree.proposal_under",
            kind=ui.label("node_kind", n.kind),
            parent=esc_inline(parent.title) if parent else "–",
            who=who(n),
        )
        cols[0].markdown(f"{esc_inline(n.title)}  \n:gray[{under}]")
        if ctx.is_facilitator:
            cols[1].button(
                ":material/check:",
                key=f"accept_{n.id}",
                help=ui.t("tree.accept"),
                **_callback(
                    goaltree.accept_node,
                    actor=ctx.actor,
                    node_id=n.id,
                    success=ui.t("tree.accepted"),
                ),
            )
            cols[2].button(
                ":material/delete:",
                key=f"reject_{n.id}",
                help=ui.t("tree.reject"),
                **_callback(
                    goaltree.delete_node,
                    actor=ctx.actor,
                    node_id=n.id,
                    success=ui.t("tree.rejected"),
                ),
            )
        else:
            cols[1].button(
                ui.t("tree.withdraw"),
                key=f"withdraw_{n.id}",
                **_callback(
                    goaltree.delete_node,
                    actor=ctx.actor,
                    node_id=n.id,
                    success=ui.t("tree.withdrawn"),
                ),
            )
    if len(items) > MAX_PROPOSAL_ROWS:
        st.caption(ui.t("tree.more_proposals", n=len(items) - MAX_PROPOSAL_ROWS))


def voting(ctx: ui.Context, view: TreeView) -> None:
    """vote_<id> and unvote_<id> per node on the voting level, grouped by domain."""
    if (
        ctx.is_facilitator
        or not ctx.can_write("tree", goaltree.VOTE_PHASES)
        or view.my_remaining is None
    ):
        return
    st.markdown(ui.t("tree.voting"))
    # no scroll box inside the page (on a phone it traps the finger), and a row that
    # stays one row on a phone: the title, then the dots and two clearly named buttons
    box = st.container(key="tree_votes")
    mine = dict(view.my_votes)
    domain = ""
    for n in view.nodes:
        if n.kind == "domain":
            domain = n.title
        if not view.votable(n):
            continue
        count = mine.get(n.id, 0)
        row = box.container(border=True, key=f"vote_row_{n.id}")
        row.markdown(f"{esc_inline(n.title)}  \n:gray[{esc_inline(domain)}]")
        line = row.container(horizontal=True, vertical_alignment="center", gap="small")
        line.text(f"{'●' * count} {dots(count)}".strip())
        line.button(
            ui.t("tree.vote"),
            key=f"vote_{n.id}",
            icon=":material/add:",
            help=ui.t("tree.vote_help", title=esc_inline(n.title)),
            disabled=view.my_remaining <= 0 or count >= view.max_votes_per_node,
            **_callback(goaltree.cast_vote, actor=ctx.actor, node_id=n.id),
        )
        line.button(
            ui.t("tree.unvote"),
            key=f"unvote_{n.id}",
            icon=":material/remove:",
            help=ui.t("tree.unvote_help", title=esc_inline(n.title)),
            disabled=count == 0,
            **_callback(goaltree.remove_vote, actor=ctx.actor, node_id=n.id),
        )


def result(ctx: ui.Context, view: TreeView) -> None:
    """The ranked priority list, only once votes are revealed."""
    if view.phase not in ("resultaat", "gesloten") and not view.revealed:
        return
    st.subheader(ui.t("tree.priorities"))
    if not view.revealed:
        st.info(ui.t("tree.not_revealed"), icon=":material/visibility_off:")
        if ctx.is_facilitator and st.button(ui.t("tree.reveal"), key="reveal_votes"):
            ui.act(workshops.update_workshop, actor=ctx.actor, votes_revealed=True)
            st.rerun()
        return
    rows = ui.read(goaltree.priorities, ctx.workshop_id)
    if not rows:
        st.info(ui.t("tree.no_dots"), icon=":material/info:")
        return
    col = {c: ui.t(f"tree.col_{c}") for c in ("rank", "node", "kind", "domain", "dots", "agreed")}
    role = {g: ui.label("role", g) for g in ROLE_GROUPS}
    table = pd.DataFrame(
        [
            {
                col["rank"]: r.rank,
                col["node"]: r.title,
                col["kind"]: ui.label("node_kind", r.kind),
                col["domain"]: r.domain_title,
                col["dots"]: r.total,
                **{role.get(g, g): c for g, c in r.by_role},
                col["agreed"]: "★" if r.agreed else "",
            }
            for r in rows
        ]
    )
    roles = [role[g] for g in ROLE_GROUPS if role[g] in table.columns]
    # what the discussion is about first: the dots and the dots per role stay in view
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="priority_table",
        column_order=[col["rank"], col["node"], col["dots"], *roles, col["agreed"], col["kind"]]
        + [col["domain"]],
        column_config={
            col["rank"]: st.column_config.NumberColumn(width=55),
            col["node"]: st.column_config.TextColumn(width=210),
            col["dots"]: st.column_config.NumberColumn(width=70),
            **{r: st.column_config.NumberColumn(width=80) for r in roles},
            col["agreed"]: st.column_config.TextColumn(width=95),
        },
        placeholder="",
    )
    if rows[0].by_role:
        totals = {g: sum(dict(r.by_role).get(g, 0) for r in rows) for g in ROLE_GROUPS}
        per_role = " · ".join(f"{role[g]} {totals[g]}" for g in ROLE_GROUPS)
        st.caption(ui.t("tree.dots_per_role", totals=per_role))
    else:
        st.caption(ui.t("tree.dots_per_role_hidden", min_group=MIN_GROUP))
    if ctx.is_facilitator:
        agreed_now = [r.node_id for r in rows if r.agreed]
        labels = {r.node_id: f"{r.rank}. {r.title}" for r in rows}
        picked = st.multiselect(
            ui.t("tree.agreed_priorities"),
            list(labels),
            default=agreed_now,
            key=f"agreed_{'_'.join(map(str, agreed_now))}",
            placeholder=ui.t("tree.agreed_choose"),
            select_all=False,  # agreeing on everything at once is never what is meant
            format_func=lambda i: labels.get(i, ""),
        )
        for node_id in set(picked) ^ set(agreed_now):
            ui.act(goaltree.set_agreed, actor=ctx.actor, node_id=node_id, agreed=node_id in picked)
        if set(picked) != set(agreed_now):
            st.rerun()
