"""Kartta / Map: the picture, direct editing, downloads and JSON upload."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from ui.canvas_view import show_canvas
from ui.comments import owner_comments
from ui.current import current_session, start_from_map
from ui.downloads import download_buttons, read_upload
from ui.editor import (
    lines,
    rebuild,
    stage_columns,
    stage_frame,
    touchpoint_columns,
    touchpoint_frame,
)
from ui.i18n import t
from ui.state import flash, show_flash
from ui.text import esc


def _upload_section(rev: int) -> None:
    """Start a new interview from a map file (this is what creates it)."""
    st.subheader(t("upload.title"))
    st.caption(t("upload.help"))
    upload = st.file_uploader(t("upload.label"), type=["json"], key=f"upload_{rev}")
    if upload is not None:
        loaded, reason = read_upload(upload.getvalue())
        if loaded is None:
            st.error(t("upload.error", reason=reason))
        else:
            name = loaded.business.name or loaded.business.offering or loaded.title or "–"
            st.success(t("upload.ok", name=esc(name), stages=len(loaded.stages)))
            if st.button(t("upload.continue"), type="primary", key="upload_go"):
                turn = start_from_map(loaded)
                if turn is None:
                    st.error(t("upload.error", reason=t("upload.failed")))
                else:
                    st.session_state["last_turn"] = turn.to_json()
                    st.session_state["editor_rev"] += 1
                    flash("success", t("upload.started"))
                    st.switch_page("views/interview.py")


session = current_session()
rev = st.session_state["editor_rev"]
st.title(t("map.title"))
show_flash()
if session is None:
    # No interview is created by a visit: the map begins in the chat, or from a file.
    st.info(t("map.no_interview"))
    st.page_link("views/interview.py", label=t("map.go_interview"), icon=":material/forum:")
    _upload_section(rev)
    st.stop()
journey = session.journey
lang = journey.language
owner_comments(session.id, journey, where="map")

# -- the picture ----------------------------------------------------------------------
if journey.stages:
    # The same picture as the downloads (PNG, SVG, HTML, PDF): one canvas from the core.
    show_canvas(journey.model_dump_json(), alt=t("map.canvas_alt"))
    st.caption(t("map.canvas_help"))
else:
    st.info(t("map.chart_empty"))

# -- downloads ------------------------------------------------------------------------
st.subheader(t("download.title"))
download_buttons(journey)


# -- direct editing -------------------------------------------------------------------
def _undo() -> None:
    s = current_session()
    if s is not None and s.undo():
        st.session_state["last_turn"] = s.view().to_json()
        st.session_state["editor_rev"] += 1
        flash("success", t("interview.undone"))
    else:
        flash("info", t("interview.nothing_to_undo"))


st.subheader(t("editor.title"))
st.caption(t("editor.help"))
with st.form(f"edit_{rev}", border=True):
    b, p = journey.business, journey.persona
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(f"**{t('map.business')}**")
        business = {
            "name": st.text_input(t("editor.business_name"), b.name),
            "offering": st.text_area(t("editor.offering"), b.offering, height=80),
            "customers": st.text_input(t("editor.customers"), b.customers),
            "business_type": st.selectbox(
                t("editor.business_type"),
                ["", "b2b", "b2c", "both"],
                index=["", "b2b", "b2c", "both"].index(
                    b.business_type.value if b.business_type else ""
                ),
                format_func=lambda v: t(f"btype.{v or 'unknown'}"),
            ),
        }
    with c2:
        st.markdown(f"**{t('map.persona')}**")
        persona = {
            "name": st.text_input(t("editor.persona_name"), p.name),
            "description": st.text_area(t("editor.description"), p.description, height=80),
            "goals": lines(st.text_area(t("editor.goals"), "\n".join(p.goals), height=80)),
            "needs": lines(st.text_area(t("editor.needs"), "\n".join(p.needs), height=80)),
            "frustrations": lines(
                st.text_area(t("editor.frustrations"), "\n".join(p.frustrations), height=80)
            ),
        }
    st.markdown(f"**{t('editor.stages')}**")
    stages = st.data_editor(
        stage_frame(journey),
        column_config=stage_columns(lang),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key=f"stages_{rev}",
    )
    touchpoints = {}
    if journey.stages:
        st.markdown(f"**{t('editor.touchpoints')}**")
        # Tab labels render Markdown: a stage named ![x](http://…) must stay text.
        tabs = st.tabs([esc(s.name) for s in journey.stages])
        for i, (tab, stage) in enumerate(zip(tabs, journey.stages, strict=True)):
            with tab:
                touchpoints[i] = st.data_editor(
                    touchpoint_frame(stage),
                    column_config=touchpoint_columns(lang),
                    num_rows="dynamic",
                    hide_index=True,
                    width="stretch",
                    key=f"tps_{rev}_{i}",
                )
    saved = st.form_submit_button(t("editor.save"), type="primary", icon=":material/save:")

if saved:
    try:
        edited = rebuild(
            journey, business=business, persona=persona, stages=stages, touchpoints=touchpoints
        )
    except ValidationError as exc:
        st.error(t("editor.invalid", count=len(exc.errors())))
    except ValueError as exc:
        st.error(str(exc))
    else:
        turn = session.edit_map(edited)
        st.session_state["last_turn"] = turn.to_json()
        st.session_state["editor_rev"] += 1
        flash("success", t("editor.saved"))
        st.rerun()

st.button(t("interview.undo"), icon=":material/undo:", on_click=_undo, key="map_undo")

_upload_section(rev)
