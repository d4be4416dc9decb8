"""The download feed: what changed for an agency after a cursor: current dossiers, catalogue, calendar days, the
dossier-code slot width, and the dossiers the national portal has acknowledged."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any


class RawJson(str):
    """JSON text stored on the server and sent as it is (no decode and re-encode per pull)."""


@dataclass(frozen=True)
class FeedPage:
    """One page of the feed. `cursor` is where the next pull starts; `more` says a next page exists."""

    cursor: int
    more: bool
    items: list[dict[str, Any]] = field(default_factory=list)


def read_feed(m: SimpleNamespace, agency_id: str, after: int, limit: int) -> FeedPage:
    """Log entries of the agency after `after`, newest state of each item once, in log order."""
    db, p = m.db, m.db.param  # plain SQL on the hot path: every counter pulls every few seconds
    rows = db.execute_sql(
        f"SELECT log_id, kind, item_key FROM change_log WHERE agency_id = {p} AND log_id > {p} "
        f"ORDER BY log_id LIMIT {p}",
        (agency_id, after, limit),
    ).fetchall()
    if not rows:
        return FeedPage(after, False, [])
    last: dict[tuple[str, str], int] = {}
    for log_id, kind, item_key in rows:
        last[(kind, item_key)] = int(log_id)
    ordered = sorted(last.items(), key=lambda kv: kv[1])
    dossier_ids = [key for (kind, key), _ in ordered if kind == "dossier"]
    dossiers: dict[str, str] = {}
    for i in range(0, len(dossier_ids), 200):
        chunk = dossier_ids[i : i + 200]
        marks = ", ".join([p] * len(chunk))
        for dossier_id, data in db.execute_sql(f"SELECT id, data FROM dossiers WHERE id IN ({marks})", chunk):
            dossiers[dossier_id] = data
    items: list[dict[str, Any]] = []
    for (kind, key), log_id in ordered:
        if kind == "dossier" and key in dossiers:
            items.append({"kind": "dossier", "cursor": log_id, "dossier": RawJson(dossiers[key])})
        elif kind == "catalogue":
            cat = m.Catalogue.get_or_none(m.Catalogue.agency_id == agency_id)
            if cat is not None:
                items.append({"kind": "catalogue", "cursor": log_id, "procedures": json.loads(cat.data)})
        elif kind == "code_scheme":
            agency = m.Agency.get_or_none(m.Agency.agency_id == agency_id)
            if agency is not None:
                items.append(
                    {"kind": "code_scheme", "cursor": log_id, "slot_digits": int(agency.slot_digits)}
                )
        elif kind == "calendar":
            CO = m.CalendarOverride
            day = CO.get_or_none((CO.agency_id == agency_id) & (CO.day == key))
            if day is not None:
                items.append(
                    {"kind": "calendar", "cursor": log_id, "day": key, "override": day.kind, "name": day.name}
                )
        elif kind == "calendar_notice":
            N = m.CalendarNoticeDay
            notice = N.get_or_none((N.agency_id == agency_id) & (N.day == key))
            if notice is not None:
                items.append(
                    {
                        "kind": "calendar_notice",
                        "cursor": log_id,
                        "day": key,
                        "notice": notice.kind,
                        "name": notice.name,
                        "document": notice.document,
                        "document_date": notice.document_date,
                    }
                )
        elif kind == "attachment":  # a digitised paper; `stored` once its file can be fetched
            A = m.Attachment
            paper = A.get_or_none((A.agency_id == agency_id) & (A.id == key))
            if paper is not None:
                S = m.StoredFile
                stored = S.get_or_none((S.agency_id == agency_id) & (S.sha256 == paper.sha256)) is not None
                items.append(
                    {
                        "kind": "attachment",
                        "cursor": log_id,
                        "attachment": {
                            "id": paper.id,
                            "dossier_id": paper.dossier_id,
                            "kind": paper.kind,
                            "component": paper.component,
                            "name": paper.name,
                            "sha256": paper.sha256,
                            "pages": paper.pages,
                            "bytes": paper.bytes,
                            "created_by": paper.created_by,
                            "created_at": paper.created_at,
                        },
                        "stored": stored,
                    }
                )
        elif kind == "portal":  # the national portal holds the dossier (portal_queue.record_held)
            P = m.PortalDossier
            held = P.get_or_none((P.agency_id == agency_id) & (P.dossier_id == key))
            if held is not None:
                items.append(
                    {
                        "kind": "portal",
                        "cursor": log_id,
                        "dossier_id": key,
                        "code": held.code,
                        "synced_at": held.synced_at,
                    }
                )
    return FeedPage(int(rows[-1][0]), len(rows) == limit, items)


def page_json(page: FeedPage, server_time: str) -> str:
    """The pull answer as JSON text, splicing stored dossier JSON in without parsing it."""

    def encode(value: Any) -> str:
        if isinstance(value, RawJson):
            return str(value)
        if isinstance(value, dict):
            return "{" + ",".join(f"{json.dumps(k)}:{encode(v)}" for k, v in value.items()) + "}"
        return json.dumps(value, ensure_ascii=False)

    items = ",".join(encode(item) for item in page.items)
    more = "true" if page.more else "false"
    return (
        f'{{"server_time":{json.dumps(server_time)},"cursor":{page.cursor},"more":{more},"items":[{items}]}}'
    )
