"""One interview as plain JSON-ready data: header, transcript, every map version, comments
and share links (never their tokens): everything the store holds about it, for its owner.

Built only from the Store's public reads, so it never sees a database session.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from assistant.access.targets import describe
from assistant.export.transcript import TranscriptData

if TYPE_CHECKING:
    from assistant.store.store import Store

EXPORT_FORMAT = "polkuopas-interview/1"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value


def export_interview(store: Store, interview_id: str) -> dict[str, Any]:
    """KeyError for an unknown id."""
    info = store.get_interview(interview_id)
    if info is None:
        raise KeyError(interview_id)
    versions = []
    for version in store.map_versions(interview_id):
        journey = store.load_map_version(interview_id, version.version)
        versions.append({**asdict(version), "map": journey.model_dump(mode="json")})
    data: dict[str, Any] = _jsonable(
        {
            "format": EXPORT_FORMAT,
            "interview": asdict(info),
            "transcript": [
                {**asdict(t), "citations": [c.model_dump(mode="json") for c in t.citations]}
                for t in store.transcript(interview_id)
            ],
            "map_versions": versions,
            "state": store.load_state(interview_id),
            "comments": [asdict(c) for c in store.comments(interview_id)],
            "shares": [asdict(s) for s in store.shares(interview_id)],
        }
    )
    return data


def transcript_data(store: Store, interview_id: str) -> TranscriptData:
    """The transcript and the comments, with each comment's target in words."""
    info = store.get_interview(interview_id)
    if info is None:
        raise KeyError(interview_id)
    comments = store.comments(interview_id)
    journey = store.latest_map(interview_id)
    targets = {c.target: describe(c.target, journey, info.lang) for c in comments if c.target}
    return TranscriptData(
        info=info, turns=store.transcript(interview_id), comments=comments, targets=targets
    )
