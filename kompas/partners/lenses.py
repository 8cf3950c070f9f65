"""The lenses of the partner matrix, as data: two axes, four quadrants and their help texts.

Every lens stores its positions in the same two columns (``Placement.influence`` is the
vertical axis, ``Placement.dependency`` the horizontal one, both 0..1) and runs the same
flow: individual placement, reveal, spread per role group, agreed position, direction and
action. A lens is only words, so adding one is adding a :class:`Lens` to :data:`LENSES`
(with :func:`register`); placements, consensus, view, chart, report and the JSON backup
read the lens id from the rows and the words from here.

Quadrants are in the order top-left, top-right, bottom-left, bottom-right. The default lens
takes the workshop's own quadrant names (``Workshop.quadrant_labels``, which the facilitator
may rename); the others use the names below.
"""

from __future__ import annotations

from dataclasses import dataclass

from kompas.errors import InvalidInput


@dataclass(frozen=True)
class Axis:
    label: str  # "Invloed op de doelen"
    low: str  # the word at 0, short: it stands at the end of the axis
    high: str  # the word at 1
    hint: str = ""  # a test question, shown under the axis
    short: str = ""  # the axis in one word, for screen readers ("invloed")

    @property
    def word(self) -> str:
        return self.short or self.label.split()[0].lower()


@dataclass(frozen=True)
class Lens:
    id: str
    name: str  # "Invloed × afhankelijkheid"
    vertical: Axis  # stored in Placement.influence
    horizontal: Axis  # stored in Placement.dependency
    quadrants: tuple[str, str, str, str]  # top-left, top-right, bottom-left, bottom-right
    quadrant_help: tuple[str, str, str, str]
    help: str  # one or two sentences: what this lens asks
    source: str = ""

    def quadrant(self, vertical: float, horizontal: float, names: tuple = ()) -> str:
        """The quadrant a point falls in (0.5 counts as high); ``names`` overrides the
        lens's own names (the workshop's renamed quadrants)."""
        labels = tuple(names) if len(names) == 4 else self.quadrants
        return labels[(0 if vertical >= 0.5 else 2) + (1 if horizontal >= 0.5 else 0)]


DEFAULT = "invloed_afhankelijkheid"

INVLOED_AFHANKELIJKHEID = Lens(
    id=DEFAULT,
    name="Invloed × afhankelijkheid",
    vertical=Axis("Invloed op de doelen", "laag", "hoog", short="invloed"),
    horizontal=Axis(
        "Afhankelijkheid van de gemeente",
        "laag",
        "hoog",
        "Toetsvraag: is er een alternatief als de partner wegvalt?",
        short="afhankelijkheid",
    ),
    quadrants=("Ontwikkelen", "Strategisch partnerschap", "Beperkt houden", "Zekerstellen"),
    quadrant_help=(
        "Veel invloed op de doelen, maar de partner hangt weinig van de gemeente af. "
        "Investeer in de relatie.",
        "Veel invloed en sterk afhankelijk van elkaar. Werk samen als strategische partners.",
        "Weinig invloed en weinig afhankelijk. Houd de inzet klein.",
        "Weinig invloed, maar de partner hangt sterk van de gemeente af. Zorg dat de "
        "dienst doorgaat.",
    ),
    help="Hoeveel draagt de partner bij aan de doelen, en hoe afhankelijk zijn jullie van "
    "elkaar? Naar het model van Kraljic.",
    source="Kraljic",
)

STURING_NETWERK = Lens(
    id="sturing_netwerk",
    name="Sturing × netwerkpositie",
    vertical=Axis(
        "Sturing door de gemeente als financier",
        "faciliteren",
        "strak sturen",
        "Stuurt de gemeente op de opdracht, of maakt ze ruimte voor wat de partner doet?",
        short="sturing",
    ),
    horizontal=Axis(
        "Netwerkpositie van de organisatie",
        "op zichzelf",
        "veel partners",
        "Toetsvraag: met hoeveel partners en activiteiten is de organisatie verbonden?",
        short="netwerkpositie",
    ),
    quadrants=(
        "Goed opdrachtgeverschap",
        "Regie op de keten",
        "Ruimte om te groeien",
        "Productief partnerschap",
    ),
    quadrant_help=(
        "Een bekende, duidelijke dienst van één organisatie. De gemeente is vooral "
        "opdrachtgever: heldere afspraken over wat zij koopt.",
        "Een organisatie met veel partners, maar de gemeente stuurt strak. Let op: de "
        "organisatie kan in het netwerk meer dan de opdracht vraagt.",
        "De gemeente faciliteert een organisatie die nog op zichzelf staat. Help haar "
        "aansluiting te vinden bij anderen.",
        "De gemeente faciliteert een organisatie in een breed netwerk. Samen de dienst "
        "vormgeven, leren door te proberen, geen concurrentie. Benoem het als dit schuurt "
        "met het eigen belang van de organisatie.",
    ),
    help="Hoe stuurt de gemeente als financier: strak, of faciliterend? En staat de "
    "organisatie op zichzelf, of werkt ze met veel partners? Naar het model van Stade Advies. "
    "Bekende diensten vragen goed opdrachtgeverschap; complexe opgaven vragen een partner "
    "die meedenkt en meedoet.",
    source="Stade Advies",
)

LENSES: dict[str, Lens] = {DEFAULT: INVLOED_AFHANKELIJKHEID, STURING_NETWERK.id: STURING_NETWERK}
ID_MAX = 40


def register(lens: Lens) -> Lens:
    """Add a lens (or replace one with the same id). Ids are short lower-case words."""
    if not lens.id or len(lens.id) > ID_MAX or not lens.id.replace("_", "").isalnum():
        raise ValueError(f"Ongeldige lens-id: {lens.id!r}")
    if len(lens.quadrants) != 4 or len(lens.quadrant_help) != 4:
        raise ValueError("Een lens heeft vier kwadranten.")
    LENSES[lens.id] = lens
    return lens


def unregister(lens_id: str) -> None:
    if lens_id != DEFAULT:
        LENSES.pop(lens_id, None)


def ids() -> tuple[str, ...]:
    return tuple(LENSES)


def known(lens_id: object) -> bool:
    return isinstance(lens_id, str) and lens_id in LENSES


def get(lens_id: object) -> Lens:
    """The lens with this id; an unknown id is refused in Dutch."""
    if not known(lens_id):
        raise InvalidInput("Deze lens bestaat niet. Kies een lens uit de lijst.")
    return LENSES[lens_id]  # type: ignore[index]


def get_or_default(lens_id: object) -> Lens:
    """For reading stored rows: a lens this version does not know reads as the default."""
    return (
        LENSES.get(lens_id, INVLOED_AFHANKELIJKHEID)
        if isinstance(lens_id, str)
        else (INVLOED_AFHANKELIJKHEID)
    )


def name(lens_id: str) -> str:
    """The lens's name, or the id itself when this version does not know it."""
    lens = LENSES.get(lens_id)
    return lens.name if lens else lens_id


class KnownIds:
    """A live container of the registered ids (for checks that hold a tuple of choices)."""

    def __contains__(self, value: object) -> bool:
        return known(value)

    def __iter__(self):
        return iter(tuple(LENSES))
