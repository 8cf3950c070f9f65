"""The goal tree (*doelenboom*): nodes from main goal to activities, moderation, dot votes
and priorities.

Participants propose nodes (status ``proposal``) in phase *verzamelen*; the facilitator
accepts, edits, moves, merges and deletes (``nodes``, which also draws the kinds and where
they may stand). Votes are dots (*stippen*): one ``Vote`` row per (node, participant)
holding a count, limited by the workshop's budget and per-node maximum, hidden from
everyone until the facilitator reveals them (``votes``). Pages and exports read the tree
through ``view``; ``chart`` draws it, ``report`` writes its section of the verslag.
"""

from kompas.goaltree.impact import DeleteImpact, delete_impact
from kompas.goaltree.nodes import (
    CHILD_KINDS,
    DEFAULT_CHILD,
    DESCRIPTION_MAX,
    EDIT_PHASES,
    PROPOSE_PHASES,
    TEMPLATE_DOMAINS,
    TOOL,
    GoalNodeCreate,
    GoalNodeUpdate,
    accept_all,
    accept_node,
    add_node,
    apply_template,
    delete_node,
    edit_node,
    get_node,
    main_goal,
    merge_nodes,
    move_node,
    set_agreed,
)
from kompas.goaltree.view import (
    FACILITATOR_ROLE,
    NodeView,
    PriorityRow,
    TreeView,
    chart_spec,
    priorities,
    tree_view,
    viewer_votes,
    votes_by_participant,
    with_viewer,
)
from kompas.goaltree.votes import VOTE_KINDS, VOTE_PHASES, cast_vote, remove_vote

__all__ = [
    "CHILD_KINDS",
    "DEFAULT_CHILD",
    "DESCRIPTION_MAX",
    "EDIT_PHASES",
    "FACILITATOR_ROLE",
    "PROPOSE_PHASES",
    "TEMPLATE_DOMAINS",
    "TOOL",
    "VOTE_KINDS",
    "VOTE_PHASES",
    "DeleteImpact",
    "GoalNodeCreate",
    "GoalNodeUpdate",
    "NodeView",
    "PriorityRow",
    "TreeView",
    "accept_all",
    "accept_node",
    "add_node",
    "apply_template",
    "cast_vote",
    "chart_spec",
    "delete_impact",
    "delete_node",
    "edit_node",
    "get_node",
    "main_goal",
    "merge_nodes",
    "move_node",
    "priorities",
    "remove_vote",
    "set_agreed",
    "tree_view",
    "viewer_votes",
    "votes_by_participant",
    "with_viewer",
]
