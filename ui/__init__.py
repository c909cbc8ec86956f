"""Polkuopas in the browser: a thin Streamlit shell over `assistant` (no interview logic here)."""
