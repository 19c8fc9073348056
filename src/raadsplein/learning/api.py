"""GET /api/v1/learning/courses: the courses the caller may see."""

from ninja import Router, Schema

from raadsplein.api import api_user

from . import selectors

router = Router(tags=["leeromgeving"])


class CourseOut(Schema):
    slug: str
    title: str
    modules: int
    steps: int
    quizzes: int
    audience: str


@router.get("/courses", response=list[CourseOut], summary="Cursussen die u mag zien")
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
