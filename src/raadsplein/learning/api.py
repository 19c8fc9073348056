"""GET /api/v1/learning/courses: the courses the caller may see."""

from ninja import Router, Schema

from raadsplein.api import api_user, one_of, responses

from . import selectors
from .models import Audience

router = Router(tags=["leeromgeving"])


class CourseOut(Schema):
    slug: str
    title: str
    modules: int
    steps: int
    quizzes: int
    audience: one_of(Audience)


@router.get(
    "/courses", response=responses({200: list[CourseOut]}), summary="Cursussen die u mag zien"
)
def list_courses(request):
    user = api_user(request)
    return [
        CourseOut(
            slug=c.slug,
            title=c.title,
            modules=c.module_count,
            steps=c.step_count,
            quizzes=c.quiz_count,
            audience=c.audience,
        )
        for c in selectors.api_courses(user)
    ]
