"""The Kenniscentrum search engine as it was before issue 9 part 7 (commit ca8a56a), kept
only so bench/bench_search.py can measure old against new in the same run.

Postings and terms in ORM rows, compounds by ``LIKE '%x%'`` over the vocabulary, typo
candidates by edit distance in Python, every matching publication ranked and filtered in
Python with a per-process picture of the index. Its tables (``bench_old_*``) are created by
the bench; nothing in the application uses this package.
"""
