"""Map versions and the planner's state of one interview."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from assistant.model import JourneyMap
from assistant.store import turn_sql as sql
from assistant.store.base import StoreBase
from assistant.store.provenance import diff_paths
from assistant.store.records import InterviewInfo, MapChangeRecord, MapVersionInfo
from assistant.store.rows import info_of
from assistant.store.tables import Interview, MapChange, MapVersion, PlannerState, utcnow

HAND_REASONS = ("edit", "undo", "upload")
"""Map version reasons that mean the owner changed the map, not an answer."""


class HistoryMixin(StoreBase):
    """The parts of the Store that hang off an interview, apart from its turns."""

    # Map versions

    def save_map(
        self,
        interview_id: str,
        journey: JourneyMap,
        *,
        turn_id: int | None = None,
        reason: str = "",
    ) -> int:
        """Save `journey` as the next version (1, 2, ...) and return its number."""
        with self._writing() as session:
            self._lock(session, interview_id)
            return self._add_version(
                session.connection(),
                interview_id,
                journey.model_dump(mode="json"),
                turn_id=turn_id,
                reason=reason,
            )

    def _add_version(
        self,
        connection: Connection,
        interview_id: str,
        data: dict[str, Any],
        *,
        turn_id: int | None,
        reason: str,
    ) -> int:
        """Add map version max+1 and its provenance rows in `connection`'s transaction; its
        number. Core statements: three round trips whatever the number of changed fields."""
        newest = connection.execute(sql.NEWEST_VERSION, {"b_id": interview_id}).first()
        last, previous = (newest[0], newest[1]) if newest is not None else (0, None)
        version = last + 1
        changes = [
            {
                "interview_id": interview_id,
                "version": version,
                "turn_id": turn_id,
                "path": path[:200],
                "change": change.value,
                "by_hand": reason in HAND_REASONS,
            }
            for path, change in diff_paths(previous, data)
        ]
        if changes:
            connection.execute(sql.ADD_CHANGES, changes)
        row = {
            "interview_id": interview_id,
            "version": version,
            "journey": data,
            "reason": reason,
            "turn_id": turn_id,
            "created_at": utcnow(),
        }
        connection.execute(sql.ADD_VERSION, row)
        return version

    def snapshot(
        self, interview_id: str
    ) -> tuple[InterviewInfo, JourneyMap | None, dict[str, Any]] | None:
        """The interview's header, newest map and planner state, read together (one
        connection, one consistent view: what a session opens from); None if unknown."""
        with self._read() as session:
            row = session.get(Interview, interview_id)
            if row is None:
                return None
            info = info_of(row)
            data = session.scalar(
                select(MapVersion.journey)
                .where(MapVersion.interview_id == interview_id)
                .order_by(MapVersion.version.desc())
                .limit(1)
            )
            state = session.get(PlannerState, interview_id)
            saved = dict(state.state) if state is not None else {}
        return info, (JourneyMap.model_validate(data) if data is not None else None), saved

    def latest_map(self, interview_id: str) -> JourneyMap | None:
        """The newest map version, or None before the first save."""
        with self._read() as session:
            self._require(session, interview_id)
            stmt = (
                select(MapVersion.journey)
                .where(MapVersion.interview_id == interview_id)
                .order_by(MapVersion.version.desc())
                .limit(1)
            )
            data = session.scalar(stmt)
        return JourneyMap.model_validate(data) if data is not None else None

    def map_versions(self, interview_id: str) -> list[MapVersionInfo]:
        """Every version, oldest first."""
        with self._read() as session:
            self._require(session, interview_id)
            stmt = (
                select(
                    MapVersion.version, MapVersion.created_at, MapVersion.reason, MapVersion.turn_id
                )
                .where(MapVersion.interview_id == interview_id)
                .order_by(MapVersion.version)
            )
            return [MapVersionInfo(*row) for row in session.execute(stmt)]

    def load_map_version(self, interview_id: str, version: int) -> JourneyMap:
        """Map version `version`; KeyError if the interview or the version does not exist."""
        with self._read() as session:
            self._require(session, interview_id)
            data = session.scalar(
                select(MapVersion.journey).where(
                    MapVersion.interview_id == interview_id, MapVersion.version == version
                )
            )
        if data is None:
            raise KeyError(f"{interview_id} version {version}")
        return JourneyMap.model_validate(data)

    # Planner state

    def save_state(self, interview_id: str, state: dict[str, Any]) -> None:
        """Replace the planner's JSON state."""
        with self._writing() as session:
            self._lock(session, interview_id)
            self._put_state(session.connection(), interview_id, state)

    def _put_state(self, connection: Connection, interview_id: str, state: dict[str, Any]) -> None:
        """Replace the state row, or add it: the caller holds the interview's write lock."""
        now = utcnow()
        params = {"b_id": interview_id, "b_state": state, "b_now": now}
        if connection.execute(sql.PUT_STATE, params).rowcount == 0:
            row = {"interview_id": interview_id, "state": state, "updated_at": now}
            connection.execute(sql.ADD_STATE, row)

    def load_state(self, interview_id: str) -> dict[str, Any]:
        """The planner's state; {} when none was saved."""
        with self._read() as session:
            self._require(session, interview_id)
            row = session.get(PlannerState, interview_id)
            return dict(row.state) if row is not None else {}

    # Provenance

    def map_changes(
        self, interview_id: str, *, turn_id: int | None = None, path: str | None = None
    ) -> list[MapChangeRecord]:
        """Recorded changes, oldest first: all, or those of one turn, or those of one map
        path and everything under it (`stages.0` covers its touchpoints)."""
        stmt = select(MapChange).where(MapChange.interview_id == interview_id)
        if turn_id is not None:
            stmt = stmt.where(MapChange.turn_id == turn_id)
        if path is not None:
            stmt = stmt.where((MapChange.path == path) | MapChange.path.startswith(path + "."))
        with self._read() as session:
            self._require(session, interview_id)
            return [
                MapChangeRecord(r.version, r.turn_id, r.path, r.change, r.by_hand)
                for r in session.scalars(stmt.order_by(MapChange.id))
            ]
