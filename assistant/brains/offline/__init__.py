"""The offline brain: rules and templates, no model and no network.

It reads answers and corrections in Finnish and English, asks from prompts/offline and
reviews a map with the suggestion rules, so every mode works without a key.
"""
