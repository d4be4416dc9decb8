"""The counter's local SQLite cache through peewee: repositories return core objects, never rows."""
