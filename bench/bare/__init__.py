"""A bare Django project: one page that renders a template of 20 cards, no database.

bench/bench_pages.py serves it under the same gunicorn as Raadsplein, in the same run, so that
each page's throughput can be given as a ratio to what Django itself does on this machine.
"""
