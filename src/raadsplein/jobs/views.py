"""The staff screen of failed and stuck background tasks, in the Wagtail admin."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from . import selectors, services


def _require_manager(request) -> None:
    if not request.user.has_perm("jobs.manage_tasks"):
        raise Http404


def task_list(request):
    _require_manager(request)
    return render(
        request,
        "jobs/task_list.html",
        {
            "page_title": _("Achtergrondtaken"),
            "header_icon": "cogs",
            "failed": selectors.failed_tasks(),
            "stuck": selectors.stuck_tasks(),
        },
    )


@require_POST
def task_retry(request, pk):
    _require_manager(request)
    result = get_object_or_404(DBTaskResult, pk=pk)
    if services.retry_task(result=result, by=request.user):
        messages.success(request, _("De taak staat weer in de wachtrij."))
    else:
        messages.error(
            request, _("Deze taak kan niet opnieuw. Hij wacht al, is klaar of loopt nog.")
        )
    return redirect("jobs_tasks")
