"""The demo world: made-up providers, councils, people, publications, courses and events
that show what Raadsplein does. Installed only where RAADSPLEIN_DEMO_MODE is on (dev, test,
a demo installation); no other app imports it.

The texts and material are data files under ``data/``; the modules beside this one hold only
the builders, one per domain, which write through each app's services and models. ``seed_demo``
runs them in the order of ``world.builders()``; every builder is idempotent."""

DEMO_PASSWORD = "raadsplein-demo"  # public: every demo account uses it
DEMO_DOMAIN = "demo.raadsplein.nl"
