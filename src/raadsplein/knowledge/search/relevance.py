"""Relevance of search over the demo content: MRR and recall@5 on relevance.jsonl.

Each line: {"q": "...", "expected": ["slug", ...]} — any expected slug is a good answer.
Used by the quality-gate test and by bench/bench_search.py."""

import json
from dataclasses import dataclass
from pathlib import Path

RELEVANCE_FILE = Path(__file__).resolve().parent.parent / "relevance.jsonl"


@dataclass
class Judgement:
    q: str
    expected: list[str]
    got: list[str]
    reciprocal_rank: float
    recall_at_5: float


def load(path: Path = RELEVANCE_FILE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evaluate(user, cases: list[dict] | None = None) -> tuple[float, float, list[Judgement]]:
    """Run every query as ``user``; return (MRR, mean recall@5, judgements)."""
    from ..selectors import search_publications

    judgements = []
    for case in cases if cases is not None else load():
        outcome = search_publications(user, q=case["q"], per_page=10)
        got = [hit.page.slug for hit in outcome.hits]
        expected = case["expected"]
        rr = next((1 / (i + 1) for i, slug in enumerate(got) if slug in expected), 0.0)
        hits5 = len(set(got[:5]) & set(expected))
        judgements.append(Judgement(case["q"], expected, got, rr, hits5 / min(len(expected), 5)))
    n = max(1, len(judgements))
    mrr = sum(j.reciprocal_rank for j in judgements) / n
    recall = sum(j.recall_at_5 for j in judgements) / n
    return mrr, recall, judgements
