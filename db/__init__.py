"""The shipped database files, installed as the data package `counter_app._db` (see counter_app/shipped.py)."""
