"""Layouts of the static windows, generated from the Qt Designer forms in ui/ by `make forms` (pyside6-uic).

Do not edit these modules by hand: open the form in Designer, save it, run `make forms` (see ui/README.md).
"""
