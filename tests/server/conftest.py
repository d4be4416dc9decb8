"""Server fixtures: a fresh database (SQLite file or a new PostgreSQL database) and the server as a child process."""

from __future__ import annotations

from server_fixtures import admin, backend, server, server_db  # noqa: F401  (shared fixtures)
