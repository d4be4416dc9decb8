"""A dossier code with stray spaces is the same code on the server: never a second dossier with the same visible code."""

from __future__ import annotations

from test_api import AGENCY, api, create, dossier, results  # noqa: F401  (api is a fixture)

from counter_app.core.serial import dossier_to_dict


def padded(change: dict, code: str) -> dict:
    change["payload"] = {**change["payload"], "code": code}
    return change


def test_a_padded_code_is_stored_once_and_collides_with_itself(api) -> None:  # noqa: F811
    client = api(1)
    code = f"{AGENCY}-261123-0107"
    first = dossier(1, number=7)
    assert results(client.post("/v1/push", json={"changes": [padded(create(first), f" {code}\t")]})) == [
        ("applied", "")
    ]
    second = dossier(1, number=7)  # another dossier (its own ID) claiming the same code
    assert dossier_to_dict(second)["id"] != dossier_to_dict(first)["id"]
    assert results(client.post("/v1/push", json={"changes": [padded(create(second), f"{code} ")]})) == [
        ("conflict", "code.taken")
    ]
    feed = client.get("/v1/pull", params={"cursor": 0, "limit": 100})
    assert feed.status_code == 200, feed.text
    codes = [i["dossier"]["code"] for i in feed.json()["items"] if i.get("kind") == "dossier"]
    assert codes == [code]
