import factory

from raadsplein.learning.models import Audience, Course, Module, QuestionKind, Step, StepKind


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Testcursus {n}")
    slug = factory.Sequence(lambda n: f"testcursus-{n}")
    summary = "Een cursus om mee te testen."
    level = "basis"
    audience = Audience.MEMBERS
    is_published = True


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    sort_order = factory.Sequence(lambda n: n)


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Stap {n}")
    kind = StepKind.TEXT
    body = "<p>Uitleg bij deze stap.</p>"
    sort_order = factory.Sequence(lambda n: n)


def option(text, correct=False, feedback="", match=""):
    return {"text": text, "correct": correct, "match": match, "feedback": feedback}


QUESTIONS = [
    (
        "question",
        {
            "kind": QuestionKind.SINGLE,
            "prompt": "Welk recht geldt bij de klachtenregeling?",
            "options": [
                option("Adviesrecht", feedback="Nee, het is meer dan advies."),
                option("Instemmingsrecht", True, feedback="Goed zo."),
            ],
            "explanation": "Regelingen voor cliënten vallen onder instemming.",
        },
    ),
    (
        "question",
        {
            "kind": QuestionKind.MULTIPLE,
            "prompt": "Waarover geeft de raad advies?",
            "options": [
                option("De begroting", True),
                option("Een fusie", True),
                option("De klachtenregeling"),
            ],
            "explanation": "",
        },
    ),
    (
        "question",
        {
            "kind": QuestionKind.TRUE_FALSE,
            "prompt": "Verzwaard adviesrecht bestaat in de wet van 2018.",
            "options": [option("Waar"), option("Niet waar", True)],
            "explanation": "",
        },
    ),
    (
        "question",
        {
            "kind": QuestionKind.ORDERING,
            "prompt": "Zet op volgorde.",
            "options": [option("Lezen"), option("Vragen noteren"), option("Bespreken")],
            "explanation": "",
        },
    ),
    (
        "question",
        {
            "kind": QuestionKind.MATCHING,
            "prompt": "Koppel.",
            "options": [
                option("Begroting", match="Plannen voor volgend jaar"),
                option("Jaarrekening", match="Hoe het afgelopen jaar ging"),
            ],
            "explanation": "",
        },
    ),
]


def quiz_step(module, **kwargs) -> Step:
    step = StepFactory(
        module=module, kind=StepKind.QUIZ, title="Toets", questions=QUESTIONS, **kwargs
    )
    step.refresh_from_db()  # read the stored block ids back
    return step


def audio_step(module, document=None, **kwargs) -> Step:
    kwargs.setdefault("title", "Podcast")
    return StepFactory(
        module=module,
        kind=StepKind.AUDIO,
        media_url="" if document else "https://example.org/podcast.mp3",
        media_document=document,
        transcript="Dit is de uitgeschreven tekst van de podcast.",
        **kwargs,
    )


def small_course(*, modules: int = 2, steps_per_module: int = 2, quiz: bool = True, **kwargs):
    """A course of text steps, with a quiz as the last step when asked."""
    course = CourseFactory(**kwargs)
    for m in range(modules):
        module = ModuleFactory(course=course, sort_order=m)
        for s in range(steps_per_module):
            StepFactory(module=module, sort_order=s)
    if quiz:
        quiz_step(module, sort_order=steps_per_module)
    return course


def steps_of(course) -> list[Step]:
    return list(
        Step.objects.filter(module__course=course)
        .select_related("module__course")
        .order_by("module__sort_order", "sort_order", "pk")
    )
