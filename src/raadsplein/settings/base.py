"""Settings shared by every environment. Values come from the environment (see README)."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from raadsplein.web.video_providers import frame_sources

SRC_DIR = Path(__file__).resolve().parent.parent  # src/raadsplein
BASE_DIR = SRC_DIR.parent.parent  # repository root
VAR_DIR = Path(environ.Env().str("RAADSPLEIN_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Demo mode: the demo world may be loaded and staff need no second factor.
RAADSPLEIN_DEMO_MODE = env.bool("RAADSPLEIN_DEMO_MODE", default=False)
# Staff (adviseur, redacteur, beheerder) must set up two-factor authentication.
RAADSPLEIN_REQUIRE_STAFF_MFA = env.bool("RAADSPLEIN_REQUIRE_STAFF_MFA", default=False)
# Days before a seat's term ends that "Mijn Raadsplein" flags it.
RAADSPLEIN_TERM_WARNING_DAYS = env.int("RAADSPLEIN_TERM_WARNING_DAYS", default=90)

INSTALLED_APPS = [
    # our apps first so that their templates override those of libraries
    "raadsplein.web",
    "raadsplein.accounts",
    "raadsplein.audit",
    "raadsplein.organisations",
    "raadsplein.knowledge",
    "raadsplein.learning",
    "raadsplein.events",
    "raadsplein.helpdesk",
    "raadsplein.advocacy",
    "raadsplein.newsletter",
    "raadsplein.councilwork",
    "raadsplein.jobs",
    # the demo world (seed_demo); production.py drops it unless RAADSPLEIN_DEMO_MODE is on
    "raadsplein.demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # background work, access rules
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "raadsplein.web.middleware.DutchFirstLocaleMiddleware",
    # After the language is known: pages for visitors without a session, stored whole.
    "raadsplein.web.caching.AnonymousPageCacheMiddleware",
    "raadsplein.web.caching.SiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "raadsplein.accounts.middleware.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "raadsplein.urls"
WSGI_APPLICATION = "raadsplein.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "raadsplein.web.context_processors.site_chrome",
            ],
        },
    },
]
FORM_RENDERER = "raadsplein.web.forms.RaadspleinFormRenderer"

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'raadsplein.sqlite3'}")
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
# Keep a connection per worker thread instead of opening one per request (PostgreSQL forks a
# backend for each). The health check reconnects when the server went away meanwhile.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker and the web server use the file side by side.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://raadsplein")}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:dashboard"

# django-allauth: e-mail address is the login, verified before use.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Raadsplein] "
ACCOUNT_ADAPTER = "raadsplein.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "raadsplein.accounts.forms.SignupForm"}
# Repeated failed sign-ins are throttled per address and per IP (allauth's limits).
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("RAADSPLEIN_LOGIN_FAILED_LIMIT", default="10/m/ip,5/5m/key"),
}
# A sign-in code by e-mail: the way in for the address holder while wrong passwords typed by
# someone else throttle the address. Ten minutes gives people who read mail on another device
# time to type the code.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = env.int("RAADSPLEIN_LOGIN_CODE_SECONDS", default=600)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Raadsplein"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Raadsplein <noreply@raadsplein.nl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: django-tasks with the database backend; worker: manage.py run_worker
# (raadsplein.jobs). A worker holds each task on a lease it renews every few seconds; the task
# of a worker not seen for the lease goes back to the queue, at most MAX_ATTEMPTS runs in all.
# A task that raises is tried again after RETRY_SECONDS, doubling each time.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
RAADSPLEIN_TASK_LEASE_SECONDS = env.int("RAADSPLEIN_TASK_LEASE_SECONDS", default=60)
RAADSPLEIN_TASK_MAX_ATTEMPTS = env.int("RAADSPLEIN_TASK_MAX_ATTEMPTS", default=5)
RAADSPLEIN_TASK_RETRY_SECONDS = env.int("RAADSPLEIN_TASK_RETRY_SECONDS", default=30)

# Agenda (raadsplein.events): how long a freed seat is held for the next person waiting, and
# when the reminder and the meeting link go out before a session (docs/events.md).
RAADSPLEIN_EVENTS_OFFER_HOLD_HOURS = env.int("RAADSPLEIN_EVENTS_OFFER_HOLD_HOURS", default=48)
RAADSPLEIN_EVENTS_REMINDER_DAYS = env.int("RAADSPLEIN_EVENTS_REMINDER_DAYS", default=2)
RAADSPLEIN_EVENTS_LINK_MINUTES = env.int("RAADSPLEIN_EVENTS_LINK_MINUTES", default=60)

# Signalen (raadsplein.advocacy): figures that leave the staff screens hide every cell seen
# by fewer distinct councils than this, and the cells that would give it away
# (advocacy/suppression.py, docs/advocacy.md).
RAADSPLEIN_SIGNALS_MIN_COUNCILS = env.int("RAADSPLEIN_SIGNALS_MIN_COUNCILS", default=5)

# Vraagbaak (raadsplein.helpdesk): the desk's office hours on weekdays, local time; public
# holidays and the days staff add in the admin are skipped (docs/helpdesk.md).
VRAAGBAAK_OFFICE_HOURS = tuple(env.list("VRAAGBAAK_OFFICE_HOURS", default=["09:00", "17:00"]))
# What the desk promises, in working days of office hours, per kind of question: a first
# reaction and a solution (the seeds: an answer within one working day).
VRAAGBAAK_TARGETS = {
    "question": {"first_response": 1, "solution": 5},
    "support": {"first_response": 1, "solution": 10},
    # Per kind of support ("support:<kind>"); a kind not listed follows "support".
    "support:introduction": {"first_response": 1, "solution": 5},
}
# A question due within this many office hours shows under "Bijna te laat".
VRAAGBAAK_SOON_HOURS = env.int("VRAAGBAAK_SOON_HOURS", default=4)
# Vraagbaak e-mail (docs/helpdesk.md, "E-mail"): the sender of the desk's mail, the address
# people write to (replies go to vraagbaak+<token>@ its domain), the IMAP mailbox fetch_mail
# polls (imaps://user:password@host:993/INBOX; empty: not used) and the folder handled mail
# moves to (empty: it is only flagged as read), the attachment limits, and how many mails
# from one sender in an hour still get an acknowledgement.
VRAAGBAAK_FROM_EMAIL = env.str(
    "VRAAGBAAK_FROM_EMAIL", default="Vraagbaak Raadsplein <vraagbaak@raadsplein.nl>"
)
VRAAGBAAK_ADDRESS = env.str("VRAAGBAAK_ADDRESS", default="vraagbaak@raadsplein.nl")
VRAAGBAAK_IMAP_URL = env.str("VRAAGBAAK_IMAP_URL", default="")
VRAAGBAAK_IMAP_DONE_FOLDER = env.str("VRAAGBAAK_IMAP_DONE_FOLDER", default="")
VRAAGBAAK_ATTACHMENT_MAX_MB = env.int("VRAAGBAAK_ATTACHMENT_MAX_MB", default=10)
VRAAGBAAK_ATTACHMENTS_TOTAL_MB = env.int("VRAAGBAAK_ATTACHMENTS_TOTAL_MB", default=25)
VRAAGBAAK_ACK_PER_HOUR = env.int("VRAAGBAAK_ACK_PER_HOUR", default=5)
# An expert pool keeps access to a forwarded question this many days after it closes.
VRAAGBAAK_POOL_ACCESS_DAYS = env.int("VRAAGBAAK_POOL_ACCESS_DAYS", default=30)
# The satisfaction mail's links (and a signed-in asker's score) hold this many days after a
# question is closed; questions closed more than RETENTION_MONTHS ago are anonymised.
VRAAGBAAK_SATISFACTION_DAYS = env.int("VRAAGBAAK_SATISFACTION_DAYS", default=30)
VRAAGBAAK_RETENTION_MONTHS = env.int("VRAAGBAAK_RETENTION_MONTHS", default=24)

# Signalen (raadsplein.advocacy): signals closed longer ago than this lose their reporter's
# personal details (anonymise_old_signals; docs/advocacy.md, "Privacy").
RAADSPLEIN_SIGNALS_RETENTION_MONTHS = env.int("RAADSPLEIN_SIGNALS_RETENTION_MONTHS", default=12)

# Nieuwsbrief (raadsplein.newsletter; docs/newsletter.md, "Mail set-up"): the sender, the
# return path (bounces go to <local>+<token>@<domain>, read by `manage.py receive_bounce`), the
# mailbox for unsubscribe mails (List-Unsubscribe mailto), how long a confirmation link holds,
# sending speed (messages per second per worker lane, 0: as fast as the server takes them; the
# batch one task sends before it hands over; lanes sent in parallel) and how many temporary
# failures in a row disable an address.
NEWSLETTER_FROM_EMAIL = env.str(
    "NEWSLETTER_FROM_EMAIL", default="Nieuwsbrief Raadsplein <nieuwsbrief@raadsplein.nl>"
)
NEWSLETTER_RETURN_PATH = env.str("NEWSLETTER_RETURN_PATH", default="bounces@raadsplein.nl")
NEWSLETTER_UNSUBSCRIBE_ADDRESS = env.str(
    "NEWSLETTER_UNSUBSCRIBE_ADDRESS", default="afmelden@raadsplein.nl"
)
NEWSLETTER_CONFIRM_DAYS = env.int("NEWSLETTER_CONFIRM_DAYS", default=7)
NEWSLETTER_RATE_PER_SECOND = env.float("NEWSLETTER_RATE_PER_SECOND", default=0)
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=500)
NEWSLETTER_LANES = env.int("NEWSLETTER_LANES", default=2)
NEWSLETTER_MAX_ATTEMPTS = env.int("NEWSLETTER_MAX_ATTEMPTS", default=6)
NEWSLETTER_SOFT_BOUNCE_LIMIT = env.int("NEWSLETTER_SOFT_BOUNCE_LIMIT", default=3)

# Raadswerk (docs/councilwork.md): the largest file a council may add, and how many days
# before a trajectory's deadline its officers are reminded (each once per deadline).
COUNCILWORK_MAX_UPLOAD_MB = env.int("COUNCILWORK_MAX_UPLOAD_MB", default=10)
COUNCILWORK_REMINDER_DAYS = env.list("COUNCILWORK_REMINDER_DAYS", cast=int, default=[7, 2])

# The address of the site as people reach it: every link in mail and calendar files starts here.
# Development defaults to the HOST/PORT that `make run` serves on.
RAADSPLEIN_BASE_URL = env.str(
    "RAADSPLEIN_BASE_URL",
    default=f"http://{env.str('HOST', default='127.0.0.1')}:{env.str('PORT', default='8000')}",
).rstrip("/")

# Wagtail
WAGTAIL_SITE_NAME = "Raadsplein"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=RAADSPLEIN_BASE_URL)
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Kenniscentrum search: "index" (the database's own full-text index) or "wagtail"
# (WAGTAILSEARCH_BACKENDS, e.g. OpenSearch; docs/knowledge.md).
RAADSPLEIN_KNOWLEDGE_SEARCH = env.str("RAADSPLEIN_KNOWLEDGE_SEARCH", default="index")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no pictures from outside; nothing leaves the site
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin asks wagtail.org nothing either

# Outside video players that editors may use for recordings (raadsplein.web.video_providers:
# youtube, vimeo). A player is loaded only after the visitor clicks; the CSP's frame-src
# allows exactly these. Empty: recordings only as uploaded files.
RAADSPLEIN_VIDEO_EMBED_PROVIDERS = env.list(
    "RAADSPLEIN_VIDEO_EMBED_PROVIDERS", default=["youtube", "vimeo"]
)

# Content-Security-Policy: no inline script or style on our pages. The Wagtail admin still
# relies on inline script, so it is excluded.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *frame_sources(RAADSPLEIN_VIDEO_EMBED_PROVIDERS)],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Pages for visitors without a session are stored whole for this long (0: never), and dropped
# at once when content changes (raadsplein.web.caching). Paths starting with these are never.
RAADSPLEIN_PAGE_CACHE_SECONDS = env.int("RAADSPLEIN_PAGE_CACHE_SECONDS", default=60)
RAADSPLEIN_PAGE_CACHE_EXCLUDE = (
    "/admin/",
    "/django-admin/",
    "/account/",
    "/beheer/",
    "/documenten/",
    "/media/",
    "/i18n/",
    "/static/",
    # Secret addresses of one person's data: a reset or revocation must count at once.
    "/agenda/kalender/",
    "/leren/certificaat/",
)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Chatty libraries: page-by-page and PDF-step logs drown what matters.
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
