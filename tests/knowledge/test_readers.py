from __future__ import annotations

from pathlib import Path

import pytest

from assistant.knowledge.ingest.chunking import chunk_text
from assistant.knowledge.ingest.outcome import (
    BinaryFileError,
    BrokenFileError,
    EmptyDocumentError,
    FileTooLargeError,
    UnsupportedFormatError,
)
from assistant.knowledge.ingest.readers import MAX_BYTES, read_document


def make_pdf(path: Path, text: str) -> None:
    """A one-page PDF with real text, built by pypdf plus a hand-written content stream."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })  # fmt: skip
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    with path.open("wb") as fh:
        writer.write(fh)


def test_txt_title_is_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Otsikko tässä\n\nEnsimmäinen kappale.\n", encoding="utf-8")
    doc = read_document(path)
    assert (doc.title, doc.kind) == ("Otsikko tässä", "txt")
    assert "Ensimmäinen kappale." in doc.text


def test_markdown_title_is_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("\n# Asiakaspolku\n\nTeksti.\n", encoding="utf-8")
    assert read_document(path).title == "Asiakaspolku"


def test_html_drops_scripts_styles_and_tags(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>Polku</title><style>p{color:red}</style></head><body>"
        "<script>alert('x')</script><h1>Vaiheet</h1><p>Näkyvä <b>teksti</b> &amp; muu.</p>"
        '<p onclick="evil()">Toinen</p><noscript>piilo</noscript></body></html>',
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "Polku"
    assert "Näkyvä teksti & muu." in doc.text and "Toinen" in doc.text
    assert "alert" not in doc.text and "color" not in doc.text and "piilo" not in doc.text
    assert "<" not in doc.text
    assert "# Vaiheet" in doc.text


def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    make_pdf(path, "Customer journey touchpoints matter")
    doc = read_document(path)
    assert doc.kind == "pdf"
    assert "touchpoints" in doc.text


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.txt", b"", EmptyDocumentError),
        ("blank.md", b"  \n\n ", EmptyDocumentError),
        ("only-script.html", b"<script>var a=1;</script>", EmptyDocumentError),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryFileError),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj <<< broken", BrokenFileError),
        ("fake.pdf", b"this is not a pdf at all", BrokenFileError),
        ("image.png", b"\x89PNG", UnsupportedFormatError),
    ],
)
def test_unusable_files_raise_clear_errors(
    tmp_path: Path, name: str, content: bytes, error: type
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        read_document(path)
    assert name in str(info.value) and " / " in str(info.value)  # names the file, fi / en


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(FileTooLargeError, match=r"huge\.txt"):
        read_document(path)


def test_chunks_follow_headings_and_stay_short() -> None:
    body = "Tämä on virke kappaleessa, joka toistuu. " * 60
    text = f"# Eka otsikko\n\n{body}\n\n# Toka otsikko\n\nLyhyt kappale."
    chunks = chunk_text(text)
    assert all(len(c) <= 800 for c in chunks)
    assert chunks[0].startswith("# Eka otsikko")
    assert chunks[-1] == "# Toka otsikko\nLyhyt kappale."
    assert sum(c.count("toistuu") for c in chunks) == 60  # nothing lost


def test_collect_skips_folder_notes_only_inside_directories(tmp_path: Path) -> None:
    from assistant.knowledge.ingest.readers import collect

    for name in ("README.md", "readme.txt", "LICENSE.md", "Changelog.txt", "a.md", "b.txt"):
        (tmp_path / name).write_text("x\n\ny", encoding="utf-8")
    files, skipped = collect([tmp_path, tmp_path / "README.md"])
    assert [p.name for p in files] == ["a.md", "b.txt", "README.md"]
    assert sorted(p.name for p in skipped) == [
        "Changelog.txt",
        "LICENSE.md",
        "README.md",
        "readme.txt",
    ]
