"""Typed domain errors: codes, never sentences; the GUI and CLI turn them into words."""

from __future__ import annotations

from dataclasses import dataclass, field


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""

    code: str = "domain"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(self.code, params)


class ValidationError(DomainError):
    """One field failed validation: `field` names it, `code` says why (e.g. `id.century`)."""

    code = "invalid"

    def __init__(self, field: str, code: str, **params: object) -> None:
        self.field = field
        super().__init__(code, **params)

    def __str__(self) -> str:
        return f"{self.field}: {self.code}"


@dataclass
class ValidationErrors(Exception):
    """Several fields failed at once (forms show them all beside their fields)."""

    errors: list[ValidationError] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(str(e) for e in self.errors)


class TransitionError(DomainError):
    """A status change the national rules do not allow (params: current, target)."""

    code = "transition.forbidden"


class NotConfiguredError(DomainError):
    """The counter lacks configuration needed for the action (e.g. no agency ID for a receipt)."""

    code = "config.missing"


class NotFoundError(DomainError):
    """A dossier, procedure or account that does not exist (params: kind, key)."""

    code = "not_found"
