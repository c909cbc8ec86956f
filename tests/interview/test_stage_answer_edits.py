"""The stages answer edits the proposed model in the words people use: several edits in
one message, the new stage named after its place, "call X Y"."""

from __future__ import annotations

import pytest

from assistant.brains.offline.parse import parse_stages
from assistant.interview import Deps, open_session
from assistant.model import JourneyMap, Lang
from assistant.turns import Expects

FI = ["Löytäminen", "Arviointi", "Hankinta", "Seikkailu", "Sitoutuminen"]
EN = ["Discovery", "Evaluation", "Acquisition", "Adventure", "Engagement"]


@pytest.mark.parametrize(
    ("lang", "text", "stages"),
    [
        (
            "fi",
            "muuten käy mut seikkailun tilalle Koulutus ja sitoutumisen tilalle Suosittelu",
            [*FI[:3], "Koulutus", "Suosittelu"],
        ),
        (
            "fi",
            "ok mut lisää hankinnan jälkeen vaihe Pyörän jättö, se on iso juttu. ja seikkailu pois",
            [*FI[:3], "Pyörän jättö", "Sitoutuminen"],
        ),
        ("fi", "seikkailu ja sitoutuminen pois", FI[:3]),
        ("en", "add after acquisition a stage called Onboarding", [*EN[:3], "Onboarding", *EN[3:]]),
        ("en", "mostly yes, but drop Adventure and call Engagement Loyalty", [*EN[:3], "Loyalty"]),
        ("en", "call Adventure Onboarding", [*EN[:3], "Onboarding", "Engagement"]),
        ("en", "fine", EN),
    ],
)
def test_edits_of_the_proposed_model(lang: str, text: str, stages: list[str]) -> None:
    assert parse_stages(text, lang=lang, journey=JourneyMap(language=Lang(lang))) == stages


def test_an_edit_of_the_proposal_is_the_stages_answer_not_a_correction(deps: Deps) -> None:
    session = open_session(deps=deps, lang=Lang.FI)
    session.opening()
    for text in (
        "Pyöräpaja Ketju, huolletaan pyöriä työmatkapyöräilijöille",
        "Petri 42v, ajaa töihin",
        "haluaa että pyörä toimii, turhauttaa jonot",
    ):
        session.step(text)
    turn = session.step("ok mut lisää hankinnan jälkeen vaihe Pyörän jättö. ja seikkailu pois")
    assert [s.name for s in session.journey.stages] == [*FI[:3], "Pyörän jättö", "Sitoutuminen"]
    assert turn.expects is Expects.TOUCHPOINTS and turn.stage == "Löytäminen"
