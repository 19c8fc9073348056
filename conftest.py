"""Suite-wide fixtures: PostgreSQL-only and browser tests, Playwright with Debian's Chromium,
and an axe-core check for WCAG 2.2 A/AA.

Without PostgreSQL or Chromium those tests are skipped and the summary says so;
REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 turn such skips into failures (CI sets both).
"""

import importlib
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

_skipped: dict[str, int] = {"postgres": 0, "browser": 0}
POSTGRES_SKIP = "needs PostgreSQL (set DATABASE_URL)"
BROWSER_SKIP = "needs Chromium"


def pytest_runtest_logreport(report):
    """Count skips for lack of PostgreSQL or Chromium. Called in the main process for every
    test, also when pytest-xdist runs the tests in worker processes."""
    if not report.skipped or report.when != "setup":
        return
    reason = str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)
    if POSTGRES_SKIP in reason:
        _skipped["postgres"] += 1
    elif BROWSER_SKIP in reason:
        _skipped["browser"] += 1


def _flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0", "false", "no")


def _db_vendor() -> str:
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return "postgresql" if "postgresql" in engine else engine.rsplit(".", 1)[-1]


def _have_chromium() -> bool:
    if "CHROMIUM_PATH" in os.environ:  # an explicit path is the only one tried
        return Path(CHROMIUM).exists()
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


def pytest_sessionstart(session):
    if _flag("REQUIRE_POSTGRES") and _db_vendor() != "postgresql":
        pytest.exit(
            "REQUIRE_POSTGRES=1 but DATABASE_URL does not point at PostgreSQL", returncode=3
        )
    if _flag("REQUIRE_BROWSER") and not _have_chromium():
        pytest.exit(f"REQUIRE_BROWSER=1 but Chromium was not found at {CHROMIUM}", returncode=3)


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and _db_vendor() != "postgresql":
        pytest.skip(POSTGRES_SKIP)
    if item.get_closest_marker("browser"):
        if not _have_chromium():
            pytest.skip(f"{BROWSER_SKIP} at {CHROMIUM}")
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_sep("-", "Raadsplein test environment")
    terminalreporter.write_line(f"database: {_db_vendor()}")
    if _skipped["postgres"]:
        terminalreporter.write_line(
            f"SKIPPED {_skipped['postgres']} PostgreSQL-only tests (running on {_db_vendor()}); "
            "set DATABASE_URL=postgres://… to run them"
        )
    if _skipped["browser"]:
        terminalreporter.write_line(
            f"SKIPPED {_skipped['browser']} browser tests (no Chromium at {CHROMIUM}); "
            "install it (apt-get install chromium) to run them"
        )
    if not any(_skipped.values()):
        terminalreporter.write_line("nothing skipped for lack of PostgreSQL or Chromium")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


_RESTORE: list = []  # the function that puts the base data back after a flush


@pytest.fixture(scope="session", autouse=True)
def _restore_base_data_after_every_flush(django_db_setup):
    """A transactional test (browser, concurrency, worker processes) ends by emptying every
    table, data from migrations included. Put the base data back right after that flush, so
    the tests that follow in the same process (with pytest-xdist: tests of other files too)
    find the site, the home page, sectors and staff groups."""
    from django.test import testcases

    from raadsplein.web.services import ensure_base_data

    original = testcases.TransactionTestCase._fixture_teardown

    from django.apps import apps as django_apps

    from raadsplein.knowledge.taxonomy import merge_duplicate_themes

    knowledge_seeds = [
        importlib.import_module(f"raadsplein.knowledge.migrations.{name}").seed
        for name in ("0002_seed_synonyms_and_themes", "0010_more_synonyms")
    ]

    def restore():
        ensure_base_data()
        _councilwork_data()
        for seed in knowledge_seeds:  # synonyms and themes, from the data migrations
            seed(django_apps, None)
        merge_duplicate_themes(django_apps)  # the one theme list, as migration 0009 left it

    def teardown_then_restore(self):
        original(self)
        restore()

    _RESTORE.append(restore)
    testcases.TransactionTestCase._fixture_teardown = teardown_then_restore
    yield
    testcases.TransactionTestCase._fixture_teardown = original


@pytest.fixture(autouse=True)
def _base_data_after_flush(request, django_db_blocker):
    """Transactional tests (browser, concurrency) empty every table when they end, data from
    migrations included. Put that data back before each one, so tests don't depend on order."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or bool(
        {"live_server", "transactional_db"} & set(request.fixturenames)
    )
    if "shared_demo_world" in request.fixturenames:
        transactional = False  # the module's world stays until the module ends
    if transactional:
        request.getfixturevalue("transactional_db")
        from raadsplein.web.services import ensure_base_data

        with django_db_blocker.unblock():
            ensure_base_data()
            _councilwork_data()
    yield


def _councilwork_data() -> None:
    """Raadswerk's data migrations: the Wmcz catalogue (0002) and the model letters (0003).
    Both loaders add only what is missing."""
    from raadsplein.councilwork import legal, letters
    from raadsplein.councilwork.models import LegalRule, LegalSubject

    legal.load(LegalSubject, LegalRule)
    letters.load_default_templates()


@pytest.fixture(scope="module")
def demo_world_rolled_back(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo world (``seed_demo``), built once for a test module inside a transaction that
    is rolled back when the module ends. Tests that ask for ``db`` run in a savepoint inside
    it, so what one test changes is gone for the next. Yields the media folder the world's
    files are in (set it as MEDIA_ROOT in the test)."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, RAADSPLEIN_DEMO_MODE=True),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", verbosity=0)
            yield media
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def shared_demo_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo world for a module of browser tests, built once and committed (the live
    server reads it over its own connection). The tests of the module share it, so each
    must leave it as another test expects it; when the module ends every table is emptied
    and the base data put back, as after any transactional test. Ask for it through a
    function fixture that also asks for ``shared_demo_db``."""
    from django.core.management import call_command
    from django.test import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock():
        try:
            with override_settings(MEDIA_ROOT=media, RAADSPLEIN_DEMO_MODE=True):
                call_command("seed_demo", verbosity=0)
            yield media
        finally:
            call_command("flush", interactive=False, verbosity=0)
            _RESTORE[0]()


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's own helper, except for tests on a module's shared demo world: those
    reach the database through ``shared_demo_db`` and must not empty it when they end."""
    if "live_server" not in request.fixturenames:
        yield
        return
    if "shared_demo_world" not in request.fixturenames:
        request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def shared_demo_db(shared_demo_world, django_db_blocker, settings):
    """Database access for a test on the module's shared demo world (see above)."""
    settings.MEDIA_ROOT = shared_demo_world
    settings.RAADSPLEIN_DEMO_MODE = True
    with django_db_blocker.unblock():
        yield shared_demo_world


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached pages live in the cache: every test starts with none. The
    site lookup also keeps a few seconds' memo in the process; a memo left by the previous
    test would expire in the middle of this one and add a query to whichever request
    crosses that moment."""
    from django.core.cache import cache

    from raadsplein.web import caching

    cache.clear()
    caching._drop_sites()
    yield


@pytest.fixture(scope="session")
def _playwright():
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(_playwright):
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    browser = _playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="nl-NL"
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return _axe_source()


@pytest.fixture
def check_widths(assert_accessible):
    """``check_widths(page, name)``: axe-core at 1280 px and at 320 px, and no sideways scroll
    at the narrow width (WCAG 1.4.10 reflow); with ``RAADSPLEIN_SCREENSHOTS=<folder>`` a
    full-page screenshot ``<name>-<width>.png`` at each width. The page is left at 1280 px."""

    def check(page, name: str, *, widths=(1280, 320)) -> None:
        folder = os.environ.get("RAADSPLEIN_SCREENSHOTS")
        for width in widths:
            page.set_viewport_size({"width": width, "height": 900 if width >= 1000 else 800})
            assert_accessible(page, context=f"{name} at {width} px")
            if width < 1000:
                scroll = page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, f"{name} scrolls sideways at {width} px ({scroll} px)"
            if folder:
                page.screenshot(path=str(Path(folder) / f"{name}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})

    return check


@pytest.fixture
def assert_accessible(axe_source):
    """Run axe-core on the page (WCAG 2.0–2.2, A and AA) and fail on any violation."""

    def run_axe(page):
        # evaluate() runs outside the page's CSP, so axe needs no inline-script exception.
        page.wait_for_load_state("load")
        page.evaluate(axe_source)
        return page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )

    def check(page, *, context: str = "") -> None:
        from playwright.sync_api import Error as PlaywrightError

        try:
            result = run_axe(page)
        except PlaywrightError:
            # A click just before may still be navigating: the old document went away
            # under axe. Wait for the new page and check that one.
            page.wait_for_load_state("load")
            result = run_axe(page)
        violations = result["violations"]
        lines = [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
            for v in violations
        ]
        assert not violations, f"axe-core on {context or page.url}:\n" + "\n".join(lines)

    return check
