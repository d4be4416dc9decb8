"""Digitising a dossier's papers (số hóa): the components the citizen handed in, and the electronic result.

Files picked by the officer (PDFs from the office scanner, photographs or scanned images) become one PDF per call:
images are found, flattened and cleaned as pages (`devices.page_scan`), PDFs are checked and joined. Limits: 60 MB
and 300 pages a paper; a file that is neither a PDF nor an image, a damaged or password-protected PDF, or an image
too large to open is refused with one sentence and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.attachments import MAX_BYTES, MAX_PAGES, Attachment, PreparedPaper
from ..core.errors import DomainError
from ..core.model import Dossier, Status
from ..core.roles import Account, Operation
from ..core.text import nfc
from ..devices.page_scan import PhotoError, correct_page, detect_page, encode_jpeg, read_photo
from ..documents.scans import ScanFileError, merge, pdf_from_jpegs, pdf_pages
from .base import Changes, CounterApp, Done, Scope, read_op, write_op

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".bmp"})
#: Statuses in which the electronic result may be attached: once it is ready, and after it was handed over.
RESULT_STATUSES = frozenset({Status.RESULT_READY, Status.RETURNED})

ERROR_CODES = (
    "attachment.not_supported",
    "attachment.pdf_damaged",
    "attachment.pdf_encrypted",
    "attachment.too_large",
    "attachment.too_many_pages",
    "attachment.component_unknown",
    "attachment.result_not_ready",
    "attachment.not_received",
    "attachment.no_files",
    "attachment.prepared_lost",
)


class AttachmentError(DomainError):
    """A paper that cannot be kept (ERROR_CODES; params name the file, the limit or the component)."""

    code = "attachment.not_supported"


@dataclass(frozen=True)
class Paper:
    """What a set of files became: one PDF and its page count."""

    data: bytes
    pages: int


def make_paper(files: list[Path], at: datetime | None = None) -> Paper:
    """The files as one PDF, or `AttachmentError` naming the first file that cannot be used. Images alone make a
    PDF/A-2b file dated `at`; with a PDF among the files, the PDFs are kept as they are and joined (not PDF/A)."""
    if not files:
        raise AttachmentError("attachment.no_files")
    parts: list[bytes] = []  # each file's PDF, or an image's page (JPEG) until the end
    images: set[int] = set()  # where the images are in `parts`
    total = 0
    for path in files:
        name = path.name
        suffix = path.suffix.lower()
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise AttachmentError("attachment.not_supported", file=name) from exc
        total += size
        if size > MAX_BYTES or total > MAX_BYTES:
            raise AttachmentError("attachment.too_large", file=name, limit_mb=MAX_BYTES // (1024 * 1024))
        if suffix == ".pdf":
            data = path.read_bytes()
            if not data.startswith(b"%PDF-"):
                raise AttachmentError("attachment.pdf_damaged", file=name)
            try:
                pdf_pages(data)
            except ScanFileError as exc:
                raise AttachmentError(f"attachment.{exc.reason}", file=name) from exc
            parts.append(data)
        elif suffix in IMAGE_SUFFIXES:
            try:
                photo = read_photo(path)
            except PhotoError as exc:
                code = "attachment.too_large" if exc.code == "image.too_large" else "attachment.not_supported"
                raise AttachmentError(code, file=name, limit_mb=MAX_BYTES // (1024 * 1024)) from exc
            images.add(len(parts))
            parts.append(encode_jpeg(correct_page(photo, detect_page(photo))))
        else:
            raise AttachmentError("attachment.not_supported", file=name)
    try:
        if len(images) == len(parts):
            data, pages = pdf_from_jpegs(parts, at=at), len(parts)
        else:
            data, pages = merge(
                [pdf_from_jpegs([p], at=at) if i in images else p for i, p in enumerate(parts)]
            )
    except ScanFileError as exc:
        raise AttachmentError(f"attachment.{exc.reason}", file=files[0].name) from exc
    if pages > MAX_PAGES:
        raise AttachmentError("attachment.too_many_pages", limit=MAX_PAGES)
    if len(data) > MAX_BYTES:
        raise AttachmentError(
            "attachment.too_large", file=files[-1].name, limit_mb=MAX_BYTES // (1024 * 1024)
        )
    return Paper(data, pages)


def _attach(
    app: CounterApp,
    account: Account,
    key: str,
    files: list[Path],
    *,
    component: int | None,
    paper: Paper | None = None,
) -> Done[Attachment]:
    dossier = app.store.dossiers.get(key)
    if component is not None:
        if dossier.code is None:
            raise AttachmentError("attachment.not_received", dossier=key)
        if all(c.number != component for c in dossier.procedure.components):
            raise AttachmentError("attachment.component_unknown", component=component)
        name = nfc(dossier.procedure.component(component).name)
    else:
        if dossier.status not in RESULT_STATUSES:
            raise AttachmentError("attachment.result_not_ready", dossier=dossier.code or key)
        name = f"Kết quả: {dossier.procedure.name}"
    paper = paper or make_paper(files, app.now())
    added = app.store.attachments.add(
        dossier.id,
        kind="component" if component is not None else "result",
        component=component,
        name=name,
        data=paper.data,
        pages=paper.pages,
        officer=account.username,
        at=app.now(),
    )
    return Done(added, Changes.of(Scope.DOSSIERS, Scope.AUDIT, dossiers=(dossier.id,)))


@write_op(Operation.RECEIVE)
def attach_component(
    app: CounterApp, account: Account, key: str, component: int, files: list[Path]
) -> Done[Attachment]:
    """Keep the digitised copy of one component the citizen handed in (its number in the procedure)."""
    return _attach(app, account, key, files, component=component)


@write_op(Operation.RECEIVE)
def attach_captured(
    app: CounterApp, account: Account, key: str, component: int, pages: list[bytes]
) -> Done[Attachment]:
    """Keep the pages taken with the camera (JPEG, already found, flattened and cleaned) as one component."""
    return _attach(app, account, key, [], component=component, paper=_captured_paper(pages, app.now()))


@write_op(Operation.MOVE)
def attach_result(app: CounterApp, account: Account, key: str, files: list[Path]) -> Done[Attachment]:
    """Keep the electronic result of a dossier whose result is ready (or already handed over)."""
    return _attach(app, account, key, files, component=None)


@read_op(Operation.VIEW)
def attachments(app: CounterApp, account: Account, key: str) -> list[Attachment]:
    """The dossier's digitised papers, oldest first."""
    return app.store.attachments.of_dossier(app.store.dossiers.get(key).id)


@read_op(Operation.VIEW)
def read_attachment(app: CounterApp, account: Account, attachment: Attachment) -> bytes:
    """The PDF's bytes, checked against their SHA-256; a paper another counter digitised is fetched from the
    server the first time (and kept)."""
    if not app.store.attachments.has_file(attachment) and attachment.synced:
        from ..sync.files import fetch
        from .sync import engine

        sync = engine(app)
        try:
            return fetch(app.store, sync.client(), attachment)
        finally:
            sync.close()
    return app.store.attachments.read(attachment)


# ---- during intake, before the dossier is received -------------------------------------------------------------
def _captured_paper(pages: list[bytes], at: datetime) -> Paper:
    if not pages:
        raise AttachmentError("attachment.no_files")
    if len(pages) > MAX_PAGES:
        raise AttachmentError("attachment.too_many_pages", limit=MAX_PAGES)
    return Paper(pdf_from_jpegs(pages, at=at), len(pages))


def _prepared(app: CounterApp, component: int, paper: Paper) -> Done[PreparedPaper]:
    digest = app.store.attachments.files.put(paper.data)
    return Done(PreparedPaper(component, digest, paper.pages, len(paper.data)))


@write_op(Operation.RECEIVE)
def prepare_component(
    app: CounterApp, account: Account, component: int, files: list[Path]
) -> Done[PreparedPaper]:
    """Digitise a component from files while the intake is still being filled in: the PDF is kept in the profile's
    file store and becomes an attachment when the dossier is received (`attach_prepared`)."""
    return _prepared(app, component, make_paper(files, app.now()))


@write_op(Operation.RECEIVE)
def prepare_captured(
    app: CounterApp, account: Account, component: int, pages: list[bytes]
) -> Done[PreparedPaper]:
    """The camera's pages for a component of an intake not yet received (as `prepare_component`)."""
    return _prepared(app, component, _captured_paper(pages, app.now()))


def attach_prepared(
    app: CounterApp, account: Account, dossier: Dossier, papers: Sequence[PreparedPaper]
) -> list[Attachment]:
    """The papers digitised during intake, kept as `dossier`'s attachments; called inside the receipt's write so
    that the dossier and its papers are stored together or not at all. A component the procedure lacks, or a file
    no longer in the store, refuses the whole receipt with one sentence."""
    names = {c.number: nfc(c.name) for c in dossier.procedure.components}
    for paper in papers:
        if paper.component not in names:
            raise AttachmentError("attachment.component_unknown", component=paper.component)
        if not app.store.attachments.files.has(paper.sha256):
            raise AttachmentError("attachment.prepared_lost", component=paper.component)
    at = app.now()
    return [
        app.store.attachments.add_stored(
            dossier.id,
            kind="component",
            component=paper.component,
            name=names[paper.component],
            digest=paper.sha256,
            pages=paper.pages,
            size=paper.bytes,
            officer=account.username,
            at=at,
        )
        for paper in papers
    ]


@write_op(Operation.RECEIVE)
def discard_prepared(app: CounterApp, account: Account, papers: list[PreparedPaper]) -> Done[int]:
    """Remove the files of papers digitised for an intake that will not be received with them (dropped, refused,
    put off, or taken again): how many files were removed. A file some attachment names stays."""
    removed = sum(app.store.attachments.forget_unrecorded(paper.sha256) for paper in papers)
    return Done(removed)
