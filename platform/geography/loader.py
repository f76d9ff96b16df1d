"""Load the Kallikratis table shipped in geography/data into the geography tables."""

from __future__ import annotations

import csv
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
TABLE = DATA_DIR / "kallikratis_municipal_units.csv"
NAMES = DATA_DIR / "names_el.csv"


def read_table(path: Path = TABLE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_kallikratis(region_model, regional_unit_model, municipality_model, unit_model) -> int:
    """Create or update every row of the table. Idempotent; returns municipal units loaded.

    Takes the model classes so that a data migration can pass its historical models.
    """
    from geography.naming import (
        accented_from_words,
        greek_title_case,
        learn_word_accents,
        load_accented_names,
    )

    rows = read_table()
    accented = load_accented_names(NAMES)
    # Municipal units have no accented list of their own: their words are mostly the
    # municipalities' words, whose accents are known.
    officials = {
        (level, row[f"{level}_code"]): row[f"{level}_name"].strip()
        for row in rows
        for level in ("region", "regional_unit", "municipality")
    }
    word_accents = learn_word_accents(
        [(officials[key], name) for key, name in accented.items() if key in officials]
    )

    def proper(level: str, code: str, official: str) -> str:
        return (
            accented.get((level, code))
            or accented_from_words(official.strip(), word_accents)
            or greek_title_case(official.strip())
        )

    regions, regional_units, municipalities = {}, {}, {}
    populations: dict[str, int] = {}
    for row in rows:
        code = row["municipality_code"]
        populations[code] = populations.get(code, 0) + int(row["population_2001"] or 0)

    for row in rows:
        region_code = row["region_code"]
        if region_code not in regions:
            regions[region_code], _ = region_model.objects.update_or_create(
                code=region_code,
                defaults={
                    "official_name": row["region_name"].strip(),
                    "name": proper("region", region_code, row["region_name"]),
                },
            )
        ru_code = row["regional_unit_code"]
        if ru_code not in regional_units:
            regional_units[ru_code], _ = regional_unit_model.objects.update_or_create(
                code=ru_code,
                defaults={
                    "official_name": row["regional_unit_name"].strip(),
                    "name": proper("regional_unit", ru_code, row["regional_unit_name"]),
                    "region": regions[region_code],
                },
            )
        m_code = row["municipality_code"]
        if m_code not in municipalities:
            municipalities[m_code], _ = municipality_model.objects.update_or_create(
                code=m_code,
                defaults={
                    "official_name": row["municipality_name"].strip(),
                    "name": proper("municipality", m_code, row["municipality_name"]),
                    "regional_unit": regional_units[ru_code],
                    "population_2001": populations[m_code],
                },
            )
        unit_model.objects.update_or_create(
            code=row["municipal_unit_code"],
            defaults={
                "official_name": row["municipal_unit_name"].strip(),
                "name": proper(
                    "municipal_unit", row["municipal_unit_code"], row["municipal_unit_name"]
                ),
                "municipality": municipalities[m_code],
                "population_2001": int(row["population_2001"] or 0),
                "communities": int(row["communities"] or 0),
            },
        )
    return len(rows)
