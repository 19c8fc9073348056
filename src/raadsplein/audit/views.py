from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from raadsplein.organisations.access import permission_required

from . import selectors
from .forms import AuditFilterForm

PAGE_SIZE = 50


@permission_required("audit.view_entries", hide=True)
def entries(request):
    """Staff: the audit trail, of one object (``?object=app.model.id``) or of one person
    (``?persoon=<id>``: entries where they acted or that are about them)."""
    form = AuditFilterForm(request.GET or None)
    qs = selectors.entries()
    heading = _("Logboek")
    error = ""
    if form.is_bound and not form.is_valid():
        error = _("Controleer het filter. Gebruik een object zoals events.session.12.")
        qs = qs.none()
    elif form.is_bound:
        ref, person_id = form.cleaned_data["object"], form.cleaned_data["persoon"]
        if ref:
            parsed = selectors.parse_object_ref(ref)
            if parsed is None:
                error = _("Dit object kennen wij niet. Gebruik de vorm app.soort.nummer.")
                qs = qs.none()
            else:
                content_type, object_id = parsed
                qs = selectors.entries_for_object(content_type=content_type, object_id=object_id)
                heading = _("Logboek van %(kind)s %(id)s") % {
                    "kind": content_type.model_class()._meta.verbose_name,
                    "id": object_id,
                }
        if person_id and not error:
            person = get_user_model().objects.filter(pk=person_id).first()
            if person is None:
                error = _("Er is geen persoon met dit nummer.")
                qs = qs.none()
            else:
                qs = qs & selectors.entries_for_person(person.pk)
                heading = _("Logboek van %(name)s") % {"name": person}
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "audit/entries.html",
        {"page": page, "form": form, "heading": heading, "error": error},
    )
