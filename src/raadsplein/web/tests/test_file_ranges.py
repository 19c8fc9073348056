"""Byte ranges on files the guard serves (web.files.with_ranges): video players start and
seek with ``Range`` requests and need 206 answers."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from raadsplein.accounts.tests.factories import redacteur
from raadsplein.knowledge.tests.factories import publication

Document = get_document_model()
CONTENT = bytes(range(256)) * 4  # 1024 bytes, every position distinguishable


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def video(db):
    doc = Document(title="Bereik.mp4")
    doc.file.save("bereik.mp4", ContentFile(CONTENT), save=False)
    doc.save()
    page = publication(kind="video", audience="public", transcript="Tekst.", index=False)
    page.media_document = doc
    page.save_revision().publish()
    return doc


def test_whole_file_says_it_accepts_ranges(client, video):
    response = client.get(video.url)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == CONTENT


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-1", 0, 1),
        ("bytes=100-199", 100, 199),
        ("bytes=1000-", 1000, 1023),
        ("bytes=-24", 1000, 1023),
        ("bytes=1000-5000", 1000, 1023),
        ("bytes=0-", 0, 1023),
    ],
)
def test_range_answers_206_with_exactly_that_part(client, video, header, start, end):
    response = client.get(video.url, HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(CONTENT)}"
    assert response["Content-Length"] == str(end - start + 1)
    assert response["Content-Type"] == "video/mp4"
    assert response["Cache-Control"] == "public, max-age=600"
    assert body(response) == CONTENT[start : end + 1]


def test_range_past_the_end_answers_416(client, video):
    response = client.get(video.url, HTTP_RANGE="bytes=5000-6000")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(CONTENT)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "items=0-1", "bytes=9-3", "bytes=-"])
def test_ranges_we_do_not_cut_get_the_whole_file(client, video, header):
    response = client.get(video.url, HTTP_RANGE=header)
    assert response.status_code == 200
    assert body(response) == CONTENT


def test_if_range_for_another_version_gets_the_whole_file(client, video):
    response = client.get(video.url, HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE='"oud"')
    assert response.status_code == 200
    assert body(response) == CONTENT
    etag = client.get(video.url)["ETag"]
    response = client.get(video.url, HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE=etag)
    assert response.status_code == 206


def test_a_range_never_walks_around_the_guard(client, db):
    doc = Document(title="Geheim.mp4")
    doc.file.save("geheim.mp4", ContentFile(CONTENT), save=False)
    doc.save()
    page = publication(kind="video", audience="members", transcript="Tekst.", index=False)
    page.media_document = doc
    page.save_revision().publish()
    response = client.get(doc.url, HTTP_RANGE="bytes=0-9")
    assert response.status_code == 302
    assert CONTENT[:10] not in body(response)
    client.force_login(redacteur())
    response = client.get(doc.url, HTTP_RANGE="bytes=0-9")
    assert response.status_code == 206
    assert response["Cache-Control"] == "private, no-store"
    assert body(response) == CONTENT[:10]
