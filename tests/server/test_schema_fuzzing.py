"""Schema-driven fuzzing of a real server process: a bounded, seeded run of generated requests (schema-conformant
and schema-violating) over every operation the server publishes in /openapi.json, with a valid credential, on
SQLite and PostgreSQL. Any 5xx, an undocumented status, or an answer that breaks its documented schema fails."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from counter_app.server.admin import add_counter
from counter_app.server.process import ServerProcess

AGENCY = "000.00.06.H56"
#: Generated requests per operation and per mode (conformant, violating): bounded so `make test` stays quick.
EXAMPLES = 100
SEED = 20261130
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
#: Enrolment last: with a credential (not a one-time token) each call is a failed authentication, and the
#: throttle would otherwise lock the fuzzer's address out of the other operations.
LAST = "/v1/enrol"
ENROL_EXAMPLES = 5


@dataclass
class Tally:
    requests: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def fuzz(server: ServerProcess, credential: str) -> Tally:
    """Every published operation, conformant requests then violating ones."""
    tally = Tally()
    schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    operations = sorted((r.ok() for r in schema.get_all_operations()), key=lambda op: op.path == LAST)
    auth = {"Authorization": f"Bearer {credential}"}
    for operation in operations:
        examples = ENROL_EXAMPLES if operation.path == LAST else EXAMPLES
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                cases = operation.as_strategy(mode, headers=auth)
                fuzz_one(server.url, f"{operation.label} ({mode.value})", cases, examples, tally)
            except Unsatisfiable:  # nothing to violate (e.g. /health takes no input)
                continue
    return tally


def fuzz_one(base_url: str, label: str, cases: Any, examples: int, tally: Tally) -> None:
    """`examples` seeded cases of one operation and mode; failures are collected, not shrunk (bounded time)."""

    @seed(SEED)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def run(case: Any) -> None:
        response = case.call(base_url=base_url, timeout=30)
        tally.requests[label] += 1
        tally.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as exc:
            tally.failures.append(f"{label}: {response.status_code} {exc}"[:2000])

    run()


@pytest.mark.slow
def test_generated_requests_never_get_a_5xx_or_an_answer_off_the_schema(
    server: ServerProcess, admin, backend: str
) -> None:
    token = add_counter(admin, AGENCY, 1)
    enrolled = httpx.post(f"{server.url}/v1/enrol", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    credential = enrolled.json()["credential"]
    started = time.perf_counter()
    tally = fuzz(server, credential)
    spent = time.perf_counter() - started
    print(f"\n{backend}: {sum(tally.requests.values())} requests in {spent:.1f} s, {dict(tally.requests)}")
    print(f"{backend}: statuses {dict(sorted(tally.statuses.items()))}")
    assert not tally.failures, "\n\n".join(tally.failures[:5])
    assert not tally.statuses.keys() & set(range(500, 600))
    assert not [line for line in server.log if "Traceback" in line], "\n".join(server.log[-40:])
    # the run really exercised the API: both push and pull, accepted and refused
    assert tally.requests["POST /v1/push (positive)"] >= EXAMPLES // 2
    assert tally.requests["GET /v1/pull (negative)"] >= EXAMPLES // 2
    assert tally.statuses[200] and tally.statuses[422]
