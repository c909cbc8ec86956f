"""The journey map: the one domain object every part of Polkuopas reads and writes.

Every field carries a description and Finnish and English labels
(`label_fi`, `label_en` in the JSON Schema) used for UI captions and CSV headers.
Text fields are stripped, size-capped and cleaned of control characters, because
everything in a map may have been typed by a user.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    Strict,
    StrictBool,
    StringConstraints,
)

from assistant.textclean import clean_text, has_visible

SCHEMA_VERSION = "1.0"
MAX_TEXT = 2000
MAX_ITEMS = 60


def _clean(value: Any) -> Any:
    # Before the length checks: what is left after cleaning is what gets checked and
    # stored, so a map that validates always exports (see assistant/textclean.py).
    return clean_text(value) if isinstance(value, str) else value


def _clean_name(value: Any) -> Any:
    # A name must show something once cleaned: say so, rather than "too short".
    if isinstance(value, str):
        value = clean_text(value)
        if not has_visible(value):
            raise ValueError("no visible text / ei näkyvää tekstiä")
    return value


Text = Annotated[
    str,
    BeforeValidator(_clean),
    StringConstraints(strip_whitespace=True, max_length=MAX_TEXT),
]
Name = Annotated[
    str,
    BeforeValidator(_clean_name),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
]
TextList = Annotated[list[Text], Field(max_length=MAX_ITEMS)]


def _f(default: Any, fi: str, en: str, description: str, **kw: Any) -> Any:
    """A field with its description and bilingual labels."""
    extra: dict[str, JsonValue] = {"label_fi": fi, "label_en": en}
    if callable(default):
        return Field(
            default_factory=default, description=description, json_schema_extra=extra, **kw
        )
    return Field(default=default, description=description, json_schema_extra=extra, **kw)


class Lang(StrEnum):
    FI = "fi"
    EN = "en"


class BusinessType(StrEnum):
    B2B = "b2b"
    B2C = "b2c"
    BOTH = "both"


class Channel(StrEnum):
    DIGITAL = "digital"
    PHYSICAL = "physical"
    HUMAN = "human"


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class AssumptionStatus(StrEnum):
    KNOWN = "known"
    GUESS = "guess"


EMOTION_MIN, EMOTION_MAX = -2, 2
Emotion = Annotated[int, Field(ge=EMOTION_MIN, le=EMOTION_MAX)]
StrictEmotion = Annotated[int, Strict(), Field(ge=EMOTION_MIN, le=EMOTION_MAX)]
"""In a map, strict: `true` or 1.5 or "1" is an error, not silently 1 (patches stay lax)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


class Business(_Model):
    """What the business sells and to whom."""

    name: Text = _f("", "Yritys", "Business", "Name of the business.")
    offering: Text = _f("", "Mitä myydään", "What is sold", "Products or services sold.")
    customers: Text = _f("", "Kenelle", "To whom", "Who buys: the customer groups.")
    business_type: BusinessType | None = _f(
        None, "B2B vai B2C", "B2B or B2C", "Sells to businesses (b2b), consumers (b2c) or both."
    )


class Persona(_Model):
    """The ideal customer (persona / ICP) whose journey is mapped."""

    name: Text = _f("", "Persoona", "Persona", "A short label for the ideal customer.")
    description: Text = _f("", "Kuvaus", "Description", "Who they are, in a few sentences.")
    goals: TextList = _f(list, "Tavoitteet", "Goals", "What the customer wants to achieve.")
    needs: TextList = _f(list, "Tarpeet", "Needs", "What the customer needs from the business.")
    frustrations: TextList = _f(
        list, "Turhautumiset", "Frustrations", "What annoys or worries the customer."
    )


class Touchpoint(_Model):
    """One moment where the customer meets the business."""

    name: Name = _f(..., "Kosketuspiste", "Touchpoint", "Short name of the touchpoint.")
    channel: Channel | None = _f(
        None, "Kanava", "Channel", "digital, physical (a place or thing) or human (a person)."
    )
    customer_action: Text = _f(
        "", "Asiakkaan toiminta", "Customer action", "What the customer does here."
    )
    business_goal: Text = _f(
        "",
        "Yrityksen tavoite",
        "Business goal",
        "What the business wants this touchpoint to achieve.",
    )
    emotion: StrictEmotion | None = _f(
        None,
        "Tunne (-2…+2)",
        "Emotion (-2…+2)",
        "The customer's feeling: -2 very negative, 0 neutral, +2 very positive.",
    )
    emotion_note: Text = _f("", "Tunteen kuvaus", "Feeling in words", "The feeling in words.")
    doubts: TextList = _f(
        list, "Epäröinnit ja kysymykset", "Doubts and questions", "What the customer is unsure of."
    )
    motivators: TextList = _f(
        list, "Mikä vie eteenpäin", "What moves them on", "What encourages the next step."
    )
    blockers: TextList = _f(list, "Mikä estää", "What blocks them", "What stops the customer.")
    pain_points: TextList = _f(list, "Kipupisteet", "Pain points", "Problems and friction here.")
    critical: StrictBool = _f(
        False,
        "Kriittinen",
        "Critical",
        "One of the touchpoints with the most impact on experience.",
    )
    measurement: Text = _f("", "Mittari", "How measured", "How the business measures this point.")


class Stage(_Model):
    """A stage of the journey, with its touchpoints in order."""

    name: Name = _f(..., "Vaihe", "Stage", "Name of the stage.")
    goal: Text = _f("", "Vaiheen tavoite", "Stage goal", "What should happen in this stage.")
    touchpoints: Annotated[list[Touchpoint], Field(max_length=MAX_ITEMS)] = _f(
        list, "Kosketuspisteet", "Touchpoints", "Touchpoints of this stage, in order."
    )


class Metric(_Model):
    """A number or signal the business follows."""

    name: Name = _f(..., "Mittari", "Metric", "What is followed, e.g. sales or satisfaction.")
    how: Text = _f("", "Miten mitataan", "How", "How and how often it is measured.")
    target: Text = _f("", "Tavoitearvo", "Target", "The level the business aims at.")


class Assumption(_Model):
    """Something the map states, with whether it is known or a guess."""

    statement: Name = _f(..., "Oletus", "Assumption", "What is assumed about the customer.")
    status: AssumptionStatus = _f(
        AssumptionStatus.GUESS, "Tiedetty vai arvaus", "Known or guess", "known or guess."
    )
    validation: Text = _f(
        "", "Miten varmistetaan", "How to validate", "How to find out whether it holds."
    )


class Citation(_Model):
    """Where a piece of guidance comes from."""

    card: Text = _f("", "Ohjekortti", "Card", "Id of the guidance card, if any.")
    source: Name = _f(..., "Lähde", "Source", "File name of the source article.")
    title: Text = _f("", "Otsikko", "Title", "Title of the source article.")
    author: Text = _f("", "Kirjoittaja", "Author", "Author or publisher.")


class Suggestion(_Model):
    """A concrete improvement, resting on cited guidance."""

    title: Name = _f(..., "Ehdotus", "Suggestion", "The improvement in one line.")
    why: Text = _f("", "Miksi", "Why", "Why this matters for this business.")
    stage: Text = _f("", "Vaihe", "Stage", "Stage it concerns, if any.")
    touchpoint: Text = _f("", "Kosketuspiste", "Touchpoint", "Touchpoint it concerns, if any.")
    priority: Priority = _f(Priority.MEDIUM, "Prioriteetti", "Priority", "high, medium or low.")
    citations: Annotated[list[Citation], Field(max_length=10)] = _f(
        list, "Lähteet", "Citations", "Guidance this suggestion rests on."
    )
    reason: Text = _f(
        "",
        "Peruste",
        "Reason",
        "Why it ranks where it does, e.g. a critical touchpoint with a problem.",
    )


class JourneyMap(_Model):
    """A customer journey map: business, persona, stages and touchpoints, and what to improve."""

    schema_version: Literal["1.0"] = _f(
        SCHEMA_VERSION, "Skeeman versio", "Schema version", "Version of this format."
    )
    language: Lang = _f(Lang.FI, "Kieli", "Language", "Language of the map's texts (fi or en).")
    title: Text = _f("", "Otsikko", "Title", "Title of the map.")
    business: Business = _f(Business, "Yritys", "Business", "The business.")
    persona: Persona = _f(Persona, "Persoona", "Persona", "The ideal customer.")
    stages: Annotated[list[Stage], Field(max_length=20)] = _f(
        list, "Vaiheet", "Stages", "Stages of the journey, in order."
    )
    first_impression: Text = _f(
        "", "Ensivaikutelma", "First impression", "How the journey starts for the customer."
    )
    last_memory: Text = _f(
        "", "Viimeinen muistijälki", "Last memory", "What the customer remembers at the end."
    )
    feedback: TextList = _f(
        list, "Palautteen keruu", "Feedback", "How customer feedback is collected."
    )
    metrics: Annotated[list[Metric], Field(max_length=MAX_ITEMS)] = _f(
        list, "Mittarit", "Metrics", "Numbers the business follows."
    )
    assumptions: Annotated[list[Assumption], Field(max_length=MAX_ITEMS)] = _f(
        list, "Oletukset", "Assumptions", "What is known and what is a guess."
    )
    suggestions: Annotated[list[Suggestion], Field(max_length=30)] = _f(
        list, "Ehdotukset", "Suggestions", "Prioritised improvements with citations."
    )

    def stage(self, name: str) -> Stage | None:
        """The stage called `name` (case-insensitive), if any."""
        key = name.strip().casefold()
        return next((s for s in self.stages if s.name.casefold() == key), None)

    def touchpoints(self) -> list[tuple[Stage, Touchpoint]]:
        """Every touchpoint with its stage, in journey order."""
        return [(s, t) for s in self.stages for t in s.touchpoints]


def label(model: type[BaseModel], field: str, lang: Lang | str) -> str:
    """The Finnish or English label of `model.field`."""
    info = model.model_fields[field]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    value = extra.get(f"label_{Lang(lang).value}")
    return str(value) if value else field


def journey_map_schema() -> dict[str, Any]:
    """The published JSON Schema of `JourneyMap`."""
    schema = JourneyMap.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"urn:polkuopas:journey-map:{SCHEMA_VERSION}"
    return schema
