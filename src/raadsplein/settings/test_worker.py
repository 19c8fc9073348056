"""A worker process started by the tests: the test settings with the database task backend
and real SMTP (EMAIL_URL, e.g. a local aiosmtpd server the test runs)."""

from .test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
