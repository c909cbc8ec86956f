"""Interview ids and link tokens can be given on a command line: never a leading "-"."""

from __future__ import annotations

import secrets

import pytest

from assistant.access import link_tokens
from assistant.store import store as store_module


@pytest.mark.parametrize("make", [store_module._new_id, link_tokens.new_token])
def test_no_id_or_token_starts_with_a_dash(make, monkeypatch: pytest.MonkeyPatch) -> None:
    made = iter(["-starts-with-a-dash", "ok-id-" + "x" * 30])
    monkeypatch.setattr(secrets, "token_urlsafe", lambda n: next(made))
    assert not make().startswith("-")
