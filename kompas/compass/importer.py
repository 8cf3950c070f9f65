"""Import of results, indicators and activities into the Kwaliteitskompas from an Excel
(.xlsx) or CSV file, and the downloadable template with the right columns.

A file is checked as a whole: a bad file changes nothing and the refusal lists, per row,
what is wrong. ``kompas.upload`` reads the file and guards it before parsing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from kompas import formats, text, upload
from kompas.compass import write
from kompas.errors import ImportRefused, InvalidInput, KompasError
from kompas.models import Activity, Ambition, Indicator, Partner, Result
from kompas.workshops import Actor

MAX_ROWS = 1000

KINDS = ("resultaat", "indicator", "activiteit")
COLUMNS = (
    ("soort", "resultaat, indicator of activiteit", "indicator"),
    ("ambitie", "bij een resultaat: de ambitie (nieuw of bestaand)", "Minder eenzaamheid"),
    (
        "resultaat",
        "titel van het resultaat; bij een indicator of activiteit: het resultaat waar "
        "hij bij hoort (bij een activiteit meer resultaten gescheiden door ;)",
        "Over 3 jaar voelen minder inwoners zich eenzaam",
    ),
    ("activiteit", "titel van de activiteit; bij een indicator: de activiteit (outcome)", ""),
    ("naam", "bij een indicator: de naam", "Inwoners die zich eenzaam voelen"),
    ("vorm", "bij een indicator: tellen (getal) of vertellen (verhaal)", "tellen"),
    ("eenheid", "bij een indicator: eenheid, zoals % of aantal", "%"),
    ("nulmeting", "waarde bij de start", "44"),
    ("jaar_nulmeting", "jaar van de nulmeting", "2022"),
    ("streefwaarde", "doel", "38"),
    ("streefjaar", "jaar van het doel", "2027"),
    ("hoger_is_beter", "ja of nee", "nee"),
    ("bron", "waar komt het cijfer vandaan", "GGD-gezondheidsmonitor"),
    ("meting", "gemeten waarde (of kort verhaal bij vertellen)", "41"),
    ("meetdatum", "datum van de meting, zoals 15-03-2025", "01-09-2024"),
    ("partner", "bij een activiteit: naam van de partner uit de partnerlijst", ""),
    ("budget", "bij een activiteit: bedrag in euro, zoals € 12.500,50", ""),
    ("methode", "bij een activiteit: welke methode", ""),
    ("scholing", "bij een activiteit: training en scholing", ""),
    ("randvoorwaarden", "bij een activiteit: organisatorische voorwaarden", ""),
    ("bewezen_effectief", "ja, deels, nee of onbekend", ""),
)
COLUMN_NAMES = tuple(name for name, _, _ in COLUMNS)
EXAMPLES = (
    {
        "soort": "resultaat",
        "ambitie": "Minder eenzaamheid",
        "resultaat": "Over 3 jaar voelen minder inwoners zich eenzaam",
    },
    {
        "soort": "indicator",
        "resultaat": "Over 3 jaar voelen minder inwoners zich eenzaam",
        "naam": "Inwoners die zich eenzaam voelen",
        "vorm": "tellen",
        "eenheid": "%",
        "nulmeting": "44",
        "jaar_nulmeting": "2022",
        "streefwaarde": "38",
        "streefjaar": "2027",
        "hoger_is_beter": "nee",
        "bron": "GGD-gezondheidsmonitor",
        "meting": "41",
        "meetdatum": "01-09-2024",
    },
    {
        "soort": "activiteit",
        "activiteit": "Buurtkamers in elke wijk",
        "resultaat": "Over 3 jaar voelen minder inwoners zich eenzaam",
        "partner": "Welzijn Oost",
        "budget": "€ 125.000",
        "methode": "Methodiek buurtkamer",
        "bewezen_effectief": "deels",
    },
)
_ALIASES = {
    "type": "soort",
    "titel": "naam",
    "indicator": "naam",
    "jaar": "jaar_nulmeting",
    "hoger_beter": "hoger_is_beter",
    "datum": "meetdatum",
    "bedrag": "budget",
    "effectief": "bewezen_effectief",
}


@dataclass(frozen=True)
class ImportResult:
    ambitions: int = 0
    results: int = 0
    indicators: int = 0
    measurements: int = 0
    activities: int = 0

    def summary(self) -> str:
        return (
            f"Ingelezen: {self.results} resultaten, {self.indicators} indicatoren, "
            f"{self.measurements} metingen en {self.activities} activiteiten"
            + (f" (en {self.ambitions} nieuwe ambities)." if self.ambitions else ".")
        )


# --- template -------------------------------------------------------------------------------


def template_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    return out.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Kompas"
    ws.append(list(COLUMN_NAMES))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col, (name, _, _) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[ws.cell(1, col).column_letter].width = max(14, len(name) + 4)
    ws.freeze_panes = "A2"
    help_ = wb.create_sheet("Uitleg")
    help_.append(["kolom", "wat vul je in", "voorbeeld"])
    for cell in help_[1]:
        cell.font = Font(bold=True)
    for row in COLUMNS:
        help_.append(list(row))
    help_.append([])
    help_.append(["Voorbeeldregels (kopieer ze naar het blad Kompas als je wilt):"])
    help_.append(list(COLUMN_NAMES))
    for example in EXAMPLES:
        help_.append([example.get(name, "") for name in COLUMN_NAMES])
    help_.column_dimensions["A"].width = 20
    help_.column_dimensions["B"].width = 70
    help_.column_dimensions["C"].width = 40
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- reading an upload ---------------------------------------------------------------------------


def read_rows(filename: str, data: bytes) -> list[tuple[int, dict]]:
    """(row number as the spreadsheet shows it, {column: value}) for every non-empty row."""
    table = upload.read_table(filename, data, max_rows=MAX_ROWS, sheet="Kompas")
    if not table:
        raise ImportRefused("Het bestand heeft geen kopregel met kolomnamen.")
    header = [_column(h) for h in table[0]]
    unknown = [str(raw) for raw, h in zip(table[0], header) if h and h not in COLUMN_NAMES]
    if unknown:
        raise ImportRefused(
            "Het bestand heeft kolommen die het sjabloon niet kent: "
            + ", ".join(f"'{u}'" for u in unknown[:10])
            + ". Gebruik de kolomnamen van het sjabloon."
        )
    if "soort" not in header:
        raise ImportRefused("De kolom 'soort' ontbreekt. Gebruik de kolomnamen van het sjabloon.")
    rows = []
    for number, values in enumerate(table[1:], start=2):
        row = {h: v for h, v in zip(header, values) if h and not upload.is_blank(v)}
        if row:
            rows.append((number, row))
    if not rows:
        raise ImportRefused("Het bestand heeft geen regels onder de kopregel.")
    return rows


def _column(raw: object) -> str:
    name = "_".join(str(raw or "").strip().lower().replace("-", " ").split())
    return _ALIASES.get(name, name)


# --- the import itself ---------------------------------------------------------------------------


def _s(row: dict, key: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _find(db: Session, model, column, workshop_id: int, title: str):
    return (
        db.execute(
            select(model)
            .where(model.workshop_id == workshop_id, func.lower(column) == title.lower())
            .order_by(model.id)
        )
        .scalars()
        .first()
    )


def import_compass(db: Session, *, actor: Actor, filename: str, data: bytes) -> ImportResult:
    """Read the file and add its results, indicators (with a measurement) and activities.
    All rows or none: any problem raises ImportRefused listing each bad row (the caller's
    unit of work then rolls back). Results and ambitions with an existing title are
    reused; an activity or indicator that already exists is a problem."""
    workshop = write.require_edit(db, actor)
    rows = read_rows(filename, data)
    problems: list[str] = []
    counts = dict(ambitions=0, results=0, indicators=0, measurements=0, activities=0)
    partners = {
        p.name.strip().lower(): p.id
        for p in db.execute(select(Partner).where(Partner.workshop_id == workshop.id)).scalars()
    }

    def run(number: int, fn) -> None:
        try:
            fn()
        except KompasError as exc:
            problems.append(f"Rij {number}: {exc}")

    def kind_of(row: dict) -> str:
        return _s(row, "soort").lower()

    for number, row in rows:
        if kind_of(row) not in KINDS:
            problems.append(
                f"Rij {number}: soort '{_s(row, 'soort')}' is onbekend. "
                "Kies resultaat, indicator of activiteit."
            )

    def add_result(row: dict) -> None:
        title = _s(row, "resultaat")
        if not title:
            raise InvalidInput("vul de titel van het resultaat in (kolom resultaat).")
        if _find(db, Result, Result.title, workshop.id, title) is not None:
            return
        ambition_id = None
        if _s(row, "ambitie"):
            amb = _find(db, Ambition, Ambition.title, workshop.id, _s(row, "ambitie"))
            if amb is None:
                ambition_id = write.add_ambition(db, actor=actor, title=_s(row, "ambitie"))
                counts["ambitions"] += 1
            else:
                ambition_id = amb.id
        write.add_result(db, actor=actor, title=title, ambition_id=ambition_id)
        counts["results"] += 1

    def result_ids(raw: str) -> list[int]:
        ids = []
        for title in [t.strip() for t in raw.replace("|", ";").split(";") if t.strip()]:
            found = _find(db, Result, Result.title, workshop.id, title)
            if found is None:
                raise InvalidInput(
                    f"resultaat '{title}' bestaat niet in het kompas of in dit bestand."
                )
            ids.append(found.id)
        return ids

    def add_activity(row: dict) -> None:
        title = _s(row, "activiteit")
        if not title:
            raise InvalidInput("vul de titel van de activiteit in (kolom activiteit).")
        if _find(db, Activity, Activity.title, workshop.id, title) is not None:
            raise InvalidInput(f"activiteit '{title}' bestaat al in het kompas.")
        partner_id = None
        if _s(row, "partner"):
            partner_id = partners.get(_s(row, "partner").lower())
            if partner_id is None:
                raise InvalidInput(
                    f"partner '{_s(row, 'partner')}' staat niet in de partnerlijst. "
                    "Voeg de partner eerst toe bij de Partnermatrix."
                )
        budget = row.get("budget")
        write.add_activity(
            db,
            actor=actor,
            title=title,
            partner_id=partner_id,
            budget_cents=formats.parse_money(
                budget if not isinstance(budget, str) else budget.strip() or None, field="budget"
            ),
            result_ids=result_ids(_s(row, "resultaat")),
            quality_method=_s(row, "methode"),
            quality_training=_s(row, "scholing"),
            quality_conditions=_s(row, "randvoorwaarden"),
            proven_effective=_s(row, "bewezen_effectief") or "onbekend",
        )
        counts["activities"] += 1

    def add_indicator(row: dict) -> None:
        owner_result, owner_activity = _s(row, "resultaat"), _s(row, "activiteit")
        if bool(owner_result) == bool(owner_activity):
            raise InvalidInput("vul bij een indicator óf een resultaat óf een activiteit in.")
        name = text.clean(_s(row, "naam"), field="naam van de indicator")
        if owner_result:
            owner = _find(db, Result, Result.title, workshop.id, owner_result)
            what = f"resultaat '{owner_result}'"
        else:
            owner = _find(db, Activity, Activity.title, workshop.id, owner_activity)
            what = f"activiteit '{owner_activity}'"
        if owner is None:
            raise InvalidInput(f"{what} bestaat niet in het kompas of in dit bestand.")
        column = Indicator.result_id if owner_result else Indicator.activity_id
        dup = db.execute(
            select(Indicator.id).where(
                column == owner.id, func.lower(Indicator.name) == name.lower()
            )
        ).first()
        if dup is not None:
            raise InvalidInput(f"indicator '{name}' bestaat al bij {what}.")
        kind = _s(row, "vorm").lower() or "tellen"
        ind_id = write.add_indicator(
            db,
            actor=actor,
            result_id=owner.id if owner_result else None,
            activity_id=owner.id if owner_activity else None,
            name=name,
            kind=kind,
            unit=_s(row, "eenheid"),
            baseline_value=row.get("nulmeting"),
            baseline_year=row.get("jaar_nulmeting"),
            target_value=row.get("streefwaarde"),
            target_year=row.get("streefjaar"),
            higher_is_better=row.get("hoger_is_beter", True),
            source=_s(row, "bron"),
        )
        counts["indicators"] += 1
        if not upload.is_blank(row.get("meting")) or not upload.is_blank(row.get("meetdatum")):
            story = kind == "vertellen"
            write.add_measurement(
                db,
                actor=actor,
                indicator_id=ind_id,
                measured_on=row.get("meetdatum"),
                value=None if story else row.get("meting"),
                story=_s(row, "meting") if story else "",
                source=_s(row, "bron"),
            )
            counts["measurements"] += 1

    handlers = {"resultaat": add_result, "activiteit": add_activity, "indicator": add_indicator}
    for kind in KINDS[:1] + ("activiteit", "indicator"):
        for number, row in rows:
            if kind_of(row) == kind:
                run(number, lambda kind=kind, row=row: handlers[kind](row))
    if problems:
        problems.sort(key=lambda p: int(p.split(":", 1)[0].split()[1]))
        raise ImportRefused(
            f"Het bestand is niet ingelezen: {len(problems)} "
            f"{'regel klopt' if len(problems) == 1 else 'regels kloppen'} niet. "
            "Er is niets veranderd. Verbeter het bestand en probeer het opnieuw.",
            problems=problems,
        )
    return ImportResult(**counts)
