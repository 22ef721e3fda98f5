"""Mentions of people, organisations and places, with roles and relations, per article."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model import Article, Mention, RelationClaim, RoleClaim


def extract(article: Article, docs: Sequence[Any]) -> tuple[tuple[Mention, ...], tuple[RoleClaim, ...], tuple[RelationClaim, ...]]:
    return (), (), ()
