"""Serving a question's attachments: the "private object files" variant of web/files.py.

Only someone who may see the question (``helpdesk.view_question``: the asker, seat holders it
is shared with, the desk) gets a file; anyone else 404. Editors and other staff do not: these
are not Wagtail documents. Files on internal notes are for the desk only. Always
``Content-Disposition: attachment``, ``Cache-Control: private, no-store`` and ``nosniff``;
byte ranges as for documents.
"""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from raadsplein.organisations.access import object_rule
from raadsplein.web.files import private_download

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
    return private_download(request, item)
