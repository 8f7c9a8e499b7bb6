"""Search over the directory, as people type French and Arabic.

Each service is indexed as normalised words (``normalize.tokens``) with a weight by where the
word stands. A query is split the same way; each query word matches index words that are
equal, that start with it (people type the start of words), or that are within one or two
edits of it (misspellings, found in the vocabulary with RapidFuzz). Results are ranked by how
many query words they match, then by the weights of what matched. Everything after the
vocabulary look-up is one indexed SQL query, the same on SQLite and PostgreSQL.
"""

import bisect
import time
from dataclasses import dataclass

from django.db import connection, transaction
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .models import SearchEntry, Service
from .normalize import tokens

# Where a word stands → its weight.
WEIGHTS = {
    "name": 10,
    "alternate_name": 8,
    "category": 6,
    "organization": 5,
    "audience": 4,
    "place": 3,
    "description": 2,
    "other": 1,
}
LANGS = ("fr", "ar", "en")
MAX_QUERY_WORDS = 8
MIN_PREFIX = 3
MAX_COMPLETIONS = 30
VOCABULARY_TTL = 300.0  # seconds: words indexed by other processes are known within 5 min


def service_texts(service: Service) -> list[tuple[str, str]]:
    """(text, weight key) pairs for a service, in every language. The service must come
    with its organisation, categories, audiences and locations' places prefetched or cheap."""
    texts: list[tuple[str, str]] = []

    def add(obj, field, key):
        for lang in LANGS:
            value = getattr(obj, f"{field}_{lang}", None)
            if value:
                texts.append((value, key))

    add(service, "name", "name")
    texts.append((service.alternate_name, "alternate_name"))
    add(service, "description", "description")
    add(service, "eligibility_description", "other")
    add(service.organization, "name", "organization")
    texts.append((service.organization.alternate_name, "organization"))
    for term in service.categories.all():
        add(term, "name", "category")
        if term.parent_id:
            add(term.parent, "name", "category")
    for term in service.audiences.all():
        add(term, "name", "audience")
    for sal in service.at_locations.all():
        location = sal.location
        add(location.governorate, "name", "place")
        if location.delegation_id:
            add(location.delegation, "name", "place")
        texts.append((location.city, "place"))
    return texts


def index_entries(service: Service) -> list[SearchEntry]:
    best: dict[str, int] = {}
    for text, key in service_texts(service):
        weight = WEIGHTS[key]
        for token in tokens(text or ""):
            if best.get(token, 0) < weight:
                best[token] = weight
    published = service.verified_at is not None and service.status != "defunct"
    return [
        SearchEntry(service=service, token=t, weight=w, published=published)
        for t, w in best.items()
    ]


def reindex(services) -> int:
    """Rebuild the index rows of the given services (called inside the actions). Takes a
    queryset from ``indexed_queryset`` (walked in chunks, so prefetches stay small) or a
    list of services."""
    written = 0
    batch: list[Service] = []
    walk = (
        services.iterator(chunk_size=REINDEX_CHUNK) if hasattr(services, "iterator") else services
    )
    with transaction.atomic():
        for service in walk:
            batch.append(service)
            if len(batch) >= REINDEX_CHUNK:
                written += _reindex_batch(batch)
                batch = []
        if batch:
            written += _reindex_batch(batch)
    return written


REINDEX_CHUNK = 300


def _reindex_batch(services: list[Service]) -> int:
    SearchEntry.objects.filter(service_id__in=[s.pk for s in services]).delete()
    rows = [row for s in services for row in index_entries(s)]
    SearchEntry.objects.bulk_create(rows, batch_size=2000)
    _vocabulary.add(r.token for r in rows)
    return len(rows)


def indexed_queryset(queryset=None):
    """Services with what indexing reads, prefetched."""
    queryset = queryset if queryset is not None else Service.objects.all()
    return queryset.select_related("organization").prefetch_related(
        "categories__parent",
        "audiences",
        "at_locations__location__governorate",
        "at_locations__location__delegation",
    )


class _Vocabulary:
    """Distinct index words, sorted, kept in memory: for misspellings (RapidFuzz) and for
    prefixes (bisect). Words this process indexes are added at once; words indexed by other
    processes are picked up when the list is reloaded."""

    def __init__(self):
        self.words: list[str] = []
        self.loaded_at = -VOCABULARY_TTL

    def invalidate(self):
        self.loaded_at = -VOCABULARY_TTL

    def add(self, words) -> None:
        if self.words:
            self.words = sorted(set(self.words).union(words))

    def get(self) -> list[str]:
        if time.monotonic() - self.loaded_at > VOCABULARY_TTL:
            self.words = sorted(
                SearchEntry.objects.values_list("token", flat=True).distinct().order_by()
            )
            self.loaded_at = time.monotonic()
        return self.words

    def with_prefix(self, prefix: str, limit: int) -> list[str]:
        words = self.get()
        start = bisect.bisect_left(words, prefix)
        out = []
        for word in words[start:]:
            if not word.startswith(prefix) or len(out) >= limit:
                break
            out.append(word)
        return out


_vocabulary = _Vocabulary()


def max_edits(word: str) -> int:
    if len(word) <= 3:
        return 0
    return 1 if len(word) <= 6 else 2


def close_words(word: str) -> list[str]:
    """Index words within the allowed number of edits of ``word`` (not ``word`` itself)."""
    edits = max_edits(word)
    if not edits:
        return []
    matches = process.extract(
        word, _vocabulary.get(), scorer=Levenshtein.distance, score_cutoff=edits, limit=20
    )
    return [m[0] for m in matches if m[0] != word]


@dataclass
class QueryPlan:
    words: list[str]
    candidates: list[set[str]]  # per query word: itself, its completions, close words

    @property
    def all_tokens(self) -> set[str]:
        return set().union(*self.candidates) if self.candidates else set()


def plan(query: str) -> QueryPlan:
    words = list(dict.fromkeys(tokens(query)))[:MAX_QUERY_WORDS]
    candidates = []
    for word in words:
        found = {word, *close_words(word)}
        if len(word) >= MIN_PREFIX:
            found.update(_vocabulary.with_prefix(word, MAX_COMPLETIONS))
        candidates.append(found)
    return QueryPlan(words=words, candidates=candidates)


class RankedSearch:
    """The ranked matches of a query, paged in SQL: ``count()``, slicing (rows as dicts with
    ``service_id``, ``matched``, ``score``) and ``matching_ids()`` (a queryset of the ids of
    every match, unranked, to combine with other filters)."""

    def __init__(self, query: str, services=None, *, published_only: bool = False):
        self.plan = plan(query)
        self.services = services
        self.published_only = published_only

    def _sql(self) -> tuple[str, list]:
        words = self.plan.candidates
        params: list = []
        matched_terms = []
        for candidates in words:
            marks = ", ".join(["%s"] * len(candidates))
            matched_terms.append(f"MAX(CASE WHEN e.token IN ({marks}) THEN 1 ELSE 0 END)")
            params.extend(sorted(candidates))
        exact = sorted(set(self.plan.words))
        exact_marks = ", ".join(["%s"] * len(exact))
        params.extend(exact)
        all_tokens = sorted(self.plan.all_tokens)
        where = [f"e.token IN ({', '.join(['%s'] * len(all_tokens))})"]
        params.extend(all_tokens)
        if self.published_only:
            where.append("e.published = %s")
            params.append(True)
        if self.services is not None:
            sub_sql, sub_params = self.services.values("pk").query.sql_with_params()
            where.append(f"e.service_id IN ({sub_sql})")
            params.extend(sub_params)
        table = SearchEntry._meta.db_table
        # Only placeholders and SQL compiled by Django are interpolated; every value the
        # person typed travels as a parameter.
        sql = (
            f"SELECT e.service_id, {' + '.join(matched_terms)} AS matched, "  # noqa: S608
            f"SUM(CASE WHEN e.token IN ({exact_marks}) THEN 2 * e.weight ELSE e.weight END) "
            f"AS score, COUNT(*) OVER () AS total "
            f"FROM {table} e WHERE {' AND '.join(where)} "
            f"GROUP BY e.service_id ORDER BY matched DESC, score DESC, e.service_id"
        )
        return sql, params

    def _fetch(self, offset: int, limit: int) -> tuple[list[dict], int]:
        if not self.plan.words:
            return [], 0
        sql, params = self._sql()
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset])
            rows = cursor.fetchall()
        if not rows and offset:
            return [], self.count()
        field = SearchEntry._meta.get_field("service")
        out = [{"service_id": field.to_python(r[0]), "matched": r[1], "score": r[2]} for r in rows]
        return out, (rows[0][3] if rows else 0)

    def count(self) -> int:
        if not self.plan.words:
            return 0
        sql, params = self._sql()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS ranked", params)  # noqa: S608
            return cursor.fetchone()[0]

    def page(self, offset: int, limit: int) -> tuple[list[dict], int]:
        """(rows of the page, total number of matches) in one query."""
        return self._fetch(offset, limit)

    def __getitem__(self, item):
        if not isinstance(item, slice) or item.step not in (None, 1):
            raise TypeError("RankedSearch supports slices only")
        start = item.start or 0
        stop = item.stop if item.stop is not None else start + 1000
        return self._fetch(start, max(0, stop - start))[0]

    def matching_ids(self):
        entries = SearchEntry.objects.filter(token__in=self.plan.all_tokens)
        if self.published_only:
            entries = entries.filter(published=True)
        if self.services is not None:
            entries = entries.filter(service_id__in=self.services.values("pk"))
        return entries.values("service_id")

    def values(self, *fields):
        """Compatibility: ``ranked.values("service_id")`` → ``matching_ids()``."""
        return self.matching_ids()


def ranked_ids(query: str, services=None, *, published_only: bool = False) -> RankedSearch:
    """The ranked matches of ``query`` among ``services`` (a queryset: filters and
    visibility), or among published services with ``published_only``."""
    return RankedSearch(query, services, published_only=published_only)


def search(
    query: str, services=None, *, offset: int = 0, limit: int = 20, published_only: bool = False
):
    """(services of the page in rank order, total count)."""
    rows, total = ranked_ids(query, services, published_only=published_only).page(offset, limit)
    ids = [r["service_id"] for r in rows]
    base = services if services is not None else Service.objects.all()
    by_id = {s.pk: s for s in base.filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id], total
