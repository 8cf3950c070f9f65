"""Workshops: create, join, identify actors, roles, phases, locks, timer, delete, retention.

Every write takes an ``Actor`` and checks it against the database in the same
transaction, so a participant token can never do a facilitator action, even when it
calls these functions directly.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Optional

from sqlalchemy import delete, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from kompas import i18n, live, text
from kompas.db import locks_rows
from kompas.errors import InvalidInput, NotAllowed, NotFound
from kompas.labels import DEFAULT_QUADRANTS, sentence_start
from kompas.models import (
    PHASES,
    ROLE_GROUPS,
    TOOLS,
    GoalNode,
    Participant,
    Workshop,
    utcnow,
)
from kompas.workshop_info import (
    ParticipantRow as ParticipantRow,
    WorkshopInfo as WorkshopInfo,
    WorkshopListing as WorkshopListing,
    is_locked as is_locked,
    list_workshops as list_workshops,
    phase_of as phase_of,
    quadrant_labels as quadrant_labels,
    workshop_info as workshop_info,
)

# No 0/O, 1/I/L: a code read aloud or from a projector is typed right the first time.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
CODE_SPACE = len(CODE_ALPHABET) ** CODE_LENGTH  # 887.503.681
TOKEN_BYTES = 32  # 256 bits for facilitator keys and participant tokens

VOTE_LEVELS = ("effect", "activity", "both")
# Figures per role group are shown only from this many people in the group (votes in the
# goal tree, placements in the partner matrix): with fewer, they tell what one person chose.
MIN_GROUP = 3
REMOVED = "Je bent uit deze workshop verwijderd door de procesbegeleider."
NOT_JOINED = "Je bent niet aangemeld voor deze workshop."


@dataclass(frozen=True)
class Actor:
    """Who is acting: the facilitator (participant_id None) or one participant."""

    workshop_id: int
    participant_id: Optional[int]
    is_facilitator: bool
    name: str = ""
    role_group: str = ""
    language: str = "nl"  # of this participant's screens (the facilitator: Dutch)

    @property
    def label(self) -> str:
        return "Procesbegeleider" if self.is_facilitator else self.name


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def normalise_code(raw: object) -> str:
    if not isinstance(raw, str):
        return ""
    return "".join(ch for ch in raw.upper() if ch.isalnum())[:12]


def new_code(db: Session) -> str:
    """A join code no workshop has yet."""
    for _ in range(50):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.execute(select(Workshop.id).where(Workshop.code == code)).first() is None:
            return code
    raise RuntimeError("no free workshop code found")  # practically impossible: 887 million codes


# --- lookups ----------------------------------------------------------------------------


def find_workshop(db: Session, code: str) -> Optional[Workshop]:
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    return db.execute(select(Workshop).where(Workshop.code == code)).scalar_one_or_none()


def get_workshop(db: Session, workshop_id: int) -> Workshop:
    workshop = db.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound("Deze workshop bestaat niet (meer).")
    return workshop


def authenticate(
    db: Session,
    *,
    code: str,
    participant_token: str | None = None,
    facilitator_key: str | None = None,
) -> Actor:
    """Turn the code and token from a URL into an Actor, or raise with a Dutch message."""
    workshop = find_workshop(db, code)
    if workshop is None:
        raise NotFound(
            "Er is geen workshop met deze code. Controleer de code en probeer het opnieuw."
        )
    if facilitator_key:
        if hmac.compare_digest(hash_secret(facilitator_key), workshop.key_hash):
            return Actor(workshop.id, None, True, "Procesbegeleider", "")
        raise NotAllowed("Deze link voor de procesbegeleider klopt niet.")
    if participant_token:
        wanted = hash_secret(participant_token)
        participant = db.execute(
            select(Participant).where(Participant.token_hash == wanted)
        ).scalar_one_or_none()
        if (
            participant is None
            or participant.workshop_id != workshop.id
            or not hmac.compare_digest(participant.token_hash, wanted)
        ):
            raise NotAllowed("Deze deelnemerslink is niet (meer) geldig. Meld je opnieuw aan.")
        if participant.removed:
            raise NotAllowed(REMOVED)
        return Actor(
            workshop.id,
            participant.id,
            False,
            participant.name,
            participant.role_group,
            participant.language,
        )
    raise NotAllowed("Je bent nog niet aangemeld voor deze workshop. Meld je aan met de code.")


def check_actor(db: Session, actor: Actor) -> Workshop:
    """Re-check the actor inside the transaction (removed since? other workshop?). In a
    write on PostgreSQL this first locks the workshop row, so writes to one workshop take
    turns (see kompas.db.writing)."""
    if locks_rows(db):
        workshop = db.get(
            Workshop, actor.workshop_id, with_for_update={"key_share": True}, populate_existing=True
        )
        if workshop is None:
            raise NotFound("Deze workshop bestaat niet (meer).")
    else:
        workshop = get_workshop(db, actor.workshop_id)
    if actor.is_facilitator:
        return workshop
    if actor.participant_id is None:
        raise NotAllowed(NOT_JOINED)
    participant = db.get(Participant, actor.participant_id)
    if participant is None or participant.workshop_id != workshop.id:
        raise NotAllowed(NOT_JOINED)
    if participant.removed:
        raise NotAllowed(REMOVED)
    return workshop


def require_facilitator(db: Session, actor: Actor) -> Workshop:
    workshop = check_actor(db, actor)
    if not actor.is_facilitator:
        raise NotAllowed("Alleen de procesbegeleider mag dit doen.")
    return workshop


def write_refusal(
    workshop: Workshop | WorkshopInfo, actor: Actor, tool: str, phases: Iterable[str] | None = None
) -> str | None:
    """Why ``actor`` may not write in ``tool`` now, or None when they may: the one rule
    behind every write (the domain raises it, the UI shows it). The facilitator always
    may; a participant not when removed, not in the compass unless it is opened to
    participants, not when the tool is locked or closed, and not outside ``phases``.

    ``workshop`` is the row (in a write, after ``check_actor``, which already refused a
    removed participant) or the cached ``WorkshopInfo`` of a page."""
    if actor.is_facilitator:
        return None
    lang = actor.language  # the refusal is shown to this participant, in their language
    if isinstance(workshop, WorkshopInfo):
        me = next((p for p in workshop.participants if p.id == actor.participant_id), None)
        if me is None or actor.workshop_id != workshop.id:
            return i18n.text("refusal.not_joined", lang)
        if me.removed:
            return i18n.text("refusal.removed", lang)
        phase, locked = workshop.phases[tool], workshop.locks[tool]
    else:
        phase, locked = phase_of(workshop, tool), is_locked(workshop, tool)
    if tool == "compass" and not workshop.compass_open_to_participants:
        return i18n.text("refusal.compass_closed", lang)
    name = i18n.label("tool_sentence", tool, lang)
    if locked:
        return i18n.text("refusal.locked", lang, tool=sentence_start(name))
    if phase == "gesloten":
        return i18n.text("refusal.closed", lang, tool=sentence_start(name))
    if phases is not None and phase not in tuple(phases):
        phase_word = i18n.label(f"phase.{tool}", phase, lang)
        return i18n.text("refusal.phase", lang, tool=name, phase=phase_word)
    return None


def require_open(
    db: Session, actor: Actor, tool: str, phases: Iterable[str] | None = None
) -> Workshop:
    """The workshop, when ``actor`` may write in ``tool`` now (see ``write_refusal``);
    otherwise NotAllowed with the reason."""
    workshop = check_actor(db, actor)
    refusal = write_refusal(workshop, actor, tool, phases)
    if refusal is not None:
        raise NotAllowed(refusal)
    return workshop


# --- create and join ---------------------------------------------------------------------


@dataclass(frozen=True)
class NewWorkshop:
    workshop_id: int
    code: str
    facilitator_key: str


PURPOSE_MAX = 1000


def session_day(value: object, what: str) -> Optional[date]:
    """A day of a session: a date, an ISO text (2026-11-24) or nothing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise InvalidInput(
            f"'{str(value)[:20]}' is geen geldige {what}. Schrijf bijvoorbeeld 2026-11-24."
        ) from exc


def create_workshop(
    db: Session,
    *,
    title: str,
    organisation: str = "",
    theme: str = "",
    vote_budget: int = 5,
    session_date: object = None,
    place: str = "",
    purpose: str = "",
) -> NewWorkshop:
    """Create a workshop with its main goal node. The facilitator key is returned once
    and only its hash is stored. Date, place and purpose of the session are optional."""
    title = text.clean(title, field="titel", max_len=text.TITLE_MAX)
    organisation = text.clean(
        organisation, field="organisatie", max_len=text.NAME_MAX, required=False
    )
    theme = text.clean(theme, field="thema", max_len=text.TITLE_MAX, required=False)
    vote_budget = _int_in(vote_budget, 1, 20, "het aantal stippen per deelnemer")
    day = session_day(session_date, "datum van de sessie")
    place = text.clean(place, field="plaats", max_len=text.TITLE_MAX, required=False)
    purpose = text.optional(purpose, field="doel van de sessie", max_len=PURPOSE_MAX)
    key = new_secret()
    workshop = Workshop(
        code=new_code(db),
        title=title,
        organisation=organisation,
        theme=theme,
        key_hash=hash_secret(key),
        vote_budget=vote_budget,
        quadrant_labels=json.dumps(list(DEFAULT_QUADRANTS)),
        session_date=day,
        place=place,
        purpose=purpose,
    )
    db.add(workshop)
    db.flush()
    db.add(
        GoalNode(workshop_id=workshop.id, kind="main_goal", title=theme or title, status="accepted")
    )
    live.touch(db, workshop.id)
    return NewWorkshop(workshop.id, workshop.code, key)


def join_workshop(
    db: Session,
    *,
    code: str,
    name: str,
    role_group: str,
    organisation: str = "",
    language: str = i18n.DEFAULT,
) -> tuple[Actor, str]:
    """Add a participant; returns the actor and their token (stored only as a hash)."""
    workshop = find_workshop(db, code)
    if workshop is None:
        raise NotFound(
            "Er is geen workshop met deze code. Controleer de code en probeer het opnieuw."
        )
    name = text.clean(name, field="naam", max_len=text.NAME_MAX)
    organisation = text.clean(
        organisation, field="organisatie", max_len=text.NAME_MAX, required=False
    )
    if role_group not in ROLE_GROUPS:
        raise InvalidInput("Kies een rol: gemeente, aanbieder, inwoner of anders.")
    if language not in i18n.LANGUAGES:
        raise InvalidInput("Kies een taal: Nederlands of English.")
    token = new_secret()
    participant = Participant(
        workshop_id=workshop.id,
        name=name,
        role_group=role_group,
        organisation=organisation,
        language=language,
        token_hash=hash_secret(token),
    )
    db.add(participant)
    db.flush()
    live.touch(db, workshop.id)
    return Actor(workshop.id, participant.id, False, name, role_group, language), token


def set_language(db: Session, *, actor: Actor, language: str) -> None:
    """A participant switches the language of their own screens."""
    check_actor(db, actor)
    if actor.participant_id is None:
        raise NotAllowed("Alleen een deelnemer kiest een eigen taal.")
    if language not in i18n.LANGUAGES:
        raise InvalidInput("Kies een taal: Nederlands of English.")
    participant = db.get(Participant, actor.participant_id)
    participant.language = language
    db.add(participant)
    live.touch(db, actor.workshop_id)


# --- facilitator console -----------------------------------------------------------------


def _int_in(value: object, lo: int, hi: int, what: str) -> int:
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise InvalidInput(f"Vul voor {what} een heel getal in.") from exc
    if isinstance(value, float) and value != number:
        raise InvalidInput(f"Vul voor {what} een heel getal in.")
    if not lo <= number <= hi:
        raise InvalidInput(f"Kies voor {what} een getal van {lo} tot en met {hi}.")
    return number


def set_phase(db: Session, *, actor: Actor, tool: str, phase: str) -> None:
    workshop = require_facilitator(db, actor)
    if tool not in TOOLS or phase not in PHASES[tool]:
        raise InvalidInput(f"Onbekende fase '{phase}'.")
    setattr(workshop, f"phase_{tool}", phase)
    live.touch(db, workshop.id)


def set_lock(db: Session, *, actor: Actor, tool: str, locked: bool) -> None:
    workshop = require_facilitator(db, actor)
    if tool not in TOOLS:
        raise InvalidInput(f"Onbekend onderdeel '{tool}'.")
    setattr(workshop, f"lock_{tool}", bool(locked))
    live.touch(db, workshop.id)


def start_timer(
    db: Session, *, actor: Actor, minutes: float, label: str = "", now: datetime | None = None
) -> None:
    workshop = require_facilitator(db, actor)
    try:
        minutes = float(minutes)
    except (TypeError, ValueError) as exc:
        raise InvalidInput("Vul het aantal minuten in als getal.") from exc
    if not 0 < minutes <= 240:
        raise InvalidInput("Een timer loopt minimaal een paar seconden en maximaal 240 minuten.")
    workshop.timer_end = (now or utcnow()) + timedelta(minutes=minutes)
    workshop.timer_label = text.clean(label, field="timertekst", max_len=80, required=False)
    live.touch(db, workshop.id)


def stop_timer(db: Session, *, actor: Actor) -> None:
    workshop = require_facilitator(db, actor)
    workshop.timer_end = None
    workshop.timer_label = ""
    live.touch(db, workshop.id)


SETTABLE = {
    "title": lambda v: text.clean(v, field="titel"),
    "organisation": lambda v: text.clean(
        v, field="organisatie", max_len=text.NAME_MAX, required=False
    ),
    "theme": lambda v: text.clean(v, field="thema", required=False),
    "vote_budget": lambda v: _int_in(v, 1, 20, "het aantal stippen per deelnemer"),
    "max_votes_per_node": lambda v: _int_in(v, 1, 20, "het maximum aantal stippen per onderdeel"),
    "vote_level": lambda v: (
        v
        if v in VOTE_LEVELS
        else (_ for _ in ()).throw(
            InvalidInput("Kies waarop gestemd wordt: effecten, activiteiten of beide.")
        )
    ),
    "votes_revealed": bool,
    "placements_revealed": bool,
    "compass_open_to_participants": bool,
    "report_show_names": bool,
    "downloads_open": bool,
    "conclusions": lambda v: text.optional(v, field="conclusies", max_len=20000),
    "open_questions": lambda v: text.optional(v, field="open vragen", max_len=20000),
    "decisions": lambda v: text.optional(v, field="besluiten", max_len=20000),
    "session_date": lambda v: session_day(v, "datum van de sessie"),
    "next_session_date": lambda v: session_day(v, "datum van de volgende sessie"),
    "place": lambda v: text.clean(v, field="plaats", max_len=text.TITLE_MAX, required=False),
    "purpose": lambda v: text.optional(v, field="doel van de sessie", max_len=PURPOSE_MAX),
    "report_show_organisations": bool,
}


def update_workshop(db: Session, *, actor: Actor, **changes: object) -> None:
    """Facilitator settings; unknown names are a programming error, bad values InvalidInput."""
    workshop = require_facilitator(db, actor)
    for name, value in changes.items():
        if name not in SETTABLE:
            raise InvalidInput(f"Onbekende instelling '{name}'.")
        setattr(workshop, name, SETTABLE[name](value))
    live.touch(db, workshop.id)


def remove_participant(db: Session, *, actor: Actor, participant_id: int) -> None:
    """The participant's link stops working; what they contributed stays."""
    workshop = require_facilitator(db, actor)
    participant = _participant_in(db, workshop, participant_id)
    participant.removed = True
    live.touch(db, workshop.id)


def anonymise_participant(db: Session, *, actor: Actor, participant_id: int) -> None:
    """Replace name and organisation; votes and placements stay, without a name."""
    workshop = require_facilitator(db, actor)
    participant = _participant_in(db, workshop, participant_id)
    participant.name = f"Deelnemer {participant.id}"
    participant.organisation = ""
    participant.anonymised = True
    live.touch(db, workshop.id)


def _participant_in(db: Session, workshop: Workshop, participant_id: int) -> Participant:
    participant = db.get(Participant, participant_id)
    if participant is None or participant.workshop_id != workshop.id:
        raise NotFound("Deze deelnemer bestaat niet in deze workshop.")
    return participant


def delete_workshop(db: Session, *, actor: Actor, confirm_code: str) -> None:
    """Delete the workshop and everything in it; the code must be typed as confirmation."""
    workshop = require_facilitator(db, actor)
    if normalise_code(confirm_code) != workshop.code:
        raise InvalidInput("Typ de code van de workshop om het verwijderen te bevestigen.")
    _delete_all(db, [workshop.id])


def _delete_all(db: Session, workshop_ids: list[int]) -> None:
    # Foreign keys cascade from the workshop (PRAGMA foreign_keys=ON); deleting the tree
    # bottom-up first keeps PostgreSQL and SQLite equally happy with the self-reference.
    if not workshop_ids:
        return
    live.forget(db, workshop_ids)
    db.execute(
        GoalNode.__table__.update()
        .where(GoalNode.workshop_id.in_(workshop_ids))
        .values(parent_id=None)
    )
    db.execute(delete(Workshop).where(Workshop.id.in_(workshop_ids)))


def purge_expired(db: Session, *, retention_days: int, now: datetime | None = None) -> list[str]:
    """Delete workshops older than the retention period; returns the deleted codes."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    # A series counts from its latest session: a later session keeps the earlier ones, so
    # an active trajectory is never deleted (a restored copy of the same session does not).
    other = aliased(Workshop)
    newer = (
        select(other.id)
        .where(other.series_key == Workshop.series_key, other.series_key != "")
        .where(other.series_number > Workshop.series_number, other.retained_from >= cutoff)
    )
    rows = db.execute(
        select(Workshop.id, Workshop.code).where(Workshop.retained_from < cutoff, ~newer.exists())
    ).all()
    _delete_all(db, [r.id for r in rows])
    return [r.code for r in rows]


def series_retained_from(db: Session, workshop_id: int) -> datetime:
    """The moment the retention period of ``workshop_id`` counts from: its own, or the
    latest of the later sessions of its series (see ``purge_expired``)."""
    workshop = get_workshop(db, workshop_id)
    if not workshop.series_key:
        return workshop.retained_from
    later = db.execute(
        select(func.max(Workshop.retained_from)).where(
            Workshop.series_key == workshop.series_key,
            Workshop.series_number > workshop.series_number,
        )
    ).scalar()
    return max(workshop.retained_from, later) if later is not None else workshop.retained_from


def expires_on(workshop_created: datetime, retention_days: int) -> datetime:
    return workshop_created + timedelta(days=retention_days)


def set_quadrant_labels(db: Session, *, actor: Actor, labels: list[str]) -> None:
    workshop = require_facilitator(db, actor)
    if len(labels) != 4:
        raise InvalidInput("Geef vier namen voor de kwadranten.")
    cleaned = [text.clean(v, field="naam van het kwadrant", max_len=60) for v in labels]
    workshop.quadrant_labels = json.dumps(cleaned, ensure_ascii=False)
    live.touch(db, workshop.id)


def set_now(db: Session, *, actor: Actor, tool: str, phase: str | None = None) -> None:
    """The facilitator's "now": the tool (and, when given, its phase) everyone should be at.
    ``tool=''`` clears it."""
    workshop = require_facilitator(db, actor)
    if tool and tool not in TOOLS:
        raise InvalidInput(f"Onbekend onderdeel '{tool}'.")
    if phase is not None:
        if not tool or phase not in PHASES[tool]:
            raise InvalidInput(f"Onbekende fase '{phase}'.")
        setattr(workshop, f"phase_{tool}", phase)
    workshop.now_tool = tool
    live.touch(db, workshop.id)
