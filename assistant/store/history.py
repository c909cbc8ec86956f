"""Map versions and the planner's state of one interview."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from assistant.model import JourneyMap
from assistant.store.base import StoreBase
from assistant.store.records import MapVersionInfo
from assistant.store.tables import MapVersion, PlannerState, utcnow


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
        data = journey.model_dump(mode="json")
        with self._writing() as session:
            self._lock(session, interview_id)
            last = session.scalar(
                select(func.max(MapVersion.version)).where(MapVersion.interview_id == interview_id)
            )
            version = (last or 0) + 1
            session.add(
                MapVersion(
                    interview_id=interview_id,
                    version=version,
                    journey=data,
                    reason=reason,
                    turn_id=turn_id,
                    created_at=utcnow(),
                )
            )
        return version

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
            row = session.get(PlannerState, interview_id)
            if row is None:
                session.add(
                    PlannerState(interview_id=interview_id, state=state, updated_at=utcnow())
                )
            else:
                row.state = state
                row.updated_at = utcnow()

    def load_state(self, interview_id: str) -> dict[str, Any]:
        """The planner's state; {} when none was saved."""
        with self._read() as session:
            self._require(session, interview_id)
            row = session.get(PlannerState, interview_id)
            return dict(row.state) if row is not None else {}
