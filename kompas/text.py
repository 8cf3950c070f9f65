"""Cleaning of user text: Unicode NFC, no control characters, length limits."""

from __future__ import annotations

import re
import unicodedata

from kompas.errors import InvalidInput
from kompas.labels import sentence_start

TITLE_MAX = 200
NAME_MAX = 80
TEXT_MAX = 4000

# C0/C1 control characters, except tab and newline (kept in multi-line fields), plus the
# bidi overrides that can make a name read differently from what it is.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean(
    value: object,
    *,
    field: str,
    max_len: int = TITLE_MAX,
    required: bool = True,
    multiline: bool = False,
) -> str:
    """Return the cleaned text, or raise InvalidInput naming ``field`` (a Dutch noun)."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(
            f"{sentence_start(field)} moet tekst zijn.",
            key="text.not_text",
            values={"field": field},
        )
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if not multiline:
        text = " ".join(text.split())
    else:
        text = text.replace("\t", "    ").strip()
    if required and not text:
        raise InvalidInput(
            f"{sentence_start(field)} mag niet leeg zijn.",
            key="text.empty",
            values={"field": field},
        )
    if len(text) > max_len:
        raise InvalidInput(
            f"{sentence_start(field)} is te lang: {len(text)} tekens, maximaal {max_len}.",
            key="text.too_long",
            values={"field": field, "n": len(text), "max": max_len},
        )
    return text


def optional(value: object, *, field: str, max_len: int = TEXT_MAX, multiline: bool = True) -> str:
    return clean(value, field=field, max_len=max_len, required=False, multiline=multiline)
