"""Make the demo issues' PDFs from magazine.yaml (WeasyPrint). Run after changing the YAML:

    DJANGO_SETTINGS_MODULE=raadsplein.settings.dev .venv/bin/python \
        src/raadsplein/demo/data/magazine/make_pdfs.py
"""

import django

if __name__ == "__main__":
    django.setup()
    from raadsplein.demo.newsletter_media import make_pdfs

    for path in make_pdfs():
        print(path.name, path.stat().st_size, "bytes")
