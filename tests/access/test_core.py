"""Tokens, links, the operator's password and its rate limit, URL redaction, targets."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from assistant.access.admin import AttemptLimiter, attempt, password_ok
from assistant.access.link_tokens import digest, new_token, token_from
from assistant.access.targets import TargetKind, cell_targets, describe, kind_of
from assistant.access.urls import redact_url
from assistant.model import JourneyMap, Stage, Suggestion, Touchpoint


def test_tokens_are_long_random_and_hashed() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200 and all(len(t) >= 43 for t in tokens)
    token = next(iter(tokens))
    assert digest(token) != token and len(digest(token)) == 64


@pytest.mark.parametrize(
    ("text", "param", "found"),
    [
        ("https://app.example/?k=TOKEN", "k", "TOKEN"),
        ("https://app.example/map?x=1&k=TOKEN", "k", "TOKEN"),
        ("TOKEN", "k", "TOKEN"),
        ("https://app.example/?i=abcdefghijklmnopqrstuv", "k", ""),  # an id is no key
        ("https://app.example/mentor?s=TOKEN", "k", ""),
        ("https://app.example/mentor?s=TOKEN", "s", "TOKEN"),
        ("short", "k", ""),
        ("", "k", ""),
    ],
)
def test_token_from_a_pasted_link(text: str, param: str, found: str) -> None:
    token = "A" * 43
    assert token_from(text.replace("TOKEN", token), param) == found.replace("TOKEN", token)


def test_password_compare() -> None:
    assert password_ok("kissa123", SecretStr("kissa123"))
    assert not password_ok("kissa12", SecretStr("kissa123"))
    assert not password_ok("", None) and not password_ok("", SecretStr(""))


def test_rate_limit_per_client_and_in_total() -> None:
    now = [0.0]
    limiter = AttemptLimiter(per_key=3, total=5, window_s=60, clock=lambda: now[0])
    secret = SecretStr("oikea")
    for _ in range(3):
        assert attempt(limiter, key="a", given="väärä", configured=secret)[0] is False
    ok, wait = attempt(limiter, key="a", given="oikea", configured=secret)
    assert not ok and wait > 0, "blocked even with the right password"
    attempt(limiter, key="b", given="x", configured=secret)
    attempt(limiter, key="c", given="x", configured=secret)
    assert attempt(limiter, key="d", given="oikea", configured=secret)[0] is False, "total cap"
    now[0] = 61
    assert attempt(limiter, key="a", given="oikea", configured=secret) == (True, 0.0)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://admin:hunter2@llm.local:8000/v1?api_key=x#frag", "http://llm.local:8000/v1"),
        ("https://api.openai.com/v1", "https://api.openai.com/v1"),
        ("http://[::1]:9/v1", "http://[::1]:9/v1"),
        ("not a url", "…"),
        (None, ""),
    ],
)
def test_redact_url(url: str | None, shown: str) -> None:
    assert redact_url(url) == shown


def test_targets() -> None:
    journey = JourneyMap(
        stages=[Stage(name="Löytäminen", touchpoints=[Touchpoint(name="IG", pain_points=["x"])])],
        suggestions=[Suggestion(title="Nopeampi kassa")],
    )
    cells = {t.ref: t.label for t in cell_targets(journey)}
    assert cells["stages.0.touchpoints.0.pain_points"] == "Löytäminen › IG › Kipupisteet"
    assert kind_of("cell:stages.0.name") is TargetKind.CELL and kind_of("") is TargetKind.GENERAL
    assert kind_of("junk:1") is TargetKind.GENERAL
    assert describe("suggestion:0", journey, "fi") == "Nopeampi kassa"
    assert describe("turn:7", journey, "en") == "Message #7"
