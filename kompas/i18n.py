"""The words of the screens in each language: one message catalogue per language.

A catalogue is the package ``kompas.messages.<language>``; each module in it holds the
messages of one area of the screens (``MESSAGES``, keys starting with the module's name and
a dot: ``join.name`` lives in ``join.py``). :func:`text` looks a key up; a key that a
language lacks is an error in the tests (tests/test_i18n.py), never a silent fallback on a
screen. Placeholders use ``str.format`` names: ``"{n} van {total} hebben gestemd"``.

What people write (titles, proposals, names, notes) is never translated. Exports and the
facilitator's screens are in the facilitator's language (Dutch today); a participant
chooses Dutch or English when joining.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT = "nl"


def normalise(language: object) -> str:
    """A known language id; anything else is the default."""
    return language if isinstance(language, str) and language in LANGUAGES else DEFAULT


@cache
def catalogue(language: str) -> dict[str, str]:
    """Every message of ``language``, from the modules of its package."""
    package = importlib.import_module(f"kompas.messages.{language}")
    messages: dict[str, str] = {}
    for module in pkgutil.iter_modules(package.__path__):
        area = importlib.import_module(f"{package.__name__}.{module.name}")
        for key, message in area.MESSAGES.items():
            if not key.startswith(module.name + "."):
                raise ValueError(f"{language}/{module.name}.py: key {key!r} outside its area")
            messages[key] = message
    return messages


def text(key: str, language: str = DEFAULT, /, **values: object) -> str:
    """The message ``key`` in ``language``, with ``values`` filled in."""
    message = catalogue(normalise(language))[key]
    return message.format(**values) if values else message


def label(kind: str, value: str, language: str = DEFAULT) -> str:
    """The word for a stored id (``label("role", "inwoner", "en")`` → "Resident"); an unknown
    id (say from an older backup) is shown as it is."""
    return catalogue(normalise(language)).get(f"labels.{kind}.{value}", value)
