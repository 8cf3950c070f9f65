"""The editable tables of the Kwaliteitskompas: an st.data_editor per table with a save
button, conflict checks on ``rev``, labels for selectbox columns, and live data: a table
shows others' changes at once, except while this person has unsaved edits in it — then it
keeps the rows they are editing and says which rows others changed meanwhile. Unsaved
edits also survive a page change: they are kept per table (outside the widget's state,
which Streamlit drops for widgets a run does not draw) and shown again, with a note.

The words around the tables (the save button, the notes on unsaved and conflicting edits)
are in the viewer's language (messages/*/compass.py, ``compass.grid_…``); what people wrote
in the rows and the domain's refusals and deletion notes are shown as they come."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from kompas import compass, ui
from kompas.compass import TableChanges
from kompas.ui import esc

GEN = "compass_gen"  # bumping it gives every editor a fresh key: reload from the database
SNAPSHOT_PREFIX = "snap_"  # + editor key: the rows that editor was loaded with
FAILED_PREFIX = "compass_failed_"  # + table name: its last save was refused
DRAFT_PREFIX = "compass_draft_"  # + table name: its unsaved edits, kept across page changes
RESTORED_PREFIX = "compass_restored_"  # + table name: the draft a restored editor started from


def gen() -> int:
    return st.session_state.setdefault(GEN, 0)


def reload(name: str | None = None) -> None:
    """Fresh editors from the database. ``name``: that table's unsaved edits are done with
    (saved or thrown away); the other tables keep theirs."""
    for key in [
        k for k in st.session_state if isinstance(k, str) and k.startswith(f"{SNAPSHOT_PREFIX}ed_")
    ]:
        del st.session_state[key]
    if name is not None:
        st.session_state.pop(f"{DRAFT_PREFIX}{name}", None)
        st.session_state.pop(f"{RESTORED_PREFIX}{name}", None)
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


def edit_state(raw: dict | None) -> dict:
    """An editor's edits (st.data_editor's state: positions in the frame it was drawn with)
    as a plain copy that can be kept and combined."""
    raw = raw or {}
    return {
        "edited_rows": {int(p): dict(v) for p, v in (raw.get("edited_rows") or {}).items()},
        "added_rows": [dict(r) for r in raw.get("added_rows") or []],
        "deleted_rows": [int(p) for p in raw.get("deleted_rows") or []],
    }


def _changes(state: dict, df: pd.DataFrame, convert: Callable[[dict], dict]) -> TableChanges:
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


def has_edits(state: dict | None) -> bool:
    state = state or {}
    return bool(
        state.get("edited_rows")
        or state.get("deleted_rows")
        or any(
            any(v not in (None, "") for v in row.values()) for row in state.get("added_rows") or []
        )
    )


def pending_edits(key: str) -> bool:
    """Whether the editor ``key`` holds edits that are not saved yet."""
    return has_edits(st.session_state.get(key))


def _is_date_column(config: object) -> bool:
    type_config = (config or {}).get("type_config") or {} if isinstance(config, dict) else {}
    return type_config.get("type") == "date"


def rebase_draft(draft: dict, now: pd.DataFrame) -> dict:
    """A draft made on rows loaded earlier, moved onto the rows as they are ``now`` (merge by
    row id): rows this person did not touch show what others changed meanwhile; a row they
    edited keeps their values and the rev they loaded (so a save of a row that someone else
    changed too is refused, with a message); a row they edited that someone else deleted
    stays in view, for the same refusal."""
    old, state = draft["shown"], draft["state"]
    if old.empty or "id" not in old.columns:
        return draft
    old_records = old.to_dict("records")
    old_id = [r.get("id") for r in old_records]
    edited = {old_id[p]: e for p, e in state["edited_rows"].items() if p < len(old_id)}
    deleted = {old_id[p] for p in state["deleted_rows"] if p < len(old_id)}
    loaded = {r.get("id"): r for r in old_records}
    rows = []
    for record in now.to_dict("records"):
        row_id = record.get("id")
        if (row_id in edited or row_id in deleted) and row_id in loaded:
            record = {**record, "rev": loaded[row_id]["rev"]}
        rows.append(record)
    present = {r.get("id") for r in rows}
    rows += [loaded[i] for i in edited if i not in present and i in loaded]
    position = {r.get("id"): p for p, r in enumerate(rows)}
    return {
        "shown": pd.DataFrame(rows, columns=now.columns),
        "state": {
            "edited_rows": {position[i]: e for i, e in edited.items() if i in position},
            "added_rows": list(state["added_rows"]),
            "deleted_rows": [position[i] for i in deleted if i in position],
        },
    }


def draft_frame(
    shown: pd.DataFrame, state: dict, column_config: dict
) -> tuple[pd.DataFrame, list[tuple[str, int]]]:
    """The rows as ``shown`` with the edits of ``state`` applied (what the person saw
    before leaving the page), and for each row where it comes from: ("row", position in
    ``shown``) or ("added", index in the added rows)."""
    records = shown.to_dict("records")
    deleted = set(state["deleted_rows"])
    rows: list[dict] = []
    origin: list[tuple[str, int]] = []
    for pos, record in enumerate(records):
        if pos not in deleted:
            rows.append({**record, **state["edited_rows"].get(pos, {})})
            origin.append(("row", pos))
    for i, added in enumerate(state["added_rows"]):
        rows.append({**{c: None for c in shown.columns}, **added})
        origin.append(("added", i))
    for row in rows:  # the editor's state holds dates as text
        for column, config in column_config.items():
            value = row.get(column)
            if _is_date_column(config) and isinstance(value, str) and value:
                try:
                    row[column] = date.fromisoformat(value[:10])
                except ValueError:
                    row[column] = None
    return pd.DataFrame(rows, columns=shown.columns), origin


def combine_edits(base: dict, more: dict, origin: list[tuple[str, int]]) -> dict:
    """``base`` (edits on the loaded rows) plus ``more`` (edits in an editor drawn with
    :func:`draft_frame`), as edits on the loaded rows: what a save sends."""
    out = edit_state(base)
    for pos, edits in more["edited_rows"].items():
        if pos >= len(origin):
            continue
        kind, i = origin[pos]
        if kind == "row":
            out["edited_rows"].setdefault(i, {}).update(edits)
        else:
            out["added_rows"][i] = {**out["added_rows"][i], **edits}
    dropped = set()
    for pos in more["deleted_rows"]:
        if pos >= len(origin):
            continue
        kind, i = origin[pos]
        if kind == "row" and i not in out["deleted_rows"]:
            out["deleted_rows"].append(i)
        elif kind == "added":
            dropped.add(i)
    out["added_rows"] = [r for i, r in enumerate(out["added_rows"]) if i not in dropped]
    out["added_rows"] += more["added_rows"]
    return out


def count_changes(changes: TableChanges) -> str:
    n = len(changes.updated) + len(changes.added) + len(changes.deleted)
    return ui.t("compass.grid_changes_one" if n == 1 else "compass.grid_changes_many", n=n)


def _rows(df: pd.DataFrame) -> dict:
    if df.empty:
        return {}
    title = next((c for c in ("title", "name", "subject") if c in df.columns), None)
    return {
        int(r["id"]): (int(r["rev"]), str(r[title]) if title else ui.t("compass.grid_row", n=i + 1))
        for i, r in enumerate(df.to_dict("records"))
        if r.get("id") is not None
    }


def changed_by_others(shown: pd.DataFrame, now: pd.DataFrame) -> list[str]:
    """What others changed since ``shown`` was loaded, one short phrase per row."""
    before, after = _rows(shown), _rows(now)
    out = [
        ui.t("compass.grid_row_new", title=title)
        for i, (_, title) in after.items()
        if i not in before
    ]
    out += [
        ui.t("compass.grid_row_changed", title=after[i][1])
        for i, (rev, _) in before.items()
        if i in after and after[i][0] != rev
    ]
    out += [
        ui.t("compass.grid_row_deleted", title=title)
        for i, (_, title) in before.items()
        if i not in after
    ]
    return out


def changed_by_both(shown: pd.DataFrame, now: pd.DataFrame, state: dict) -> list[str]:
    """The rows this person edited or deleted that someone else changed or deleted since
    ``shown`` was loaded: saving them is refused (rev check)."""
    before, after = _rows(shown), _rows(now)
    ids = list(before)
    mine = {ids[p] for p in [*state["edited_rows"], *state["deleted_rows"]] if p < len(ids)}
    return [
        f"'{title}'"
        for i, (rev, title) in before.items()
        if i in mine and (i not in after or after[i][0] != rev)
    ]


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
    draft_key = f"{DRAFT_PREFIX}{name}"
    restored_key = f"{RESTORED_PREFIX}{name}"
    draft = st.session_state.get(draft_key)
    if not editable:
        # a different key: once writing is allowed again, the draft comes back
        st.data_editor(
            df,
            key=f"{key}_ro",
            hide_index=True,
            width="stretch",
            column_config=column_config,
            column_order=column_order,
            disabled=True,
            placeholder="",
        )
        if draft:
            st.warning(
                ui.t(
                    "compass.grid_unsaved_kept",
                    changes=count_changes(_changes(draft["state"], draft["shown"], convert)),
                ),
                icon=":material/pending:",
            )
        return
    restored = st.session_state.get(restored_key)
    if restored is not None and restored["gen"] != gen():
        restored = None
    if draft and (f"{key}_draft" if restored else key) not in st.session_state:
        # back on this page (or the tables were reloaded): the editor lost its edits,
        # the draft has them; draw them as rows and keep counting from there
        restored = st.session_state[restored_key] = {**rebase_draft(draft, df), "gen": gen()}
    if restored is not None:
        shown = restored["shown"]
        frame, origin = draft_frame(shown, restored["state"], column_config)
        editor_key = f"{key}_draft"
    else:
        # While this person has unsaved edits, the editor keeps the rows as loaded: its edits
        # are positions in that frame, and the revs in it are what they saw (conflict check).
        shown = st.session_state.get(snapshot_key)
        if shown is None or not pending_edits(key):
            shown = st.session_state[snapshot_key] = df
        frame, origin, editor_key = shown, [], key
    both = changed_by_both(shown, df, restored["state"]) if restored is not None else []
    others = [  # a row changed by both is named once, below
        o
        for o in (changed_by_others(shown, df) if shown is not df else [])
        if not any(o.startswith(f"{b} (") for b in both)
    ]
    if others:
        st.info(
            ui.t("compass.grid_changed_by_others", rows=esc(", ".join(others))),
            icon=":material/group:",
        )
    if both:
        st.warning(
            ui.t("compass.grid_changed_by_both", rows=esc(", ".join(both))),
            icon=":material/call_split:",
        )
    st.data_editor(
        frame,
        key=editor_key,
        hide_index=True,
        width="stretch",
        column_config=column_config,
        column_order=column_order,
        num_rows="dynamic" if can_add else "delete",
        placeholder="",
    )
    state = edit_state(st.session_state.get(editor_key))
    if restored is not None:
        state = combine_edits(restored["state"], state, origin)
    if has_edits(state):
        st.session_state[draft_key] = {"shown": shown, "state": state}
    else:
        st.session_state.pop(draft_key, None)
    changes = _changes(state, shown, convert)
    if not changes.empty:
        with st.container(key=f"draft_note_{name}"):
            st.caption(ui.t("compass.grid_unsaved", changes=count_changes(changes)))
    failed = f"{FAILED_PREFIX}{name}"
    save = st.button(
        ui.t("compass.grid_save"), key=f"save_{name}", type="primary", disabled=changes.empty
    )
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
                ui.t("compass.grid_delete_note") + "\n\n" + "\n\n".join(esc(r) for r in refs),
                icon=":material/warning:",
            )
            confirmed = st.checkbox(
                ui.t("compass.grid_delete_confirm"), key=f"confirm_{name}_{gen()}"
            )
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
            st.toast(ui.t("compass.grid_saved"), icon=":material/check_circle:")
            reload(name)
        st.session_state[failed] = True
    if st.session_state.get(failed):
        if st.button(
            ui.t("compass.grid_discard"),
            key=f"reload_{name}",
            help=ui.t("compass.grid_discard_help"),
        ):
            st.session_state.pop(failed, None)
            reload(name)
