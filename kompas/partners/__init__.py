"""Partnermatrix: partners, individual placements, consensus figures, agreed positions
and directions (partner strategies after Kraljic).

The facilitator keeps the partner list (``roster``, or ``importer`` from a file);
participants place each partner, the facilitator sets the agreed positions and
directions (``placements``); ``consensus`` computes how far the placements agree;
pages read the matrix through ``view``; ``chart`` draws it, ``report`` writes its section
of the verslag.
"""

from kompas.partners import lenses
from kompas.partners.consensus import (
    MIN_GROUP,
    Consensus,
    GroupFigures,
    Point,
    by_disagreement,
    consensus,
)
from kompas.partners.importer import (
    COLUMNS,
    MAX_IMPORT_ROWS,
    import_partners,
)
from kompas.partners.placements import (
    PLACE_PHASES,
    TOOL,
    agree_at_mean,
    clamp_position,
    clear_placement,
    current_lens,
    place_many,
    place_partner,
    reveal_placements,
    set_agreed_position,
    set_direction,
    set_lens,
)
from kompas.partners.roster import (
    MAX_PARTNERS,
    SERVICE_MAX,
    STALE,
    PartnerCreate,
    PartnerUpdate,
    References,
    add_partner,
    delete_partner,
    get_partner,
    partner_references,
    update_partner,
)
from kompas.partners.view import (
    DirectionRow,
    Mark,
    MatrixState,
    MatrixView,
    PartnerRow,
    lenses_used,
    list_partners,
    matrix_state,
    matrix_view,
    view_of,
)

__all__ = [
    "COLUMNS",
    "MAX_IMPORT_ROWS",
    "MAX_PARTNERS",
    "MIN_GROUP",
    "PLACE_PHASES",
    "SERVICE_MAX",
    "STALE",
    "TOOL",
    "Consensus",
    "DirectionRow",
    "GroupFigures",
    "Mark",
    "MatrixState",
    "MatrixView",
    "PartnerCreate",
    "PartnerRow",
    "PartnerUpdate",
    "Point",
    "References",
    "add_partner",
    "agree_at_mean",
    "by_disagreement",
    "clamp_position",
    "clear_placement",
    "consensus",
    "current_lens",
    "delete_partner",
    "get_partner",
    "import_partners",
    "lenses",
    "lenses_used",
    "list_partners",
    "matrix_state",
    "matrix_view",
    "partner_references",
    "place_many",
    "place_partner",
    "reveal_placements",
    "set_agreed_position",
    "set_direction",
    "set_lens",
    "update_partner",
    "view_of",
]
