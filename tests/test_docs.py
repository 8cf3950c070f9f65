"""The README documents every KOMPAS_* setting with its default, and every setting the
README names exists (as datasette's tests/test_docs.py does for its settings)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from kompas.config import SETTINGS, Settings
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ROWS = dict(re.findall(r"^\| `(KOMPAS_[A-Z_]+)` \| `([^`]*)` \|", README, re.MULTILINE))


@pytest.mark.parametrize("name", list(SETTINGS))
def test_readme_lists_the_setting_with_its_default(name):
    assert name in ROWS, f"{name} is missing from the README's settings table"
    assert ROWS[name] == SETTINGS[name].default


def test_readme_names_no_setting_that_does_not_exist():
    named = set(re.findall(r"KOMPAS_[A-Z_]+[A-Z]", README))
    assert named <= set(SETTINGS), named - set(SETTINGS)


def test_every_setting_has_an_attribute():
    fields = {f.name for f in dataclasses.fields(Settings)} - {"raw"}
    assert fields == {s.attribute for s in SETTINGS.values()}
