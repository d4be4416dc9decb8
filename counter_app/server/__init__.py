"""The central server that counters sync to: FastAPI over peewee, on SQLite or PostgreSQL."""
