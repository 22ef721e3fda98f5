"""Deterministic synthetic seeds for the benchmark: N articles of about 600 words each.

The names, places and outlets are invented and combined by a seeded random generator, so
the same N always gives byte-identical seeds and extraction has people, roles, dates,
quotes and figures to find in every article.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

FIRST = ["Amara", "Bilal", "Corin", "Dalia", "Emeka", "Farida", "Goran", "Hana", "Ilyas", "Jovana",
         "Kofi", "Leena", "Marek", "Noor", "Oskar", "Priya", "Quentin", "Rania", "Soren", "Tamsin",
         "Umar", "Vesna", "Wendell", "Ximena", "Yusuf", "Zofia"]
LAST = ["Achterberg", "Brannigan", "Castellanos", "Dvorakova", "Eberhardt", "Fonseca", "Gallardo",
        "Haddad", "Ibarra", "Jankowski", "Kowalczyk", "Lindqvist", "Mbeki", "Nakashima", "Okonkwo",
        "Petrossian", "Quiroga", "Rautio", "Szabo", "Thorsen", "Ulloa", "Varga", "Wojcik", "Yilmaz"]
ORGS = ["Harbour Workers Union", "Northern Relief Council", "Coastal Guard Service", "Valley Water Board",
        "River Transit Authority", "Civic Alliance", "Mountain Rescue League", "Fisheries Ministry"]
PLACES = ["Port Ardent", "Velmora", "Kestrel Bay", "Ostrava Ridge", "Lindenfeld", "Marrow Cross",
          "Saltmere", "Dunhollow", "Brightwater", "Calder Vale"]
OUTLETS = ["Valley Courier", "Harbour Times", "Northern Ledger", "Evening Dispatch", "Coastal Wire"]
ROLES = ["spokesman", "spokeswoman", "chairman", "director", "deputy minister", "commander"]
VERBS = ["said", "told", "added", "warned", "claimed", "insisted"]
THINGS = ["workers", "residents", "boats", "volunteers", "houses", "vehicles"]
FATES = ["evacuated", "injured", "stranded", "rescued", "detained", "displaced"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "Officials did not say when the work would be finished, and several roads remained closed.",
    "The dispute has drawn attention from neighbouring districts, where similar plans are under review.",
    "Local businesses reported a sharp drop in trade during the first week of the closures.",
    "Independent observers were not allowed into the area, so the figures could not be verified.",
    "The council is expected to publish a fuller account of the events later this month.",
    "Residents gathered outside the town hall in the evening, asking for clearer information.",
    "Previous attempts to settle the matter collapsed after talks broke down over funding.",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def article(i: int, rng: random.Random, words: int = 600) -> str:
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))
    outlet = rng.choice(OUTLETS)
    place, org = rng.choice(PLACES), rng.choice(ORGS)
    cast = [person(rng) for _ in range(4)]
    title = f"{org} reports {rng.choice(FATES)} {rng.choice(THINGS)} near {place}"
    paragraphs = [
        f"{place}, {published:%B} {published.day} — {cast[0]}, the {rng.choice(ROLES)} of the {org}, "
        f"{rng.choice(VERBS)} on {rng.choice(WEEKDAYS)} that {rng.randrange(2, 90)} {rng.choice(THINGS)} "
        f"had been {rng.choice(FATES)} near {place}.",
    ]
    count = len(paragraphs[0].split())
    while count < words:
        speaker = rng.choice(cast)
        kind = rng.randrange(6)
        if kind == 0:
            text = (f"\u201cWe have {rng.choice(['never', 'rarely', 'not yet'])} seen anything like this in "
                    f"{place},\u201d {speaker} told the {rng.choice(OUTLETS)} on {rng.choice(WEEKDAYS)} night. "
                    f"\u201cEvery {rng.choice(THINGS)[:-1]} here deserves an answer.\u201d")
        elif kind == 1:
            text = (f"According to {rng.choice(OUTLETS)}, at least {rng.randrange(3, 120)} "
                    f"{rng.choice(THINGS)} were {rng.choice(FATES)} last {rng.choice(WEEKDAYS)}, "
                    f"while {speaker} put the number at {rng.randrange(3, 120)}.")
        elif kind == 2:
            year = rng.randrange(1960, 2020)
            text = (f"The {rng.choice(ORGS)} was founded in {year} and has been led since "
                    f"{year + rng.randrange(1, 4)} by {speaker}, a former {rng.choice(ROLES)} of the {org}.")
        elif kind == 3:
            text = (f"{speaker} {rng.choice(VERBS)} that the {org} would {rng.choice(['appeal', 'resume talks', 'open an inquiry'])} "
                    f"two days after the {rng.choice(['vote', 'storm', 'meeting', 'strike'])} in {rng.choice(PLACES)}.")
        elif kind == 4:
            other = rng.choice(cast)
            text = (f"{other.split()[-1]}, whose brother {person(rng)} also works for the {org}, "
                    f"wrote on Twitter: \u201cThe {rng.choice(THINGS)} of {place} will not be forgotten.\u201d")
        else:
            text = " ".join(rng.sample(FILLER, 2))
        paragraphs.append(text)
        count += len(text.split())
    front = (f"---\ntitle: {title}\noutlet: {outlet}\nurl: https://news.example.org/{i:05d}\n"
             f"published: {published.isoformat()}\n---\n")
    return front + "\n\n".join(paragraphs) + "\n"


def write_seeds(folder: Path, n: int, seed: int = 1) -> int:
    """Write n synthetic seeds into folder (replacing any there); returns the total word count."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        text = article(i, rng)
        (folder / f"{i:05d}_synthetic.md").write_text(text, encoding="utf-8")
        total += len(text.split("---\n", 2)[-1].split())
    return total
