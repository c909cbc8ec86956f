"""Brains: turn user text into map patches, slots into questions, maps into suggestions."""
