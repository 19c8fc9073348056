"""Production: everything secret or site-specific comes from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY moet gezet zijn (minstens 50 tekens).")
RAADSPLEIN_DEMO_MODE = env.bool("RAADSPLEIN_DEMO_MODE", default=False)
# The demo world (its data and seed_demo) is installed only on a demo installation.
if not RAADSPLEIN_DEMO_MODE:
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "raadsplein.demo"]  # noqa: F405
# Staff need a second factor in production; a demo installation may switch it off.
RAADSPLEIN_REQUIRE_STAFF_MFA = env.bool(
    "RAADSPLEIN_REQUIRE_STAFF_MFA", default=not RAADSPLEIN_DEMO_MODE
)

# Several web processes share one cache (rate limits!): the database unless CACHE_URL says else.
CACHES = {
    "default": env.cache_url("CACHE_URL", default="dbcache://raadsplein_cache"),
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# Wagtail's live preview shows the page in a same-origin frame, so X_FRAME_OPTIONS stays
# SAMEORIGIN (and CSP frame-ancestors 'self'); other sites can never frame Raadsplein.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
