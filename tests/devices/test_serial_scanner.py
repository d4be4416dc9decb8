"""The serial (USB-COM) scanner: the framing of its bytes, and the real `QSerialPort` path through a pseudo-terminal.

A pseudo-terminal pair stands in for the scanner: `SerialScanner` opens the slave side by its name (`/dev/pts/N`)
exactly as it opens `/dev/ttyACM0` or `COM3`, and the test writes the scanner's bytes to the master side. Closing
the master is the scanner being unplugged; a symbolic link moved to a new pair is the scanner plugged back in.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtSerialPort import QSerialPort
from pytestqt.qtbot import QtBot

from counter_app.core.errors import DomainError
from counter_app.devices.qt_serial_scanner import STATE_OFF, STATE_READY, STATE_WAITING, SerialScanner
from counter_app.devices.serial_scanner import (
    MAX_MESSAGE_BYTES,
    SERIAL_LOST,
    SERIAL_NO_PORT,
    SERIAL_NO_SUFFIX,
    SERIAL_NOT_FOUND,
    SERIAL_NOT_SERIAL,
    SERIAL_NOT_UTF8,
    SERIAL_PERMISSION,
    SERIAL_TOO_LONG,
    Received,
    SerialFramer,
    SerialScannerError,
)
from counter_app.messages import MESSAGES, describe

CODE = "000.00.06.H56-261128-0101"
CARD = "001090012345||Nguyễn Văn An|01011990|Nam|Thôn 1, xã An Bình|15062021"


# ---- the framing, without a port ---------------------------------------------------------------------------------
def texts(found: list[Received]) -> list[str]:
    return [r.text or f"!{r.problem}" for r in found]


def test_a_message_ends_at_its_suffix_and_a_chunk_may_hold_several_or_part_of_one() -> None:
    framer = SerialFramer("cr")
    assert framer.feed(b"000.00.06.H56-2611") == [] and framer.pending
    assert texts(framer.feed(b"28-0101\rABC")) == [CODE]
    assert texts(framer.feed(b"DEF\rGHI\r")) == ["ABCDEF", "GHI"]
    assert not framer.pending


@pytest.mark.parametrize(
    ("suffix", "sent"),
    [
        ("cr", b"A1\rB2\r"),
        ("cr", b"A1\r\nB2\r\n"),
        ("lf", b"A1\nB2\n"),
        ("lf", b"A1\r\nB2\r\n"),
        ("crlf", b"A1\r\nB2\r\n"),
    ],
)
def test_each_suffix_and_a_cr_lf_read_with_either_single_one(suffix: str, sent: bytes) -> None:
    assert texts(SerialFramer(suffix).feed(sent)) == ["A1", "B2"]


def test_with_cr_lf_as_suffix_a_lone_cr_or_lf_stays_inside_the_message() -> None:
    assert texts(SerialFramer("crlf").feed(b"line 1\nline 2\r\n")) == ["line 1\nline 2"]


def test_utf8_split_inside_a_letter_is_joined_and_decomposed_text_comes_out_nfc() -> None:
    card = CARD.encode()
    cut = card.index("ễ".encode()) + 1  # between the bytes of one letter
    framer = SerialFramer()
    assert framer.feed(card[:cut]) == []
    assert texts(framer.feed(card[cut:] + b"\r")) == [CARD]
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn An")
    assert decomposed != "Nguyễn Văn An"
    assert texts(framer.feed(decomposed.encode() + b"\r")) == ["Nguyễn Văn An"]


def test_bytes_that_are_not_utf8_are_a_problem_and_the_next_message_is_read() -> None:
    framer = SerialFramer()
    latin = "Văn An".encode("cp1258")  # what a scanner set to a Windows code page sends
    assert texts(framer.feed(latin + b"\r" + CODE.encode() + b"\r")) == [f"!{SERIAL_NOT_UTF8}", CODE]


def test_a_message_longer_than_the_bound_is_dropped_once_up_to_its_suffix() -> None:
    framer = SerialFramer(max_bytes=16)
    assert texts(framer.feed(b"x" * 10)) == []
    assert texts(framer.feed(b"x" * 10)) == [f"!{SERIAL_TOO_LONG}"]
    assert texts(framer.feed(b"y" * 40)) == []  # the same message goes on: reported once
    assert texts(framer.feed(b"yy\rSHORT\r")) == ["SHORT"]
    assert texts(SerialFramer(max_bytes=4).feed(b"12345\r")) == [f"!{SERIAL_TOO_LONG}"]
    assert MAX_MESSAGE_BYTES >= 2953  # the largest QR code fits


def test_control_bytes_around_a_message_and_empty_lines_are_dropped() -> None:
    assert texts(SerialFramer().feed(b"\x02" + CODE.encode() + b"\x03\r\r\r")) == [CODE]


def test_bytes_left_without_a_suffix_are_reported_when_dropped() -> None:
    framer = SerialFramer("lf")
    framer.feed(CODE.encode() + b"\r")  # the scanner ends with CR, the setting says LF
    assert framer.pending
    assert framer.drop_pending() == Received(problem=SERIAL_NO_SUFFIX)
    assert not framer.pending and framer.drop_pending() is None


def test_an_unknown_suffix_is_refused() -> None:
    with pytest.raises(ValueError):
        SerialFramer("tab")


@pytest.mark.parametrize(
    "code",
    [
        SERIAL_NO_PORT,
        SERIAL_NOT_FOUND,
        SERIAL_PERMISSION,
        SERIAL_NOT_SERIAL,
        SERIAL_LOST,
        SERIAL_NOT_UTF8,
        SERIAL_TOO_LONG,
        SERIAL_NO_SUFFIX,
        "serial.open_failed",
    ],
)
def test_every_problem_is_a_sentence_in_both_languages(code: str) -> None:
    assert code in MESSAGES
    error = SerialScannerError(code, port="/dev/ttyACM0", detail="Input/output error")
    for lang in ("vi", "en"):
        sentence = describe(error, lang)
        assert sentence.endswith(".") and "{" not in sentence and sentence[0].isupper()
    assert "dialout" in describe(SerialScannerError(SERIAL_PERMISSION, port="/dev/ttyACM0"))


# ---- the real serial path: QSerialPort on a pseudo-terminal -------------------------------------------------------
@dataclass
class Pty:
    """A pseudo-terminal pair: `name` is the port the scanner opens, `write` sends the scanner's bytes."""

    master: int
    slave: int
    name: str

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        for fd in (self.master, self.slave):
            if fd >= 0:
                os.close(fd)
        self.master = self.slave = -1


def open_pty() -> Pty:
    master, slave = os.openpty()
    return Pty(master, slave, os.ttyname(slave))


@pytest.fixture
def pty() -> Iterator[Pty]:
    pair = open_pty()
    yield pair
    pair.close()


@pytest.fixture
def scanners(qtbot: QtBot) -> Iterator[list[SerialScanner]]:
    """Scanners made by a test, stopped at its end (the port closed, no retry left running)."""
    made: list[SerialScanner] = []
    yield made
    for scanner in made:
        scanner.stop()
        scanner.deleteLater()


@pytest.fixture
def make_scanner(scanners: list[SerialScanner]):
    def make(port: str, **options: object) -> SerialScanner:
        options.setdefault("retry_ms", 50)
        scanner = SerialScanner(port, **options)  # type: ignore[arg-type]
        scanners.append(scanner)
        return scanner

    return make


def started(qtbot: QtBot, scanner: SerialScanner) -> SerialScanner:
    with qtbot.waitSignal(scanner.state_changed, timeout=2000) as changed:
        scanner.start()
    assert changed.args == [STATE_READY] and scanner.is_open
    return scanner


def test_a_dossier_code_arrives_through_the_port(qtbot: QtBot, pty: Pty, make_scanner) -> None:
    scanner = started(qtbot, make_scanner(pty.name, baud=115200))
    with qtbot.waitSignal(scanner.message_scanned, timeout=2000) as got:
        pty.write(CODE.encode() + b"\r")
    assert got.args == [CODE]


def test_a_chip_id_card_in_vietnamese_utf8_arrives_intact(qtbot: QtBot, pty: Pty, make_scanner) -> None:
    scanner = started(qtbot, make_scanner(pty.name, suffix="crlf"))
    with qtbot.waitSignal(scanner.message_scanned, timeout=2000) as got:
        pty.write(CARD.encode("utf-8") + b"\r\n")
    assert got.args == [CARD]
    assert "Nguyễn Văn An" in got.args[0] and "xã An Bình" in got.args[0]


def test_a_message_in_two_writes_and_two_messages_in_one_write(qtbot: QtBot, pty: Pty, make_scanner) -> None:
    scanner = started(qtbot, make_scanner(pty.name))
    got: list[str] = []
    scanner.message_scanned.connect(got.append)
    card = CARD.encode()
    cut = card.index("ễ".encode()) + 2  # inside a letter's bytes
    pty.write(card[:cut])
    qtbot.waitUntil(lambda: scanner.framer.pending, timeout=2000)  # the first half is in, nothing emitted
    assert got == []
    pty.write(card[cut:] + b"\r")
    qtbot.waitUntil(lambda: got == [CARD], timeout=2000)
    pty.write(CODE.encode() + b"\r" + b"000.00.06.H56-261128-0102\r")
    qtbot.waitUntil(lambda: len(got) == 3, timeout=2000)
    assert got == [CARD, CODE, "000.00.06.H56-261128-0102"]


def test_invalid_utf8_gives_a_sentence_and_the_next_scan_still_arrives(
    qtbot: QtBot, pty: Pty, make_scanner
) -> None:
    scanner = started(qtbot, make_scanner(pty.name))
    with qtbot.waitSignal(scanner.problem, timeout=2000) as problem:
        pty.write("Nguyễn Văn An".encode("utf-16-le") + b"\xff\xfe\r")
    assert problem.args[0].code == SERIAL_NOT_UTF8
    assert "UTF-8" in describe(problem.args[0], "vi")
    with qtbot.waitSignal(scanner.message_scanned, timeout=2000) as got:
        pty.write(CODE.encode() + b"\r")
    assert got.args == [CODE]


def test_bytes_without_the_expected_suffix_are_reported_after_a_pause(
    qtbot: QtBot, pty: Pty, make_scanner
) -> None:
    scanner = started(qtbot, make_scanner(pty.name, suffix="lf", pause_ms=100))
    with qtbot.waitSignal(scanner.problem, timeout=2000) as problem:
        pty.write(CODE.encode() + b"\r")
    assert problem.args[0].code == SERIAL_NO_SUFFIX
    assert not scanner.framer.pending


def test_closing_the_port_reports_it_lost_and_a_port_back_under_the_name_is_reopened(
    qtbot: QtBot, tmp_path: Path, make_scanner
) -> None:
    first = open_pty()
    link = tmp_path / "scanner"  # a stable name, as udev gives a USB scanner (/dev/serial/by-id/…)
    link.symlink_to(first.name)
    scanner = started(qtbot, make_scanner(str(link)))
    states: list[str] = []
    scanner.state_changed.connect(states.append)
    problems: list[DomainError] = []
    scanner.problem.connect(problems.append)
    with qtbot.waitSignal(scanner.problem, timeout=3000):
        first.unplug()
    assert problems[0].code == SERIAL_LOST and states == [STATE_WAITING] and not scanner.is_open
    assert str(link) in describe(problems[0])
    first.close()
    second = open_pty()
    try:
        link.unlink()
        link.symlink_to(second.name)
        qtbot.waitUntil(lambda: scanner.state == STATE_READY, timeout=3000)
        assert [p.code for p in problems] == [SERIAL_LOST]  # the retries while it was away said nothing more
        with qtbot.waitSignal(scanner.message_scanned, timeout=2000) as got:
            second.write(CODE.encode() + b"\r")
        assert got.args == [CODE]
    finally:
        second.close()


def test_a_port_that_is_not_there_yet_is_waited_for(
    qtbot: QtBot, tmp_path: Path, pty: Pty, make_scanner
) -> None:
    link = tmp_path / "ttyACM0"
    scanner = make_scanner(str(link))
    with qtbot.waitSignal(scanner.problem, timeout=2000) as problem:
        scanner.start()
    assert problem.args[0].code == SERIAL_NOT_FOUND and scanner.state == STATE_WAITING
    link.symlink_to(pty.name)
    qtbot.waitUntil(lambda: scanner.state == STATE_READY, timeout=3000)


def test_a_port_held_by_another_program_is_refused_with_a_sentence(
    qtbot: QtBot, pty: Pty, make_scanner
) -> None:
    other = QSerialPort(pty.name)
    assert other.open(QSerialPort.OpenModeFlag.ReadOnly)  # takes the port's lock, as another program would
    try:
        scanner = make_scanner(pty.name)
        with qtbot.waitSignal(scanner.problem, timeout=2000) as problem:
            scanner.start()
        assert problem.args[0].code == SERIAL_PERMISSION and scanner.state == STATE_WAITING
        other.close()
        qtbot.waitUntil(lambda: scanner.state == STATE_READY, timeout=3000)
    finally:
        other.close()


def test_a_file_that_is_not_a_serial_port_is_refused(qtbot: QtBot, tmp_path: Path, make_scanner) -> None:
    not_a_port = tmp_path / "notes.txt"
    not_a_port.write_text("x", encoding="utf-8")
    scanner = make_scanner(str(not_a_port))
    with qtbot.waitSignal(scanner.problem, timeout=2000) as problem:
        scanner.start()
    assert problem.args[0].code == SERIAL_NOT_SERIAL


def test_no_port_chosen_is_said_and_nothing_is_opened(qtbot: QtBot, make_scanner) -> None:
    scanner = make_scanner("  ")
    with qtbot.waitSignal(scanner.problem, timeout=1000) as problem:
        scanner.start()
    assert problem.args[0].code == SERIAL_NO_PORT and scanner.state == STATE_OFF and not scanner.is_open


def test_stop_closes_the_port_and_stops_trying(qtbot: QtBot, tmp_path: Path, pty: Pty, make_scanner) -> None:
    scanner = started(qtbot, make_scanner(pty.name))
    with qtbot.waitSignal(scanner.state_changed, timeout=1000) as changed:
        scanner.stop()
    assert changed.args == [STATE_OFF] and not scanner.is_open
    reopened = QSerialPort(pty.name)  # the port and its lock are free again
    assert reopened.open(QSerialPort.OpenModeFlag.ReadOnly)
    reopened.close()
