"""Hand-written extractions for the actor-resolution tests: a mention, and the actors resolved from some."""
from __future__ import annotations

from generator.merge import actors
from generator.model import Extraction, Mention, Where


def M(text, kind, source, paragraph, start=0):
    label = {"person": "PERSON", "organization": "ORG", "place": "GPE"}[kind]
    return Mention(text, kind, Where(source, paragraph, start, start + len(text)), label, "")


def names_of(*extractions: Extraction):
    found, _ = actors.resolve([], list(extractions))
    return {a.name: a for a in found}
