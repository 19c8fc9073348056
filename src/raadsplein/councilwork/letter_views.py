"""The council's letters: made from a model letter, filled in, edited, downloaded."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import letter_documents, letters, selectors
from .access import MANAGE, VIEW, workspace
from .letter_forms import ChooseTemplateForm, DeleteLetterForm, LetterForm
from .models import LetterKind
from .services import CouncilworkError

PER_PAGE = 25


def _id(value: str | None) -> int | None:
    """A query-string id: absent → None; anything but a plain number → 404."""
    if value in (None, ""):
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 12:
        raise Http404
    return int(value)


@workspace(VIEW)
def letter_list(request, council):
    page = Paginator(letters.letters_for(council), PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "councilwork/letters/list.html",
        {
            "council": council,
            "section": "letters",
            "page": page,
            "letters": list(page.object_list),
            "kinds": LetterKind.choices,
            "may_manage": request.user.has_perm(MANAGE, council),
        },
    )


@workspace(MANAGE)
def letter_new(request, council):
    """Step one: choose a model letter (and the trajectory it is for). Step two: the letter
    filled in, to edit; saving keeps it as the council's letter. ``?trajectory=`` must be
    one of the council's own (else 404); ``?kind=`` narrows the choice, and when it leaves
    one template the first step is skipped."""
    trajectory_id = _id(request.GET.get("trajectory"))
    trajectory = (
        get_object_or_404(selectors.trajectories_for(council), pk=trajectory_id)
        if trajectory_id
        else None
    )
    kind = request.GET.get("kind", "")
    kind = kind if kind in LetterKind.values else ""
    template = None
    choose = ChooseTemplateForm(
        request.GET if "template" in request.GET else None,
        council=council,
        kind=kind,
        saving=request.method == "POST",
        initial={"trajectory": trajectory},
    )
    if choose.is_bound:
        if choose.is_valid():
            template = choose.cleaned_data["template"]
            trajectory = choose.cleaned_data["trajectory"]
    elif kind and trajectory is not None:
        options = list(letters.live_templates(kind)[:2])
        if len(options) == 1:
            template = options[0]
    if template is None:
        return render(
            request,
            "councilwork/letters/choose.html",
            {
                "council": council,
                "section": "letters",
                "form": choose,
                "trajectory": trajectory,
                "kind_label": LetterKind(kind).label if kind else "",
                "with_publication": [
                    t for t in choose.fields["template"].queryset if letters.publication_of(t)
                ],
            },
        )

    subject_line, body = letters.filled(template, council=council, trajectory=trajectory)
    form = LetterForm(request.POST or None, initial={"subject_line": subject_line, "body": body})
    if request.method == "POST" and form.is_valid():
        try:
            letter = letters.create_letter(
                council=council,
                by=request.user,
                template=template,
                trajectory=trajectory,
                subject_line=form.cleaned_data["subject_line"],
                body=form.cleaned_data["body"],
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De brief is bewaard. U kunt hem nu downloaden."))
            return redirect("councilwork:letter", council_id=council.pk, letter_id=letter.pk)
    return render(
        request,
        "councilwork/letters/new.html",
        {
            "council": council,
            "section": "letters",
            "form": form,
            "template": template,
            "trajectory": trajectory,
            "publication": letters.publication_of(template),
            "placeholders": letters.PLACEHOLDERS,
            "open_brackets": letters.open_brackets(subject_line, body),
            "unverified_article": _unverified_article(trajectory),
            "query": urlencode(
                {
                    "template": template.pk,
                    "trajectory": trajectory.pk if trajectory else "",
                    "kind": kind,
                }
            ),
        },
    )


def _unverified_article(trajectory) -> bool:
    subject = getattr(trajectory, "subject", None)
    return bool(subject and not subject.verified)


def _letter(council, letter_id):
    letter = get_object_or_404(
        letters.letters_for(council).select_related("template__publication", "trajectory__subject"),
        pk=letter_id,
    )
    letter.council = council
    return letter


@workspace(VIEW)
def letter_detail(request, council, letter_id):
    """The letter, its downloads and (for officers) its text to edit. A save made by someone
    else since the form opened is refused, with the text typed kept."""
    letter = _letter(council, letter_id)
    may_manage = request.user.has_perm(MANAGE, council)
    form = None
    if may_manage:
        form = LetterForm(
            request.POST or None,
            initial={
                "subject_line": letter.subject_line,
                "body": letter.body,
                "revision": letters.revision_of(letter),
            },
        )
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                letters.update_letter(
                    letter=letter,
                    by=request.user,
                    subject_line=form.cleaned_data["subject_line"],
                    body=form.cleaned_data["body"],
                    revision=form.cleaned_data["revision"],
                )
            except CouncilworkError as exc:
                # Keep what was typed; the next save starts from the letter as it is now.
                letter.refresh_from_db()
                data = request.POST.copy()
                data["revision"] = letters.revision_of(letter)
                form = LetterForm(data)
                form.is_valid()
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Uw wijzigingen zijn bewaard."))
                return redirect("councilwork:letter", council_id=council.pk, letter_id=letter.pk)
    return render(
        request,
        "councilwork/letters/detail.html",
        {
            "council": council,
            "section": "letters",
            "letter": letter,
            "form": form,
            "may_manage": may_manage,
            "delete_form": DeleteLetterForm(),
            "head": letter_documents.letter_head(letter),
            "paragraphs": letter_documents.paragraphs(letter.body),
            "publication": letters.publication_of(letter.template),
            "open_brackets": letters.open_brackets(letter.subject_line, letter.body),
            "unverified_article": _unverified_article(letter.trajectory),
        },
    )


@require_POST
@workspace(MANAGE)
def letter_delete(request, council, letter_id):
    letter = _letter(council, letter_id)
    form = DeleteLetterForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Zet een vinkje als u de brief echt wilt verwijderen."))
        return redirect("councilwork:letter", council_id=council.pk, letter_id=letter.pk)
    letters.delete_letter(letter=letter, by=request.user)
    messages.success(request, _("De brief is verwijderd."))
    return redirect("councilwork:letters", council_id=council.pk)


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@workspace(VIEW)
def letter_docx(request, council, letter_id):
    letter = _letter(council, letter_id)
    return _download(
        letter_documents.letter_docx(letter),
        letter_documents.DOCX_TYPE,
        letter_documents.filename(letter, "docx"),
    )


@workspace(VIEW)
def letter_pdf(request, council, letter_id):
    letter = _letter(council, letter_id)
    return _download(
        letter_documents.letter_pdf(letter),
        letter_documents.PDF_TYPE,
        letter_documents.filename(letter, "pdf"),
    )
