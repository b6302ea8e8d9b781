"""Alembic environment: runs on the connection :func:`register.storage.upgrade` hands over."""

from alembic import context
from sqlalchemy import create_engine

from register.model import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise SystemExit("run the migrations through register.storage.upgrade (it hands over a connection)")
        engine = create_engine(url)
        with engine.begin() as own_connection:
            _run(own_connection)
        engine.dispose()
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
