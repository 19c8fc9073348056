import pytest
from django.conf import settings
from django.utils import translation

from raadsplein.organisations.tests.factories import MemberCouncilFactory, member


@pytest.fixture(autouse=True)
def _dutch_to_begin_with():
    """A request in English leaves English active in the thread; the next test on the same
    worker would then read English messages from the services. Each test starts in Dutch."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def council(db):
    return MemberCouncilFactory()


@pytest.fixture
def learner(council):
    return member(council=council)
