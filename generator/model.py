"""The frozen records passed between pipeline stages.

read -> Seed -> clean -> Article -> nlp -> parsed doc -> extract -> Extraction
-> merge -> Briefing -> render -> pages. Every extracted item carries a `Where`
so the site can link it back to the paragraph it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["person", "organization", "place", "other"]
Precision = Literal["day", "week", "month", "year", "decade"]
# Precisions a time expression may have beyond the chronology's (a quarter, half or season of a
# year): TimeML values such as "2016-Q3", "2016-H2", "2016-SU"; they are never placed on the timeline.
PeriodPrecision = Literal["quarter", "half", "season"]


@dataclass(frozen=True)
class Where:
    """Provenance: a character span of one cleaned paragraph of one source."""

    source: str
    paragraph: int  # 1-based, as shown on the source page
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Problem:
    """Something wrong with one input file, reported instead of silently dropped."""

    path: str  # as the user knows it, e.g. "seeds/004_x.txt"
    message: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class InputError(Exception):
    """Bad input that refuses the whole build (strict mode, or nothing usable)."""

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NotVerbatim(ValueError):
    """A quote's text differs from its source paragraph at its span: a bug, never shown. Raised
    where quotes are extracted and again where they are merged."""


# --- read -------------------------------------------------------------------

@dataclass(frozen=True)
class FrontMatter:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    author: str | None = None
    published_basis: str | None = None  # where the date was read when not front matter ("sources.csv")


@dataclass(frozen=True)
class Seed:
    id: str  # file name without extension
    path: str  # "seeds/<file name>"
    text: str  # decoded body, front matter removed
    meta: FrontMatter = FrontMatter()
    encoding: str = "utf-8"
    first_line: int = 1  # line of the file where `text` starts


# --- clean ------------------------------------------------------------------

@dataclass(frozen=True)
class Post:
    """An embedded social post: whose it is, as its embed signs it."""

    author: str
    handle: str | None = None  # without the "@"
    date: str | None = None  # as the embed writes it


@dataclass(frozen=True)
class Paragraph:
    n: int
    text: str
    line: int = 0  # line in the seed file
    post: Post | None = None  # the paragraph is an embedded post, not the article's narrative


@dataclass(frozen=True)
class Removed:
    text: str
    reason: str
    line: int = 0


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...] = ()
    title_basis: str = "first line"
    outlet: str | None = None
    outlet_basis: str | None = None
    url: str | None = None
    published: str | None = None
    published_basis: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    published_evidence: str | None = None  # the line or words the date was read from, and why
    author_basis: str | None = None
    notes: tuple[str, ...] = ()  # how the body was shaped beyond removing lines (e.g. a long line split)

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)


# --- extract (per article) --------------------------------------------------

# The evidence of a mention that names no actor (a work title, a court case …) starts so: the
# merge keeps those mentions apart and the actors index lists them with the reason.
NOT_AN_ACTOR = "not an actor: "


@dataclass(frozen=True)
class Mention:
    text: str
    kind: Kind
    where: Where
    label: str = ""  # the pipeline's raw label, kept to show what was corrected
    evidence: str = ""  # why the kind was chosen, when it differs from the label
    title: str = ""  # a title written right before the name ("President", "Gov."), kept to tell namesakes apart
    gender: str = ""  # "male" / "female" when the sentence says so (a courtesy title, the only person's pronouns)
    gender_cue: str = ""  # the word that says so ("Mrs.", "her")


@dataclass(frozen=True)
class RoleClaim:
    holder: str  # surface text of the actor
    role: str  # e.g. "spokesman for the group"
    where: Where


@dataclass(frozen=True)
class RelationClaim:
    subject: str
    relation: str  # e.g. "son of"
    object: str
    where: Where


@dataclass(frozen=True)
class Attribution:
    """How a claim's speaker was found: the rule, the words that link it, a confidence in [0, 1];
    `candidate` is the nearest speaker when the evidence was too weak to name one."""

    rule: str
    words: str = ""
    confidence: float = 0.0
    candidate: str | None = None


@dataclass(frozen=True)
class QuoteClaim:
    text: str  # verbatim from the paragraph
    kind: Literal["direct", "indirect"]
    speaker_text: str | None
    cue: str | None
    where: Where
    via: tuple[str, ...] = ()
    statement: Where | None = None  # the sentence with the claim and its cue, to date the claim
    speaker_named: bool = False  # a name, not a description ("a local official") to keep as written
    attribution: Attribution | None = None


Number = int | float
FigureValue = Number | tuple[Number | None, Number | None]


@dataclass(frozen=True)
class FigureClaim:
    subject: str
    value: FigureValue
    unit: str
    expression: str  # the words that carried the number, e.g. "at least 30"
    where: Where
    claimant_text: str | None = None
    date: str | None = None
    qualifier: str | None = None  # "at least", "nearly", ... as written
    via: tuple[str, ...] = ()  # intermediaries of the claim carrying the figure
    claim: Where | None = None  # span of the quote or reported claim carrying it
    key: str = ""  # the subject folded, so claims about the same thing compare ("strik worker")


@dataclass(frozen=True)
class Parsed:
    """What the words of a time expression say, before any anchor is applied (the extract stage's
    reading, in its sentence: the tense of its verb, the period it counts from)."""

    kind: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: str | None = None  # how a weekday or month picks its occurrence
    unit: Precision | None = None
    count: int = 0  # days for relative days, units for periods / ago / offsets
    end_year: int | None = None
    end_day: int | None = None  # "March 20-24": the last day of a span of days in one month
    base: Parsed | None = None  # the date an offset counts from
    part: str | None = None  # a part of a year: "Q3", "H2", "SU"
    clock: str | None = None  # a time of day, "14:15"
    tense: str | None = None  # "future" / "past": the tense of the verb the time belongs to
    note: str = ""


@dataclass(frozen=True)
class TimeExpression:
    expression: str
    where: Where
    value: str | None  # ISO date, "YYYY-MM", "YYYY", "YYYY-Www" or decade "198X"; None = unresolved
    precision: Precision | PeriodPrecision | None
    anchor: str | None  # date it was resolved against
    anchor_basis: str | None = None
    kind: str = ""  # "date", "weekday", "relative", "year", "range", "decade", "ago", "offset", "period", ...
    end: str | None = None  # last year of a range ("1953-2001"), at the same precision as value
    note: str = ""  # how the value was found when not from the words alone (e.g. the year of a date)
    anchor_source: str | None = None  # the source whose date is the anchor (a copy borrows its original's)
    clock: str | None = None  # a time of day the words give ("14:15"), on the day of `value`
    # What the words say, so a later anchor resolves them without reading them again. Not compared:
    # it is how the expression was read, not what a page shows.
    parsed: Parsed | None = field(default=None, compare=False)


@dataclass(frozen=True)
class EventClaim:
    text: str
    time: TimeExpression
    where: Where
    actors: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # content-word lemmas, to tell reports of one event from another
    statement: bool = False  # the time is when something was said, not when it happened


@dataclass(frozen=True)
class Extraction:
    source: str
    mentions: tuple[Mention, ...] = ()
    roles: tuple[RoleClaim, ...] = ()
    relations: tuple[RelationClaim, ...] = ()
    quotes: tuple[QuoteClaim, ...] = ()
    figures: tuple[FigureClaim, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[EventClaim, ...] = ()
    captions: tuple[int, ...] = ()  # paragraphs set aside as photo captions (extract/captions.py)


# --- merge (across articles) ------------------------------------------------

@dataclass(frozen=True)
class Overlap:
    other: str  # source id
    shared: int  # paragraphs of this source found in the other
    of: int  # paragraphs in this source
    relation: Literal["copy", "partial copy", "near duplicate", "shares passages"]
    pairs: tuple[tuple[int, int], ...] = ()  # (paragraph here, paragraph in the other) that match
    other_adds: tuple[int, ...] = ()  # paragraphs of the other source with nothing here


@dataclass(frozen=True)
class Source:
    article: Article
    duplicate_of: str | None = None
    overlaps: tuple[Overlap, ...] = ()
    times: tuple[TimeExpression, ...] = ()  # every time expression, as resolved across sources

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class Merge:
    """Why two surface forms were folded into one actor."""

    alias: str
    into: str
    evidence: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    merges: tuple[Merge, ...] = ()
    roles: tuple[tuple[str, Where], ...] = ()
    relations: tuple[tuple[str, str, Where], ...] = ()  # (relation, other actor id or text, where)
    mentions: tuple[Where, ...] = ()


@dataclass(frozen=True)
class Unresolved:
    """A short name ("Lee", "Mr. Lee") that fits two or more actors where it is written: not assigned."""

    text: str
    candidates: tuple[str, ...]  # actor ids it could be
    why: str
    where: Where


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    kind: Literal["direct", "indirect"]
    speaker: str | None  # actor id
    speaker_text: str | None
    cue: str | None
    sources: tuple[Where, ...]
    via: tuple[str, ...] = ()
    date: str | None = None
    attribution: Attribution | None = None  # of the claim the row's speaker comes from


@dataclass(frozen=True)
class Figure:
    subject: str
    value: FigureValue
    unit: str
    expression: str
    sources: tuple[Where, ...]
    claimant: str | None = None
    claimant_text: str | None = None
    date: str | None = None
    qualifier: str | None = None
    via: tuple[str, ...] = ()
    quote: str | None = None  # id of the quote carrying the figure
    key: str = ""  # the subject folded: figures with one key are claims about the same thing


@dataclass(frozen=True)
class Event:
    id: str
    date: str
    precision: Precision
    expression: str
    anchor: str | None
    text: str
    sources: tuple[Where, ...]
    actors: tuple[str, ...] = ()
    story: bool = True  # False: background history
    reports: tuple[EventReport, ...] = ()  # what each source says, with its own expression and anchor


@dataclass(frozen=True)
class EventReport:
    """One source's report of an event: its sentence and how its date was found."""

    where: Where  # the sentence
    text: str
    time: TimeExpression  # as resolved for this report (a copy takes its original's anchor)
    actors: tuple[str, ...] = ()  # actor ids


@dataclass(frozen=True)
class Briefing:
    title: str
    description: str
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    problems: tuple[Problem, ...] = ()
    extractions: tuple[Extraction, ...] = field(default=(), repr=False)
    unresolved: tuple[Unresolved, ...] = ()  # short names that fit more than one actor, left unassigned
    # What the pages show beyond the merged records, handed over by merge so that no page reads the
    # per-article extractions: the names found not to be actors, and the event sentences left undated.
    not_actors: tuple[Mention, ...] = ()
    undated: tuple[EventClaim, ...] = ()

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every mention in reading order, with its tagger label and the evidence for its kind."""
        return tuple(m for ex in self.extractions for m in ex.mentions)
