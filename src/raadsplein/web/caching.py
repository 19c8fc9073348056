"""What is cached across requests, and how it is dropped when the content changes.

Only things that are the same for everyone are cached here:

- **Anonymous pages.** A page a visitor without a session gets (no cookie of ours, no API
  key) is stored whole, per address and language, and served again to the next visitor
  (``AnonymousPageCacheMiddleware``), with an ``ETag`` so a browser that has it gets
  ``304 Not Modified``. Signed-in people never get a stored page: what they see about their own
  bookings, progress and councils is always read fresh.
- **Wagtail's site lookup.** Which Site (and root page) answers a host name, instead of
  Wagtail's query on every request (``SiteMiddleware``).

Every stored page carries the *public generation*, one value in the shared cache. Any change to
content a visitor can see (a Wagtail page published, moved or deleted; an event, session,
booking, course, theme, council, document … saved or deleted) sets a new generation once the
transaction commits, and every stored page becomes stale at once. A receiver on the models
catches every way of writing (services, the Wagtail admin, the Django admin, management
commands); it only drops caches and starts no work. Stored pages also expire after
``RAADSPLEIN_PAGE_CACHE_SECONDS`` because some pages change with the clock (the agenda drops
sessions that have ended).
"""

import hashlib
import pickle
import time
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers

GENERATION_KEY = "rp:public-generation"
SITES_KEY = "rp:sites"
PAGE_KEY = "rp:page:{}"

# Apps whose models can show on a page a visitor sees.
CONTENT_APPS = {
    "web",
    "organisations",
    "knowledge",
    "learning",
    "events",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
}
# Personal records that never show on an anonymous page, written often (every step done,
# every quiz answered): they must not empty the cache of everyone's pages.
PERSONAL_MODELS = {
    "learning.stepprogress",
    "learning.quizattempt",
    "learning.certificate",
    "learning.learnerprofile",
    "learning.enrolment",
    "events.calendarfeed",
    "events.sentreminder",
    "events.evaluation",
    "events.sessionmessage",
    "organisations.councilmessage",
    "knowledge.searchterm",
    "knowledge.searchdocument",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
}
# Response headers not to store with a page (they belong to one response).
_SKIP_HEADERS = {"set-cookie", "date", "etag"}


def public_generation() -> str:
    """The current generation of visitor-visible content (created on first use)."""
    gen = cache.get(GENERATION_KEY)
    if gen is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        gen = cache.get(GENERATION_KEY)
    return gen


def _drop_pages() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _drop_sites() -> None:
    cache.delete(SITES_KEY)
    _sites_memo[:] = [0.0, None]


def _now_and_at_commit(drop) -> None:
    """Drop now, so that this process never serves the old state again, and once more after
    the commit, so that a request that read the old state meanwhile cannot leave it in the
    cache. Many changes in one transaction drop once at its commit."""
    drop()
    connection = transaction.get_connection()
    pending = any(func is drop for _, func, _ in connection.run_on_commit)
    if connection.in_atomic_block and not pending:
        transaction.on_commit(drop)


def content_changed(*, sites: bool = False) -> None:
    """Drop every stored anonymous page (and with ``sites`` the cached site lookup)."""
    _now_and_at_commit(_drop_pages)
    if sites:
        _now_and_at_commit(_drop_sites)


def _on_change(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loading fixtures
        return
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.models import Page, Site

    content_changed(sites=issubclass(sender, (Page, Site, BaseSiteSetting)))


def connect_invalidation() -> None:
    """Connect the content models to ``content_changed`` (called from WebConfig.ready)."""
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label not in CONTENT_APPS or meta.label_lower in PERSONAL_MODELS:
            continue
        uid = f"raadsplein-cache-{meta.label_lower}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid + "-delete")
        if meta.auto_created:  # many-to-many through tables
            m2m_changed.connect(_on_change, sender=model, dispatch_uid=uid + "-m2m")


# -- values the same for everyone who asks the same ------------------------------------------


def shared(name: str, key_parts, compute, *, follows_content: bool = True, timeout=None):
    """``compute()``, stored under ``name`` and ``key_parts`` for everyone who passes the same
    parts. Never pass a person (or anything personal) in ``key_parts``; pass what decides the
    outcome instead (for example "is a member: yes/no").

    With ``follows_content`` the value is dropped with the anonymous pages when content changes;
    every value also expires after ``timeout`` seconds (default RAADSPLEIN_PAGE_CACHE_SECONDS),
    which is all that renews values drawn from personal records (such as statistics over
    everyone's progress). With the cache off (0 seconds) it computes every time."""
    timeout = settings.RAADSPLEIN_PAGE_CACHE_SECONDS if timeout is None else timeout
    if timeout <= 0:
        return compute()
    digest = hashlib.md5(repr(key_parts).encode(), usedforsecurity=False).hexdigest()
    key = f"rp:shared:{name}:{digest}"
    found = cache.get_many([GENERATION_KEY, key] if follows_content else [key])
    generation = found.get(GENERATION_KEY) if follows_content else None
    entry = found.get(key)
    if entry is not None and (not follows_content or entry[0] == generation):
        return entry[1]
    if follows_content and generation is None:
        generation = public_generation()
    value = compute()
    cache.set(key, (generation, value), timeout)
    return value


def for_person(name: str, person, compute):
    """``compute()`` for this person alone (the key holds their id and today's date), kept
    like a shared value: dropped when content changes (their seats and memberships are
    content) and after RAADSPLEIN_PAGE_CACHE_SECONDS. For facts every signed-in page asks,
    such as "is a member", not for what a page shows of their bookings or progress."""
    return shared(f"person-{name}", (person.pk, timezone.localdate().isoformat()), compute)


# -- Wagtail's site lookup ----------------------------------------------------------------------


_sites_memo: list = [0.0, None]  # [valid until (monotonic), pickled list of sites]
SITES_MEMO_SECONDS = 5


def _all_sites() -> list:
    """All Wagtail sites: from this process's memo (a few seconds), else the shared cache,
    else the database. Unpickled per request, so no request changes another's objects."""
    now = time.monotonic()
    if _sites_memo[1] is None or now >= _sites_memo[0]:
        blob = cache.get(SITES_KEY)
        if blob is None:
            from wagtail.models import Site

            # The contact setting rides along: every page's footer shows it.
            blob = pickle.dumps(list(Site.objects.select_related("root_page", "contactsettings")))
            cache.set(SITES_KEY, blob, 3600)
        _sites_memo[:] = [now + SITES_MEMO_SECONDS, blob]
    return pickle.loads(_sites_memo[1])  # noqa: S301 - our own objects, from our own cache


def site_for_request(request):
    """Wagtail's ``Site.find_for_request`` without a query: the same rules as
    ``wagtail.models.sites.get_site_for_hostname`` over the cached list of sites."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    sites = _all_sites()
    exact = [s for s in sites if s.hostname == hostname and str(s.port) == str(port)]
    if exact:
        return exact[0]
    default = next((s for s in sites if s.is_default_site), None)
    if default is not None and default.hostname == hostname:
        return default
    named = [s for s in sites if s.hostname == hostname]
    if len(named) == 1:
        return named[0]
    return default


class SiteMiddleware:
    """Sets the Wagtail site of the request from the cache, so Wagtail does not look it up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = site_for_request(request)
        return self.get_response(request)


# -- anonymous pages ----------------------------------------------------------------------------


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.RAADSPLEIN_PAGE_CACHE_SECONDS <= 0:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False  # perhaps signed in, or a message waiting: render for this person
    if "HTTP_AUTHORIZATION" in request.META:
        return False  # an API key
    return not request.path.startswith(settings.RAADSPLEIN_PAGE_CACHE_EXCLUDE)


def _cacheable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token for this visitor alone
    # "private" keeps shared proxies from storing a page that differs per person; this cache
    # holds only what visitors without a session get, so such a page may still be stored.
    if "no-store" in response.get("Cache-Control", ""):
        return False
    return getattr(request, "user", None) is None or not request.user.is_authenticated


class AnonymousPageCacheMiddleware:
    """Serves visitors without a session the stored page (see the module docstring).

    Django's own cache middleware does not fit: it keys on every cookie (Vary: Cookie), so a
    visitor with a language cookie or an old CSRF cookie never shares an entry, it can only
    expire by time, and it makes browsers keep pages for the whole time (max-age).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        raw = f"{request._get_raw_host()}|{request.get_full_path()}|{translation.get_language()}"
        key = PAGE_KEY.format(hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest())
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is not None and entry is not None and entry["generation"] == generation:
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response.headers[name] = value
            response["ETag"] = entry["etag"]
            response["X-Page-Cache"] = "hit"
            return get_conditional_response(request, etag=entry["etag"], response=response)
        if generation is None:
            generation = public_generation()
        response = self.get_response(request)
        if not _cacheable_response(request, response):
            return response
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        etag = f'"{digest}"'
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Cache-Control", "no-cache")
        entry = {
            "generation": generation,
            "status": response.status_code,
            "content": response.content,
            "etag": etag,
            "headers": [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in _SKIP_HEADERS
            ],
        }
        cache.set(key, entry, settings.RAADSPLEIN_PAGE_CACHE_SECONDS)
        response["ETag"] = etag
        response["X-Page-Cache"] = "miss"
        return get_conditional_response(request, etag=etag, response=response)
