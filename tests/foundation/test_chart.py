"""The visual journey map: spec structure and rendering without network."""

from __future__ import annotations

import json
import re

import pytest

from assistant.export.chart import chart_data, chart_spec
from assistant.export.chart_render import chart_html, chart_png, chart_svg
from assistant.model import JourneyMap, Stage, Touchpoint

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _big(n_stages: int, per_stage: int) -> JourneyMap:
    return JourneyMap(
        language="en",
        stages=[
            Stage(
                name=f"Stage {i} with a rather long name",
                touchpoints=[
                    Touchpoint(
                        name=f"Touchpoint {i}.{k} " + "long " * 12,
                        emotion=(i + k) % 5 - 2 if k % 3 else None,
                        critical=k == 1,
                        pain_points=["slow"] if k == 2 else [],
                    )
                    for k in range(per_stage)
                ],
            )
            for i in range(n_stages)
        ],
    )


def test_chart_data_columns_and_kinds(fi_map: JourneyMap) -> None:
    stages, points = chart_data(fi_map)
    assert [s["stage"] for s in stages] == [
        f"{n}. {s.name}" for n, s in enumerate(fi_map.stages, 1)
    ]
    assert [p["x"] for p in points] == list(range(len(fi_map.touchpoints())))
    # each touchpoint sits inside its stage's column, in order
    for p in points:
        col = next(s for s in stages if s["stage"].endswith(p["stage"]))
        assert col["x0"] < p["x"] < col["x1"]
    kinds = {p["name"]: p["kind"] for p in points}
    assert kinds["Kassa"] == "Kriittinen ja kipupiste"
    assert kinds["Ensimmäinen pesu"] == "Kipupiste"
    assert kinds["Käsityömessut"] == "Kriittinen"
    assert kinds["Tilausvahvistus"] == "Muu kosketuspiste"


def test_empty_stage_keeps_its_column() -> None:
    stages, points = chart_data(
        JourneyMap(stages=[Stage(name="A"), Stage(name="B", touchpoints=[Touchpoint(name="t")])])
    )
    assert stages[0]["x1"] - stages[0]["x0"] == 1 and stages[0]["empty"]
    assert points[0]["x"] == 1 and not stages[1]["empty"]


def test_spec_labels_follow_language(fi_map: JourneyMap, en_map: JourneyMap) -> None:
    fi = json.dumps(chart_spec(fi_map), ensure_ascii=False)
    en = json.dumps(chart_spec(en_map), ensure_ascii=False)
    assert "Asiakkaan tunne" in fi and "Kipupiste" in fi and "Kriittinen" in fi
    assert "Customer's feeling" in en and "Pain point" in en and "Asiakkaan tunne" not in en


def test_width_grows_with_touchpoints() -> None:
    small = chart_spec(_big(1, 1))["width"]
    wide = chart_spec(_big(10, 4))["width"]
    assert small >= 320 and wide >= 40 * 100


@pytest.mark.parametrize(
    "journey",
    [JourneyMap(), JourneyMap(stages=[Stage(name="Ainoa")]), _big(10, 4)],
    ids=["empty", "one-empty-stage", "10x4"],
)
def test_png_renders_for_any_size(journey: JourneyMap) -> None:
    png = chart_png(journey, scale=1)
    assert png.startswith(PNG_MAGIC) and len(png) > 2000


def test_empty_map_is_friendly() -> None:
    spec = json.dumps(chart_spec(JourneyMap(language="en")))
    assert "The map is still empty" in spec


def test_svg(en_map: JourneyMap) -> None:
    svg = chart_svg(en_map)
    assert re.match(r"\s*(<\?xml[^>]*>\s*)?<svg\b", svg) and svg.rstrip().endswith("</svg>")
    assert "Switching" in svg


def test_png_scale(fi_map: JourneyMap) -> None:
    one, two = chart_png(fi_map, scale=1), chart_png(fi_map, scale=2)
    width = lambda b: int.from_bytes(b[16:20], "big")  # noqa: E731
    assert one.startswith(PNG_MAGIC) and width(two) == 2 * width(one)


def test_html_is_standalone_and_inert(fi_map: JourneyMap) -> None:
    html = chart_html(fi_map)
    assert "Villasukkapajan asiakaspolku" in html
    assert not re.search(r"<script[^>]+src\s*=", html, re.I)
    assert not re.search(r"<link[^>]+href\s*=\s*[\"']https?:", html, re.I)
    evil = JourneyMap(
        stages=[
            Stage(name="</script><script>alert(1)</script>", touchpoints=[Touchpoint(name="<!--")])
        ]
    )
    assert chart_html(evil).lower().count("</script>") == html.lower().count("</script>")


def test_curve_breaks_at_unknown_feelings() -> None:
    from assistant.export.chart_layout import gaps as _gaps

    journey = JourneyMap(
        stages=[
            Stage(
                name="A",
                touchpoints=[
                    Touchpoint(name="a", emotion=1),
                    Touchpoint(name="b", emotion=2),
                    Touchpoint(name="c"),
                    Touchpoint(name="d", emotion=-1),
                ],
            ),
            Stage(name="empty"),
            Stage(name="B", touchpoints=[Touchpoint(name="e", emotion=0)]),
        ]
    )
    _, points = chart_data(journey)
    runs = {p["name"]: p["run"] for p in points}
    assert runs["a"] == runs["b"] != runs["d"] != runs["e"]
    known = [p for p in points if p["emotion"] is not None]
    assert [(g["gap"], g["x"]) for g in _gaps(known)] == [(1, 1), (1, 3), (2, 3), (2, 5)]
