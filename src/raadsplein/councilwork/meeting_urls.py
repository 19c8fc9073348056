"""Paths of meetings, the agenda, minutes, decisions and actions (``meeting_views``)."""

from django.urls import path

from . import meeting_views as v

M = "<int:council_id>/vergaderingen/<int:meeting_id>/"
ITEM = M + "punten/<int:item_id>/"

urlpatterns = [
    path("<int:council_id>/vergaderingen/", v.meeting_list, name="meetings"),
    path("<int:council_id>/vergaderingen/nieuw/", v.meeting_new, name="meeting_new"),
    path(M, v.meeting_detail, name="meeting"),
    path(M + "wijzigen/", v.meeting_edit, name="meeting_edit"),
    path(M + "afzeggen/", v.meeting_cancel, name="meeting_cancel"),
    path(M + "versturen/", v.meeting_send, name="meeting_send"),
    path(M + "punten/nieuw/", v.item_new, name="meeting_item_new"),
    path(ITEM + "wijzigen/", v.item_edit, name="meeting_item_edit"),
    path(ITEM + "verwijderen/", v.item_delete, name="meeting_item_delete"),
    path(ITEM + "verplaatsen/", v.item_move, name="meeting_item_move"),
    path(M + "stukken/nieuw/", v.document_new, name="meeting_document_new"),
    path(M + "verslag/", v.meeting_minutes, name="meeting_minutes"),
    path(M + "agenda.pdf", v.agenda_pdf, name="meeting_agenda_pdf"),
    path(M + "verslag.pdf", v.minutes_pdf, name="meeting_minutes_pdf"),
    path(M + "vergadering.ics", v.ics, name="meeting_ics"),
    path("<int:council_id>/besluiten/", v.decision_list, name="decisions"),
    path("<int:council_id>/besluiten/nieuw/", v.decision_new, name="decision_new"),
    path("<int:council_id>/acties/", v.action_list, name="actions"),
    path("<int:council_id>/acties/nieuw/", v.action_new, name="action_new"),
    path("<int:council_id>/acties/<int:action_id>/gedaan/", v.action_done, name="action_done"),
]
