"""The links the national portal downloads a unit's digitised papers from, and the public route that answers them.

    GET /portal/files/{agency_id}/{sha256}/{sig}.pdf   → the PDF (inline), or 404 {"error": "not_found"}

A link is a capability: `sig` is HMAC-SHA256, keyed with the unit's `link_key` (32 random bytes, made by the first
`portal-config`), of `"{agency_id}/{sha256}"`, so whoever holds the link can read that one paper and nobody can make
a link for another. The route is outside the counters' credential gate (the portal has no counter's credential);
it answers only when the unit is connected with a key, the signature matches (compared in constant time), a paper
of that agency names the SHA-256 and its file is stored. Every other request gets the same 404, whatever was wrong,
and nothing reaches the database before the parameters have their shape.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from types import SimpleNamespace
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse

from ..core.codes import AGENCY_ID_PATTERN

if TYPE_CHECKING:  # the vault records a whole file through portal_queue, which signs links here
    from .files import FileVault

ROUTE = "/portal/files/{agency_id}/{sha256}/{sig}.pdf"
#: The shapes a link's parts may have; anything else is refused before a query.
AGENCY_PART = re.compile(AGENCY_ID_PATTERN)
MAX_AGENCY_CHARS = 64
HEX64 = re.compile(r"[0-9a-f]{64}")
LINK_KEY_BYTES = 32
_NOT_FOUND = {"error": "not_found"}
#: Signs for an agency that has no key, so a refusal costs what a wrong signature does.
_NO_KEY = bytes(LINK_KEY_BYTES)


def new_link_key() -> str:
    """A unit's secret for its links: 32 random bytes as hex."""
    return secrets.token_hex(LINK_KEY_BYTES)


def signature(link_key: str, agency_id: str, sha256: str) -> str:
    """HMAC-SHA256 of `"{agency_id}/{sha256}"` keyed with the unit's key (its bytes), as hex."""
    key = bytes.fromhex(link_key) if link_key else _NO_KEY
    return hmac.new(key, f"{agency_id}/{sha256}".encode("ascii"), hashlib.sha256).hexdigest()


def file_link(files_url: str, link_key: str, agency_id: str, sha256: str) -> str:
    """The address the portal downloads one paper from: the unit's public base address, then the route."""
    sig = signature(link_key, agency_id, sha256)
    return f"{files_url.rstrip('/')}/portal/files/{agency_id}/{sha256}/{sig}.pdf"


def ascii_file_name(name: str, fallback: str) -> str:
    """A paper's name as a file name safe in any header: marks removed, đ as d, other characters as '-'."""
    folded = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    safe = re.sub(r"[^A-Za-z0-9._ -]+", "-", plain).strip(" .-")
    safe = re.sub(r"\s+", " ", safe)[:100].strip(" .-")
    return f"{safe or fallback}.pdf"


def well_formed(agency_id: str, sha256: str, sig: str) -> bool:
    return (
        len(agency_id) <= MAX_AGENCY_CHARS
        and AGENCY_PART.fullmatch(agency_id) is not None
        and HEX64.fullmatch(sha256) is not None
        and HEX64.fullmatch(sig) is not None
    )


def stored_paper(m: SimpleNamespace, agency_id: str, sha256: str, sig: str) -> str | None:
    """The name of the agency's paper the link opens (its earliest), or None when the link opens nothing: the
    unit is not connected or has no key, the signature is wrong, or no paper of the agency names the file."""
    p = m.db.param
    unit = m.db.execute_sql(
        f"SELECT link_key FROM portal_units WHERE agency_id = {p} AND enabled = {p}", (agency_id, True)
    ).fetchone()
    link_key = str(unit[0]) if unit is not None else ""
    expected = signature(link_key, agency_id, sha256)
    if not hmac.compare_digest(expected, sig) or not link_key:
        return None
    A = m.Attachment
    paper = (
        A.select(A.name)
        .where((A.agency_id == agency_id) & (A.sha256 == sha256))
        .order_by(A.received_at, A.id)
        .first()
    )
    return str(paper.name) if paper is not None else None


AgencyPart = Annotated[
    str,
    PathParam(
        description="the unit's agency ID",
        json_schema_extra={"pattern": f"^{AGENCY_ID_PATTERN}$", "maxLength": MAX_AGENCY_CHARS},
    ),
]
Sha256Part = Annotated[
    str,
    PathParam(
        description="the file's SHA-256, lower-case hex", json_schema_extra={"pattern": "^[0-9a-f]{64}$"}
    ),
]
SigPart = Annotated[
    str,
    PathParam(
        description="the link's signature, lower-case hex", json_schema_extra={"pattern": "^[0-9a-f]{64}$"}
    ),
]


def add_portal_file_route(app: FastAPI, m: SimpleNamespace, vault: FileVault, error_responses: Any) -> None:
    """The portal's download of a paper (see the module's description); no credential."""

    @app.get(
        ROUTE,
        response_class=FileResponse,
        responses={
            200: {"content": {"application/pdf": {}}, "description": "the paper"},
            **error_responses(404),
        },
        description="A digitised paper for the national portal, by the signed link the server sent it. Every "
        "refusal is 404 `not_found`.",
    )
    def portal_file(agency_id: AgencyPart, sha256: Sha256Part, sig: SigPart) -> Any:
        if not well_formed(agency_id, sha256, sig):
            return JSONResponse(_NOT_FOUND, status_code=404)
        with m.db.connection_context():
            name = stored_paper(m, agency_id, sha256, sig)
        path = vault.read(agency_id, sha256) if name is not None else None
        if name is None or path is None:
            return JSONResponse(_NOT_FOUND, status_code=404)
        return FileResponse(
            path,
            media_type="application/pdf",
            headers={
                "Content-Disposition": f'inline; filename="{ascii_file_name(name, sha256[:16])}"',
                "Cache-Control": "private, no-store",
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
            },
        )
