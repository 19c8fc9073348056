"""Development and demo: runs without any configuration (SQLite under var/)."""

from .base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-raadsplein"  # noqa: S105 - dev only
RAADSPLEIN_DEMO_MODE = env.bool("RAADSPLEIN_DEMO_MODE", default=True)
RAADSPLEIN_REQUIRE_STAFF_MFA = env.bool("RAADSPLEIN_REQUIRE_STAFF_MFA", default=False)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=["localhost", "127.0.0.1", "[::1]", "0.0.0.0"],  # noqa: S104 - dev server only
)
