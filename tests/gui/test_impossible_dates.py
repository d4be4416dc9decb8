"""A date of birth that does not exist (31/02/1995) is said to be impossible, not badly written, in every date field
of the intake: the applicant's and the authorised person's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.gui.intake.applicant_form import ApplicantForm


def _form(qtbot: QtBot, lang: str) -> ApplicantForm:
    form = ApplicantForm(lang)
    qtbot.addWidget(form)
    form.show()
    return form


@pytest.mark.parametrize(
    ("lang", "impossible", "badly_written"),
    [
        (
            "vi",
            "Ngày 31/02/1995 không có thật.",
            "Ngày phải viết theo dạng ngày/tháng/năm, ví dụ 05/09/1990.",
        ),
        ("en", "31/02/1995 is not a real date.", "Write dates as day/month/year, e.g. 05/09/1990."),
    ],
)
@pytest.mark.parametrize("who", ["applicant", "representative"])
def test_an_impossible_date_of_birth_is_said_to_be_impossible(
    qtbot: QtBot, lang: str, impossible: str, badly_written: str, who: str
) -> None:
    form = _form(qtbot, lang)
    form.has_representative.setChecked(who == "representative")
    fields = form.applicant if who == "applicant" else form.representative
    editor = fields.editors["birth_date"]
    qtbot.keyClicks(editor, "31/02/1995")
    form.validate(show_all=True)
    assert form.shown_errors()[f"{who}.birth_date"] == impossible
    assert fields.errors["birth_date"].text() == impossible  # the line under the field says it
    editor.clear()
    qtbot.keyClicks(editor, "1995")
    form.validate()
    assert form.shown_errors()[f"{who}.birth_date"] == badly_written
    editor.clear()
    qtbot.keyClicks(editor, "28/02/1995")
    form.validate()
    assert f"{who}.birth_date" not in form.shown_errors()


def test_the_intake_says_it_beside_the_field_when_it_is_left(qtbot: QtBot, intake) -> None:
    editors = intake.applicant.applicant.editors
    qtbot.keyClicks(editors["birth_date"], "31021995")
    qtbot.keyClick(editors["birth_date"], Qt.Key.Key_Tab)
    intake.applicant._on_fields_left(
        "applicant.birth_date"
    )  # what leaving the field does (focus may not move offscreen)
    assert intake.applicant.shown_errors().get("applicant.birth_date") == "Ngày 31/02/1995 không có thật."
