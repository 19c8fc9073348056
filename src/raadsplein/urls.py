from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from raadsplein.api import api
from raadsplein.newsletter import podcast_feed
from raadsplein.web import files

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Documents and images go through the one file guard (raadsplein.web.files).
    re_path(r"^documenten/(\d+)/(.*)$", files.serve_document, name="wagtaildocs_serve"),
    path("documenten/", include(wagtaildocs_urls)),
    re_path(
        r"^media/(?P<name>(?:original_images|images)/.+)$", files.serve_image, name="image_file"
    ),
    path("account/", include("raadsplein.accounts.urls")),
    path("account/", include("allauth.urls")),
    # The language switcher is in every page's footer. Without a CSRF token there, pages for
    # visitors are the same for everyone and can be stored (raadsplein.web.caching); a forged
    # switch could only change someone's language, and `next` stays on this site.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("raden/", include("raadsplein.organisations.urls")),
    path("kennisbank/", include("raadsplein.knowledge.urls")),
    path("leren/", include("raadsplein.learning.urls")),
    path("agenda/", include("raadsplein.events.urls")),
    path("signalen/behandelen/rapport/", include("raadsplein.advocacy.report_urls")),
    path("vraagbaak/behandelen/", include("raadsplein.helpdesk.staff_urls")),
    path("vraagbaak/", include("raadsplein.helpdesk.urls")),
    path("signalen/behandelen/", include("raadsplein.advocacy.staff_urls")),
    path("signalen/", include("raadsplein.advocacy.urls")),
    path("nieuwsbrief/redactie/", include("raadsplein.newsletter.staff_urls")),
    path("nieuwsbrief/abonnees/", include("raadsplein.newsletter.subscriber_urls")),
    path("nieuwsbrief/", include("raadsplein.newsletter.urls")),
    # The news overview and feeds; the items are Wagtail pages under /nieuws/.
    path("nieuws/", include("raadsplein.newsletter.news_urls")),
    # The podcast feed: Wagtail serves the show's pages, but only paths that end in a slash.
    path("podcast/feed.xml", podcast_feed.feed, name="podcast_feed"),
    path("raadswerk/", include("raadsplein.councilwork.urls")),
    path("beheer/audit/", include("raadsplein.audit.urls")),
    path("api/v1/", api.urls),
    path("", include("raadsplein.web.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="web/robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.STATIC_URL, document_root=settings.STATIC_ROOT)

# Wagtail's page serving comes last: it catches every other path.
urlpatterns += [path("", include(wagtail_urls))]

handler404 = "raadsplein.web.errors.not_found"
handler500 = "raadsplein.web.errors.server_error"
handler403 = "raadsplein.web.errors.forbidden"
