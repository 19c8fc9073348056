"""The staff screen of failed and stuck background tasks, in the Wagtail admin."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from raadsplein.organisations.access import permission_required

from . import selectors, services


@permission_required("jobs.manage_tasks", hide=True)
def task_list(request):
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
@permission_required("jobs.manage_tasks", hide=True)
def task_retry(request, pk):
    result = get_object_or_404(DBTaskResult, pk=pk)
    if services.retry_task(result=result, by=request.user):
        messages.success(request, _("De taak staat weer in de wachtrij."))
    else:
        messages.error(
            request, _("Deze taak kan niet opnieuw. Hij wacht al, is klaar of loopt nog.")
        )
    return redirect("jobs_tasks")
