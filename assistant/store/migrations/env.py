"""Alembic environment. The store passes its own open connection (inside a locked
transaction) in `config.attributes["connection"]`; otherwise (writing a new revision
after changing tables.py) it connects from `sqlalchemy.url`:

    .venv/bin/python -c "from alembic import command; from assistant.store.engine import \
alembic_config as c; command.revision(c('sqlite:////tmp/dev.db'), message='what changed', \
autogenerate=True)"

(upgrade /tmp/dev.db to head first, e.g. by opening a Store on it; then review the file).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from assistant.store.engine import make_engine
from assistant.store.tables import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    config = context.config
    shared = config.attributes.get("connection")
    if isinstance(shared, Connection):
        _run(shared)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url (or pass a connection) to run migrations")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported")
run()
