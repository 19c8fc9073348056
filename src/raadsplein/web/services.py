"""Writes for the site itself."""

from django.db import transaction

from . import home_content
from .models import HomePage


@transaction.atomic
def ensure_home_page() -> HomePage:
    """The site's home page and default Site, created if a database lacks them (the data
    migration makes them; a flushed test database or a damaged tree may not have them)."""
    from wagtail.models import Locale, Page, Site

    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    if root is None:
        locale = Locale.objects.get_or_create(language_code="nl")[0]
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    for stale in root.get_children().filter(slug="home"):
        stale.delete()
    home = HomePage(
        title=home_content.TITLE, slug="home", intro=home_content.INTRO, body=home_content.body()
    )
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Raadsplein",
        },
    )
    return home


def ensure_base_data() -> None:
    """Everything migrations put in a new database: care sectors and regions, Wagtail's root
    collection, the home page and site, the staff groups. Idempotent.

    Used by ``seed_demo`` and by the test suite after a transactional test emptied the
    database (TransactionTestCase flushes every table, data from migrations included)."""
    from wagtail.models import Collection

    from raadsplein.accounts.services import ensure_staff_groups
    from raadsplein.organisations.reference import ensure_reference_data

    ensure_reference_data()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    ensure_home_page()
    ensure_staff_groups()
    ensure_default_workflow()


def ensure_default_workflow() -> None:
    """Wagtail's default moderation workflow on the page tree, as wagtailcore 0048 makes it
    and web 0005 names it ("Goedkeuring voor publicatie", one approval by the Moderators
    group), when no workflow covers the tree's root (a flushed test database, or a root page
    made again). Pages submitted for review (the Vraagbaak's draft articles) need it."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

    root = Page.get_first_root_node()
    if root is None or root.get_workflow() is not None:
        return
    name = "Goedkeuring voor publicatie"
    workflow = Workflow.objects.filter(active=True).order_by("pk").first()
    if workflow is None:
        moderators, _created = Group.objects.get_or_create(name="Moderators")
        task = GroupApprovalTask.objects.create(name=name)
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=name)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
