import pytest

from .factories import workspace_world


@pytest.fixture
def world(db):
    return workspace_world()
