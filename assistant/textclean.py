"""Cleaning of text a user (or a file) gave us, before it is validated or stored.

Why before validation: a name made only of control or zero-width characters used to pass
a "not empty" check and be cleaned to "" afterwards, so a map `validate` accepted broke
the export. Cleaning first, then checking for visible text, closes that gap.

What is removed, and why:
- C0/C1 control characters except tab, newline and carriage return (spreadsheets and XML
  refuse them; terminals act on them);
- lone surrogates and the noncharacters U+FFFE/U+FFFF (they cannot be written as UTF-8
  or XML, so a map holding one could not be exported);
- invisible characters that only hide or reorder text: zero-width space, word joiner,
  BOM, Mongolian vowel separator, bidi embeddings/overrides/isolates ("Trojan source")
  and Unicode tag characters (used to smuggle hidden instructions to language models).

Kept: zero-width (non-)joiners and LRM/RLM, which Persian, Arabic and emoji sequences need.
"""

from __future__ import annotations

import re
import unicodedata

_REMOVE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters (tab, LF, CR kept)
    "\ud800-\udfff\ufffe\uffff"  # lone surrogates, noncharacters
    "\u200b\u2060\ufeff\u180e"  # zero-width space, word joiner, BOM, Mongolian separator
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
    "\U000e0000-\U000e007f]"  # tag characters
)
_VISIBLE = ("L", "N", "P", "S")
"""Unicode categories that show something: letters, numbers, punctuation, symbols."""


def clean_text(value: str) -> str:
    """`value` without control, invisible and unencodable characters (see module doc)."""
    return _REMOVE.sub("", value)


def has_visible(value: str) -> bool:
    """True when `value` holds at least one character a reader can see."""
    return any(unicodedata.category(ch)[0] in _VISIBLE for ch in value)
