"""Quality gate: the relevance set over the demo content (not a timing)."""

import pytest

from raadsplein.demo import knowledge as demo
from raadsplein.knowledge.search import relevance
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db


def test_relevance_set_has_at_least_40_queries():
    assert len(relevance.load()) >= 40


def test_demo_content_meets_mrr_and_recall(settings):
    demo.build(log=lambda message: None)
    mrr, recall, judgements = relevance.evaluate(member())
    misses = [(j.q, j.got[:3]) for j in judgements if j.reciprocal_rank < 1]
    assert mrr >= 0.9, misses
    assert recall >= 0.8, misses


def test_demo_build_is_idempotent():
    from raadsplein.knowledge.models import PublicationFile, PublicationPage

    demo.build(log=lambda message: None)
    counts = (PublicationPage.objects.count(), PublicationFile.objects.count())
    demo.build(log=lambda message: None)
    assert (PublicationPage.objects.count(), PublicationFile.objects.count()) == counts
    assert counts[0] >= 55
    assert PublicationPage.objects.filter(audience="public").exists()
    assert PublicationPage.objects.filter(audience="members").exists()
