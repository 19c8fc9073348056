"""ensure_base_data puts Wagtail's default review workflow back, as migrations leave it."""

import pytest
from wagtail.models import Page, Workflow, WorkflowPage

from raadsplein.web.services import ensure_base_data, ensure_default_workflow


@pytest.mark.django_db
def test_a_database_without_the_review_workflow_gets_it_back_once():
    """A flushed test database (or a root page made again) had no workflow, so a page
    submitted for review (the Vraagbaak's draft articles) silently stayed a plain draft."""
    assert Page.get_first_root_node().get_workflow().name == "Goedkeuring voor publicatie"
    Workflow.objects.all().delete()
    WorkflowPage.objects.all().delete()
    ensure_base_data()
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow is not None and workflow.name == "Goedkeuring voor publicatie"
    assert [t.specific.groups.get().name for t in workflow.tasks.all()] == ["Moderators"]
    ensure_default_workflow()
    assert Workflow.objects.count() == 1 and WorkflowPage.objects.count() == 1
