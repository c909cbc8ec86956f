"""Ingest: files in (txt, md, html, pdf), checked, read and cut into passages; the guidance
cards read from theirs. Search builds on what is here (Passage, Card), never the reverse."""
