"""Helpers for tests and the demo world: quiz answers that pass or fail, and a short audio
file. Never used to answer a real participant's request."""

import io
import math
import struct
import wave

from . import services
from .models import QuestionKind, Step


def correct_answers(step: Step) -> dict:
    """The answers that score 100% (demo progress and tests use it; never sent to a page)."""
    answers = {}
    for q in step.question_list():
        if q["kind"] == QuestionKind.ORDERING:
            answers[q["id"]] = {o["id"]: str(i + 1) for i, o in enumerate(q["options"])}
        elif q["kind"] == QuestionKind.MATCHING:
            answers[q["id"]] = {
                o["id"]: services.match_token(q["id"], o["match"]) for o in q["options"]
            }
        else:
            answers[q["id"]] = [o["id"] for o in q["options"] if o["correct"]]
    return answers


def wrong_answers(step: Step) -> dict:
    """Well-formed answers that are all wrong (for a demo or test attempt that fails)."""
    answers = {}
    for q in step.question_list():
        ids = [o["id"] for o in q["options"]]
        if q["kind"] == QuestionKind.ORDERING:
            answers[q["id"]] = {oid: str(len(ids) - i) for i, oid in enumerate(ids)}
        elif q["kind"] == QuestionKind.MATCHING:
            first = services.match_token(q["id"], q["options"][0]["match"])
            answers[q["id"]] = dict.fromkeys(ids, first)
        else:
            wrong = [o["id"] for o in q["options"] if not o["correct"]]
            answers[q["id"]] = wrong[:1] if q["kind"] != QuestionKind.MULTIPLE else ids
    return answers


def tone_wav(seconds: float = 3.0, rate: int = 8000) -> bytes:
    """A short, quiet tone: the stand-in for spoken demo audio where espeak-ng is missing."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        frames = b"".join(
            struct.pack("<h", int(1500 * math.sin(2 * math.pi * 440 * i / rate)))
            for i in range(int(seconds * rate))
        )
        w.writeframes(frames)
    return out.getvalue()


def finish_course(person, course):
    """Complete every step of the course for the person (quizzes answered right); returns the
    certificate."""
    from .models import Certificate, StepKind

    steps = Step.objects.filter(module__course=course).order_by(
        "module__sort_order", "sort_order", "pk"
    )
    for step in steps:
        if step.kind == StepKind.QUIZ:
            services.submit_quiz(
                person=person,
                step=step,
                token=services.quiz_token(person=person, step=step),
                answers=correct_answers(step),
            )
        else:
            services.complete_step(person=person, step=step)
    return Certificate.objects.get(person=person, course=course)


def response_text(response) -> str:
    """A response's text, also from a PDF."""
    import io

    from pypdf import PdfReader

    if response["Content-Type"] == "application/pdf":
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    return response.content.decode()
