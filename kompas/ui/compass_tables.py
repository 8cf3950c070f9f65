"""The editable tables of the Kwaliteitskompas: an st.data_editor per table with a save
button, conflict checks on ``rev``, labels for selectbox columns, and live data: a table
shows others' changes at once, except while this person has unsaved edits in it — then it
keeps the rows they are editing and says which rows others changed meanwhile."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from kompas import compass, ui
from kompas.compass import TableChanges
from kompas.ui import esc

GEN = "compass_gen"  # bumping it gives every editor a fresh key: reload from the database
SNAPSHOT_PREFIX = "snap_"  # + editor key: the rows that editor was loaded with
FAILED_PREFIX = "compass_failed_"  # + table name: its last save was refused


def gen() -> int:
    return st.session_state.setdefault(GEN, 0)


def reload() -> None:
    for key in [
        k for k in st.session_state if isinstance(k, str) and k.startswith(f"{SNAPSHOT_PREFIX}ed_")
    ]:
        del st.session_state[key]
    st.session_state[GEN] = gen() + 1
    st.rerun()


def unique_labels(items: list[tuple[int, str]]) -> dict[str, int]:
    """label → id with duplicate titles numbered, so a selectbox can tell them apart."""
    out: dict[str, int] = {}
    for obj_id, title in items:
        label, n = title, 1
        while label in out:
            n += 1
            label = f"{title} ({n})"
        out[label] = obj_id
    return out


def reverse_labels(labels: dict[str, int]) -> dict[int, str]:
    return {v: k for k, v in labels.items()}


def _changes(key: str, df: pd.DataFrame, convert: Callable[[dict], dict]) -> TableChanges:
    state = st.session_state.get(key) or {}
    records = df.to_dict("records")
    updated = []
    for pos, edits in (state.get("edited_rows") or {}).items():
        row = dict(records[int(pos)])
        row.update(edits)
        row["_label"] = row.get("title") or row.get("name") or ""
        updated.append(convert(row))
    added = [
        convert({**{c: None for c in df.columns}, **row, "id": None})
        for row in (state.get("added_rows") or [])
        if any(v not in (None, "") for v in row.values())
    ]
    deleted = [
        (int(records[int(pos)]["id"]), int(records[int(pos)]["rev"]))
        for pos in (state.get("deleted_rows") or [])
    ]
    return TableChanges(tuple(updated), tuple(added), tuple(deleted))


def pending_edits(key: str) -> bool:
    """Whether the editor ``key`` holds edits that are not saved yet."""
    state = st.session_state.get(key) or {}
    return bool(
        state.get("edited_rows")
        or state.get("deleted_rows")
        or any(
            any(v not in (None, "") for v in row.values()) for row in state.get("added_rows") or []
        )
    )


def _rows(df: pd.DataFrame) -> dict:
    if df.empty:
        return {}
    title = next((c for c in ("title", "name", "subject") if c in df.columns), None)
    return {
        int(r["id"]): (int(r["rev"]), str(r[title]) if title else f"rij {i + 1}")
        for i, r in enumerate(df.to_dict("records"))
        if r.get("id") is not None
    }


def changed_by_others(shown: pd.DataFrame, now: pd.DataFrame) -> list[str]:
    """What others changed since ``shown`` was loaded, one short phrase per row."""
    before, after = _rows(shown), _rows(now)
    out = [f"'{title}' (nieuw)" for i, (_, title) in after.items() if i not in before]
    out += [
        f"'{after[i][1]}' (gewijzigd)"
        for i, (rev, _) in before.items()
        if i in after and after[i][0] != rev
    ]
    out += [f"'{title}' (verwijderd)" for i, (_, title) in before.items() if i not in after]
    return out


def table_editor(
    ctx: ui.Context,
    *,
    table: str,
    name: str,
    df: pd.DataFrame,
    column_config: dict,
    column_order: list[str],
    editable: bool,
    convert: Callable[[dict], dict] = dict,
    context: dict | None = None,
    can_add: bool = True,
) -> None:
    """An st.data_editor with a save button. A save sends only the changed rows with the
    ``rev`` they were loaded with; a refusal (conflict, bad value, a row that misses its
    title) says why and keeps every edit."""
    key = f"ed_{name}_{gen()}"
    snapshot_key = f"{SNAPSHOT_PREFIX}{key}"
    # While this person has unsaved edits, the editor keeps the rows as loaded: its edits
    # are positions in that frame, and the revs in it are what they saw (conflict check).
    shown = st.session_state.get(snapshot_key)
    if shown is None or not editable or not pending_edits(key):
        shown = st.session_state[snapshot_key] = df
    else:
        others = changed_by_others(shown, df)
        if others:
            st.info(
                "Intussen gewijzigd door iemand anders: " + esc(", ".join(others)) + ". Jouw "
                "wijzigingen blijven staan. Sla ze op; daarna zie je alles. Heeft iemand "
                "dezelfde rij gewijzigd, dan zegt Kompas welke.",
                icon=":material/group:",
            )
    st.data_editor(
        shown,
        key=key,
        hide_index=True,
        width="stretch",
        column_config=column_config,
        column_order=column_order,
        disabled=not editable,
        num_rows=("dynamic" if can_add else "delete") if editable else "fixed",
    )
    if not editable:
        return
    changes = _changes(key, shown, convert)
    failed = f"{FAILED_PREFIX}{name}"
    save = st.button("Opslaan", key=f"save_{name}", type="primary", disabled=changes.empty)
    confirmed = False
    if changes.deleted:
        refs = ui.read(
            compass.deletion_references,
            ctx.workshop_id,
            table,
            tuple(i for i, _ in changes.deleted),
        )
        if refs:
            st.warning(
                "Let op, bij verwijderen:\n\n" + "\n\n".join(esc(r) for r in refs),
                icon=":material/warning:",
            )
            confirmed = st.checkbox("Ja, verwijder toch", key=f"confirm_{name}_{gen()}")
    if save:
        done = ui.act(
            compass.save_table,
            actor=ctx.actor,
            table=table,
            changes=changes,
            confirm=confirmed,
            **(context or {}),
        )
        if done:
            st.session_state.pop(failed, None)
            st.toast("Opgeslagen", icon=":material/check_circle:")
            reload()
        st.session_state[failed] = True
    if st.session_state.get(failed):
        if st.button(
            "Mijn wijzigingen weggooien",
            key=f"reload_{name}",
            help="Zet de tabel terug zoals hij nu is opgeslagen; wat je hier nog niet "
            "opsloeg, vervalt.",
        ):
            st.session_state.pop(failed, None)
            reload()
