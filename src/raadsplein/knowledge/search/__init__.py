"""Dutch search for the Kenniscentrum: analysis (analysis.py), index writes (indexing.py),
queries (query.py) and highlighted snippets (snippets.py)."""
