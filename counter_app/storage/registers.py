"""The counter's registers: the tracking book's volumes and entries (form 07) and the letters' numbers (forms 04, 05).

Both must stay unique across the counters of one unit while each counter works offline, so neither is a running
number shared by the unit:

* The tracking book: each counter keeps its own volume of the year, named after the counter whose code slot
  received the dossier (`03/2026` is counter 3's book of 2026); its entries run 1, 2, 3 … in that volume. Two
  counters therefore never write the same volume and entry ("Quyển 03/2026, STT 1" and "Quyển 01/2026, STT 1").
* Letters: each counter numbers its letters of the year itself; the symbol ends with the counter (`-Q3`,
  `core.letters`).

The next number is always one past the highest this database holds (indexed by migration 0008), so a restored or
reinstalled counter continues after what it synced back instead of reusing a number; it issues nothing before
that first sync, like dossier codes (`DossierRepository.codes_hold`). Call both inside the writing transaction.
"""

from __future__ import annotations

from dataclasses import replace

from peewee import SqliteDatabase

from ..core.model import Dossier

#: The actions whose event carries a letter number (migration 0008 indexes exactly these).
LETTER_ACTIONS = ("apology", "stop")


def book_volume(slot: int, year: int) -> str:
    """The volume a counter's dossiers of `year` are entered in: `03/2026` for counter 3."""
    return f"{slot:02d}/{year}"


def next_book_entry(db: SqliteDatabase, volume: str) -> int:
    """One past the highest entry of `volume` in this database."""
    row = db.execute_sql(
        "SELECT MAX(json_extract(data, '$.book_entry')) FROM dossier "
        "WHERE json_extract(data, '$.book_volume') = ?",
        (volume,),
    ).fetchone()
    return int(row[0] or 0) + 1


def enter_in_book(db: SqliteDatabase, dossier: Dossier, slot: int) -> Dossier:
    """The received dossier with its volume (the receiving counter's, for the year of receipt) and entry."""
    volume = book_volume(slot, dossier.received_at.year)
    return replace(dossier, book_volume=volume, book_entry=next_book_entry(db, volume))


def next_letter_number(db: SqliteDatabase, slot: int, year: int) -> int:
    """One past the highest letter number this counter (`slot`) gave in `year`, as the histories hold them."""
    row = db.execute_sql(
        "SELECT MAX(json_extract(data, '$.letter_number')) FROM dossier_event "
        "WHERE action IN ('apology', 'stop') AND json_extract(data, '$.letter_slot') = ? AND substr(at, 1, 4) = ?",
        (slot, f"{year:04d}"),
    ).fetchone()
    return int(row[0] or 0) + 1


def letter_data(number: int, symbol: str, slot: int) -> dict[str, object]:
    """What a letter's event records of its number (`next_letter_number` reads it back)."""
    return {"letter_number": number, "letter_symbol": symbol, "letter_slot": slot}


def last_signer(db: SqliteDatabase, action: str) -> tuple[str, str]:
    """The signer's title and name on this counter's latest letter of `action` (offered again), or blanks."""
    row = db.execute_sql(
        "SELECT json_extract(data, '$.signer_title'), json_extract(data, '$.signer') FROM dossier_event "
        "WHERE action IN ('apology', 'stop') AND action = ? AND json_extract(data, '$.letter_slot') IS NOT NULL "
        "ORDER BY at DESC LIMIT 1",
        (action,),
    ).fetchone()
    return (str(row[0] or ""), str(row[1] or "")) if row else ("", "")
