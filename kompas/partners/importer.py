"""Import of a partner list from a CSV or Excel file, all or nothing."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import formats, live, upload, workshops
from kompas.errors import ImportRefused, InvalidInput
from kompas.models import Partner
from kompas.partners.roster import MAX_PARTNERS, PartnerCreate, is_name_taken
from kompas.workshops import Actor

MAX_IMPORT_ROWS = MAX_PARTNERS
COLUMNS = ("naam", "voorziening", "soort", "contractwaarde", "notities")


def import_partners(db: Session, *, actor: Actor, filename: str, data: bytes) -> int:
    """Add partners from a CSV or Excel file with the columns naam, voorziening, soort,
    contractwaarde, notities (only naam is required). All or nothing: any bad row
    refuses the whole file with one message per row. Returns the number added."""
    workshop = workshops.require_facilitator(db, actor)
    # room for blank lines; the number of partners is checked below, with its own message
    table = upload.read_table(filename, data, max_rows=MAX_IMPORT_ROWS + 50)
    if not table:
        raise ImportRefused("Het bestand heeft geen kopregel met de kolom 'naam'.")
    header = [str(h or "").strip().lower() for h in table[0]]
    if "naam" not in header:
        raise ImportRefused(
            "Het bestand mist de kolom 'naam'. Gebruik de kolommen: " + ", ".join(COLUMNS) + "."
        )
    index = {col: header.index(col) for col in COLUMNS if col in header}
    body = [r for r in table[1:] if any(str(c or "").strip() for c in r)]
    if not body:
        raise ImportRefused("Het bestand heeft geen partners onder de kopregel.")
    existing = db.execute(
        select(func.count(Partner.id)).where(Partner.workshop_id == workshop.id)
    ).scalar_one()
    if existing + len(body) > MAX_PARTNERS:
        raise ImportRefused(
            f"Te veel partners: er zijn er al {existing} en het bestand heeft er "
            f"{len(body)}; samen maximaal {MAX_PARTNERS}."
        )
    problems: list[str] = []
    seen: set[str] = set()
    clean_rows = []
    for number, raw in enumerate(table[1:], start=2):
        if not any(str(c or "").strip() for c in raw):
            continue

        def cell(col: str, raw=raw):
            i = index.get(col)
            value = raw[i] if i is not None and i < len(raw) else None
            return "" if value is None else value

        try:
            partner_in = PartnerCreate(
                name=str(cell("naam")),
                service=str(cell("voorziening")),
                kind=str(cell("soort")) or "overig",
                notes=str(cell("notities")),
            )
            # a file holds amounts in euro, plain numbers included, never cents
            cents = formats.parse_money(cell("contractwaarde") or None, field="contractwaarde")
        except InvalidInput as exc:
            problems.append(f"Regel {number}: {exc}")
            continue
        name = partner_in.name
        if name.lower() in seen:
            problems.append(f"Regel {number}: partner '{name}' staat twee keer in het bestand.")
            continue
        if is_name_taken(db, workshop.id, name):
            problems.append(f"Regel {number}: partner '{name}' bestaat al in deze workshop.")
            continue
        seen.add(name.lower())
        clean_rows.append(partner_in.model_copy(update={"contract_value_cents": cents}))
    if problems:
        raise ImportRefused(
            "Er is niets geïmporteerd. Verbeter deze regels en probeer het opnieuw:", problems
        )
    for offset, partner_in in enumerate(clean_rows):
        db.add(
            Partner(workshop_id=workshop.id, **partner_in.model_dump(), position=existing + offset)
        )
    db.flush()
    live.touch(db, workshop.id)
    return len(clean_rows)
