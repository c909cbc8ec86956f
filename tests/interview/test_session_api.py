"""The session API: finish(), skip() and view() without the chat parser, keyword-only
outcomes, and one guarded transaction per turn (two writers never overwrite each other)."""

from __future__ import annotations

import pytest

from assistant.interview import Deps, open_session
from assistant.interview.step import Outcome
from assistant.model import Lang
from assistant.store import StaleInterview
from assistant.turns import Expects, Role, Slot


def test_finish_is_a_button_not_a_word(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    session.step("Kahvila Kuppi myy kahvia opiskelijoille")
    turn = session.finish()
    assert turn.expects in (Expects.REVIEW, Expects.DONE) or session.state.finishing
    users = [t.text for t in session.transcript() if t.role is Role.USER]
    assert users[-1] == "Valmis"
    # Typed, the same word is still just an answer to whatever is asked now.
    assert session.state.finishing


def test_skip_skips_the_question_waiting(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.EN)
    first = session.opening()
    turn = session.skip()
    assert turn.slot_key != first.slot_key
    assert first.slot_key and session.state.skipped
    assert [t.text for t in session.transcript() if t.role is Role.USER] == ["Skip"]


def test_view_stores_nothing_and_shows_the_last_reply(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    answered = session.step("Kahvila Kuppi myy kahvia opiskelijoille")
    before = session.transcript()
    seen = session.view()
    assert session.transcript() == before
    assert seen.text == answered.text and seen.slot_key == answered.slot_key
    assert seen.progress == answered.progress and seen.map == answered.map


def test_outcomes_are_keyword_only(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    with pytest.raises(TypeError):
        Outcome("x", Slot(Expects.FREE), session.journey, session.state, Expects.FREE)  # type: ignore[misc]


def test_two_writers_on_one_interview_do_not_overwrite_each_other(deps: Deps) -> None:
    first = open_session(deps=deps, lang=Lang.FI)
    first.opening()
    second = open_session(deps=deps, interview_id=first.id)  # e.g. another tab

    won = first.step("Kahvila Kuppi myy kahvia opiskelijoille")
    lost = second.step("Leipomo Vehnä myy leipää perheille")

    assert "toisaalla" in lost.text and "tallessa" in lost.text
    assert second.journey == first.journey  # reloaded: the winner's map, not its own
    assert deps.store.latest_map(first.id) == won.map
    assert won.map.business.name == "Kahvila Kuppi"
    users = [t.text for t in first.transcript() if t.role is Role.USER]
    assert users == [
        "Kahvila Kuppi myy kahvia opiskelijoille",
        "Leipomo Vehnä myy leipää perheille",
    ]
    # The loser carries on from the current state, and now the first one is behind.
    assert "toisaalla" not in second.step("Kiireiset opiskelijat").text
    assert "toisaalla" in first.step("Opiskelijat").text


def test_a_stale_commit_writes_nothing(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    store = deps.store
    versions, state = store.map_versions(session.id), store.load_state(session.id)
    turns = store.transcript(session.id)
    with pytest.raises(StaleInterview):
        store.commit_turn(
            session.id,
            revision=session.revision - 1,
            state={"done": True},
            progress=1.0,
            done=True,
            journey=session.journey,
        )
    assert store.map_versions(session.id) == versions
    assert store.load_state(session.id) == state
    assert store.transcript(session.id) == turns
    info = store.get_interview(session.id)
    assert info is not None and not info.done and info.revision == session.revision


def test_undo_goes_through_the_same_guarded_commit(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    session.step("Kahvila Kuppi myy kahvia opiskelijoille")
    other = open_session(deps=deps, interview_id=session.id)
    other.step("Kiireiset opiskelijat")
    assert not session.undo()  # behind the other writer: refused, reloaded, nothing lost
    assert session.journey == other.journey
    assert session.undo()
    assert deps.store.latest_map(session.id) == session.journey
