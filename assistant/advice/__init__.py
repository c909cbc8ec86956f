"""Advice: the guidance the interview gives, in one home.

- tips.py: at most one tip a turn, only a card that fits the business, stage and question;
- answers.py and compose.py: answers to questions asked mid-interview, from the relevant
  passages only, with citations (the brain writes them; offline they are extractive);
- suggestions.py, rules.py and ranking: the improvements suggested at the end, specific to
  the map, ranked by a stated reason, each citing a card that supports it.
"""
