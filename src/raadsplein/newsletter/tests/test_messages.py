"""The message itself: readable at 320 px and in dark mode, plain text beside HTML, the
personal greeting, per-sector blocks, and no tracking of any kind."""

import re

import pytest

from raadsplein.accounts.models import FormOfAddress
from raadsplein.newsletter import messages
from raadsplein.newsletter.models import ItemKind

from .factories import EditionFactory, EditionItemFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = EditionFactory(title="Nieuwsbrief week 49", intro="Welkom bij deze editie.")
    EditionItemFactory(
        edition=edition, position=1, heading="Voor iedereen", url="https://raadsplein.nl/nieuws/a/"
    )
    EditionItemFactory(
        edition=edition,
        position=2,
        heading="Ggz-netwerk",
        sector_id="ggz",
        url="https://raadsplein.nl/nieuws/ggz/",
        members_only=True,
    )
    EditionItemFactory(
        edition=edition,
        position=3,
        heading="Jeugdraad",
        sector_id="jeugdzorg",
        url="https://www.example.org/jeugd?x=1&y=2",
    )
    EditionItemFactory(
        edition=edition, position=4, heading="Zonder link", url="", kind=ItemKind.TEXT
    )
    return edition


def _parts(message):
    html = next(content for content, kind in message.alternatives if kind == "text/html")
    return message.body, html


def test_html_keeps_dark_mode_and_narrow_screen_rules_and_is_inlined(edition):
    _text, html = _parts(messages.build_message(edition, SubscriberFactory()))
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<meta name="color-scheme" content="light dark">' in html
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert "@media (prefers-color-scheme: dark)" in style
    assert "@media (max-width: 480px)" in style
    assert re.search(r'<h1 style="[^"]*font-size: ?26px', html)  # inlined
    assert 'lang="nl"' in html


def test_every_link_is_the_items_own_or_ours(edition):
    subscriber = SubscriberFactory()
    message = messages.build_message(edition, subscriber)
    _text, html = _parts(message)
    hrefs = re.findall(r'href="([^"]*)"', html)
    allowed = {
        "https://raadsplein.nl/nieuws/a/",
        "https://raadsplein.nl/nieuws/ggz/",
        "https://www.example.org/jeugd?x=1&amp;y=2",
        messages.archive_url(edition),
        messages.preferences_url(subscriber),
        messages.unsubscribe_url(subscriber),
    }
    assert hrefs and set(hrefs) <= allowed
    assert messages.archive_url(edition) in hrefs
    assert messages.unsubscribe_url(subscriber) in hrefs
    assert messages.preferences_url(subscriber) in hrefs
    # No pixel, no image, nothing loaded from anywhere, no redirects through us.
    assert "<img" not in html and "url(" not in html and "src=" not in html
    assert "/r/" not in html and "utm_" not in html


def test_plain_text_beside_html(edition):
    subscriber = SubscriberFactory(name="Anna de Vries")
    text, html = _parts(messages.build_message(edition, subscriber))
    assert "<" not in text.replace("<https", "")
    assert "Beste Anna de Vries," in text
    assert "https://www.example.org/jeugd?x=1&y=2" in text  # not escaped in text
    assert messages.archive_url(edition) in text
    assert messages.unsubscribe_url(subscriber) in text
    assert "Welkom bij deze editie." in text and "Welkom bij deze editie." in html


def test_a_reader_of_one_sector_gets_that_sectors_blocks_only(edition):
    reader = SubscriberFactory()
    reader.sectors.add("ggz")
    text, html = _parts(messages.build_message(edition, reader))
    for body in (text, html):
        assert "Ggz-netwerk" in body and "Voor iedereen" in body and "Zonder link" in body
        assert "Jeugdraad" not in body
        assert "Voor de Geestelijke gezondheidszorg (ggz)" in body
    assert "voor leden" in html
    everyone_text, _html = _parts(messages.build_message(edition, SubscriberFactory()))
    assert "Jeugdraad" in everyone_text and "Ggz-netwerk" in everyone_text


def test_informal_readers_get_je(edition):
    reader = SubscriberFactory(name="Sam Bakker", form_of_address=FormOfAddress.INFORMAL)
    text, html = _parts(messages.build_message(edition, reader))
    assert "Hoi Sam," in text and "Hoi Sam," in html
    assert "Je voorkeuren aanpassen" in text and "Uw voorkeuren" not in html


def test_variants_are_rendered_once_and_shared(edition, django_assert_max_num_queries):
    renderer = messages.Renderer(edition)
    readers = SubscriberFactory.create_batch(12)
    sets = [set(), {"ggz"}, {"ggz", "ouderenzorg"}, {"jeugdzorg"}]
    renderer.build(readers[0], sector_ids=set())  # reads the blocks
    with django_assert_max_num_queries(0):
        built = [
            renderer.build(reader, sector_ids=sets[n % len(sets)])
            for n, reader in enumerate(readers)
        ]
    # {"ggz"} and {"ggz", "ouderenzorg"} select the same blocks: one variant.
    assert len(renderer._variants) == 3
    bodies = [m.body for m in built]
    assert all(reader.name in body for reader, body in zip(readers, bodies, strict=True))
    assert len({m.extra_headers["Message-ID"] for m in built}) == 12


def test_placeholders_never_leak_and_names_are_escaped(edition):
    reader = SubscriberFactory(name="<b>Jan</b> & co")
    text, html = _parts(messages.build_message(edition, reader))
    assert "&lt;b&gt;Jan&lt;/b&gt; &amp; co" in html and "<b>Jan</b>" not in html
    assert "Beste <b>Jan</b> & co," in text
    for placeholder in messages.PLACEHOLDERS:
        assert placeholder not in html and placeholder not in text
