"""The Markdown report: content a mentor needs, in the map's language, escaped."""

from __future__ import annotations

from assistant.export.markdown import emotion_text, md, to_markdown
from assistant.model import JourneyMap, Stage, Suggestion, Touchpoint


def test_finnish_report(fi_map: JourneyMap) -> None:
    text = to_markdown(fi_map)
    assert text.startswith("# Villasukkapajan asiakaspolku\n")
    for heading in ("## Yritys", "## Persoona", "## Ensivaikutelma", "## Viimeinen muistijälki"):
        assert heading in text
    for heading in ("### 1. Löytäminen", "### 5. Sitoutuminen", "## Mittarit", "## Oletukset"):
        assert heading in text
    assert sum(ln.startswith("|---|") for ln in text.splitlines()) == len(fi_map.stages)
    assert "| **Kassa** | digitaalinen |" in text  # critical touchpoint in bold
    assert "−2 😟" in text and "+2 😀" in text
    assert "(arvaus)" in text and "(tiedetty)" in text
    assert "*Prioriteetti: korkea*" in text
    assert (
        "- *Mikä on asiakaspolku?*, Hanna Heinonen, Ohjekortti `heinonen-touchpoint-questions`"
        in text
    )
    assert "Lahjaa etsivät aikuiset" in text


def test_english_report(en_map: JourneyMap) -> None:
    text = to_markdown(en_map)
    assert "## Suggestions" in text and "## Persona" in text and "Known or guess" not in text
    assert "*Priority: high*" in text and "**Concerns:** Purchase / Switching accountants" in text
    assert "*Asiakaspolku*, Netello" in text


def test_table_rows_have_constant_width(en_map: JourneyMap) -> None:
    rows = [ln for ln in to_markdown(en_map).splitlines() if ln.startswith("|")]
    counts = {ln.replace("\\|", "").count("|") for ln in rows}
    assert counts == {11}


def test_escaping_user_text() -> None:
    evil = "<script>alert(1)</script> | [click](javascript:x) *b* # h\nline2"
    journey = JourneyMap(
        title="<b>Title</b>",
        stages=[Stage(name="S|1", touchpoints=[Touchpoint(name=evil, pain_points=["a|b"])])],
        suggestions=[Suggestion(title="`x`", why=evil)],
    )
    text = to_markdown(journey)
    assert "<script>" not in text and "<b>" not in text and "[click](" not in text
    assert "&lt;script&gt;" in text and "\\[click\\](javascript" in text
    row = next(ln for ln in text.splitlines() if ln.startswith("| ") and "alert" in ln)
    assert row.replace("\\|", "").count("|") == 11
    assert "<br>line2" in row


def test_md_helpers() -> None:
    assert md("a|b") == "a\\|b"
    assert md("x <y>") == "x &lt;y&gt;"
    assert md("") == ""
    assert [emotion_text(v) for v in (-2, 0, 2, None)] == ["−2 😟", "0 😐", "+2 😀", ""]


def test_empty_map_report() -> None:
    text = to_markdown(JourneyMap(language="en", stages=[Stage(name="Awareness")]))
    assert text.startswith("# Customer journey report")
    assert "No touchpoints yet." in text
