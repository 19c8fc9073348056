"""Reference data every installation has: care sectors and regions.

The data migration creates them; ``ensure_reference_data`` restores them where a database was
emptied (the demo builder calls it, so a flushed test database seeds as well).
"""

SECTORS = [
    ("ouderenzorg", "Ouderenzorg (VVT)", 1),
    ("thuiszorg", "Thuiszorg", 2),
    ("ggz", "Geestelijke gezondheidszorg (ggz)", 3),
    ("gehandicaptenzorg", "Gehandicaptenzorg", 4),
    ("jeugdzorg", "Jeugdzorg", 5),
    ("ziekenhuiszorg", "Ziekenhuiszorg", 6),
]

REGIONS = [
    ("Noord", "noord"),
    ("Oost", "oost"),
    ("Midden", "midden"),
    ("Noord-West", "noord-west"),
    ("Zuid-West", "zuid-west"),
    ("Zuid", "zuid"),
]


def ensure_reference_data(care_sector_model=None, region_model=None) -> None:
    if care_sector_model is None or region_model is None:
        from .models import CareSector, Region

        care_sector_model, region_model = CareSector, Region
    for code, name, order in SECTORS:
        care_sector_model.objects.update_or_create(
            code=code, defaults={"name": name, "order": order}
        )
    for name, slug in REGIONS:
        region_model.objects.get_or_create(slug=slug, defaults={"name": name})
