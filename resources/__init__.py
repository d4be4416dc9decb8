"""Fonts, icons and translations, installed as the data package `counter_app._resources` (see counter_app/shipped.py)."""
