"""Finding services: Greek full text without accents, a trigram fallback, area ranking.

Each service carries search columns that `reindex_services` recomputes from the service,
its organization, its taxonomy terms, the cities of its locations and its service areas:

- `search_vector`: tsvector in the `public.greek_unaccent` configuration (Greek Snowball
  stemmer after unaccent), weighted name > organization/terms > description/places;
- `search_text`: lower-case unaccented text, whose words feed `SearchWord`, the short
  list a misspelt word is matched against by trigram similarity;
- `area_*`: the covered national/region/regional-unit/municipality ids, so ranking by
  "covers the person's municipality" is a cheap expression instead of a join per row.

Every write in directory.services (and the seed and HSDS import) calls reindex_services.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from uuid import UUID

from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL

from directory.models import Attribute, Language, Service, Status
from geography.models import Municipality

CONFIG = "public.greek_unaccent"
PAGE_SIZE = 25

_REINDEX_SQL = """
WITH terms AS (
    SELECT a.link_id AS id, string_agg(t.name, ' ') AS text
    FROM directory_attribute a
    JOIN directory_taxonomyterm t ON t.id = a.taxonomy_term_id
    WHERE a.link_entity = 'service' AND NOT a.is_deleted AND NOT t.is_deleted
      AND a.link_id = ANY(%(ids)s)
    GROUP BY a.link_id
), places AS (
    SELECT sal.service_id AS id,
           string_agg(coalesce(ad.city, '') || ' ' || coalesce(m.name, ''), ' ') AS text
    FROM directory_serviceatlocation sal
    JOIN directory_location l ON l.id = sal.location_id AND NOT l.is_deleted
    LEFT JOIN directory_address ad ON ad.location_id = l.id AND NOT ad.is_deleted
    LEFT JOIN geography_municipality m ON m.id = l.municipality_id
    WHERE NOT sal.is_deleted AND sal.service_id = ANY(%(ids)s)
    GROUP BY sal.service_id
), areas AS (
    SELECT sa.service_id AS id,
           bool_or(sa.scope = 'national') AS national,
           coalesce(array_agg(sa.region_id) FILTER (WHERE sa.region_id IS NOT NULL), '{}')
               AS regions,
           coalesce(array_agg(sa.regional_unit_id)
               FILTER (WHERE sa.regional_unit_id IS NOT NULL), '{}') AS regional_units,
           coalesce(array_agg(sa.municipality_id)
               FILTER (WHERE sa.municipality_id IS NOT NULL), '{}') AS municipalities
    FROM directory_servicearea sa
    WHERE NOT sa.is_deleted AND sa.service_id = ANY(%(ids)s)
    GROUP BY sa.service_id
), source AS (
    SELECT s.id,
           s.name || ' ' || s.alternate_name AS a_text,
           o.name || ' ' || o.alternate_name || ' ' || coalesce(terms.text, '') AS b_text,
           s.description || ' ' || s.eligibility_description || ' '
               || coalesce(places.text, '') AS c_text,
           coalesce(places.text, '') AS place_text,
           areas.national, areas.regions, areas.regional_units, areas.municipalities
    FROM directory_service s
    JOIN directory_organization o ON o.id = s.organization_id
    LEFT JOIN terms ON terms.id = s.id
    LEFT JOIN places ON places.id = s.id
    LEFT JOIN areas ON areas.id = s.id
    WHERE s.id = ANY(%(ids)s)
)
UPDATE directory_service s SET
    search_vector = setweight(to_tsvector('public.greek_unaccent', source.a_text), 'A')
        || setweight(to_tsvector('public.greek_unaccent', source.b_text), 'B')
        || setweight(to_tsvector('public.greek_unaccent', source.c_text), 'C'),
    search_text = lower(public.unaccent(
        source.a_text || ' ' || source.b_text || ' ' || source.place_text)),
    area_national = coalesce(source.national, false),
    area_region_ids = coalesce(source.regions, '{}'),
    area_regional_unit_ids = coalesce(source.regional_units, '{}'),
    area_municipality_ids = coalesce(source.municipalities, '{}')
FROM source
WHERE s.id = source.id
"""


_WORDS_SQL = """
INSERT INTO directory_searchword (word)
SELECT DISTINCT word
FROM directory_service s, regexp_split_to_table(s.search_text, '[^[:alnum:]]+') AS word
WHERE s.id = ANY(%(ids)s) AND length(word) > 2
ON CONFLICT DO NOTHING
"""


def reindex_services(ids: Iterable[UUID]) -> None:
    """Recompute the search columns of these services (deleted ones included, harmlessly)."""
    ids = list(ids)
    if not ids:
        return
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 5000):
            cursor.execute(_REINDEX_SQL, {"ids": ids[start : start + 5000]})
            cursor.execute(_WORDS_SQL, {"ids": ids[start : start + 5000]})


def reindex_all() -> None:
    reindex_services(Service.all_objects.values_list("id", flat=True))


def visible_services(tenant) -> QuerySet[Service]:
    """National services and the local ones of `tenant` (None: the public portal, national only).

    Never another centre's local entries.
    """
    own = Q(owner_tenant__isnull=True)
    if tenant is not None:
        own |= Q(owner_tenant=tenant)
    return Service.objects.filter(own, organization__is_deleted=False)


@dataclass
class SearchResults:
    services: list[Service]
    total: int
    # True when the full text found nothing and the trigram (typo) match answered.
    fallback: bool = False
    page: int = 1
    page_size: int = PAGE_SIZE
    statuses: Sequence[str] = field(default_factory=tuple)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


_WORD = re.compile(r"\w+", re.UNICODE)


def _tsquery(text: str) -> str:
    """Every typed word as a prefix, all required: «ψυχ υγε» finds «Ψυχικής Υγείας»."""
    return " & ".join(f"'{word}':*" for word in _WORD.findall(text.lower()))


def _area_rank(municipality: Municipality | None) -> RawSQL:
    """0 municipality, 1 regional unit, 2 region, 3 whole country, 4 elsewhere."""
    if municipality is None:
        return RawSQL("CASE WHEN directory_service.area_national THEN 3 ELSE 4 END", [])
    unit = municipality.regional_unit
    return RawSQL(
        """CASE
            WHEN %s = ANY(directory_service.area_municipality_ids) THEN 0
            WHEN %s = ANY(directory_service.area_regional_unit_ids) THEN 1
            WHEN %s = ANY(directory_service.area_region_ids) THEN 2
            WHEN directory_service.area_national THEN 3
            ELSE 4 END""",
        [municipality.pk, unit.pk, unit.region_id],
    )


def search_services(
    *,
    tenant,
    query: str = "",
    municipality: Municipality | None = None,
    taxonomy_term_ids: Sequence[UUID] = (),
    language: str = "",
    age: int | None = None,
    statuses: Sequence[str] = (Status.ACTIVE,),
    only_covering: bool = False,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> SearchResults:
    """Services `tenant`'s staff may refer to, best first.

    Services covering `municipality` (the person's) rank first, then those of its regional
    unit, its region, the whole country; within a rank, the best text match. With
    `only_covering`, services that do not cover the municipality are left out.
    """
    services = visible_services(tenant)
    if statuses:
        services = services.filter(status__in=list(statuses))
    if taxonomy_term_ids:
        services = services.filter(
            id__in=Attribute.objects.filter(
                link_entity="service", taxonomy_term_id__in=list(taxonomy_term_ids)
            ).values("link_id")
        )
    if language:
        services = services.filter(
            id__in=Language.objects.filter(code=language.lower(), service__isnull=False).values(
                "service_id"
            )
        )
    if age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
        )
    services = services.annotate(area_rank=_area_rank(municipality))
    if only_covering and municipality is not None:
        services = services.filter(area_rank__lt=4)

    page = max(1, page)
    window = slice((page - 1) * page_size, page * page_size)
    tsquery = _tsquery(query)
    if not tsquery:
        ordered = services.order_by("area_rank", "name")
        return _results(ordered, window, page, page_size, statuses)

    results = _full_text(services, tsquery, window, page, page_size, statuses)
    if results.total:
        return results
    # Nothing matched word for word: take each word for a misspelling of the closest
    # words of the directory (trigram similarity on the short word list), and search again.
    corrected = _corrected_tsquery(query)
    if corrected:
        results = _full_text(services, corrected, window, page, page_size, statuses)
    results.fallback = True
    return results


def _full_text(services, tsquery: str, window, page, page_size, statuses) -> SearchResults:
    matched = services.annotate(
        text_rank=RawSQL(
            "ts_rank(directory_service.search_vector, to_tsquery(%s::regconfig, %s))",
            [CONFIG, tsquery],
        )
    ).extra(  # noqa: S610  (parameterised; the GIN index needs the bare @@ operator)
        where=["directory_service.search_vector @@ to_tsquery(%s::regconfig, %s)"],
        params=[CONFIG, tsquery],
    )
    return _results(
        matched.order_by("area_rank", F("text_rank").desc(), "name"),
        window,
        page,
        page_size,
        statuses,
    )


_CLOSEST_WORDS_SQL = """
SELECT word FROM directory_searchword
WHERE word %% lower(public.unaccent(%(typed)s))
ORDER BY similarity(word, lower(public.unaccent(%(typed)s))) DESC, word
LIMIT 3
"""


def _corrected_tsquery(query: str) -> str:
    """Each typed word replaced by up to three close words of the directory; '' if a word
    has none (then nothing can match)."""
    groups = []
    with connection.cursor() as cursor:
        for typed in _WORD.findall(query.lower()):
            cursor.execute(_CLOSEST_WORDS_SQL, {"typed": typed})
            words = [row[0] for row in cursor.fetchall() if _WORD.fullmatch(row[0])]
            if not words:
                return ""
            groups.append("(" + " | ".join(f"'{word}'" for word in words) + ")")
    return " & ".join(groups)


def _results(
    services: QuerySet[Service], window: slice, page: int, page_size: int, statuses
) -> SearchResults:
    rows = list(services.select_related("organization")[window])
    # A first page that is not full already counts the results.
    total = len(rows) if window.start == 0 and len(rows) < page_size else services.count()
    return SearchResults(
        services=rows, total=total, page=page, page_size=page_size, statuses=tuple(statuses)
    )
