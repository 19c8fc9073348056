"""The one guard for uploaded files: Wagtail documents, and images with their renditions.

A file is private by default. It is served only to staff, or to someone who may see at least
one *live* object that uses it. Which objects use a file comes from Wagtail's reference index
(foreign keys, chooser blocks in StreamFields, links and embeds in rich text, inline children
of pages and snippets), so the guard never needs to know an app. An app that stores files says
only how its objects are seen, from its ``AppConfig.ready``::

    files.register(
        Step,
        live=lambda step: step.module.course.is_published,
        may_view=lambda user, step: can_follow_course(user, step.module.course),
        open_to_members=True,
        select_related=("module__course",),
    )

A use by a model that is not registered counts for nothing: such a file is for staff only.
``tests/test_files.py`` fails when a model that can hold files is left unregistered.

Answers, as for members-only content: staff and permitted visitors get the file; anonymous
visitors go to sign-in; a signed-in non-member gets the members-only page (403) when a member
could see a use, otherwise 404. A file that anonymous visitors may have is sent with
``Cache-Control: public``; every other answer is ``private, no-store``.

See docs/files.md.
"""

import contextlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist
from django.db import models, transaction
from django.db.models.signals import post_save
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from raadsplein.accounts.rules import is_staff_member

from . import errors

# How long browsers and shared caches may keep a file that everyone may have. Short, so a
# publication that turns members-only stops being handed out by caches soon after.
PUBLIC_MAX_AGE = 600
# The page members-only content answers with, so a file refuses in the same words.
MEMBERS_ONLY_TEMPLATE = "organisations/members_only.html"


@dataclass(frozen=True)
class Owner:
    """How the objects of one model that use files are seen."""

    model: type[models.Model]
    live: Callable[[models.Model], bool]
    may_view: Callable[[object, models.Model], bool]
    open_to_members: bool
    select_related: tuple[str, ...]


_owners: dict[type[models.Model], Owner] = {}
# (parent model, relation name) → the registered inline child model indexed under it
_children: dict[tuple[type[models.Model], str], type[models.Model]] = {}


def register(
    model: type[models.Model],
    *,
    live: Callable[[models.Model], bool],
    may_view: Callable[[object, models.Model], bool],
    open_to_members: bool = False,
    select_related: tuple[str, ...] = (),
) -> None:
    """Declare how objects of ``model`` are seen, so the files they use can be served.

    ``live(obj)``: the object is published (a draft or withdrawn object makes no file public).
    ``may_view(user, obj)``: the app's own rule, the same one its views use (``user`` may be
    anonymous). ``open_to_members``: every member may see every live object of this model, so
    a signed-in non-member is told that the file is for members rather than that it is not
    there. ``select_related``: what ``live`` and ``may_view`` read, fetched in one query.
    """
    parental = [f for f in model._meta.get_fields() if isinstance(f, ParentalKey)]
    if parental:
        # An inline child (a course's steps): Wagtail indexes its references under the
        # parent, at ``<relation>.<child pk>.…``; such a use counts as the child's, not the
        # parent's.
        parent = parental[0].related_model
        ReferenceIndex.register_model(parent)
        indexed = ReferenceIndex.is_indexed(parent) and ReferenceIndex.model_is_indexable(
            model, allow_child_models=True
        )
        _children[(parent, parental[0].remote_field.get_accessor_name())] = model
    else:
        ReferenceIndex.register_model(model)
        indexed = ReferenceIndex.is_indexed(model)
    if not indexed:
        raise ImproperlyConfigured(
            f"{model._meta.label} holds no references Wagtail can index; it cannot use files."
        )
    _owners[model] = Owner(model, live, may_view, open_to_members, tuple(select_related))
    _keep_index_current(model)


def registered_models() -> frozenset[type[models.Model]]:
    return frozenset(_owners)


# --- keeping the reference index current -------------------------------------------------
# Wagtail updates the index in a background task; until a worker runs it, a new use is not
# seen and a removed one still counts. For the models that use files we also rebuild the
# object's entries as soon as its transaction commits, from the saved (live) rows, the way
# Wagtail's task does. Drafts of pages live in revisions, not rows, so they never count.


def _refresh(app_label: str, model_name: str, pk: str) -> None:
    from wagtail.tasks import update_reference_index_task

    # Deleted before the commit: Wagtail has removed its entries already.
    with contextlib.suppress(ObjectDoesNotExist):
        update_reference_index_task.call(app_label, model_name, pk)


def _refresh_on_commit(sender, instance, raw: bool = False, **kwargs) -> None:
    from wagtail.signal_handlers import reference_index_auto_update_disabled

    if raw or getattr(reference_index_auto_update_disabled, "value", False):
        return
    meta = instance._meta
    transaction.on_commit(partial(_refresh, meta.app_label, meta.model_name, str(instance.pk)))


def _keep_index_current(model: type[models.Model]) -> None:
    tracked = [model]
    if issubclass(model, ClusterableModel):
        tracked += [relation.related_model for relation in get_all_child_relations(model)]
    for sender in tracked:
        post_save.connect(
            _refresh_on_commit, sender=sender, dispatch_uid=f"files-index-{sender._meta.label}"
        )


# --- the rule ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    public: bool = False  # anonymous visitors may have it: caches may keep it
    members_only: bool = False  # refused, but a member would get it


def live_uses(obj: models.Model) -> Iterator[tuple[Owner, models.Model]]:
    """The live objects of registered models that use ``obj`` (a document or an image)."""
    ids: dict[type[models.Model], set[str]] = defaultdict(set)
    rows = ReferenceIndex.get_references_to(obj).values_list(
        "content_type_id", "object_id", "content_path"
    )
    for content_type_id, object_id, content_path in rows.distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        relation, _, rest = content_path.partition(".")
        child = _children.get((model, relation))
        if child is not None:
            ids[child].add(rest.partition(".")[0])
        elif model in _owners:
            ids[model].add(object_id)
    for model, pks in ids.items():
        owner = _owners[model]
        queryset = model._default_manager.filter(pk__in=pks)
        if owner.select_related:
            queryset = queryset.select_related(*owner.select_related)
        for item in queryset:
            if owner.live(item):
                yield owner, item


def verdict_for(user, obj: models.Model) -> Verdict:
    """May ``user`` have the file ``obj``? Staff always; others through a live use."""
    uses = list(live_uses(obj))
    anonymous = AnonymousUser()
    if any(owner.may_view(anonymous, item) for owner, item in uses):
        return Verdict(allowed=True, public=True)
    if is_staff_member(user) or any(owner.may_view(user, item) for owner, item in uses):
        return Verdict(allowed=True)
    return Verdict(allowed=False, members_only=any(owner.open_to_members for owner, _ in uses))


def refusal(request, verdict: Verdict) -> HttpResponse:
    if not request.user.is_authenticated:
        response = redirect_to_login(request.get_full_path())
    elif verdict.members_only:
        response = render(request, MEMBERS_ONLY_TEMPLATE, status=403)
    else:
        response = errors.not_found(request)
    patch_cache_control(response, private=True, no_store=True)
    return response


# --- byte ranges: video players ask for parts of a file to start and to seek ---------------

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
RANGE_CHUNK = 64 * 1024


def _byte_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """(first, last) byte of a single ``Range: bytes=…`` header; None when it is not one we
    answer (several ranges, another unit: the whole file is sent); False when it cannot be
    satisfied (starts past the end)."""
    match = _RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last n bytes
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size:
        return False
    if end < start:
        return None
    return start, end


class _Part:
    """Bytes ``start`` … ``start + length - 1`` of an open file, in chunks. The response
    calls ``close`` when it is done (or abandoned), which closes the file."""

    def __init__(self, handle, start: int, length: int):
        self.handle, self.start, self.length = handle, start, length

    def __iter__(self) -> Iterator[bytes]:
        self.handle.seek(self.start)
        left = self.length
        while left > 0:
            chunk = self.handle.read(min(RANGE_CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk

    def close(self) -> None:
        self.handle.close()


def _range_still_valid(request, response: HttpResponse) -> bool:
    """If-Range: the part is sent only if the file is still the version the browser has."""
    validator = request.headers.get("If-Range")
    if not validator:
        return True
    return validator.strip() in (response.get("ETag"), response.get("Last-Modified"))


def with_ranges(request, response: HttpResponse) -> HttpResponse:
    """Answer ``Range: bytes=a-b`` on a whole-file answer with 206 and just that part.

    Browsers play and seek video through range requests; Django's FileResponse always sends
    the whole file. Only a 200 ``FileResponse`` of a known length for GET is cut; refusals
    and other answers pass unchanged. One range only (several: the whole file, as the
    standard allows); a range that starts past the end answers 416."""
    if not isinstance(response, FileResponse) or response.status_code != 200:
        return response
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    size = response.get("Content-Length")
    if (
        request.method != "GET"
        or not header
        or not size
        or not _range_still_valid(request, response)
    ):
        return response
    size = int(size)
    wanted = _byte_range(header, size)
    if wanted is None:
        return response
    if wanted is False:
        response.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    handle = response.file_to_stream
    if not hasattr(handle, "seek"):
        return response
    start, end = wanted
    partial = StreamingHttpResponse(_Part(handle, start, end - start + 1), status=206)
    for name in (
        "Content-Type",
        "Content-Disposition",
        "Last-Modified",
        "ETag",
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Accept-Ranges",
    ):
        if name in response:
            partial[name] = response[name]
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(end - start + 1)
    return partial


def _cache_headers(response: HttpResponse, verdict: Verdict | None) -> HttpResponse:
    if verdict is not None and verdict.public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


# --- documents: Wagtail's serve view, guarded by its hook ------------------------------------


@hooks.register("before_serve_document")
def guard_document(document, request):
    """/documenten/<id>/<name>: the file only for those who may see a live use of it."""
    verdict = verdict_for(request.user, document)
    request.raadsplein_file_verdict = verdict
    return None if verdict.allowed else refusal(request, verdict)


def serve_document(request, document_id, document_filename):
    """Wagtail's document view with the cache header the guard's verdict calls for."""
    from wagtail.documents.views.serve import serve

    response = with_ranges(request, serve(request, document_id, document_filename))
    return _cache_headers(response, getattr(request, "raadsplein_file_verdict", None))


# --- images: originals and renditions under MEDIA_URL, by stored name --------------------------

IMAGE_FOLDERS = ("original_images/", "images/")


def _image_file(name: str):
    """(image, file) for a stored original or rendition name; None for anything else."""
    Image = get_image_model()
    if name.startswith("images/"):
        rendition = (
            Image.get_rendition_model().objects.select_related("image").filter(file=name).first()
        )
        return (rendition.image, rendition.file) if rendition else None
    if name.startswith("original_images/"):
        image = Image.objects.filter(file=name).first()
        return (image, image.file) if image else None
    return None


@require_safe
def serve_image(request, name: str):
    """An image original or rendition, after the same check as documents."""
    found = _image_file(name)
    if found is None:
        raise Http404
    image, stored = found
    verdict = verdict_for(request.user, image)
    if not verdict.allowed:
        return refusal(request, verdict)
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return _cache_headers(with_ranges(request, response), verdict)


def private_download(request, item) -> HttpResponse:
    """Send an app's private file (a Vraagbaak attachment, a file on a signal) to someone the
    view already let in: always as a download, never shown inline, not sniffed, not stored by
    a cache, with byte ranges. ``item`` has ``file``, ``original_name`` and ``content_type``.
    A file gone from storage answers 404."""
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    response = with_ranges(request, response)
    patch_cache_control(response, private=True, no_store=True)
    return response
