"""Owner keys and share links in the store: hashes only, revocation, expiry, cascades."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.access.link_tokens import digest
from assistant.model import JourneyMap
from assistant.store import Store
from assistant.turns import Role


def _dump(db_path: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        return "\n".join(conn.iterdump())


def test_owner_token_opens_its_interview_and_is_stored_only_hashed(
    store: Store, db_path: Path
) -> None:
    info, token = store.create_owned_interview()
    assert len(token) >= 43  # 32 bytes, url-safe base64
    assert store.interview_for_owner(token) == info
    assert store.interview_for_owner(info.id) is None, "the id alone opens nothing"
    assert store.interview_for_owner("x" * 43) is None
    assert store.interview_for_owner("") is None
    dump = _dump(db_path)
    assert token not in dump and digest(token) in dump


def test_many_owner_tokens_at_once(store: Store) -> None:
    a, ka = store.create_owned_interview()
    b, kb = store.create_owned_interview()
    store.create_owned_interview()  # someone else's
    found = store.interviews_for_owners([ka, kb, "unknown-token-" + "x" * 30])
    assert {k: v.id for k, v in found.items()} == {ka: a.id, kb: b.id}


def test_share_opens_until_revoked(store: Store, db_path: Path) -> None:
    info, _ = store.create_owned_interview()
    share, token = store.create_share(info.id, label="Kummi Kaisa")
    opened = store.open_share(token)
    assert opened is not None and opened.interview_id == info.id
    assert opened.last_used_at is not None
    assert token not in _dump(db_path)
    other, _ = store.create_owned_interview()
    assert not store.revoke_share(other.id, share.id), "only the interview's own share"
    assert store.revoke_share(info.id, share.id)
    assert store.open_share(token) is None
    assert store.shares(info.id)[0].revoked_at is not None


def test_share_expires(store: Store) -> None:
    info, _ = store.create_owned_interview()
    soon = datetime.now(UTC) + timedelta(hours=1)
    _, token = store.create_share(info.id, expires_at=soon)
    assert store.open_share(token) is not None
    assert store.open_share(token, now=soon + timedelta(seconds=1)) is None


def test_signed_in_owner(store: Store) -> None:
    info, _ = store.create_owned_interview()
    store.add_owner_subject(info.id, "oidc|abc")
    store.add_owner_subject(info.id, "oidc|abc")
    assert [i.id for i in store.interviews_for_subject("oidc|abc")] == [info.id]
    assert store.interviews_for_subject("oidc|other") == []
    assert store.is_owned_by_subject(info.id, "oidc|abc")


def test_comments_new_until_read(store: Store) -> None:
    info, _ = store.create_owned_interview()
    share, _ = store.create_share(info.id)
    first = store.add_comment(info.id, author="K", text="a", target="turn:1", kind="turn")
    store.add_comment(
        info.id,
        author="K",
        text="b",
        target="suggestion:0",
        kind="suggestion",
        stance="agree",
        share_id=share.id,
    )
    assert store.unread_comments(info.id) == 2
    assert store.mark_comments_read(info.id, [first]) == 1
    assert store.unread_comments(info.id) == 1
    assert store.mark_comments_read(info.id) == 1
    saved = store.comments(info.id)
    assert all(c.read_at for c in saved)
    assert (saved[1].kind, saved[1].stance, saved[1].share_id) == ("suggestion", "agree", share.id)


def test_dashboard_lists_only_actively_shared(store: Store) -> None:
    shared, _ = store.create_owned_interview(title="Kahvila")
    store.create_owned_interview(title="Yksityinen")
    revoked, _ = store.create_owned_interview(title="Peruttu")
    store.create_share(shared.id)
    s, _ = store.create_share(revoked.id)
    store.revoke_share(revoked.id, s.id)
    store.add_comment(shared.id, author="K", text="hyvä")
    rows = store.shared_overview()
    assert [r.title for r in rows] == ["Kahvila"]
    assert rows[0].active_shares == 1 and rows[0].comments == 1
    assert rows[0].last_comment_at is not None and rows[0].last_comment_at.tzinfo


def test_delete_removes_everything(store: Store, db_path: Path, journey: JourneyMap) -> None:
    info, token = store.create_owned_interview()
    turn = store.add_turn(info.id, role=Role.USER, text="salainen liiketoimintatieto")
    store.save_map(info.id, journey, turn_id=turn)
    store.save_state(info.id, {"x": 1})
    share, share_token = store.create_share(info.id)
    store.add_comment(info.id, author="K", text="kommentti", share_id=share.id)
    assert store.delete_interview(info.id)
    assert store.interview_for_owner(token) is None and store.open_share(share_token) is None
    with sqlite3.connect(db_path) as conn:
        for table in (
            "interviews",
            "turns",
            "map_versions",
            "planner_states",
            "comments",
            "owner_keys",
            "shares",
            "map_changes",
        ):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
