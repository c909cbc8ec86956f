"""Search: hybrid ranking (vectors, BM25 over Finnish-aware tokens, character n-grams and
the card bridge) over passages held in memory, configured by one frozen SearchConfig.
hits.py is the seam the rest of the assistant searches through (Hit, KnowledgeBase)."""
