"""The participation scheme's pages: the overview, its settings, writing the text, one
version with its comments, and two versions compared. Parse, call one service, render."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import diff, scheme, selectors
from .access import CONTRIBUTE, MANAGE, VIEW, workspace
from .models import DisputeCommittee
from .scheme_forms import CompareForm, SchemeCommentForm, SchemeSettingsForm, SchemeTextForm
from .services import CouncilworkError

VERSIONS_SHOWN = 100
# Open comments on earlier versions shown on the newest version's page.
EARLIER_SHOWN = 50


def _context(request, council, **extra) -> dict:
    return {
        "council": council,
        "section": "scheme",
        "may_manage": request.user.has_perm(MANAGE, council),
        "may_contribute": request.user.has_perm(CONTRIBUTE, council),
        **extra,
    }


def _euros(cents) -> str:
    if cents is None:
        return ""
    return f"€ {cents // 100:,}".replace(",", ".") + f",{cents % 100:02d}"


def _settings_shown(settings) -> dict:
    """The settings as the summary shows them."""
    return {
        "settings": settings,
        "budget": _euros(settings.budget_cents),
        "recorded": settings.pk is not None,
    }


@workspace(VIEW)
def scheme_page(request, council):
    versions = list(scheme.versions_overview(council)[:VERSIONS_SHOWN])
    return render(
        request,
        "councilwork/scheme/index.html",
        _context(
            request,
            council,
            latest=versions[0] if versions else None,
            versions=versions,
            **_settings_shown(selectors.scheme_settings(council)),
        ),
    )


def _display(name: str, value) -> str:
    if value in (None, ""):
        return "—"
    if name == "budget_cents":
        return _euros(value)
    if name == "dispute_committee":
        return str(DisputeCommittee(value).label)
    return str(value)


def _blank_none(value):
    return None if value in (None, "") else value


def _conflict_rows(form: SchemeSettingsForm, saved) -> list[dict]:
    """Field by field: what is saved now and what this person typed."""
    mine = form.values()
    rows = []
    for name in scheme.SETTINGS_FIELDS:
        field = form.fields["budget" if name == "budget_cents" else name]
        theirs = getattr(saved, name)
        rows.append(
            {
                "label": field.label,
                "saved": _display(name, theirs),
                "mine": _display(name, mine[name]),
                "differs": _blank_none(theirs) != _blank_none(mine[name]),
            }
        )
    return rows


@workspace(MANAGE)
def scheme_settings(request, council):
    current = selectors.scheme_settings(council)
    initial = SchemeSettingsForm.initial_from(current)
    form = SchemeSettingsForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            scheme.save_scheme_settings(
                council=council,
                by=request.user,
                revision=form.cleaned_data["revision"],
                **form.values(),
            )
        except scheme.SettingsConflict as exc:
            # Their input stays in the form; it now carries the saved revision, so saving
            # again (after looking) is taken.
            data = request.POST.copy()
            data["revision"] = str(exc.current.revision)
            form = SchemeSettingsForm(data, initial=initial)
            form.is_valid()
            form.add_error(None, str(exc))
            conflict = {"rows": _conflict_rows(form, exc.current), "saved": exc.current}
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De instellingen van de regeling zijn opgeslagen."))
            return redirect("councilwork:scheme", council_id=council.pk)
    return render(
        request,
        "councilwork/scheme/settings.html",
        _context(request, council, form=form, conflict=conflict, current=current),
    )


@workspace(CONTRIBUTE)
def scheme_edit(request, council):
    latest = selectors.latest_scheme_version(council)
    initial = {"text": latest.text if latest else "", "based_on": latest.number if latest else 0}
    restoring = _restoring(request, council, latest)
    if restoring is not None:
        # An older version's text to save again as the newest (undo); still based on the
        # newest, so a save in between is noticed.
        initial["text"] = restoring.text
        initial["note"] = _("Versie %(number)s teruggezet") % {"number": restoring.number}
    form = SchemeTextForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = scheme.save_scheme_version(
                council=council,
                by=request.user,
                text=data["text"],
                based_on=data["based_on"],
                note=data["note"],
            )
        except scheme.TextConflict as exc:
            conflict = {
                "base": exc.base,
                "newer": exc.newer,
                "theirs": diff.compare(exc.base.text if exc.base else "", exc.newer.text),
                "mine": diff.compare(exc.newer.text, data["text"]),
            }
            latest = exc.newer
            # Their text stays in the textarea, now based on the newer version: once they
            # have taken its changes over, saving again is taken.
            posted = request.POST.copy()
            posted["based_on"] = str(exc.newer.number)
            form = SchemeTextForm(posted, initial=initial)
            form.is_valid()
            form.add_error(None, str(exc))
        except scheme.TextUnchanged as exc:
            messages.info(request, str(exc))
            return redirect("councilwork:scheme", council_id=council.pk)
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Versie %(number)s van de regeling is opgeslagen.") % {"number": version.number},
            )
            return redirect(
                "councilwork:scheme_version", council_id=council.pk, version_id=version.pk
            )
    return render(
        request,
        "councilwork/scheme/edit.html",
        _context(
            request, council, form=form, latest=latest, conflict=conflict, restoring=restoring
        ),
    )


def _restoring(request, council, latest):
    """The older version asked for with ``?versie=<number>`` on the edit page, if any."""
    raw = request.GET.get("versie", "")
    if request.method == "POST" or latest is None or not raw.isdigit() or len(raw) > 9:
        return None
    if int(raw) >= latest.number:
        return None
    return selectors.scheme_versions(council).filter(number=int(raw)).first()


@require_POST
@workspace(CONTRIBUTE)
def scheme_start(request, council):
    try:
        version = scheme.start_from_model_scheme(council=council, by=request.user)
    except CouncilworkError as exc:
        messages.error(request, str(exc))
        return redirect("councilwork:scheme", council_id=council.pk)
    messages.success(
        request,
        _("Versie 1 staat klaar: de modelregeling. Pas die aan aan uw eigen raad."),
    )
    return redirect("councilwork:scheme_version", council_id=council.pk, version_id=version.pk)


def _open_at(request) -> int | None:
    raw = request.GET.get("alinea", "")
    return int(raw) if raw.isdigit() and len(raw) < 7 else None


def _version_page(request, council, version, *, comment_form=None, open_at=None):
    rows, loose = scheme.passages(version)
    if open_at is not None and not 1 <= open_at <= len(rows):
        # A form with errors is shown at the first paragraph rather than lost.
        open_at = 1 if comment_form is not None and rows else None
    if open_at is not None and comment_form is None:
        comment_form = SchemeCommentForm(initial={"paragraph": open_at})
    for row in rows:
        for comment in row["comments"]:
            comment.may_resolve = scheme.may_resolve(request.user, council, comment)
    for comment in loose:
        comment.may_resolve = scheme.may_resolve(request.user, council, comment)
    latest_number = selectors.scheme_versions(council).values_list("number", flat=True).first()
    earlier = []
    if version.number == latest_number:
        earlier = list(scheme.open_comments_before(council, version)[:EARLIER_SHOWN])
    return render(
        request,
        "councilwork/scheme/version.html",
        _context(
            request,
            council,
            version=version,
            rows=rows,
            loose=loose,
            latest_number=latest_number,
            earlier=earlier,
            comment_form=comment_form,
            open_at=open_at,
        ),
    )


def _version(council, version_id):
    return get_object_or_404(
        selectors.scheme_versions(council).prefetch_related("comments"), pk=version_id
    )


@workspace(VIEW)
def scheme_version(request, council, version_id):
    return _version_page(request, council, _version(council, version_id))


@workspace(CONTRIBUTE)
def scheme_comment_new(request, council, version_id):
    """GET: the version with the comment form at paragraph ``?alinea=``; POST: save it."""
    version = _version(council, version_id)
    if request.method != "POST":
        return _version_page(request, council, version, open_at=_open_at(request))
    form = SchemeCommentForm(request.POST)
    if form.is_valid():
        try:
            comment = scheme.add_scheme_comment(
                council=council,
                version=version,
                by=request.user,
                paragraph=form.cleaned_data["paragraph"],
                body=form.cleaned_data["body"],
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Uw opmerking is geplaatst."))
            url = reverse("councilwork:scheme_version", args=[council.pk, version.pk])
            return redirect(f"{url}#alinea-{comment.paragraph}")
    paragraph = form.cleaned_data.get("paragraph") or _open_at(request) or 1
    return _version_page(request, council, version, comment_form=form, open_at=paragraph)


@require_POST
@workspace(CONTRIBUTE)
def scheme_comment_resolve(request, council, comment_id):
    comment = get_object_or_404(scheme.comments_for(council), pk=comment_id)
    try:
        scheme.resolve_scheme_comment(council=council, comment=comment, by=request.user)
    except CouncilworkError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De opmerking is afgehandeld."))
    url = reverse("councilwork:scheme_version", args=[council.pk, comment.version_id])
    return redirect(f"{url}#alinea-{comment.paragraph}" if comment.paragraph else url)


@workspace(VIEW)
def scheme_diff(request, council):
    """Two versions compared (``?van=&naar=``; the previous and the latest by default)."""
    numbers = list(selectors.scheme_versions(council).values_list("number", flat=True))
    context = _context(request, council, numbers=numbers, comparison=None)
    if len(numbers) < 2:
        return render(request, "councilwork/scheme/diff.html", context)
    asked = "van" in request.GET or "naar" in request.GET
    initial = {"van": numbers[1], "naar": numbers[0]}
    form = CompareForm(request.GET if asked else None, numbers=numbers, initial=initial)
    context["form"] = form
    if asked and not form.is_valid():
        return render(request, "councilwork/scheme/diff.html", context)
    van, naar = (
        (form.cleaned_data["van"], form.cleaned_data["naar"]) if asked else (numbers[1], numbers[0])
    )
    versions = {
        v.number: v for v in selectors.scheme_versions(council).filter(number__in=[van, naar])
    }
    context.update(
        old=versions[van],
        new=versions[naar],
        comparison=diff.compare(versions[van].text, versions[naar].text),
    )
    return render(request, "councilwork/scheme/diff.html", context)
