"""Time expressions: recognition, resolution against an anchor, and completion across sources.

Expressions come from stories other than the seeds' (a flood, an election, a strike).
"""
from datetime import date, datetime, timedelta

import dateparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import nlp
from generator.extract import timex
from generator.model import Article, Paragraph, TimeExpression, Where

WED = date(2023, 3, 15)  # a Wednesday


def resolved(expression: str, anchor: date | None = WED) -> tuple[str | None, str | None]:
    r = timex.resolve(expression, anchor)
    return r.value, r.precision


def found(text: str, doc=None) -> list[str]:
    return [text[p.start:p.end] for p in timex.find(text, doc)]


@pytest.mark.parametrize("expression, value", [
    ("on Monday", "2023-03-13"),
    ("Wednesday", "2023-03-15"),  # the article's own day
    ("last Wednesday", "2023-03-08"),
    ("last Friday", "2023-03-10"),
    ("next Friday", "2023-03-17"),
    ("this Sunday", "2023-03-19"),
    ("Sunday night", "2023-03-12"),
    ("the early hours of Tuesday", "2023-03-14"),
    ("yesterday", "2023-03-14"),
    ("last night", "2023-03-14"),
    ("today", "2023-03-15"),
])
def test_days_relative_to_the_anchor(expression, value):
    assert resolved(expression) == (value, "day")


@pytest.mark.parametrize("expression, value, precision", [
    ("March 3, 2019", "2019-03-03", "day"),
    ("3 March 2019", "2019-03-03", "day"),
    ("Jan. 9", "2023-01-09", "day"),  # no year: the one nearest the anchor
    ("Dec. 28", "2022-12-28", "day"),
    ("Friday, Feb. 3", "2023-02-03", "day"),
    ("June 2020", "2020-06", "month"),
    ("2022-11-05", "2022-11-05", "day"),
    ("last week", "2023-W10", "week"),
    ("in recent weeks", "2023-03", "month"),
    ("last month", "2023-02", "month"),
    ("last year", "2022", "year"),
    ("in 1994", "1994", "year"),
    ("the 1970s", "197X", "decade"),
    ("three decades ago", "199X", "decade"),
    ("five years ago", "2018", "year"),
    ("ten days ago", "2023-03-05", "day"),
    ("three days after the March 3, 2019 vote", "2019-03-06", "day"),
    ("a week after March 3, 2019", "2019-W10", "week"),  # "a week" is not a day count
    ("two days before the June 2020 election", "2020-05", "month"),  # never finer than the base
    ("two years before 1994", "1992", "year"),
    ("the day before the March 3, 2019 vote", "2019-03-02", "day"),
    ("in the early 1980s", "198X", "decade"),
    ("since August", "2022-08", "month"),  # the latest August on or before the anchor
    ("last March", "2022-03", "month"),
    ("next May", "2023-05", "month"),
])
def test_values_and_precision(expression, value, precision):
    assert resolved(expression) == (value, precision)


def test_a_range_keeps_both_years():
    r = timex.resolve("(1961-1975)", WED)
    assert (r.value, r.end, r.precision, r.anchored) == ("1961", "1975", "year", False)


def test_years_and_decades_do_not_need_an_anchor_but_weekdays_do():
    assert resolved("in 1994", None) == ("1994", "year")
    assert resolved("the 1970s", None) == ("197X", "decade")
    assert resolved("two days before the March 3, 2019 vote", None) == ("2019-03-01", "day")
    for expression in ("on Monday", "last night", "last week", "Jan. 9", "three decades ago"):
        r = timex.resolve(expression, None)
        assert (r.value, r.precision) == (None, None)
        assert "date" in r.note


@pytest.mark.parametrize("text", [
    "Officials may reopen the bridge now.",
    "Rescue teams work 24/7 in the flooded district.",
    "Follow @1998News and @2015updates for more.",
    "More than 170,000 people live in the 12 provinces.",
    "Mrs May said the council would meet.",
    "The mayor spoke to Channel Today about the levee.",
    "Call 555-2019 for help; 1200 sandbags were sent.",
    "The march reached the square.",
])
def test_no_false_hits(text):
    assert found(text) == []


def test_a_count_after_in_is_not_a_year_when_the_parse_says_it_counts_things():
    text = "Water reached homes in 1500 villages and, in 1998, the old town."
    doc = nlp.load()(text)
    assert found(text, doc) == ["1998"]


def test_the_longest_expression_wins():
    text = "The levee failed on Monday night, March 13, after two days of rain."
    assert found(text) == ["Monday night, March 13", "two days"]  # the second is a duration


def article(text: str, published: str | None = None, source: str = "flood") -> Article:
    return Article(id=source, path=f"seeds/{source}.txt", title="t", paragraphs=(Paragraph(1, text, 1),),
                   published=published, published_basis="front matter" if published else None)


def test_extract_keeps_provenance_and_anchor():
    text = "The strike began on Monday, a week after talks collapsed in 1998."
    (monday, week, year) = timex.extract(article(text, "2023-03-15"), [None])
    assert (week.expression, week.value) == ("a week", "P1W")  # counted from a clause, not a date: a duration
    assert monday == TimeExpression(
        expression="Monday", where=Where("flood", 1, text.index("Monday"), text.index("Monday") + 6),
        value="2023-03-13", precision="day", anchor="2023-03-15", anchor_basis="front matter",
        kind="weekday", anchor_source="flood",
    )
    assert (year.expression, year.value, year.anchor) == ("1998", "1998", None)


def _undated(text: str, source: str = "flood") -> tuple[TimeExpression, ...]:
    return timex.extract(article(text, None, source), [None])


def test_complete_with_a_borrowed_anchor():
    (t,) = timex.complete(_undated("Crews reached the dam on Sunday."), "2023-03-15", "dateline", anchor_source="orig")
    assert (t.value, t.anchor, t.anchor_basis, t.anchor_source) == ("2023-03-12", "2023-03-15", "dateline", "orig")


def test_a_borrowed_anchor_resolves_the_words_as_their_sentence_read_them():
    """An undated copy is resolved against its original's date in the merge: the tense the extract
    stage read in the sentence still decides which Sunday ("will reach" is the next one)."""
    from generator import nlp

    text = "Crews will reach the dam on Sunday."
    (t,) = timex.complete(timex.extract(article(text, None), [nlp.load()(text)]), "2023-03-15", "dateline")
    assert (t.expression, t.value) == ("Sunday", "2023-03-19")


def test_complete_takes_a_year_the_weekday_confirms_and_pairs_the_weekday():
    times = _undated("Polls closed on Saturday, Feb. 25, in Lagos. Counting began on Saturday night.")
    first, second = timex.complete(times, around=["2023-03-01"])
    assert (first.value, second.value) == ("2023-02-25", "2023-02-25")
    assert "weekday" in first.note and "Saturday" in second.note


def test_complete_refuses_a_year_the_weekday_contradicts():
    (t,) = timex.complete(_undated("Polls closed on Friday, Feb. 25."), around=["2023-03-01"])
    assert t.value is None


def test_complete_leaves_weekdays_without_evidence_unresolved():
    (t,) = timex.complete(_undated("Crews reached the dam on Sunday."), around=["2023-03-15"])
    assert t.value is None


# --- properties --------------------------------------------------------------------

anchors = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
weekdays = st.sampled_from(list(timex.words()["weekdays"]))
numbers = st.sampled_from(["a", "two", "four", "ten", "3", "12", "40"])
units = st.sampled_from(list(timex.words()["units"]))
months = st.sampled_from(list(timex.words()["months"]))
FINEST = {"day": 4, "week": 3, "month": 2, "year": 1, "decade": 0}


@st.composite
def expressions(draw) -> tuple[str, str]:
    """An expression from a small grammar, with the finest precision its words support."""
    year = draw(st.integers(1000, 2199))
    day = draw(st.integers(1, 28))
    unit = draw(units)
    unit_precision = timex.words()["units"][unit]
    choice = draw(st.integers(0, 8))
    if choice == 0:
        return str(year) if draw(st.booleans()) else f"in {year}", "year"
    if choice == 1:
        return f"the {year // 10 * 10}s", "decade"
    if choice == 2:
        return f"{draw(numbers)} {unit} ago", unit_precision
    if choice == 3:
        return f"{draw(st.sampled_from(['', 'last ', 'next ', 'this ']))}{draw(weekdays)}", "day"
    if choice == 4:
        return f"{draw(months)} {year}", "month"
    if choice == 5:
        return f"{draw(months)} {day}", "day"
    if choice == 6:
        base = draw(st.sampled_from([(f"{draw(months)} {day}, {year}", "day"), (f"{draw(months)} {year}", "month"), (str(year), "year")]))
        finest = min(FINEST[base[1]], FINEST[unit_precision])
        return f"{draw(numbers)} {unit} {draw(st.sampled_from(['before', 'after']))} the {base[0]}", [k for k, v in FINEST.items() if v == finest][0]
    if choice == 7:
        return f"({year}-{draw(st.integers(year, 2199))})", "year"
    return draw(st.sampled_from(list(timex.words()["relative_periods"]) + list(timex.words()["recent_periods"]) + list(timex.words()["relative_days"]))), "day"


@settings(max_examples=300, deadline=None)
@given(expressions(), st.one_of(st.none(), anchors))
def test_resolution_is_never_finer_than_the_words(pair, anchor):
    expression, finest = pair
    r = timex.resolve(expression, anchor)
    if r.value is not None and not r.value.startswith("P"):  # a duration ("a day" before no date) has no calendar precision
        assert FINEST[r.precision] <= FINEST[finest], (expression, r)
        assert r.anchored or r.precision != "day" or any(c.isdigit() for c in expression)
    if anchor is None:
        assert not r.anchored


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-/'’@()–abcdefghilmnorstuwyADFJMNOSTW")), max_size=60), st.one_of(st.none(), anchors))
def test_any_text_never_crashes(text, anchor):
    for p in timex.find(text):
        r = timex.resolve_parsed(p, anchor)
        if p.kind in ("vague", "duration", "century"):  # TimeML values that are no calendar date ("PAST_REF", "P2Y", "19")
            assert r.precision is None
        else:
            assert (r.value is None) == (r.precision is None)


@settings(max_examples=60, deadline=None)
@given(anchors.filter(lambda d: d.year >= 1950), weekdays, st.booleans())
def test_weekdays_agree_with_dateparser(anchor, weekday, last):
    """dateparser is good at weekdays against a base date; it counts the anchor's own weekday
    as a week back, where news copy means that very day, so that one case is left out."""
    if not last and timex.words()["weekdays"][weekday] == anchor.weekday():
        return
    expression = f"last {weekday}" if last else weekday
    theirs = dateparser.parse(expression, languages=["en"], settings={
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "PREFER_DATES_FROM": "past"})
    assert resolved(expression, anchor) == (theirs.date().isoformat(), "day")


@given(anchors, st.integers(0, 6))
def test_a_plain_weekday_is_within_the_week_before_the_anchor(anchor, back):
    day = anchor - timedelta(days=back)
    name = [n for n, i in timex.words()["weekdays"].items() if i == day.weekday()][0]
    assert resolved(f"on {name}", anchor) == (day.isoformat(), "day")
