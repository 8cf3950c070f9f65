"""The Verslag page parts: the report on screen, the facilitator's settings, the downloads,
and the JSON upload on the home page that restores a workshop from a back-up."""

from __future__ import annotations

import logging
import secrets

import pandas as pd
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager

from kompas import db as kdb, i18n, labels, ui, workshops
from kompas.blocks import (
    Bullets,
    Heading,
    Outline,
    Paragraph,
    Picture,
    Table,
    WorkshopSummary,
    cell_text,
)
from kompas.errors import KompasError
from kompas.export import FORMATS, REPORT_FORMATS, export_for, file_name, json_io
from kompas.export.pictures import picture_png
from kompas.ui import esc, esc_inline
from kompas.ui.home import open_new_workshop

log = logging.getLogger("kompas")


def _keep_generated_downloads() -> None:
    """Work around a race in Streamlit 1.67's deferred downloads: the file that a
    download callable produces is referenced by no session, so any two script runs
    (the live fragments of every participant poll every second) delete it, often before
    the browser has fetched it ("canceled" download, 404). Here the generated file is
    referenced by the session that asked for it until that session's next full run.
    Does nothing when Streamlit's internals look different."""
    original = getattr(MediaFileManager, "execute_deferred", None)
    if original is None or getattr(original, "_kompas_patched", False):
        return
    if not all(hasattr(MediaFileManager, a) for a in ("remove_orphaned_files", "add_deferred")):
        return

    def execute_deferred(self, file_id: str) -> str:
        entry = getattr(self, "_deferred_callables", {}).get(file_id)
        url = original(self, file_id)
        try:
            actual = url.rsplit("/", 1)[-1].split(".", 1)[0]
            with self._lock:
                self._files_by_session_and_coord[entry["session_id"]][
                    f"kompas-download-{file_id}"
                ] = actual
        except Exception:  # noqa: BLE001 - a missed reference only brings back the race
            log.debug("could not keep the generated download referenced", exc_info=True)
        return url

    execute_deferred._kompas_patched = True  # type: ignore[attr-defined]
    MediaFileManager.execute_deferred = execute_deferred


_keep_generated_downloads()


# --- the report on screen ---------------------------------------------------------------


def table_frame(table: Table) -> pd.DataFrame:
    """Cells as Dutch text (€ 1.234,50; 22 november 2026): a dataframe shows them literally."""
    names, seen = [], set()
    for c in table.columns:
        name = c.name
        while name in seen:
            name += " "
        seen.add(name)
        names.append(name)
    rows = list(table.rows) + ([table.total] if table.total else [])
    return pd.DataFrame(
        [[cell_text(v, c.kind) for v, c in zip(row, table.columns)] for row in rows], columns=names
    )


def show_summary(s: WorkshopSummary, *, pictures: bool) -> None:
    # the report is in the facilitator's language, also the line above it
    caption = i18n.text(
        "report.summary_caption", i18n.DEFAULT, subtitle=s.subtitle, n=s.participant_count
    )
    st.caption(esc_inline(caption))
    for section in s.sections:
        st.header(esc_inline(section.title), divider="gray")
        for block in section.blocks:
            if getattr(block, "with_picture", False) and not pictures:
                continue
            if isinstance(block, Heading):
                st.subheader(esc_inline(block.text))
            elif isinstance(block, Paragraph):
                if block.style == "note":
                    st.caption(esc(block.text))
                else:
                    st.markdown(esc(block.text))
            elif isinstance(block, Bullets):
                st.markdown("\n".join(f"- {esc_inline(item)}" for item in block.items))
            elif isinstance(block, Outline):
                st.markdown(
                    "\n".join(
                        "    " * depth
                        + f"- {esc_inline(text)}"
                        + (f" · *{esc_inline(note)}*" if note else "")
                        for depth, text, note in block.items
                    )
                )
            elif isinstance(block, Table) and block.documents and block.rows:
                st.dataframe(table_frame(block), hide_index=True, width="stretch", placeholder="")
                if block.caption:
                    st.caption(esc(block.caption))
            elif isinstance(block, Picture) and pictures:
                png = picture_png(s, block.key)
                if png:
                    st.image(png, caption=esc_inline(block.caption), alt=block.caption)


# --- facilitator settings ---------------------------------------------------------------


def settings_form(ctx: ui.Context) -> None:
    info = ctx.info
    with st.form("report_settings", border=True):
        st.subheader(ui.t("report.settings_heading"))
        conclusions = st.text_area(
            ui.t("report.conclusions"),
            key=ui.synced("report_conclusions", info.conclusions),
            height=140,
            max_chars=20000,
            help=ui.t("report.conclusions_help"),
        )
        questions = st.text_area(
            ui.t("report.open_questions"),
            key=ui.synced("report_open_questions", info.open_questions),
            height=110,
            max_chars=20000,
            help=ui.t("report.open_questions_help"),
        )
        decisions = st.text_area(
            ui.t("report.decisions"),
            key=ui.synced("report_decisions", info.decisions),
            height=90,
            max_chars=20000,
            help=ui.t("report.decisions_help"),
        )
        st.subheader(ui.t("report.session_heading"))
        day_col, next_col = st.columns(2)
        with day_col:
            session_date = st.date_input(
                ui.t("report.session_date"),
                key=ui.synced("report_session_date", info.session_date),
                format="DD-MM-YYYY",
            )
        with next_col:
            next_date = st.date_input(
                ui.t("report.next_session_date"),
                key=ui.synced("report_next_session_date", info.next_session_date),
                format="DD-MM-YYYY",
            )
        place = st.text_input(
            ui.t("report.place"), key=ui.synced("report_place", info.place), max_chars=200
        )
        purpose = st.text_area(
            ui.t("report.purpose"),
            key=ui.synced("report_purpose", info.purpose),
            height=70,
            max_chars=1000,
        )
        orgs = st.checkbox(
            ui.t("report.show_organisations"),
            key=ui.synced("report_show_organisations", info.report_show_organisations),
            help=ui.t("report.show_organisations_help"),
        )
        names = st.checkbox(
            ui.t("report.show_names"),
            key=ui.synced("report_show_names", info.report_show_names),
            help=ui.t("report.show_names_help"),
        )
        open_ = st.checkbox(
            ui.t("report.downloads_open"),
            key=ui.synced("report_downloads_open", info.downloads_open),
            help=ui.t("report.downloads_open_help"),
        )
        saved = st.form_submit_button(ui.t("report.save"), key="report_save", type="primary")
    if saved:
        if ui.act(
            workshops.update_workshop,
            actor=ctx.actor,
            conclusions=conclusions,
            open_questions=questions,
            decisions=decisions,
            session_date=session_date,
            next_session_date=next_date,
            place=place,
            purpose=purpose,
            report_show_organisations=orgs,
            report_show_names=names,
            downloads_open=open_,
            success=ui.t("report.saved"),
        ):
            st.rerun()


# --- downloads --------------------------------------------------------------------------


def _builder(engine, actor: workshops.Actor, fmt: str, with_names: bool = False):
    """The callable behind a download button: runs when clicked, outside the script run,
    and checks again that this viewer may download (the facilitator may have closed it)."""

    def build() -> bytes:
        with kdb.reading(engine) as db:
            try:
                return export_for(db, actor=actor, fmt=fmt, with_names=with_names)
            except KompasError:
                raise
            except Exception:
                ref = secrets.token_hex(3).upper()
                log.exception("export %s failed, reference %s", fmt, ref)
                raise

    return build


JSON_NAMES_KEY = "download_json_names"  # widget key of the facilitator's names option


def downloads(ctx: ui.Context) -> None:
    info = ctx.info
    if not ctx.is_facilitator and not info.downloads_open:
        st.caption(ui.t("report.downloads_closed"))
        return
    st.subheader(ui.t("report.downloads_heading"))
    st.caption(ui.t("report.downloads_caption"))
    engine = ui.engine()
    formats = FORMATS if ctx.is_facilitator else REPORT_FORMATS
    # read before the buttons are drawn; the checkbox itself sits below them
    with_names = ctx.is_facilitator and bool(st.session_state.get(JSON_NAMES_KEY, False))
    # one under the other: the format's name stays readable in a narrow column and on a phone
    for fmt in formats:
        spec = FORMATS[fmt]
        st.download_button(
            labels.DOWNLOAD_LABELS[fmt],
            data=_builder(engine, ctx.actor, fmt, with_names and fmt == "json"),
            file_name=file_name(info.title, info.code, fmt),
            mime=spec.mime,
            key=f"download_{fmt}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
            help=(
                ui.t("report.json_help")
                if fmt == "json"
                else ui.t("report.download_help", format=spec.label)
            ),
        )
    if not ctx.is_facilitator:
        return
    st.checkbox(
        ui.t("report.json_names"),
        key=JSON_NAMES_KEY,
        help=ui.t("report.json_names_help"),
    )
    if with_names:
        st.warning(ui.t("report.json_names_warning"), icon=":material/warning:")


# --- import on the home page ------------------------------------------------------------


def import_form() -> None:
    """Upload a JSON back-up: creates a new workshop (new code and keys) and opens its
    facilitator console."""
    with st.form("import_workshop", border=True, clear_on_submit=True):
        st.subheader(ui.t("report.import_heading"))
        st.caption(ui.t("report.import_caption"))
        upload = st.file_uploader(
            ui.t("report.import_file"),
            type=["json"],
            key="import_file",
            max_upload_size=int(json_io.MAX_BYTES / 1024 / 1024) + 1,
        )
        submitted = st.form_submit_button(ui.t("report.import_submit"), key="import_submit")
    if not submitted:
        return
    if upload is None:
        st.error(ui.t("report.import_no_file"), icon=":material/error:")
        return
    if upload.size > json_io.MAX_BYTES:
        st.error(
            ui.t("report.import_too_big", mb=json_io.MAX_BYTES // 1024 // 1024),
            icon=":material/error:",
        )
        return
    new = ui.act(json_io.import_document, upload.getvalue())
    if new:
        open_new_workshop(new)
