"""Reading an uploaded CSV or Excel (.xlsx) file into rows, with every guard an upload
needs before parsing: size, type, text encoding, and for .xlsx the zip inside (member
count, unpacked size, compression ratio: a small file can unpack to gigabytes).

Formulas are never evaluated: an Excel cell gives the value Excel saved with it, or
nothing. Each importer checks its own columns and rows on the table this returns.
"""

from __future__ import annotations

import csv
import io
import zipfile

from openpyxl import load_workbook

from kompas import formats
from kompas.errors import ImportRefused

MAX_BYTES = 2 * 1024 * 1024
MAX_UNZIPPED = 30 * 1024 * 1024  # all members of an .xlsx together, unpacked
MAX_ZIP_MEMBERS = 300
MAX_RATIO = 200  # unpacked / packed, for a member above RATIO_FROM
RATIO_FROM = 1024 * 1024
MAX_COLUMNS = 60
ENCODINGS = (
    "utf-8-sig",
    "cp1252",
)  # UTF-8 (with or without BOM), else what Excel on Windows writes
DELIMITERS = (";", ",", "\t")


def read_table(
    filename: str, data: bytes, *, max_rows: int, sheet: str | None = None
) -> list[list]:
    """The rows of the file, the header first (blank rows before it dropped). ``max_rows``
    limits the rows under the header; ``sheet`` names the Excel sheet to read when it is
    there (otherwise the first). CSV values are text, Excel values what the cell holds.
    Raises ImportRefused with a Dutch message for a file that cannot or may not be read."""
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise ImportRefused("Het bestand is leeg.")
    if len(data) > MAX_BYTES:
        raise ImportRefused(
            f"Het bestand is te groot: {formats.number(len(data) / 1024 / 1024, 1)} MB, "
            f"maximaal {MAX_BYTES // 1024 // 1024} MB."
        )
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        table = _xlsx_table(bytes(data), max_rows=max_rows, sheet=sheet)
    elif name.endswith((".csv", ".txt")):
        table = _csv_table(bytes(data))
    else:
        raise ImportRefused(
            "Dit type bestand kan niet worden ingelezen. Gebruik een Excel-bestand "
            "(.xlsx) of een CSV-bestand (.csv)."
        )
    if len(table) - 1 > max_rows:  # counted before blank rows go: an .xlsx is read only this far
        raise ImportRefused(f"Het bestand heeft meer dan {max_rows} regels. Splits het bestand.")
    while table and all(is_blank(v) for v in table[0]):
        table.pop(0)
    return table


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _xlsx_table(data: bytes, *, max_rows: int, sheet: str | None) -> list[list]:
    if not data.startswith(b"PK\x03\x04"):
        raise ImportRefused(
            "Dit is geen geldig Excel-bestand (.xlsx). Sla het opnieuw op als .xlsx of .csv."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                raise ImportRefused(
                    "Het Excel-bestand heeft een vreemde opbouw (te veel onderdelen)."
                )
            if sum(i.file_size for i in infos) > MAX_UNZIPPED or any(
                i.file_size > RATIO_FROM and i.file_size > MAX_RATIO * max(i.compress_size, 1)
                for i in infos
            ):
                raise ImportRefused(
                    "Het Excel-bestand is uitgepakt veel te groot. Sla alleen het blad "
                    "met de gegevens op, of gebruik CSV."
                )
            if "xl/workbook.xml" not in {i.filename for i in infos}:
                raise ImportRefused("Dit is geen geldig Excel-bestand (.xlsx).")
    except zipfile.BadZipFile as exc:
        raise ImportRefused("Dit is geen geldig Excel-bestand (.xlsx).") from exc
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            ws = book[sheet] if sheet in book.sheetnames else book.worksheets[0]
            # one row past the limit (and the header), so too many rows are seen, not cut off
            return [
                list(values)
                for values in ws.iter_rows(
                    max_row=max_rows + 2, max_col=MAX_COLUMNS, values_only=True
                )
            ]
        finally:
            book.close()
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on broken files
        raise ImportRefused(
            "Het Excel-bestand kan niet worden gelezen. Sla het opnieuw op als .xlsx "
            "of gebruik CSV."
        ) from exc


def _csv_table(data: bytes) -> list[list]:
    if b"\x00" in data:
        raise ImportRefused(
            "Dit is geen tekstbestand (CSV). Sla het op als CSV of als Excel-bestand (.xlsx)."
        )
    for encoding in ENCODINGS:
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRefused(
            "De tekens in het bestand kunnen niet worden gelezen. Sla het op als UTF-8."
        )
    first = content.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count)
    try:
        return list(csv.reader(io.StringIO(content), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportRefused(f"Het CSV-bestand kan niet worden gelezen: {exc}.") from exc
