"""Alembic environment for Kompas.

Two ways in:
- from Kompas itself (kompas.migrate): the connection is handed over in
  ``config.attributes["connection"]``, already inside its transaction (and, on PostgreSQL,
  holding the migration lock);
- from the command line (``make migration m="…"``, ``alembic upgrade head``): the database
  is KOMPAS_DATABASE_URL (default: the SQLite file in data/).
"""

from __future__ import annotations

import os
from logging.config import fileConfig

import sqlalchemy as sa
from alembic import context
from alembic.autogenerate import render, renderers
from alembic.operations import ops
from sqlmodel import SQLModel

from kompas import models  # noqa: F401  (registers every table on SQLModel.metadata)

config = context.config
if config.config_file_name and config.attributes.get("connection") is None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
target_metadata = SQLModel.metadata


def _server_default(table: str, column: str):
    """The models' plain default as SQL text (False, 0, "" …), or None."""
    model = target_metadata.tables.get(table)
    default = model.c[column].default if model is not None and column in model.c else None
    if default is None or not getattr(default, "is_scalar", False):
        return None
    value = default.arg
    if isinstance(value, bool):
        return sa.text("true" if value else "false")
    if isinstance(value, int | float):
        return sa.text(str(value))
    if isinstance(value, str):
        return value
    return None


def _fill_new_columns(_context, _revision, directives) -> None:
    """A new NOT NULL column gets the models' default as server default, so that the rows
    already in a database get a value (without one the upgrade fails on every database
    that has rows). Check the generated revision all the same."""
    for script in directives:
        stack = [script.upgrade_ops]
        while stack:
            op_ = stack.pop()
            stack.extend(getattr(op_, "ops", ()))
            if isinstance(op_, ops.AddColumnOp):
                column = op_.column
                if column.nullable or column.server_default is not None:
                    continue
                default = _server_default(op_.table_name, column.name)
                if default is not None:
                    op_.column = sa.Column(
                        column.name, column.type, nullable=False, server_default=default
                    )


# SQLite tables that never reuse an id (AUTOINCREMENT): a batch migration copies the table
# from what it reflects, and SQLite's reflection does not see AUTOINCREMENT, so generated
# batch operations on these tables say it themselves.
AUTOINCREMENT = {
    t.name for t in target_metadata.sorted_tables if t.kwargs.get("sqlite_autoincrement")
}


@renderers.dispatch_for(ops.ModifyTableOps, replace=True)
def _render_modify_table(autogen_context, op_):
    lines = render._render_modify_table(autogen_context, op_)
    if op_.table_name in AUTOINCREMENT and lines and "batch_alter_table(" in lines[0]:
        lines[0] = lines[0].replace(
            ") as batch_op:", ', table_kwargs={"sqlite_autoincrement": True}) as batch_op:'
        )
    return lines


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move in batches
        compare_type=True,
        user_module_prefix="sqlmodel.sql.sqltypes.",
        process_revision_directives=_fill_new_columns,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from kompas.db import make_engine

    url = os.environ.get("KOMPAS_DATABASE_URL", "sqlite:///data/kompas.db")
    engine = make_engine(url, create=False)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":  # see kompas.migrate: batch copies would cascade
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=os.environ.get("KOMPAS_DATABASE_URL", "sqlite:///data/kompas.db"),
        target_metadata=target_metadata,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
