"""One turn in one transaction, guarded by the interview's revision.

The session saves the user's text first, on its own (add_turn), so it is never lost;
everything the turn then changes (the assistant's reply, a map version, the planner
state, progress and title) is written here at once. The UPDATE names the revision the
turn started from: if another writer (a second tab, process or server) committed in
between, nothing is written and StaleInterview is raised, instead of the later writer
silently overwriting the earlier one's map and state.
"""

from __future__ import annotations

from typing import Any

from assistant.model import JourneyMap
from assistant.store import turn_sql as sql
from assistant.store.errors import StaleInterview
from assistant.store.history import HistoryMixin
from assistant.store.records import Committed, Reply
from assistant.store.tables import utcnow
from assistant.turns import Role


class CommitMixin(HistoryMixin):
    def commit_turn(
        self,
        interview_id: str,
        *,
        revision: int,
        state: dict[str, Any],
        progress: float,
        done: bool,
        title: str | None = None,
        reply: Reply | None = None,
        journey: JourneyMap | None = None,
        map_reason: str = "",
        user_turn: int | None = None,
        record_version_in: str = "",
    ) -> Committed:
        """Write one turn's changes atomically if the interview is still at `revision`;
        StaleInterview if it is not (nothing written), KeyError if it does not exist.
        `record_version_in`: a list in `state` that the new map version's number is
        appended to (the planner's undo trail), known only inside the transaction."""
        params: dict[str, Any] = {
            "b_id": interview_id,
            "b_revision": revision,
            "b_now": utcnow(),
            "b_progress": min(1.0, max(0.0, float(progress))),
            "b_done": done,
        }
        if title is not None:
            params["b_title"] = title
        with self._transaction() as connection:
            advance = sql.ADVANCE if title is None else sql.ADVANCE_TITLED
            if connection.execute(advance, params).rowcount != 1:
                if connection.scalar(sql.EXISTS, {"b_id": interview_id}) is None:
                    raise KeyError(interview_id)
                raise StaleInterview(interview_id, revision)
            version = None
            if journey is not None:
                data = journey.model_dump(mode="json")
                version = self._add_version(
                    connection, interview_id, data, turn_id=user_turn, reason=map_reason
                )
            reply_id = None
            if reply is not None:
                inserted = connection.execute(sql.ADD_TURN, _reply_row(interview_id, reply))
                reply_id = sql.inserted_id(inserted)
            if record_version_in and version is not None:
                trail = [*state.get(record_version_in, []), version]
                state = {**state, record_version_in: trail}
            self._put_state(connection, interview_id, state)
        return Committed(revision=revision + 1, map_version=version, reply_id=reply_id)


def _reply_row(interview_id: str, reply: Reply) -> dict[str, Any]:
    return {
        "interview_id": interview_id,
        "role": Role.ASSISTANT.value,
        "text": reply.text,
        "expects": str(reply.expects),
        "brain": reply.brain,
        "citations": [c.model_dump(mode="json") for c in reply.citations],
        "notice": reply.notice,
        "created_at": utcnow(),
    }
