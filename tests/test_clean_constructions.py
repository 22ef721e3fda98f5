"""Cleaning rules written for one construction of a scraped page, each on an article invented for
the test: a byline names at least two capitalised words, an embed's opening tag marks where its
post begins, and a capitalised wire dateline opens the text of an article that came as one line."""
from __future__ import annotations

from generator.clean import clean
from generator.furniture import byline
from generator.model import FrontMatter, Seed


def seed(text: str, sid: str = "x") -> Seed:
    return Seed(id=sid, path=f"seeds/{sid}.txt", text=text, meta=FrontMatter())


def test_a_byline_names_two_capitalised_words_so_by_and_a_weekday_is_none():
    assert byline("By Ana Ruiz") == "Ana Ruiz"
    assert byline("By Friday") is None


def test_an_opening_tag_marks_where_a_long_post_begins():
    body = " ".join(f"Crews cleared drain number {i} on the coast road before dawn." for i in range(8))
    text = (f"{body} <blockquote>Road open again. Thank you all for waiting. "
            "— Harbour Office (@harbouroffice) October 2, 2024</blockquote> The council will review the wall.")
    a = clean(seed(text))
    assert [p.text for p in a.paragraphs if p.post] == ["Road open again. Thank you all for waiting."]


def test_a_wire_dateline_opens_the_text_of_a_one_line_article():
    body = " ".join(f"Crews cleared drain number {i} on the coast road before dawn." for i in range(8))
    text = f"Coast road reopens after storm By Ana Ruiz PORTLAND (Coastwire) - The coast road reopened on Friday. {body}"
    a = clean(seed(text))
    assert a.author == "Ana Ruiz"
    assert a.paragraphs[0].text.startswith("PORTLAND (Coastwire) - The coast road reopened on Friday.")
