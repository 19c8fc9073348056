from django.urls import path

from . import letter_views

urlpatterns = [
    path("<int:council_id>/brieven/", letter_views.letter_list, name="letters"),
    path("<int:council_id>/brieven/nieuw/", letter_views.letter_new, name="letter_new"),
    path("<int:council_id>/brieven/<int:letter_id>/", letter_views.letter_detail, name="letter"),
    path(
        "<int:council_id>/brieven/<int:letter_id>/verwijderen/",
        letter_views.letter_delete,
        name="letter_delete",
    ),
    path(
        "<int:council_id>/brieven/<int:letter_id>/brief.docx",
        letter_views.letter_docx,
        name="letter_docx",
    ),
    path(
        "<int:council_id>/brieven/<int:letter_id>/brief.pdf",
        letter_views.letter_pdf,
        name="letter_pdf",
    ),
]
