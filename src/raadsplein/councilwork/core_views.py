"""The workspace's entrance, its overview, a document download and advisors' access."""

import datetime

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from raadsplein.organisations.access import signed_in
from raadsplein.web import files

from . import selectors, services, trajectories
from .access import GRANT, VIEW, workspace
from .forms import AdvisorAccessForm

OVERVIEW_MEETINGS = 5

# What the council sees on its access page: advisors' visits and changes, grants, revocations.
VISIBLE_ACTIONS = (
    "councilwork.access.visit",
    "councilwork.access.granted",
    "councilwork.access.revoked",
    "councilwork.advisor.changed",
)

# Which part of the workspace a logged visit was in, by the start of its URL name.
VISIT_SECTIONS = (
    ("overview", gettext_lazy("Overzicht")),
    ("meeting", gettext_lazy("Vergaderingen")),
    ("decision", gettext_lazy("Vergaderingen")),
    ("action", gettext_lazy("Vergaderingen")),
    ("agenda", gettext_lazy("Vergaderingen")),
    ("minutes", gettext_lazy("Vergaderingen")),
    ("request", gettext_lazy("Advies en instemming")),
    ("step", gettext_lazy("Advies en instemming")),
    ("trajector", gettext_lazy("Advies en instemming")),
    ("letter", gettext_lazy("Brieven")),
    ("scheme", gettext_lazy("Regeling")),
    ("member", gettext_lazy("Leden en werving")),
    ("vacanc", gettext_lazy("Leden en werving")),
    ("candidate", gettext_lazy("Leden en werving")),
    ("onboarding", gettext_lazy("Leden en werving")),
    ("constituency", gettext_lazy("Achterban")),
    ("contact", gettext_lazy("Achterban")),
    ("year_plan", gettext_lazy("Jaarplan en jaarverslag")),
    ("annual_report", gettext_lazy("Jaarplan en jaarverslag")),
    ("access", gettext_lazy("Toegang")),
    ("revoke_access", gettext_lazy("Toegang")),
    ("document", gettext_lazy("Een document")),
)


def visit_place(entry) -> str:
    """Where in the workspace a logged visit or change was: "Brieven", or "Brieven (iets
    opgeslagen)" for a visit that sent a form. From the visit's page or the change's ``what``."""
    data = entry.data or {}
    method, _sep, name = str(data.get("page", "")).partition(" ")
    name = name or str(data.get("what", ""))
    label = next((str(lbl) for prefix, lbl in VISIT_SECTIONS if name.startswith(prefix)), "")
    if label and method == "POST":
        return _("%(part)s (iets opgeslagen)") % {"part": label}
    return label


@signed_in
def index(request):
    """The councils whose workspace the person may enter; straight in when there is one."""
    councils = list(selectors.workspace_councils(request.user))
    if len(councils) == 1:
        return redirect("councilwork:overview", council_id=councils[0].pk)
    return render(request, "councilwork/index.html", {"councils": councils})


@workspace(VIEW)
def overview(request, council):
    today = timezone.localdate()
    open_trajectories = trajectories.mark_days_left(
        selectors.open_trajectories(council)[:50], today=today
    )
    return render(
        request,
        "councilwork/overview.html",
        {
            "council": council,
            "section": "overview",
            "standing": selectors.standing(request.user, council),
            "trajectories": open_trajectories,
            "meetings": list(selectors.upcoming_meetings(council)[:OVERVIEW_MEETINGS]),
            "open_actions": list(selectors.actions_for(council).filter(done_at__isnull=True)[:10]),
            "today": today,
        },
    )


@workspace(VIEW)
def document(request, council, document_id):
    item = get_object_or_404(selectors.documents_for(council), pk=document_id)
    return files.private_download(request, item)


@workspace(VIEW)
def access(request, council):
    """Who of the organisation's advisors may see the workspace, until when, and every visit
    they made (the audit log). Officers grant and revoke here."""
    from raadsplein.audit.models import AuditEntry

    form = AdvisorAccessForm(
        request.POST or None,
        initial={"ends_on": timezone.localdate() + datetime.timedelta(days=90)},
    )
    if request.method == "POST":
        if not request.user.has_perm(GRANT, council):
            return redirect("councilwork:access", council_id=council.pk)
        if form.is_valid():
            try:
                services.grant_advisor_access(
                    council=council,
                    advisor=form.cleaned_data["advisor"],
                    ends_on=form.cleaned_data["ends_on"],
                    reason=form.cleaned_data["reason"],
                    by=request.user,
                )
            except services.CouncilworkError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("De adviseur heeft nu toegang."))
                return redirect("councilwork:access", council_id=council.pk)
    visits = list(
        AuditEntry.objects.filter(council_id=council.pk, action__in=VISIBLE_ACTIONS).order_by(
            "-created_at", "-pk"
        )[:50]
    )
    for visit in visits:
        visit.place = visit_place(visit)
    return render(
        request,
        "councilwork/access.html",
        {
            "council": council,
            "section": "access",
            "form": form,
            "may_grant": request.user.has_perm(GRANT, council),
            "accesses": list(selectors.advisor_accesses(council)[:50]),
            "visits": visits,
            "today": timezone.localdate(),
        },
    )


@require_POST
@workspace(GRANT)
def revoke_access(request, council, access_id):
    item = get_object_or_404(selectors.advisor_accesses(council), pk=access_id)
    services.revoke_advisor_access(access=item, by=request.user)
    messages.success(request, _("De toegang is ingetrokken."))
    return redirect(reverse("councilwork:access", kwargs={"council_id": council.pk}))


@workspace(VIEW)
def part_to_come(request, council):
    """Stands in for a part of the workspace until its own views land (replaced by each part's
    ``*_urls.py``)."""
    return render(request, "councilwork/part_to_come.html", {"council": council})


@workspace(VIEW)
def part_to_come_item(request, council, **kwargs):
    return render(request, "councilwork/part_to_come.html", {"council": council})
