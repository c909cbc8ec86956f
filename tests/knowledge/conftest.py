"""Small documents and cards for the knowledge tests, written fresh into tmp dirs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

FI_DOC = """# Asiakaspolun kosketuspisteet

Kosketuspisteiden kartoitus alkaa siitä, että listaat jokaisen kohdan, jossa asiakas kohtaa yrityksesi: verkkosivut, somen ja myymälän.

## Palautteen kerääminen

Lähetä ostoksen jälkeen lyhyt sähköpostikysely ja arvo vastanneiden kesken lahjakortti, niin vastausprosentti nousee.

## Kassan sujuvuus

Verkkokaupan maksuvaihe kannattaa pitää lyhyenä: vähennä lomakkeen kenttiä ja tarjoa useita maksutapoja.
"""

EN_DOC = """Measuring loyalty

Repeat customers cost less to keep than new ones cost to win. Track a handful of key figures every month: cash, sales, leads and customer satisfaction.

Privacy

Collect data about regular customers only in line with the GDPR, and tell them what you store.
"""


def write_card(root: Path, lang: str, card_id: str, title: str, body: str, **extra: str) -> Path:
    path = root / "cards" / lang / f"{card_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    stages = extra.get("stages", "[all]")
    slots = extra.get("slots", "[touchpoint_detail]")
    path.write_text(
        textwrap.dedent(
            f"""\
            ---
            id: {card_id}
            lang: {lang}
            title: {title}
            stages: {stages}
            topics: [touchpoints]
            slots: {slots}
            sources:
              - file: 000_e090c44f4a925d1a.txt
                title: Mikä on asiakaspolku?
                author: Hanna Heinonen
              - file: 003_ef748a65b3da4a81.txt
                title: Kartoita ja kehitä yrityksesi asiakaspolkua
                author: Juha-Pekka Harju
            ---
            """
        )
        + body
        + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture()
def docs_dir(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "polku.md").write_text(FI_DOC, encoding="utf-8")
    (root / "loyalty.txt").write_text(EN_DOC, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def knowledge_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("knowledge")
    repo_glossary = Path(__file__).resolve().parents[2] / "knowledge" / "glossary.yaml"
    (root / "glossary.yaml").write_text(repo_glossary.read_text(encoding="utf-8"), encoding="utf-8")
    cards = [
        ("test-touchpoint-questions", "Kysy jokaisesta kosketuspisteestä neljä asiaa",
         "Four questions for every touchpoint",
         "Käy jokainen kosketuspiste läpi: mitä asiakas tekee, mikä vie hänet eteenpäin, mikä herättää epäilyksiä ja mikä pysäyttää.",
         "Go through each touchpoint: what the customer does, what moves them on, what raises doubts and what stops them."),
        ("test-survey-incentive", "Palkitse kyselyyn vastaajat",
         "Reward survey respondents",
         "Lähetä kysely automaattisesti oston jälkeen ja houkuttele vastaamaan arvonnalla tai edulla.",
         "Send a survey automatically after each purchase and use a prize draw or a perk to get answers."),
        ("test-gdpr", "Kerää asiakastietoja tietosuoja-asetuksen mukaan",
         "Collect customer data the GDPR way",
         "Kanta-asiakkaiden tiedot ovat arvokkaita segmentointiin, mutta kerää ne tietosuoja-asetusta noudattaen.",
         "Data on regular customers helps segmentation, but collect it in line with the data protection rules."),
    ]  # fmt: skip
    for card_id, fi_title, en_title, fi_body, en_body in cards:
        write_card(root, "fi", card_id, fi_title, fi_body, stages="[all]")
        write_card(root, "en", card_id, en_title, en_body, stages="[all]")
    write_card(
        root,
        "fi",
        "test-only-finnish",
        "Ensivaikutelma ratkaisee",
        "Ensivaikutelman voi tehdä vain kerran.",
        stages="[discovery]",
        slots="[stages]",
    )
    return root
