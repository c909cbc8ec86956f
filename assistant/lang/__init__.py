"""Finnish and English text parsing for the offline brain: no model, just rules and lexicons."""
