"""The sources' relations from their compared pairs: copies, partial copies, near duplicates and
shared passages, and which earliest source each copy is a copy of."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from generator import lexicon
from generator.cache import Cache
from generator.merge.collector import no_cycle_collection
from generator.merge.sources import comparison
from generator.merge.sources.candidates import candidates
from generator.merge.sources.comparison import Comparisons, Match
from generator.merge.sources.memory import LinkMemory
from generator.merge.sources.signatures import Text
from generator.merge.sources.stored import StoredMinhashes
from generator.model import Article, Overlap, Source

# share of a source's paragraphs found in another that makes it a copy (data/thresholds.yml)
COPY_SHARE = lexicon.thresholds("sources")["copy_share"]


def link(articles: Sequence[Article], store: Cache | None = None,
         memory: LinkMemory | None = None) -> tuple[Source, ...]:
    """Each article as a Source with its overlaps and what it is a copy of. `store`: where the
    comparisons of the last build of this seed set are kept (the next build of an unchanged set
    compares nothing). `memory`: what the previous link of this process kept (`mkdocs serve`);
    the result is the same without it."""
    key = hashlib.sha256("\n".join(["compared", comparison.CODE, *sorted(a.id for a in articles)]).encode()).hexdigest()
    body = store.get_bytes(key) if store else None
    known = memory.compared if memory is not None else {}
    if body is not None and not (memory is not None and memory.holds(body)):
        known.update(comparison.load(body))
    compared = Comparisons(known)
    with no_cycle_collection():
        texts = memory.texts(articles) if memory is not None else [Text.of(a) for a in articles]
        if memory is not None:
            pairs = candidates(texts, memory.minhashes)
        elif store is not None:
            pairs = candidates(texts, StoredMinhashes(store, _minhash_key(articles)))
        else:
            pairs = candidates(texts)
        linked = _linked(articles, texts, pairs, compared)
    if store and compared.used and (body is None or compared.fresh):
        body = compared.dump()
        store.put_bytes(key, body)
    if memory is not None:
        memory.after_link(body, compared.used)
    return linked


def _minhash_key(articles: Sequence[Article]) -> str:
    # One body per seed set, as for the comparisons: it holds that set's paragraphs only.
    return hashlib.sha256("\n".join(["minhashes", comparison.CODE, *sorted(a.id for a in articles)]).encode()).hexdigest()


def _relation(a: Text, m: Match, back: Match, b: Text) -> str | None:
    size = a.size
    if size == 0 or not m.pairs:
        return None
    if m.contained == size and back.contained == b.size:
        return "copy"
    if m.contained >= COPY_SHARE * size:
        return "partial copy"
    if m.contained + m.near >= COPY_SHARE * size:
        return "near duplicate"
    return "shares passages"


def _linked(articles: Sequence[Article], texts: Sequence[Text], pairs: Sequence[tuple[int, int]],
            compared: Comparisons) -> tuple[Source, ...]:
    overlaps: dict[int, list[Overlap]] = defaultdict(list)
    originals: dict[int, list[tuple[int, tuple[str, int, str], int]]] = defaultdict(list)
    for i, j in pairs:
        forward, back = compared.compare(texts[i], texts[j]), compared.compare(texts[j], texts[i])
        for x, y, m, r in ((i, j, forward, back), (j, i, back, forward)):
            relation = _relation(texts[x], m, r, texts[y])
            if relation is None:
                continue
            a, b = articles[x], articles[y]
            adds = tuple(n for n in range(1, len(b.paragraphs) + 1) if n not in m.covered)
            overlaps[x].append(Overlap(other=b.id, shared=len(m.pairs), of=len(a.paragraphs),
                                       relation=relation, pairs=m.pairs, other_adds=adds))
            if relation != "shares passages":
                reverse = _relation(texts[y], r, m, texts[x])
                mutual = reverse in ("copy", "partial copy", "near duplicate")
                # A copy cannot be older than what it copies: a mutual match goes to the
                # earlier/longer source, a one-way containment to the container unless
                # the contained text is dated strictly earlier.
                if (mutual and texts[y].rank < texts[x].rank) or (
                    not mutual and not (a.published and b.published and a.published < b.published)
                ):
                    originals[x].append((-m.contained - m.near, texts[y].rank, y))
    parent = {x: min(c)[2] for x, c in originals.items()}
    sources = []
    for x in range(len(texts)):
        root, seen = parent.get(x), {x}
        while root is not None and root in parent and root not in seen:
            seen.add(root)
            root = parent[root]
        duplicate_of = articles[root].id if root is not None and root != x else None
        ordered = tuple(sorted(overlaps[x], key=lambda o: (-o.shared, o.other)))
        sources.append(Source(article=articles[x], duplicate_of=duplicate_of, overlaps=ordered))
    return tuple(sources)
