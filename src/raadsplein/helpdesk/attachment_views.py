"""Serving a question's attachments: the "private object files" variant of web/files.py.

Only someone who may see the question (``helpdesk.view_question``: the asker, seat holders it
is shared with, the desk) gets a file; anyone else 404. Editors and other staff do not: these
are not Wagtail documents. Files on internal notes are for the desk only. Always
``Content-Disposition: attachment``, ``Cache-Control: private, no-store`` and ``nosniff``;
byte ranges as for documents.
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from raadsplein.organisations.access import object_rule
from raadsplein.web.files import with_ranges

from . import selectors
from .models import MessageKind, Question


def _question_in_scope(request, pk: int, **kwargs):
    if request.user.has_perm("helpdesk.handle_questions"):
        return get_object_or_404(Question, pk=pk)
    return get_object_or_404(selectors.questions_for(request.user), pk=pk)


@require_safe
@object_rule("helpdesk.view_question", find=_question_in_scope)
def attachment_file(request, question, pk: int, attachment_pk: int):
    files = question.attachments.all()
    if not request.user.has_perm("helpdesk.handle_questions"):
        files = files.exclude(message__kind=MessageKind.NOTE)
    item = get_object_or_404(files, pk=attachment_pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response = with_ranges(request, response)
    patch_cache_control(response, private=True, no_store=True)
    return response
