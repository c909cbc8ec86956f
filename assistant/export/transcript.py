"""A transcript as Markdown, self-contained HTML or JSON: every message with its time,
the brain that answered and the guidance it cited, then the mentors' comments.

Everything a user or a mentor wrote is escaped: in HTML nothing but text can come out of
it (no tags, no links, no images; a Content-Security-Policy forbids loading anything),
in Markdown neither HTML nor link or image syntax survives.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from assistant.export.markdown import md
from assistant.model import Lang
from assistant.prompts import catalogue
from assistant.store.records import CommentRecord, InterviewInfo, TurnRecord

TRANSCRIPT_FORMAT = "polkuopas-transcript/1"


class TranscriptFormat(StrEnum):
    MD = "md"
    HTML = "html"
    JSON = "json"


@dataclass(frozen=True)
class TranscriptData:
    """What a transcript export shows (built by assistant.export.interview_data.transcript_data)."""

    info: InterviewInfo
    turns: list[TurnRecord]
    comments: list[CommentRecord] = field(default_factory=list)
    targets: dict[str, str] = field(default_factory=dict)
    """Comment target -> its description in words."""


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else ""


def to_json(data: TranscriptData) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    doc = {
        "format": TRANSCRIPT_FORMAT,
        "interview": plain(asdict(data.info)),
        "turns": [plain(asdict(t)) for t in data.turns],
        "comments": [plain(asdict(c)) for c in data.comments],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _words(data: TranscriptData) -> dict[str, str]:
    table = catalogue("export", Lang(data.info.lang))
    return {
        k.removeprefix("transcript."): v for k, v in table.items() if k.startswith("transcript.")
    }


def to_markdown(data: TranscriptData) -> str:
    w = _words(data)
    out = [f"# {w['title']}: {md(data.info.title) or w['untitled']}", ""]
    out.append(
        f"{_when(data.info.created_at)} · {round(data.info.progress * 100)} % {w['progress']}"
    )
    for turn in data.turns:
        who = w["user"] if turn.role.value == "user" else w["assistant"]
        brain = f" · {w['brain']}: {md(turn.brain)}" if turn.brain else ""
        out += ["", f"### #{turn.id} {who} · {_when(turn.created_at)}{brain}", "", md(turn.text)]
        if turn.notice:
            out += ["", f"> {md(turn.notice)}"]
        if turn.citations:
            out += ["", f"*{w['sources']}:*"]
            out += [f"- {md(c.title or c.source)} ({md(c.author or '–')})" for c in turn.citations]
    if data.comments:
        out += ["", f"## {w['comments']}"]
        for c in data.comments:
            about = data.targets.get(c.target, c.target)
            head = f"**{md(c.author)}** · {_when(c.created_at)}"
            head += f" · {w['about']}: {md(about)}" if about else ""
            head += f" · {md(c.stance)}" if c.stance else ""
            out += ["", head, "", md(c.text)]
    return "\n".join(out) + "\n"


_CSS = (
    "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
    "color:#1d2433}.turn{border-left:4px solid #c9d3e3;padding:.3rem .9rem;margin:1rem 0}"
    ".user{border-color:#2f6fde}.meta{color:#5b6578;font-size:.85rem}"
    ".text{white-space:pre-wrap}.comment{background:#f5f1e6;padding:.5rem .9rem;margin:.8rem 0}"
)


def to_html(data: TranscriptData) -> str:
    """One HTML file with its style inline and nothing to load."""
    w = _words(data)
    e = html.escape
    title = e(data.info.title) or w["untitled"]
    lang = Lang(data.info.lang).value
    parts = [
        "<!doctype html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{e(w['title'])}: {title}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(w['title'])}: {title}</h1>",
        f'<p class="meta">{e(_when(data.info.created_at))} · '
        f"{round(data.info.progress * 100)} % {e(w['progress'])}</p>",
    ]
    for turn in data.turns:
        role = "user" if turn.role.value == "user" else "assistant"
        brain = f" · {e(w['brain'])}: {e(turn.brain)}" if turn.brain else ""
        parts.append(f'<div class="turn {role}">')
        parts.append(
            f'<p class="meta">#{turn.id} {e(w[role])} · {e(_when(turn.created_at))}{brain}</p>'
        )
        parts.append(f'<p class="text">{e(turn.text)}</p>')
        if turn.notice:
            parts.append(f'<p class="meta">{e(turn.notice)}</p>')
        if turn.citations:
            items = "".join(
                f"<li>{e(c.title or c.source)} ({e(c.author or '–')})</li>" for c in turn.citations
            )
            parts.append(f'<p class="meta">{e(w["sources"])}:</p><ul class="meta">{items}</ul>')
        parts.append("</div>")
    if data.comments:
        parts.append(f"<h2>{e(w['comments'])}</h2>")
        for c in data.comments:
            about = data.targets.get(c.target, c.target)
            meta = f"{e(c.author)} · {e(_when(c.created_at))}"
            meta += f" · {e(w['about'])}: {e(about)}" if about else ""
            meta += f" · {e(c.stance)}" if c.stance else ""
            parts.append(
                f'<div class="comment"><p class="meta">{meta}</p>'
                f'<p class="text">{e(c.text)}</p></div>'
            )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render(data: TranscriptData, fmt: TranscriptFormat | str) -> str:
    renderer = {
        TranscriptFormat.MD: to_markdown,
        TranscriptFormat.HTML: to_html,
        TranscriptFormat.JSON: to_json,
    }[TranscriptFormat(fmt)]
    return renderer(data)
