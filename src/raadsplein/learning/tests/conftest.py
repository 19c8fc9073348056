import pytest

from raadsplein.organisations.tests.factories import MemberCouncilFactory, member


@pytest.fixture
def council(db):
    return MemberCouncilFactory()


@pytest.fixture
def learner(council):
    return member(council=council)
