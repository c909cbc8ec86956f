"""An LLM endpoint that hangs or fails: one time budget per turn, then a circuit breaker
that skips the LLM for a while and tells each user once. Through the real ChatOpenAI
client against the local stub server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from assistant.brains.breaker import CircuitBreaker, State
from assistant.brains.guard import paused_notice
from assistant.interview import build_deps, open_session
from assistant.interview.replies import say
from assistant.model import Lang
from assistant.settings import Settings
from assistant.turns import Role
from tests.llm.stub_server import Reply, StubServer
from tests.robust.conftest import FakeKB


@pytest.fixture
def stub() -> Iterator[StubServer]:
    with StubServer() as server:
        yield server


def llm_session(stub: StubServer, tmp_path: Path, **env: Any) -> Any:
    settings = Settings(
        OPENAI_BASE_URL=stub.base_url,
        OPENAI_API_KEY="dummy-key",
        POLKUOPAS_MODEL="stub-model",
        POLKUOPAS_DATA_DIR=tmp_path,
        POLKUOPAS_LLM_TIMEOUT=30.0,
        POLKUOPAS_LLM_RETRIES=2,
        **env,
    )
    deps = build_deps(settings=settings, kb=FakeKB())
    assert deps.brain.name == "llm"
    deps.brain._retry_wait = 0.01
    # Warm up what a first turn loads (client, offline language data), so that times
    # measured below are the LLM's.
    assert deps.brain.chat_model is not None
    open_session(deps=replace(deps, brain=deps.offline_brain), lang=Lang.EN).opening()
    return open_session(deps=deps, lang=Lang.EN)


@pytest.mark.server
def test_a_hanging_endpoint_costs_one_budget_per_turn_not_three_timeouts(
    stub: StubServer, tmp_path: Path
) -> None:
    stub.default = Reply.slow(30.0)
    session = llm_session(stub, tmp_path, POLKUOPAS_LLM_TURN_BUDGET=1.5)
    start = time.monotonic()
    opening = session.opening()
    took = time.monotonic() - start
    assert took < 3.0, f"the opening took {took:.1f} s"
    assert opening.brain == "offline" and opening.text
    assert opening.notice == say(Lang.EN, "llm_fallback")

    start = time.monotonic()
    turn = session.step("We sell sourdough bread to cafés.")
    assert time.monotonic() - start < 3.0
    assert turn.brain == "offline" and turn.text
    users = [t.text for t in session.transcript() if t.role is Role.USER]
    assert users == ["We sell sourdough bread to cafés."]


@pytest.mark.server
def test_after_repeated_failures_the_llm_is_skipped_and_the_user_told_once(
    stub: StubServer, tmp_path: Path
) -> None:
    stub.default = Reply.fail(503, "overloaded")
    session = llm_session(stub, tmp_path, POLKUOPAS_LLM_BREAKER_FAILURES=2)
    session.opening()
    session.step("We sell sourdough bread to cafés.")
    assert session.deps.brain.breaker.state is State.OPEN
    sent = len(stub.requests)

    skipped = session.step("Businesses.")
    assert skipped.brain == "offline"
    assert skipped.notice == paused_notice(Lang.EN)
    again = session.step("Café owners who want fresh bread every morning.")
    assert again.notice == "" and again.brain == "offline"
    assert len(stub.requests) == sent, "the LLM was called while the breaker was open"

    other = open_session(deps=session.deps, lang=Lang.FI)
    first = other.opening()
    assert first.notice == paused_notice(Lang.FI), "each session hears it once"


@pytest.mark.server
def test_after_the_cooldown_one_trial_turn_uses_the_llm_again(
    stub: StubServer, tmp_path: Path
) -> None:
    stub.default = Reply.fail(500)
    session = llm_session(
        stub, tmp_path, POLKUOPAS_LLM_BREAKER_FAILURES=1, POLKUOPAS_LLM_BREAKER_COOLDOWN=0.3
    )
    session.opening()
    breaker = session.deps.brain.breaker
    assert breaker.state is State.OPEN
    time.sleep(0.35)
    stub.default = Reply.text("What do you sell, and to whom?")
    stub.enqueue(Reply.json({}))  # understand: nothing to add
    turn = session.step("hmm")
    assert breaker.state is State.CLOSED
    assert turn.brain == "llm"


def test_breaker_states_with_a_fake_clock() -> None:
    now = [0.0]
    breaker = CircuitBreaker(failures=3, cooldown=60.0, clock=lambda: now[0])
    for _ in range(2):
        assert breaker.allow()
        breaker.record_failure("timeout")
    assert breaker.state is State.CLOSED
    breaker.record_success()
    for _ in range(3):
        breaker.record_failure("timeout")
    assert breaker.state is State.OPEN and not breaker.allow()
    assert breaker.notice_once("a") and not breaker.notice_once("a") and breaker.notice_once("b")
    now[0] = 61.0
    assert breaker.state is State.HALF_OPEN
    assert breaker.allow() and not breaker.allow(), "one trial at a time"
    breaker.record_failure("timeout")
    assert breaker.state is State.OPEN
    now[0] = 122.0
    assert breaker.allow()
    breaker.record_success()
    assert breaker.state is State.CLOSED and breaker.allow()
    assert breaker.notice_once("a"), "a new outage is told again"


def test_a_trial_that_never_reached_the_llm_does_not_block_for_ever() -> None:
    now = [0.0]
    breaker = CircuitBreaker(failures=1, cooldown=10.0, clock=lambda: now[0])
    breaker.record_failure()
    now[0] = 10.0
    assert breaker.allow()  # the trial turn happens to make no LLM call
    now[0] = 15.0
    assert not breaker.allow()
    now[0] = 20.0
    assert breaker.allow()


def test_the_budget_is_per_turn_and_absent_outside_turns() -> None:
    from assistant.brains import budget

    assert budget.remaining() is None
    with budget.within(time.monotonic() + 5):
        left = budget.remaining()
        assert left is not None and 4 < left <= 5
    assert budget.remaining() is None
    with budget.within(time.monotonic() - 1), pytest.raises(budget.BudgetSpent):
        budget.check("understand")
