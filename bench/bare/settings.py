"""Settings of the bare comparison page: production-like (DEBUG off, cached templates)."""

from pathlib import Path

DEBUG = False
SECRET_KEY = "bench-only-not-secret-bare-django-page-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bare.urls"
INSTALLED_APPS = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "OPTIONS": {"context_processors": []},
    }
]
DATABASES = {}
USE_I18N = False
USE_TZ = True
