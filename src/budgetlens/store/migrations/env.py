"""Alembic environment: migrations run on the connection `budgetlens.store.database.migrate` passes in.

A new revision (after changing schema.py) is generated against a database at the previous one:
``alembic.command.revision(config, autogenerate=True, message=...)`` with the Config `migrate`
builds; tests/store/test_database.py checks that the migrations create exactly the ORM schema.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from budgetlens.store.schema import Base

config = context.config
connection = config.attributes.get("connection")


def _run(conn: object) -> None:
    context.configure(
        connection=conn,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as own:
        _run(own)
