"""A key store kept in this process's memory, for the encryption benchmark only (the tests use a real one).

The benchmark measures what SQLCipher costs the database, not the key store: the key is asked for once per open.
Selected with PYTHON_KEYRING_BACKEND=bench.memory_keyring.MemoryKeyring.
"""

from __future__ import annotations

from typing import ClassVar

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]
    _entries: ClassVar[dict[tuple[str, str], str]] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._entries.pop((service, username), None)
