"""Maps for the canvas tests: the sample maps, and generated ones from 1 to 8 stages with
up to 6 touchpoints, long texts and long Finnish compounds."""

from __future__ import annotations

from assistant.model import (
    Business,
    Citation,
    JourneyMap,
    Persona,
    Stage,
    Suggestion,
    Touchpoint,
)

LONG = (
    "Asiakaspalvelukokemuksen kehittämisprojektin loppuraportti ja hyvin pitkä selitys "
    "siitä, mitä asiakas tekee tässä kohdassa polkua, kun hän miettii ostamista"
)
COMPOUND = "Tilausvahvistussähköpostiviestipohja"
CHANNELS = ["digital", "physical", "human", None]


def _touchpoint(i: int, k: int, *, long: bool) -> Touchpoint:
    text = LONG if long else "Lukee hinnaston ja vertaa"
    return Touchpoint(
        name=f"Piste {i}.{k} " + (COMPOUND if k % 2 else "lyhyt"),
        channel=CHANNELS[k % 4],
        emotion=(i + k) % 5 - 2 if k % 3 else None,
        emotion_note=text if k < 2 else "",
        customer_action=text,
        critical=k == 1,
        doubts=[text] * (k % 3),
        pain_points=["Hidas toimitus"] * (k % 2),
        motivators=["Hyvä hinta", "Ystävän suositus"],
        blockers=[text],
    )


def generated(stages: int, per_stage: int, *, long: bool = True) -> JourneyMap:
    """A map of `stages` stages with `per_stage` touchpoints each; `long` fills every
    text field with a 150-character sentence."""
    names = [f"Vaihe {i} jolla on aika pitkä nimi" for i in range(stages)]
    return JourneyMap(
        language="fi",
        title="Hyvin pitkä otsikko " * 4,
        business=Business(name="Yritys Oy", offering=LONG, customers=LONG, business_type="b2b"),
        persona=Persona(
            name="Persoona", description=LONG, goals=[LONG] * 7, frustrations=["lyhyt"] * 3
        ),
        first_impression=LONG,
        last_memory="Muisto",
        stages=[
            Stage(
                name=name,
                goal=LONG,
                touchpoints=[_touchpoint(i, k, long=long) for k in range(per_stage)],
            )
            for i, name in enumerate(names)
        ],
        suggestions=[
            Suggestion(
                title=LONG,
                stage=names[i % stages] if stages else "",
                touchpoint=f"Piste {i % stages}.0 lyhyt" if per_stage else "",
                priority=["high", "medium", "low"][i % 3],
                citations=[Citation(source="x.txt", title="Artikkeli", author="Kirjoittaja")],
            )
            for i in range(10)
        ]
        + [Suggestion(title=f"Yleinen ehdotus {i}") for i in range(4)],
    )
