"""The Map page through AppTest: canvas, editing with undo, downloads, JSON upload."""

from __future__ import annotations

from typing import Any

import pytest

from tests.ui.conftest import owned, sample_map, texts

pytestmark = pytest.mark.slow  # drives the Streamlit pages with AppTest

MAP_PAGE = "views/journey_map.py"


def open_map(app: Any, core_deps: Any) -> tuple[Any, str]:
    session, token = owned(core_deps)
    session.edit_map(sample_map())
    app.query_params["k"] = token
    app.run()
    app.switch_page(MAP_PAGE).run()
    assert not app.exception, app.exception
    return app, session.id


def test_map_page_shows_the_canvas_and_every_download(app: Any, core_deps: Any) -> None:
    import base64
    import re

    app, _ = open_map(app, core_deps)
    body = next(h.proto.body for h in app.get("html") if "pk-canvas" in h.proto.body)
    assert 'style="overflow-x:auto' in body and "min-width:880px" in body
    data = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', body)
    assert data
    svg = base64.b64decode(data.group(1)).decode("utf-8")
    assert "Villasukkapajan asiakaspolku" in svg and "Kipupisteet" in svg
    names = sorted(b.proto.label for b in app.get("download_button"))
    assert names == sorted(
        [
            "JSON",
            "CSV",
            "Excel (XLSX)",
            "Raportti (Markdown)",
            "Kuva (HTML)",
            "Kuva (PNG)",
            "Kuva (SVG)",
            "Tulostettava (PDF, A4)",
        ]
    )


def test_editing_is_saved_taken_into_account_and_undone(app: Any, core_deps: Any) -> None:
    app, interview_id = open_map(app, core_deps)
    store = core_deps.store
    before = store.latest_map(interview_id)
    app.text_input[0].set_value("Sukkapaja Oy")
    goals = next(a for a in app.text_area if a.label == "Tavoitteet (yksi riville)")
    goals.set_value("Löytää lahja helposti\nTukea kotimaista")
    next(b for b in app.button if b.label == "Tallenna muutokset").click().run()
    assert not app.exception
    edited = store.latest_map(interview_id)
    assert edited.business.name == "Sukkapaja Oy"
    assert edited.persona.goals == ["Löytää lahja helposti", "Tukea kotimaista"]
    assert [s.name for s in edited.stages] == [s.name for s in before.stages]
    assert edited.stages[0].touchpoints == before.stages[0].touchpoints
    assert "Muutokset tallennettu" in texts(app)
    # The interview page shows the edit.
    app.switch_page("views/interview.py").run()
    assert "Sukkapaja Oy" in texts(app)
    app.switch_page(MAP_PAGE).run()
    next(b for b in app.button if b.label == "Kumoa viimeisin muutos").click().run()
    assert store.latest_map(interview_id).business.name == before.business.name
    assert app.text_input[0].value == before.business.name


def test_an_invalid_edit_is_refused_and_nothing_is_lost(app: Any, core_deps: Any) -> None:
    app, interview_id = open_map(app, core_deps)
    before = core_deps.store.latest_map(interview_id)
    app.text_input[0].set_value("x" * 2500)  # over the model's text limit
    next(b for b in app.button if b.label == "Tallenna muutokset").click().run()
    assert any("Karttaa ei tallennettu" in e.value for e in app.error)
    assert core_deps.store.latest_map(interview_id) == before


def test_uploading_an_invalid_json_shows_an_error_and_keeps_the_map(
    app: Any, core_deps: Any
) -> None:
    app, interview_id = open_map(app, core_deps)
    before = core_deps.store.latest_map(interview_id)
    uploader = app.get("file_uploader")[0]
    uploader.set_value(("kartta.json", b"{not json", "application/json")).run()
    assert any("ei ole JSON-muotoinen" in e.value for e in app.error)
    app.get("file_uploader")[0].set_value(
        ("kartta.json", b'{"stages": "nope"}', "application/json")
    ).run()
    assert any("ei ole Polkuoppaan kartta" in e.value for e in app.error)
    assert core_deps.store.latest_map(interview_id) == before
    assert app.session_state["interview_id"] == interview_id


def test_uploading_a_valid_map_starts_a_new_interview_from_it(app: Any, core_deps: Any) -> None:
    from assistant.export.jsonfile import to_json

    app, first_id = open_map(app, core_deps)
    journey = sample_map("map_en_b2b.json")
    app.get("file_uploader")[0].set_value(
        ("map.json", to_json(journey).encode(), "application/json")
    ).run()
    assert any("Kartta luettu" in s.value for s in app.success)
    next(b for b in app.button if b.label == "Jatka tällä kartalla").click().run()
    assert not app.exception
    new_id = app.session_state["interview_id"]
    assert new_id != first_id
    assert core_deps.store.latest_map(new_id).stages == journey.stages
    assert core_deps.store.latest_map(first_id) is not None


def test_downloads_of_the_page_parse(core_deps: Any) -> None:
    import csv
    import io

    import openpyxl

    from assistant.export import ExportFormat
    from assistant.export.jsonfile import from_json
    from ui.downloads import export_data, file_stem

    journey = sample_map()
    assert file_stem(journey).startswith("polkuopas-villasukkapaja")
    assert from_json(export_data(journey, ExportFormat.JSON)) == journey
    fi = export_data(journey, ExportFormat.CSV, excel_fi=True)
    rows = list(csv.reader(io.StringIO(fi.decode("utf-8-sig")), delimiter=";"))
    assert fi[:3] == b"\xef\xbb\xbf" and rows[0][0] and len(rows) > 1
    plain = export_data(journey, ExportFormat.CSV)
    assert not plain.startswith(b"\xef\xbb\xbf") and "," in plain.decode()
    openpyxl.load_workbook(io.BytesIO(export_data(journey, ExportFormat.XLSX)))
    assert export_data(journey, ExportFormat.PNG)[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in export_data(journey, ExportFormat.SVG)
    assert b"<html" in export_data(journey, ExportFormat.HTML).lower()
    assert export_data(journey, ExportFormat.PDF).startswith(b"%PDF")


def test_a_map_of_invisible_names_is_refused_at_upload(app: Any, core_deps: Any) -> None:
    import json

    from assistant.export.jsonfile import to_json

    app, interview_id = open_map(app, core_deps)
    count = len(core_deps.store.list_interviews())
    data = json.loads(to_json(sample_map()))
    data["stages"][0]["name"] = "\x01\x02\u200b"
    app.get("file_uploader")[0].set_value(
        ("kartta.json", json.dumps(data).encode(), "application/json")
    ).run()
    assert not app.exception
    assert any("stages → 0 → name" in e.value for e in app.error)
    assert len(core_deps.store.list_interviews()) == count
    assert app.session_state["interview_id"] == interview_id


def test_a_map_that_cannot_start_an_interview_leaves_nothing_behind(
    app: Any, core_deps: Any, monkeypatch: Any
) -> None:
    from assistant.export.jsonfile import to_json
    from assistant.interview.session import Session

    app, interview_id = open_map(app, core_deps)
    count = len(core_deps.store.list_interviews())
    app.get("file_uploader")[0].set_value(
        ("map.json", to_json(sample_map("map_en_b2b.json")).encode(), "application/json")
    ).run()

    def broken(self: Any, journey: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr(Session, "edit_map", broken)
    next(b for b in app.button if b.label == "Jatka tällä kartalla").click().run()
    assert not app.exception
    assert any("Mitään ei tallennettu" in e.value for e in app.error)
    assert len(core_deps.store.list_interviews()) == count
    assert app.session_state["interview_id"] == interview_id


def test_markdown_in_stage_names_stays_text(app: Any, core_deps: Any) -> None:
    """A stage named like a Markdown image or link must not load or link anything, also in
    the editor's tab labels and the map beside the chat."""
    from assistant.model import JourneyMap, Stage, Touchpoint

    session, token = owned(core_deps)
    evil = "![s](http://127.0.0.1:9/a.png)"
    session.edit_map(
        JourneyMap(
            stages=[
                Stage(name=evil, touchpoints=[Touchpoint(name="[linkki](http://127.0.0.1:9/)")])
            ]
        )
    )
    app.query_params["k"] = token
    app.run()
    assert "\\!\\[s\\]" in texts(app) and "](http" not in texts(app)
    app.switch_page(MAP_PAGE).run()
    assert not app.exception
    labels = [tab.label for tab in app.tabs]
    assert labels and all("](http" not in label for label in labels)
    assert any("\\!\\[s\\]" in label for label in labels)
