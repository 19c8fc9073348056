"""manage.py rebuild_knowledge_index — rebuild the Kenniscentrum search index now."""

from django.core.management.base import BaseCommand

from raadsplein.knowledge.search import indexing


class Command(BaseCommand):
    help = "Bouw de zoekindex van de kennisbank opnieuw op."

    def handle(self, *args, **options):
        count = indexing.rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"{count} publicaties in de zoekindex."))
