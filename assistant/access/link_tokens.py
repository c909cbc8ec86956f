"""Unguessable tokens for links, their hashes, and reading them back from a pasted link.

A token is 32 random bytes from `secrets` (256 bits), URL-safe. Only its sha256 is
stored: a fast hash is enough for a high-entropy secret, and a leaked database then
opens nothing. The interview id is never part of a link.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from urllib.parse import parse_qs, urlsplit

TOKEN_BYTES = 32
OWNER_PARAM = "k"
"""Query parameter of the owner link: /?k=<token>."""
SHARE_PARAM = "s"
"""Query parameter of a mentor share link: /mentor?s=<token>."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,128}$")


def new_token() -> str:
    """Never starts with "-": a token may be given on a command line."""
    while (found := secrets.token_urlsafe(TOKEN_BYTES)).startswith("-"):
        pass
    return found


def digest(token: str) -> str:
    """The sha256 hex digest that the store keeps instead of `token`."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def subject_digest(subject: str) -> str:
    """The owner key of a signed-in user: a digest of the sign-in provider's subject,
    kept apart from link tokens by a prefix."""
    return digest("user:" + subject)


def looks_like_token(text: str) -> bool:
    return bool(_TOKEN.match(text or ""))


def token_from(text: str, param: str) -> str:
    """The token in a pasted link (…?k=… or …?s=…), or the text itself if it is a bare
    token; "" when there is none. Other parameters (such as an interview id) are ignored."""
    text = (text or "").strip()
    if not text:
        return ""
    query = urlsplit(text).query if "?" in text else ""
    if not query and "=" in text:
        query = text
    if query:
        found = parse_qs(query).get(param) or []
        candidate = found[0].strip() if found else ""
        return candidate if looks_like_token(candidate) else ""
    return text if looks_like_token(text) else ""
