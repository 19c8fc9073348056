"""The achterban: the council's contacts with the people it represents."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from raadsplein.advocacy import privacy_check

from . import constituency, selectors
from .access import CONTRIBUTE, MANAGE, VIEW, workspace
from .constituency_forms import (
    NO_NAMES,
    ContactFilterForm,
    ContactForm,
    ToAgendaForm,
    ToSignalForm,
)
from .services import CouncilworkError

PER_PAGE = 25
# The button that saves despite the warning that the text may hold a name.
CONFIRM = "toch_bewaren"


def _contact(council, contact_id):
    contact = get_object_or_404(constituency.contacts_for(council), pk=contact_id)
    contact.council = council
    return contact


@workspace(VIEW)
def contact_list(request, council):
    years = constituency.contact_years(council)
    filters = ContactFilterForm(request.GET or None, years=years)
    kind = year = None
    if filters.is_bound and filters.is_valid():
        kind = filters.cleaned_data["kind"] or None
        year = filters.cleaned_data["year"]
    contacts = constituency.contacts_for(council, kind=kind, year=year)
    page = Paginator(contacts, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "councilwork/constituency/list.html",
        {
            "council": council,
            "section": "constituency",
            "filters": filters,
            "filtered": bool(kind or year),
            "page": page,
            "contacts": list(page.object_list),
            "totals": constituency.totals(contacts),
            "may_add": request.user.has_perm(CONTRIBUTE, council),
            "no_names": NO_NAMES,
        },
    )


def _save_contact(request, council, *, contact=None):
    """The form for a new contact or an edit; the text is checked for what looks like a name,
    phone number or e-mail address, and saved only after the person confirms."""
    initial = ContactForm.initial_of(contact) if contact else None
    form = ContactForm(request.POST or None, initial=initial)
    findings = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        findings = privacy_check.find_in_fields(data["reached"], data["heard"])
        if not findings or CONFIRM in request.POST:
            fields = {
                "kind": data["kind"],
                "held_on": data["held_on"],
                "reached": data["reached"],
                "reached_count": data["reached_count"],
                "heard": data["heard"],
            }
            try:
                if contact is None:
                    contact = constituency.add_contact(council=council, by=request.user, **fields)
                else:
                    constituency.update_contact(contact=contact, by=request.user, **fields)
            except CouncilworkError as exc:
                form.add_error(None, str(exc))
                findings = []
            else:
                messages.success(request, _("Het contact is bewaard."))
                return redirect("councilwork:contact", council_id=council.pk, contact_id=contact.pk)
    return render(
        request,
        "councilwork/constituency/form.html",
        {
            "council": council,
            "section": "constituency",
            "form": form,
            "contact": contact,
            "findings": findings,
            "confirm_name": CONFIRM,
            "no_names": NO_NAMES,
        },
    )


@workspace(CONTRIBUTE)
def contact_new(request, council):
    return _save_contact(request, council)


@workspace(VIEW)
def contact_detail(request, council, contact_id):
    contact = _contact(council, contact_id)
    standing = selectors.standing(request.user, council)
    return render(
        request,
        "councilwork/constituency/detail.html",
        {
            "council": council,
            "section": "constituency",
            "contact": contact,
            "may_edit": constituency.may_edit(request.user, contact),
            "may_manage": request.user.has_perm(MANAGE, council),
            "may_report": standing.seat,
        },
    )


@workspace(CONTRIBUTE)
def contact_edit(request, council, contact_id):
    contact = _contact(council, contact_id)
    if not constituency.may_edit(request.user, contact):
        raise PermissionDenied
    return _save_contact(request, council, contact=contact)


@workspace(CONTRIBUTE)
def contact_delete(request, council, contact_id):
    contact = _contact(council, contact_id)
    if not constituency.may_edit(request.user, contact):
        raise PermissionDenied
    if request.method == "POST":
        constituency.delete_contact(contact=contact, by=request.user)
        messages.success(request, _("Het contact is verwijderd."))
        return redirect("councilwork:constituency", council_id=council.pk)
    return render(
        request,
        "councilwork/constituency/delete.html",
        {"council": council, "section": "constituency", "contact": contact},
    )


@workspace(MANAGE)
def contact_to_agenda(request, council, contact_id):
    """Put what the council heard on one of its coming meetings' agenda, as the last item."""
    contact = _contact(council, contact_id)
    meetings = selectors.upcoming_meetings(council)
    form = ToAgendaForm(request.POST or None, meetings=meetings)
    if request.method == "POST" and form.is_valid():
        try:
            constituency.add_to_agenda(
                contact=contact, meeting=form.cleaned_data["meeting"], by=request.user
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _(
                    "Het staat nu als laatste punt op de agenda. Is de agenda al verstuurd? "
                    "Verstuur hem dan opnieuw, zodat iedereen het nieuwe punt ziet."
                ),
            )
            return redirect("councilwork:contact", council_id=council.pk, contact_id=contact.pk)
    title, description = constituency.agenda_text(contact)
    return render(
        request,
        "councilwork/constituency/to_agenda.html",
        {
            "council": council,
            "section": "constituency",
            "contact": contact,
            "form": form,
            "has_meetings": bool(form.fields["meeting"].queryset),
            "item_title": title,
            "item_description": description,
        },
    )


@workspace(CONTRIBUTE)
def contact_to_signal(request, council, contact_id):
    """Report what the council heard as a signal, after the member has read and edited the
    title and text (no names). Advisors are told that a member of the council reports."""
    contact = _contact(council, contact_id)
    standing = selectors.standing(request.user, council)
    title, description = constituency.signal_text(contact)
    form = ToSignalForm(request.POST or None, initial={"title": title, "description": description})
    findings = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        findings = privacy_check.find_in_fields(data["title"], data["description"])
        if not findings or CONFIRM in request.POST:
            try:
                constituency.report_as_signal(
                    contact=contact,
                    by=request.user,
                    title=data["title"],
                    description=data["description"],
                )
            except CouncilworkError as exc:
                form.add_error(None, str(exc))
                findings = []
            else:
                messages.success(
                    request,
                    _("Het signaal is gemeld. U vindt het ook onder ‘Mijn signalen’."),
                )
                return redirect("councilwork:contact", council_id=council.pk, contact_id=contact.pk)
    return render(
        request,
        "councilwork/constituency/to_signal.html",
        {
            "council": council,
            "section": "constituency",
            "contact": contact,
            "form": form,
            "may_report": standing.seat,
            "findings": findings,
            "confirm_name": CONFIRM,
            "no_names": NO_NAMES,
        },
    )
