"""Who may do what with an interview: owner links, mentor share links, the operator's
password. Pure functions and small objects; the store keeps only hashes of tokens."""
