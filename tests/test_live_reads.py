"""Reads cached per version of the parts they show (kompas.ui.actions.READ_PARTS) name
every part their data comes from: otherwise a change would never reach the pages."""

from __future__ import annotations

import dataclasses

from kompas import live
from kompas.models import Workshop
from kompas.ui.actions import READ_PARTS
from kompas.workshop_info import WorkshopInfo


def workshop_columns() -> set[str]:
    return {c.name for c in Workshop.__table__.columns} - live.QUIET_COLUMNS


def test_workshop_info_is_read_again_for_every_part_of_the_workshop_row():
    parts = set(READ_PARTS[("kompas.workshop_info", "workshop_info")])
    needed = {live.PART_OF_COLUMN.get(name, "workshop") for name in workshop_columns()}
    assert "participants" in parts  # the people list
    assert needed <= parts, f"missing: {sorted(needed - parts)}"


def test_downloads_and_report_settings_are_in_the_report_part():
    # the case that went stale: opening the downloads bumps only "report"
    fields = {f.name for f in dataclasses.fields(WorkshopInfo)}
    assert {"downloads_open", "report_show_names", "conclusions"} <= fields
    assert live.PART_OF_COLUMN["downloads_open"] == "report"
    assert "report" in READ_PARTS[("kompas.workshop_info", "workshop_info")]


def test_every_read_part_is_a_live_part():
    for parts in READ_PARTS.values():
        assert set(parts) <= set(live.PARTS)
