"""Search: hybrid ranking (vectors, BM25 over Finnish-aware tokens, character n-grams and
the card bridge) over passages held in memory, configured by one frozen SearchConfig."""
