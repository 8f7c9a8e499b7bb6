"""Search over the directory, as people type French and Arabic.

Each service is indexed as normalised words (``normalize.tokens``) with a weight by where the
word stands. A query is split the same way; each query word matches index words that are
equal, that start with it (people type the start of words), or that are within one or two
edits of it (misspellings, found in the vocabulary with RapidFuzz). Results are ranked by how
many query words they match, then by the weights of what matched. Everything after the
vocabulary look-up is one indexed SQL query, the same on SQLite and PostgreSQL.
"""

import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, IntegerField, Max, Q, Sum, Value, When
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
VOCABULARY_TTL = 60.0  # seconds; new words are found exactly at once, fuzzily within a minute


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
    return [SearchEntry(service=service, token=t, weight=w) for t, w in best.items()]


def reindex(services) -> int:
    """Rebuild the index rows of the given services (called inside the actions)."""
    services = list(services)
    ids = [s.pk for s in services]
    with transaction.atomic():
        SearchEntry.objects.filter(service_id__in=ids).delete()
        rows = [row for s in services for row in index_entries(s)]
        SearchEntry.objects.bulk_create(rows, batch_size=2000)
    _vocabulary.invalidate()
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
    """Distinct index words, kept in memory for fuzzy matching."""

    def __init__(self):
        self.words: list[str] = []
        self.loaded_at = 0.0

    def invalidate(self):
        self.loaded_at = 0.0

    def get(self) -> list[str]:
        if time.monotonic() - self.loaded_at > VOCABULARY_TTL:
            self.words = list(SearchEntry.objects.values_list("token", flat=True).distinct())
            self.loaded_at = time.monotonic()
        return self.words


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
    exact: list[set[str]]  # per query word: the word itself and close words
    prefixes: list[str | None]  # per query word: prefix to match, if long enough

    def word_condition(self, i: int) -> Q:
        cond = Q(token__in=self.exact[i])
        if self.prefixes[i]:
            cond |= Q(token__startswith=self.prefixes[i])
        return cond


def plan(query: str) -> QueryPlan:
    words = list(dict.fromkeys(tokens(query)))[:MAX_QUERY_WORDS]
    exact = [{w, *close_words(w)} for w in words]
    prefixes = [w if len(w) >= MIN_PREFIX else None for w in words]
    return QueryPlan(words=words, exact=exact, prefixes=prefixes)


def ranked_ids(query: str, services=None):
    """A queryset of ``{"service_id", "matched", "score"}`` rows, best first; ``services``
    restricts the search (filters, visibility). Empty when the query has no words."""
    p = plan(query)
    if not p.words:
        return SearchEntry.objects.none().values("service_id")
    any_word = Q()
    for i in range(len(p.words)):
        any_word |= p.word_condition(i)
    entries = SearchEntry.objects.filter(any_word)
    if services is not None:
        entries = entries.filter(service_id__in=services.values("pk"))
    matched = sum(
        (
            Max(Case(When(p.word_condition(i), then=Value(1)), default=Value(0)))
            for i in range(len(p.words))
        ),
        Value(0),
    )
    exact_bonus = Q(token__in=set(p.words))
    score = Sum(
        Case(
            When(exact_bonus, then="weight"),
            default=Value(0),
            output_field=IntegerField(),
        )
        * 2
        + Case(When(~exact_bonus, then="weight"), default=Value(0), output_field=IntegerField())
    )
    return (
        entries.values("service_id")
        .annotate(matched=matched, score=score)
        .order_by("-matched", "-score", "service_id")
    )


def search(query: str, services=None, *, offset: int = 0, limit: int = 20):
    """(services of the page in rank order, total count)."""
    rows = ranked_ids(query, services)
    total = rows.count()
    page = list(rows[offset : offset + limit])
    ids = [r["service_id"] for r in page]
    base = services if services is not None else Service.objects.all()
    by_id = {s.pk: s for s in base.filter(pk__in=ids)}
    return [by_id[i] for i in ids if i in by_id], total
