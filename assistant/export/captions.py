"""The few export captions that are not field labels of the model, in fi and en."""

from __future__ import annotations

from assistant.model import Lang

_WORDS: dict[str, tuple[str, str]] = {
    "stage_no": ("Vaiheen nro", "Stage no."),
    "touchpoint_no": ("Kosketuspisteen nro", "Touchpoint no."),
    "untitled": ("Asiakaspolku", "Customer journey"),
    "no_touchpoints": ("Ei vielä kosketuspisteitä.", "No touchpoints yet."),
    "empty_map": (
        "Kartta on vielä tyhjä: lisää vaiheita ja kosketuspisteitä.",
        "The map is still empty: add stages and touchpoints.",
    ),
    "emotion_axis": ("Asiakkaan tunne", "Customer's feeling"),
    "pain": ("Kipupiste", "Pain point"),
    "critical": ("Kriittinen", "Critical"),
    "pain_critical": ("Kriittinen ja kipupiste", "Critical and pain point"),
    "other": ("Muu kosketuspiste", "Other touchpoint"),
    "no_emotion": ("tunne ei tiedossa", "feeling unknown"),
    "yes": ("kyllä", "yes"),
    "no": ("ei", "no"),
    "known": ("tiedetty", "known"),
    "guess": ("arvaus", "guess"),
    "high": ("korkea", "high"),
    "medium": ("keskitaso", "medium"),
    "low": ("matala", "low"),
    "digital": ("digitaalinen", "digital"),
    "physical": ("fyysinen", "physical"),
    "human": ("ihminen", "human"),
    "b2b": ("B2B", "B2B"),
    "b2c": ("B2C", "B2C"),
    "both": ("B2B ja B2C", "B2B and B2C"),
    "sheet_map": ("Kartta", "Map"),
    "sheet_persona": ("Persoona ja yritys", "Persona and business"),
    "sheet_suggestions": ("Ehdotukset", "Suggestions"),
    "sheet_assumptions": ("Oletukset ja mittarit", "Assumptions and metrics"),
    "field": ("Kenttä", "Field"),
    "value": ("Arvo", "Value"),
    "kind": ("Tyyppi", "Kind"),
    "report_of": ("Asiakaspolkuraportti", "Customer journey report"),
    "where": ("Kohdistuu", "Concerns"),
    "row_stage": ("Vaihe", "Stage"),
    "row_action": ("Asiakas tekee", "Customer does"),
    "row_touchpoints": ("Kosketuspisteet", "Touchpoints"),
    "row_emotion": ("Tunnekäyrä", "Emotion curve"),
    "row_doubts": ("Epäröinnit ja kysymykset", "Doubts and questions"),
    "row_pains": ("Kipupisteet", "Pain points"),
    "row_motivators": ("Mikä vie eteenpäin", "What moves them on"),
    "row_blockers": ("Mikä estää", "What blocks them"),
    "row_suggestions": ("Kehitysideat", "Suggestions"),
    "first_tag": ("Ensivaikutelma", "First impression"),
    "last_tag": ("Muistijälki", "Last memory"),
    "source": ("Lähde", "Source"),
    "whole_journey": ("Koko polku", "Whole journey"),
    "more": ("+ {n} muuta", "+ {n} more"),
    "nothing_yet": ("–", "–"),
    "goals_needs": ("Tavoitteet ja tarpeet", "Goals and needs"),
    "unknown_feeling": ("tunne ei tiedossa", "feeling unknown"),
    "feeling_scale": ("asiakkaan tunne −2…+2", "customer's feeling −2…+2"),
    "tp_number": ("kosketuspisteen numero", "touchpoint number"),
    "made_with": ("Tehty Polkuoppaalla", "Made with Polkuopas"),
}


def word(key: str, lang: Lang | str) -> str:
    """The caption `key` in `lang`."""
    fi, en = _WORDS[key]
    return fi if Lang(lang) is Lang.FI else en
