"""Locale files agree and cover every key the UI uses; user text is shown inert; editor tables."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

UI = Path(__file__).resolve().parents[2] / "ui"
KEY_CALL = re.compile(r"""\bt\(\s*(f?)(?:"([^"]+)"|'([^']+)')""")


def _catalog(lang: str) -> dict[str, str]:
    return yaml.safe_load((UI / "locales" / f"{lang}.yaml").read_text(encoding="utf-8"))


def _used_keys() -> set[str]:
    """Literal keys, and f-string keys expanded over the values they take."""
    expand = {
        "channel.{v}": ["digital", "physical", "human"],
        "btype.{v or 'unknown'}": ["unknown", "b2b", "b2c", "both"],
        "download.{fmt.value}": ["json", "csv", "xlsx", "md", "html", "png", "svg", "pdf"],
        "mentor.report_{fmt.value}": ["html", "pdf"],
        "stance.{comment.stance}": ["agree", "disagree", "own"],
        "stance.{v}": ["agree", "disagree", "own"],
        "target.{v}": ["general", "turn", "cell", "suggestion"],
        "transcript.{fmt.value}": ["md", "html", "json"],
    }
    keys: set[str] = set()
    for path in UI.rglob("*.py"):
        for is_f, double, single in KEY_CALL.findall(path.read_text(encoding="utf-8")):
            key = double or single
            if is_f:
                prefix = key.split("{")[0]
                keys.update(prefix + v for v in expand[key])
            else:
                keys.add(key)
    return keys


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    fi, en = _catalog("fi"), _catalog("en")
    assert set(fi) == set(en)
    fields = string.Formatter()
    for key in fi:
        assert fi[key].strip() and en[key].strip(), key
        names_fi = {f for _, f, _, _ in fields.parse(fi[key]) if f}
        names_en = {f for _, f, _, _ in fields.parse(en[key]) if f}
        assert names_fi == names_en, key


def test_every_key_used_in_the_ui_exists() -> None:
    used = _used_keys()
    assert len(used) > 80
    missing = used - set(_catalog("fi"))
    assert not missing, missing


def test_export_formats_all_have_a_label() -> None:
    from assistant.export import ExportFormat

    assert {f"download.{f.value}" for f in ExportFormat} <= set(_catalog("fi"))


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"),
        ("![x](http://e.com/a.png)", "\\!\\[x\\]\\(http\u2060\\:\\/\\/e\\.com\\/a\\.png\\)"),
        ("www.e.com me@e.com", "www\u2060\\.e\\.com me@\u2060e\\.com"),
        ("$x$ **b** `c`", "\\$x\\$ \\*\\*b\\*\\* \\`c\\`"),
        ("rivi\ntoinen", "rivi  \ntoinen"),
    ],
)
def test_user_text_is_escaped(raw: str, shown: str) -> None:
    from ui.text import esc

    assert esc(raw).replace("\\/", "/") == shown.replace("\\/", "/")


def test_assistant_text_keeps_lists_but_not_links() -> None:
    from ui.text import esc_light

    text = esc_light("1. Ehdotus\n   Lähde: [x](http://e.com)")
    assert text.startswith("1. Ehdotus  \n") and "\\[x\\]\\(http\u2060:" in text


def test_editor_tables_round_trip_and_follow_row_edits() -> None:
    import pandas as pd

    from assistant.export.jsonfile import from_json
    from ui.editor import rebuild, stage_frame, touchpoint_frame

    journey = from_json((UI.parent / "tests" / "data" / "map_fi_b2c.json").read_bytes())
    stages = stage_frame(journey)
    tps = {i: touchpoint_frame(s) for i, s in enumerate(journey.stages)}
    business = journey.business.model_dump(mode="json")
    persona = journey.persona.model_dump()
    same = rebuild(journey, business=business, persona=persona, stages=stages, touchpoints=tps)
    assert same == journey
    # Delete the second stage, rename the first, add a touchpoint with a float emotion.
    stages = stages.drop(index=1)
    stages.loc[0, "name"] = "Löytö"
    first = tps[0]
    extra = {c: None for c in first.columns} | {
        "name": "Messut",
        "emotion": 2.0,
        "pain_points": "jono | kylmä halli",
        "channel": "physical",
    }
    tps[0] = pd.concat([first, pd.DataFrame([extra])], ignore_index=True)
    edited = rebuild(journey, business=business, persona=persona, stages=stages, touchpoints=tps)
    assert [s.name for s in edited.stages][:2] == ["Löytö", journey.stages[2].name]
    added = edited.stages[0].touchpoints[-1]
    assert (added.name, added.emotion, added.pain_points) == ("Messut", 2, ["jono", "kylmä halli"])
    assert edited.stages[1].touchpoints == journey.stages[2].touchpoints


def test_editor_refuses_a_stage_without_a_name() -> None:
    from assistant.model import JourneyMap, Stage
    from ui.editor import rebuild, stage_frame

    journey = JourneyMap(stages=[Stage(name="A")])
    stages = stage_frame(journey)
    stages.loc[0, "name"] = " "
    with pytest.raises(ValueError):
        rebuild(journey, business={}, persona={}, stages=stages, touchpoints={})
