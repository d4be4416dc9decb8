"""The web console's pages under /console: sign-in, the IT officer's pages and the leaders' figures.

Every page needs a live session (`sessions.py`) of a role allowed to see it; anything else is answered with a page
saying so, never with what was asked for. Every POST carries the session's form token (`csrf_token`) and is refused
with 403 without it; sign-in, which has no session yet, carries the token of a cookie set with its form.
Form fields are bounded (`FIELDS`): a longer one is a 400 page, a body over `MAX_FORM_BYTES` a 413 page.
"""

from __future__ import annotations

import hmac
import math
import secrets
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ...core.calendar import VN_TZ
from ...core.errors import DomainError, NotFoundError, ValidationError
from ...core.wire import parse_time, utc_now
from ...messages import describe
from .. import admin, portal_queue
from ..database import write_transaction
from ..guard import SharedThrottle
from . import figures as leaders
from . import units as unit_data
from .accounts import (
    ADMIN,
    PROVINCE_LEADER,
    UNIT_LEADER,
    ConsoleError,
    ServerAccount,
    audit_rows,
    record,
    verify,
)
from .enrolment import payload, qr_svg
from .sessions import Session, Sessions
from .wording import LANGS, counter_state_label, status_label, word

PREFIX = "/console"
SESSION_COOKIE = "console_session"
SIGNIN_COOKIE = "console_signin"
LANG_COOKIE = "console_lang"
#: The largest form body read (the biggest form holds a few short fields).
MAX_FORM_BYTES = 16 * 1024
#: Every form field the console reads, with its longest accepted value.
FIELDS: dict[str, int] = {
    "csrf_token": 128,
    "username": 64,
    "password": 256,
    "agency_id": 64,
    "counter": 2,
    "slot_digits": 1,
    "day": 10,
    "kind": 4,
    "name": 200,
    "document": 100,
    "document_date": 10,
    "code": 64,
    "all": 3,
    "from": 10,
    "to": 10,
}
#: The label (console/wording.py) of each field, for the sentence saying it is too long.
FIELD_LABELS = {
    "csrf_token": "form_token",
    "username": "username",
    "password": "password",
    "agency_id": "agency_id",
    "counter": "counter_number",
    "slot_digits": "slot_digits",
    "day": "day",
    "kind": "kind",
    "name": "day_name",
    "document": "document",
    "document_date": "document_date",
    "code": "dossier_code",
    "all": "resend_all",
    "from": "from",
    "to": "to",
}
#: Security headers of every console answer (no script at all; styles and images only from the server).
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
#: Error codes → HTTP status of the page that says them.
STATUS_OF = {
    "console.csrf": 403,
    "console.forbidden": 403,
    "console.not_found": 404,
    "console.too_large": 413,
    "console.throttled": 429,
    "signin.refused": 401,
}
#: Notices shown after an action (`?done=` on the page the action leads back to).
DONE = ("revoked", "day_set", "resent", "signed_out", "expired")


def static_files() -> StaticFiles:
    """The console's style sheet, served from the package under /console/static."""
    return StaticFiles(packages=[("counter_app.server.console", "static")])


@contextmanager
def _connected(db: Any) -> Iterator[None]:
    if db.is_closed():
        with db.connection_context():
            yield
    else:
        yield


def _local(text: str | None) -> str:
    """A stored UTC time as the Vietnam local time a person reads (dd/mm/yyyy HH:MM)."""
    if not text:
        return "—"
    try:
        return parse_time(text).astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return text


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def skew_text(ms: int | None, lang: str) -> str:
    """A clock skew as a person reads it: seconds up to ten minutes, then minutes, hours, days."""
    if ms is None:
        return "—"
    seconds = ms / 1000
    for unit, size in (("skew_days", 86400), ("skew_hours", 3600), ("skew_minutes", 60)):
        if abs(seconds) >= 10 * size or (unit != "skew_minutes" and abs(seconds) >= 2 * size):
            return f"{seconds / size:+.1f} {word(unit, lang)}"
    return f"{seconds:+.1f} s"


def _day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(field, "console.date") from None


class Form:
    """A POSTed form read within bounds: only the declared fields, each at most its length."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = values

    def get(self, name: str) -> str:
        return self.values.get(name, "")


async def read_form(request: Request) -> Form:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise ConsoleError("console.too_large", max=MAX_FORM_BYTES)
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise ConsoleError("console.too_large", max=MAX_FORM_BYTES)
    try:
        form = await request.form(max_files=0, max_fields=len(FIELDS))
    except Exception:
        raise ConsoleError("console.form_invalid") from None
    values: dict[str, str] = {}
    for name, limit in FIELDS.items():
        value = form.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ConsoleError("console.form_invalid")
        if len(value) > limit:
            raise ConsoleError("console.too_long", name=name, max=limit)
        if "\x00" in value:
            raise ConsoleError("console.form_invalid")
        values[name] = value
    return Form(values)


def console_router(m: SimpleNamespace, *, clock: Callable[[], datetime] = utc_now) -> APIRouter:
    """The console's routes over the server's tables `m` (`clock`: the server's UTC clock, for sessions)."""
    router = APIRouter(include_in_schema=False)
    sessions = Sessions(m, clock)
    throttle = SharedThrottle(m, clock=clock)
    env = Environment(
        loader=PackageLoader("counter_app.server.console", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["local"] = _local
    env.filters["percent"] = _percent

    # ---- helpers ------------------------------------------------------------------------------------------------
    def lang_of(request: Request) -> str:
        asked = request.query_params.get("lang", "")
        if asked in LANGS:
            return asked
        kept = request.cookies.get(LANG_COOKIE, "")
        return kept if kept in LANGS else "vi"

    def finish(request: Request, response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        asked = request.query_params.get("lang", "")
        if asked in LANGS:
            response.set_cookie(
                LANG_COOKIE,
                asked,
                max_age=365 * 86400,
                path=PREFIX,
                httponly=True,
                samesite="lax",
                secure=request.url.scheme == "https",
            )
        return response

    def render(
        request: Request,
        template: str,
        lang: str,
        session: Session | None,
        status: int = 200,
        **context: Any,
    ) -> Response:
        def t(key: str, **params: Any) -> str:
            text = word(key, lang)
            return text.format(**params) if params else text

        # the language switch reloads the page; an error page's goes to the start page (it repeats nothing asked)
        query = {k: v for k, v in request.query_params.items() if k not in ("lang", "done")}
        here = PREFIX if template == "error.html" else request.url.path
        if template == "error.html":
            query = {}
        switch = {code: f"{here}?{urlencode({**query, 'lang': code})}" for code in LANGS if code != lang}
        html = env.get_template(template).render(
            t=t,
            lang=lang,
            switch=switch,
            account=session.account if session else None,
            csrf=session.csrf_token if session else "",
            status_label=lambda s: status_label(s, lang),
            state_label=lambda s: counter_state_label(s, lang),
            done=request.query_params.get("done", "") if request.query_params.get("done") in DONE else "",
            **context,
        )
        return finish(request, HTMLResponse(html, status_code=status))

    def error_page(request: Request, lang: str, session: Session | None, exc: DomainError) -> Response:
        status = STATUS_OF.get(exc.code, 400)
        if exc.code == "console.too_long":  # the field as the form labels it
            name = str(exc.params.get("name", ""))
            exc = ConsoleError(
                exc.code, **{**exc.params, "name": word(FIELD_LABELS.get(name, "field"), lang)}
            )
        headers = {}
        if exc.code == "console.throttled":
            headers["Retry-After"] = str(exc.params.get("seconds", 30))
        response = render(request, "error.html", lang, session, status, message=describe(exc, lang))
        response.headers.update(headers)
        return response

    def to_signin(request: Request, expired: bool = False) -> Response:
        target = f"{PREFIX}/signin" + ("?done=expired" if expired else "")
        return finish(request, RedirectResponse(target, status_code=303))

    def live_session(request: Request) -> tuple[Session | None, bool]:
        """The request's session, and whether a session cookie was sent at all (an expired one: say so)."""
        cookie = request.cookies.get(SESSION_COOKIE)
        with _connected(m.db):
            return sessions.find(cookie), bool(cookie)

    def page(request: Request, roles: tuple[str, ...], build: Callable[[Session, str], Response]) -> Response:
        """A GET page for accounts of `roles` (others: 403); `build` runs with a database connection."""
        lang = lang_of(request)
        session, had_cookie = live_session(request)
        if session is None:
            return to_signin(request, expired=had_cookie)
        if session.account.role not in roles:
            return error_page(request, lang, session, ConsoleError("console.forbidden"))
        try:
            with _connected(m.db):
                return build(session, lang)
        except DomainError as exc:
            return error_page(request, lang, session, exc)

    async def action(
        request: Request, roles: tuple[str, ...], run: Callable[[Session, Form, str], Response]
    ) -> Response:
        """A POST: a live session of `roles`, its form token, bounded fields; `run` in a worker thread."""
        lang = lang_of(request)
        session, had_cookie = await to_thread.run_sync(live_session, request)
        if session is None:
            return to_signin(request, expired=had_cookie)
        try:
            form = await read_form(request)
            if not session.csrf_matches(form.get("csrf_token")):
                raise ConsoleError("console.csrf")
            if session.account.role not in roles:
                raise ConsoleError("console.forbidden")

            def work() -> Response:
                with _connected(m.db):
                    return run(session, form, lang)

            return await to_thread.run_sync(work)
        except DomainError as exc:
            return error_page(request, lang, session, exc)

    def home_of(account: ServerAccount) -> str:
        return f"{PREFIX}/units" if account.role == ADMIN else f"{PREFIX}/figures"

    def server_url(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def counter_number(text: str) -> int:
        if not text.isdigit() or len(text) > 2:
            raise ConsoleError("console.not_found")
        return int(text)

    def known_unit(agency_id: str) -> unit_data.UnitRow:
        found = unit_data.unit(m, agency_id)
        if found is None:
            raise ConsoleError("console.not_found")
        return found

    # ---- entry, language, sign-in ---------------------------------------------------------------------------------
    @router.get("/")
    def root() -> Response:
        return RedirectResponse(PREFIX, status_code=303)

    @router.get(PREFIX)
    def home(request: Request) -> Response:
        session, had_cookie = live_session(request)
        if session is None:
            return to_signin(request, expired=had_cookie)
        return finish(request, RedirectResponse(home_of(session.account), status_code=303))

    @router.get(PREFIX + "/signin")
    def signin_form(request: Request) -> Response:
        lang = lang_of(request)
        session, _ = live_session(request)
        if session is not None:
            return finish(request, RedirectResponse(home_of(session.account), status_code=303))
        return _signin_page(request, lang, 200, "")

    def _signin_page(request: Request, lang: str, status: int, message: str, username: str = "") -> Response:
        token = request.cookies.get(SIGNIN_COOKIE, "")
        if not token or len(token) > 64:
            token = secrets.token_urlsafe(24)
        response = render(
            request, "signin.html", lang, None, status, signin_token=token, message=message, username=username
        )
        response.set_cookie(
            SIGNIN_COOKIE,
            token,
            path=PREFIX,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @router.post(PREFIX + "/signin")
    async def signin(request: Request) -> Response:
        lang = lang_of(request)
        try:
            form = await read_form(request)
            expected = request.cookies.get(SIGNIN_COOKIE, "")
            sent = form.get("csrf_token")
            if not expected or not sent or not hmac.compare_digest(expected.encode(), sent.encode()):
                raise ConsoleError("console.csrf")
        except DomainError as exc:
            return error_page(request, lang, None, exc)
        username = form.get("username").strip()
        address = request.client.host if request.client else "?"
        keys = (f"console:{address}", f"console:user:{username.lower()}")

        def attempt() -> tuple[str, Any]:
            with _connected(m.db):
                wait = throttle.retry_after(*keys)
                if wait:
                    return "throttled", wait
                account = verify(m, username, form.get("password"))
                if account is None:
                    throttle.failed(*keys)
                    return "refused", None
                throttle.succeeded(*keys)
                token, _session = sessions.open(account)
                return "ok", (token, account)

        outcome, value = await to_thread.run_sync(attempt)
        if outcome == "throttled":
            wait = ConsoleError("console.throttled", seconds=value, minutes=max(1, math.ceil(value / 60)))
            return error_page(request, lang, None, wait)
        if outcome == "refused":
            return _signin_page(
                request, lang, 401, describe(DomainError("signin.refused"), lang), username=username[:64]
            )
        token, account = value
        response = RedirectResponse(home_of(account), status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            token,
            path=PREFIX,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        response.delete_cookie(SIGNIN_COOKIE, path=PREFIX)
        return finish(request, response)

    @router.post(PREFIX + "/signout")
    async def signout(request: Request) -> Response:
        def run(session: Session, form: Form, lang: str) -> Response:
            sessions.end(request.cookies.get(SESSION_COOKIE))
            response = RedirectResponse(f"{PREFIX}/signin?done=signed_out", status_code=303)
            response.delete_cookie(SESSION_COOKIE, path=PREFIX)
            return finish(request, response)

        return await action(request, (ADMIN, UNIT_LEADER, PROVINCE_LEADER), run)

    # ---- the IT officer: units, counters, enrolment ---------------------------------------------------------------
    @router.get(PREFIX + "/units")
    def units_page(request: Request) -> Response:
        def build(session: Session, lang: str) -> Response:
            return render(request, "units.html", lang, session, units=unit_data.units(m))

        return page(request, (ADMIN,), build)

    @router.get(PREFIX + "/units/{agency_id}")
    def unit_page(request: Request, agency_id: str) -> Response:
        def build(session: Session, lang: str) -> Response:
            unit = known_unit(agency_id)
            now = clock()
            rows = unit_data.counters(m, agency_id)
            return render(
                request,
                "unit.html",
                lang,
                session,
                unit=unit,
                counters=rows,
                states={r.number: r.state(now) for r in rows},
                reason=lambda code: describe(DomainError(code), lang) if code else "",
                skew=lambda ms: skew_text(ms, lang),
                next_number=next((n for n in range(1, 100) if n not in {r.number for r in rows}), None),
            )

        return page(request, (ADMIN,), build)

    @router.get(PREFIX + "/enrol")
    def enrol_get(request: Request) -> Response:
        return finish(request, RedirectResponse(f"{PREFIX}/units", status_code=303))

    @router.post(PREFIX + "/enrol")
    async def enrol(request: Request) -> Response:
        def run(session: Session, form: Form, lang: str) -> Response:
            agency_id = form.get("agency_id").strip()
            number_text = form.get("counter").strip()
            if not number_text.isdigit():
                raise ValidationError("counter", "counter.range")
            digits_text = form.get("slot_digits").strip()
            if digits_text not in ("", "1", "2"):
                raise ValidationError("slot_digits", "code_scheme.digits")
            number = int(number_text)
            digits = int(digits_text) if digits_text else None
            token = admin.add_counter(m, agency_id, number, digits)
            record_action(
                session, "counter.add", {"agency_id": agency_id, "counter": number, "slot_digits": digits}
            )
            text = payload(server_url(request), agency_id, number, token)
            return render(
                request,
                "enrolled.html",
                lang,
                session,
                agency_id=agency_id,
                number=number,
                token=token,
                payload=text,
                qr=Markup(qr_svg(text)),  # noqa: S704  (our own SVG: numbers and a path, no text of the request)
                server=server_url(request),
            )

        return await action(request, (ADMIN,), run)

    def record_action(session: Session, what: str, detail: dict[str, Any]) -> None:
        with write_transaction(m.db):
            record(m, session.account.username, what, detail)

    @router.get(PREFIX + "/units/{agency_id}/counters/{number_text}/revoke")
    def revoke_confirm(request: Request, agency_id: str, number_text: str) -> Response:
        def build(session: Session, lang: str) -> Response:
            known_unit(agency_id)
            number = counter_number(number_text)
            if not any(r.number == number and not r.revoked for r in unit_data.counters(m, agency_id)):
                raise ConsoleError("console.not_found")
            return render(request, "revoke.html", lang, session, agency_id=agency_id, number=number)

        return page(request, (ADMIN,), build)

    @router.post(PREFIX + "/units/{agency_id}/counters/{number_text}/revoke")
    async def revoke(request: Request, agency_id: str, number_text: str) -> Response:
        def run(session: Session, form: Form, lang: str) -> Response:
            number = counter_number(number_text)
            try:
                admin.revoke_counter(m, agency_id, number)
            except NotFoundError:
                raise ConsoleError("console.not_found") from None
            record_action(session, "counter.revoke", {"agency_id": agency_id, "counter": number})
            return finish(
                request, RedirectResponse(f"{PREFIX}/units/{agency_id}?done=revoked", status_code=303)
            )

        return await action(request, (ADMIN,), run)

    # ---- the unit's catalogue and calendar --------------------------------------------------------------------------
    @router.get(PREFIX + "/units/{agency_id}/catalogue")
    def catalogue_page(request: Request, agency_id: str) -> Response:
        def build(session: Session, lang: str) -> Response:
            unit = known_unit(agency_id)
            rows, published = unit_data.catalogue(m, agency_id)
            return render(
                request, "catalogue.html", lang, session, unit=unit, procedures=rows, published=published
            )

        return page(request, (ADMIN,), build)

    @router.get(PREFIX + "/units/{agency_id}/calendar")
    def calendar_page(request: Request, agency_id: str) -> Response:
        def build(session: Session, lang: str) -> Response:
            unit = known_unit(agency_id)
            overrides, notices = unit_data.calendar_days(m, agency_id)
            return render(
                request, "calendar.html", lang, session, unit=unit, overrides=overrides, notices=notices
            )

        return page(request, (ADMIN,), build)

    @router.post(PREFIX + "/units/{agency_id}/calendar")
    async def set_day(request: Request, agency_id: str) -> Response:
        def run(session: Session, form: Form, lang: str) -> Response:
            known_unit(agency_id)
            day = _day(form.get("day"), "day")
            kind_text = form.get("kind").strip()
            if kind_text not in ("off", "work", "none"):
                raise ValidationError("kind", "calendar.kind")
            kind = None if kind_text == "none" else kind_text
            document = form.get("document").strip()
            document_date = (
                _day(form.get("document_date"), "document_date") if form.get("document_date") else None
            )
            admin.set_day(m, agency_id, day, kind, form.get("name").strip(), document, document_date)
            record_action(
                session,
                "calendar.set_day",
                {
                    "agency_id": agency_id,
                    "day": day.isoformat(),
                    "kind": kind_text,
                    "name": form.get("name").strip(),
                    "document": document,
                    "document_date": document_date.isoformat() if document_date else None,
                },
            )
            return finish(
                request,
                RedirectResponse(f"{PREFIX}/units/{agency_id}/calendar?done=day_set", status_code=303),
            )

        return await action(request, (ADMIN,), run)

    # ---- the national portal's queue ---------------------------------------------------------------------------------
    @router.get(PREFIX + "/portal")
    def portal_page(request: Request) -> Response:
        def build(session: Session, lang: str) -> Response:
            return render(request, "portal.html", lang, session, units=portal_queue.status(m))

        return page(request, (ADMIN,), build)

    @router.post(PREFIX + "/portal/{agency_id}/resend")
    async def portal_resend(request: Request, agency_id: str) -> Response:
        def run(session: Session, form: Form, lang: str) -> Response:
            code = form.get("code").strip() or None
            if code is None and form.get("all") != "yes":
                raise ValidationError("code", "required")
            count = portal_queue.resend(m, agency_id, code)
            record_action(session, "portal.resend", {"agency_id": agency_id, "code": code, "dossiers": count})
            return finish(request, RedirectResponse(f"{PREFIX}/portal?done=resent", status_code=303))

        return await action(request, (ADMIN,), run)

    # ---- the audit of administrative actions --------------------------------------------------------------------------
    @router.get(PREFIX + "/audit")
    def audit_page(request: Request) -> Response:
        def build(session: Session, lang: str) -> Response:
            before_text = request.query_params.get("before", "")
            before = int(before_text) if before_text.isdigit() and len(before_text) < 19 else None
            rows = audit_rows(m, 200, before)
            older = rows[-1][0] if len(rows) == 200 else None
            return render(request, "audit.html", lang, session, rows=rows, older=older)

        return page(request, (ADMIN,), build)

    # ---- the leaders' figures -------------------------------------------------------------------------------------------
    def period(request: Request) -> tuple[date, date]:
        today = leaders.local_today()
        start_text = request.query_params.get("from", "")[:10]
        end_text = request.query_params.get("to", "")[:10]
        start = _day(start_text, "from") if start_text else today.replace(day=1)
        end = _day(end_text, "to") if end_text else today
        if end < start or end - start > leaders.MAX_PERIOD:
            raise ValidationError("to", "console.period")
        return start, end

    def units_for(account: ServerAccount) -> list[str]:
        if account.role == UNIT_LEADER:
            return [account.agency_id] if account.agency_id else []
        return leaders.unit_ids(m)

    def checked_unit(account: ServerAccount, agency_id: str) -> str:
        if not account.may_see_unit(agency_id):
            raise ConsoleError("console.forbidden")
        if agency_id not in leaders.unit_ids(m):
            raise ConsoleError("console.not_found")
        return agency_id

    def figures_page(
        request: Request, session: Session, lang: str, ids: list[str], one: str | None
    ) -> Response:
        start, end = period(request)
        found = leaders.figures(m, ids, start, end)
        query = urlencode({"from": start.isoformat(), "to": end.isoformat()})
        export = f"{PREFIX}/figures/units/{one}/xlsx?{query}" if one else f"{PREFIX}/figures/xlsx?{query}"
        return render(
            request,
            "figures.html",
            lang,
            session,
            f=found,
            one=one,
            start=start,
            end=end,
            export=export,
            query=query,
            statuses=sorted(found.total.by_status.items()),
        )

    def xlsx(request: Request, lang: str, ids: list[str], name: str) -> Response:
        start, end = period(request)
        data = leaders.workbook(leaders.figures(m, ids, start, end), lang)
        filename = f"{name}-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
        return finish(
            request,
            Response(
                data,
                media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                headers={"Content-Disposition": f'attachment; filename="{filename}"'},
            ),
        )

    @router.get(PREFIX + "/figures")
    def figures_all(request: Request) -> Response:
        def build(session: Session, lang: str) -> Response:
            ids = units_for(session.account)
            one = ids[0] if session.account.role == UNIT_LEADER and ids else None
            return figures_page(request, session, lang, ids, one)

        return page(request, (UNIT_LEADER, PROVINCE_LEADER), build)

    @router.get(PREFIX + "/figures/xlsx")
    def figures_all_xlsx(request: Request) -> Response:
        def build(session: Session, lang: str) -> Response:
            return xlsx(request, lang, units_for(session.account), "so-lieu")

        return page(request, (UNIT_LEADER, PROVINCE_LEADER), build)

    @router.get(PREFIX + "/figures/units/{agency_id}")
    def figures_unit(request: Request, agency_id: str) -> Response:
        def build(session: Session, lang: str) -> Response:
            checked_unit(session.account, agency_id)
            return figures_page(request, session, lang, [agency_id], agency_id)

        return page(request, (UNIT_LEADER, PROVINCE_LEADER), build)

    @router.get(PREFIX + "/figures/units/{agency_id}/xlsx")
    def figures_unit_xlsx(request: Request, agency_id: str) -> Response:
        def build(session: Session, lang: str) -> Response:
            checked_unit(session.account, agency_id)
            return xlsx(request, lang, [agency_id], "so-lieu-" + agency_id.replace(".", "-"))

        return page(request, (UNIT_LEADER, PROVINCE_LEADER), build)

    @router.api_route(PREFIX + "/{rest:path}", methods=["GET", "POST"])
    def unknown(request: Request, rest: str) -> Response:
        """Any other console address: a page saying there is nothing there (after sign-in, like every page)."""
        lang = lang_of(request)
        session, had_cookie = live_session(request)
        if session is None:
            return to_signin(request, expired=had_cookie)
        return error_page(request, lang, session, ConsoleError("console.not_found"))

    return router
