"""Ingest: files in (txt, md, html, pdf), checked, read and cut into passages."""
