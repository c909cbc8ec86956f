"""Reading a map file someone gave us (CLI `validate`/`export`, the app's upload), safely.

Bounds come before any parser sees the bytes: the size, then the nesting depth (counted
on the brackets outside strings, without recursion), because a JSON parser recurses and
a file nested a thousand levels deep crashes it. A UTF-8 byte order mark is accepted,
since Windows editors write one. Every refusal is a `MapFileError` with a short reason
in Finnish and English, never a traceback.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from assistant.model import JourneyMap, Lang
from assistant.prompts import text

MAX_MAP_BYTES = 2_000_000
"""A real map is a few tens of kilobytes."""
MAX_DEPTH = 32
"""A valid map nests at most 6 levels; anything near this limit is not a map."""

_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class MapFileError(ValueError):
    """A map file that cannot be read; `kind` names the reason (a key of the texts)."""

    def __init__(self, kind: str, *, detail: str = "", pos: int = 0) -> None:
        self.kind = kind
        self.detail = detail
        """The parser's own words (English), for a JSON syntax error."""
        self.pos = pos
        super().__init__(f"{self.text(Lang.FI)} / {self.text(Lang.EN)}")

    def text(self, lang: Lang) -> str:
        """The reason in `lang` (fi or en)."""
        out = text(
            "export",
            f"map_file.{self.kind}",
            lang=Lang(lang),
            mb=MAX_MAP_BYTES // 1_000_000,
            depth=MAX_DEPTH,
            pos=self.pos,
        )
        return f"{out}: {self.detail}" if self.detail else out


def json_depth(data: bytes, *, limit: int = MAX_DEPTH) -> int:
    """Deepest nesting of arrays/objects in `data` (stops counting just past `limit`)."""
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKET)
    depth = deepest = 0
    for b in brackets:
        if b in b"[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
    return deepest


def map_text(data: bytes) -> str:
    """The JSON text of a map file after the size, encoding and depth checks."""
    if len(data) > MAX_MAP_BYTES:
        raise MapFileError("too_big")
    if data.startswith(_UTF16_BOMS) and _looks_utf16_json(data):
        raise MapFileError("utf16")
    data = data.removeprefix(_UTF8_BOM)
    if not data.strip():
        raise MapFileError("empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MapFileError("not_utf8", pos=exc.start) from None
    if json_depth(data) > MAX_DEPTH:
        raise MapFileError("too_deep")
    return text


def _looks_utf16_json(data: bytes) -> bool:
    try:
        return data.decode("utf-16").lstrip("\ufeff \t\r\n")[:1] in ("{", "[")
    except UnicodeDecodeError:
        return False


def load_map(data: bytes) -> JourneyMap:
    """The map in `data`: MapFileError when it is not a readable JSON file, or
    pydantic.ValidationError (one error per problem) when it is JSON but not a valid map."""
    text = map_text(data)
    try:
        return JourneyMap.model_validate_json(text)
    except ValidationError as exc:
        if _is_json_error(exc):
            raise MapFileError("not_json", detail=_json_detail(exc)) from None
        raise


def _is_json_error(exc: ValidationError) -> bool:
    errors = exc.errors()
    return bool(errors) and errors[0].get("type") == "json_invalid"


def _json_detail(exc: ValidationError) -> str:
    msg = str(exc.errors()[0].get("msg", ""))
    return msg.removeprefix("Invalid JSON: ")[:160]
