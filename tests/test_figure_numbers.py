"""Number expressions (generator/extract/figure_numbers.py): each construction the reader has a
rule for, read from an invented sentence about events other than the seeds'."""
from __future__ import annotations

import pytest

from generator import nlp
from generator.extract.figure_numbers import scan
from generator.model import Article, Paragraph

SENTENCES = {
    # (sentence, [(the expression as written, value, unit)])
    "a whole number and a fraction": ("The levee held for 2 1/2 years.", [("2 1/2 years", 2.5, "years")]),
    "a range between two numbers": ("Between 3 and 5 barges ran aground.", [("3 and 5", (3, 5), "")]),
    "a range written with to": ("Ten to 15 boats sank.", [("Ten to 15", (10, 15), "")]),
    "two measures compared are no range": (
        "Support fell from 43 percent to 38 percent.", [("43 percent", 43, "percent"), ("38 percent", 38, "percent")]),
    "a few hundred": ("A few hundred pilgrims camped by the lake.", [("A few hundred", (200, None), "")]),
    "several thousand": ("Several thousand fans filled the square.", [("Several thousand", (3000, None), "")]),
    "several thousand fused to a noun": ("A several-thousand-strong crowd gathered.", [("several-thousand", (3000, None), "")]),
    "half a unit": ("The cargo weighed half a ton.", [("half a ton", 0.5, "tons")]),
    "a multiplier fused to the digits": ("The port lost 3bn in trade.", [("3bn", 3_000_000_000, "")]),
    "a unit fused by a hyphen": ("A 30-day delay hit the ferry line.", [("30-day", 30, "days")]),
    "a currency code before the number": ("The fine was dlrs 305,000.", [("dlrs 305,000", 305_000, "USD")]),
    "a number word times a multiplier": ("Four dozen gulls circled.", [("Four dozen", 48, "")]),
    "and joins no range without between": ("The towns lost 30 and 45 homes.", [("30", 30, ""), ("45", 45, "")]),
    "a unit after a run of spaces": ("Turnout fell to 41  percent.", [("41  percent", 41, "percent")]),
    "a currency written before and after": ("The fare rose to US$5 dollars.", [("US$5 dollars", 5, "USD")]),
}


@pytest.mark.parametrize("construction", sorted(SENTENCES))
def test_a_number_expression_is_read_whole(construction):
    text, expected = SENTENCES[construction]
    article = Article(id="numbers", path="seeds/numbers.txt", title="T", paragraphs=(Paragraph(1, text),))
    (doc,) = nlp.parse([article])[article.id]
    found = [(doc[e.start:e.end + 1].text, e.value, e.unit) for e in scan(doc)]
    assert found == expected
