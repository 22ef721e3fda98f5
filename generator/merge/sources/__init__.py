"""Sources across the seed set: which articles are copies of, or overlap with, which.

One step per module, in the order `link` runs them:
- `signatures`: each article as words, shingles, passages and paragraph MinHashes;
- `candidates`: the pairs worth comparing, from LSH buckets and shared passages, near-linear in
  the number of sources even when a text is carried widely;
- `comparison`: each candidate pair compared exactly, paragraph by paragraph;
- `link`: the relations (copy, partial copy, near duplicate, shared passages) and originals.
`memory.LinkMemory` is what `mkdocs serve` keeps from one link for the next; without it `link`
is a function of the articles (and of the stored comparisons of the same seed set).
"""
from generator.merge.sources.link import link
from generator.merge.sources.memory import LinkMemory

__all__ = ["LinkMemory", "link"]
