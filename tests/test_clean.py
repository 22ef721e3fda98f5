from generator.clean import clean
from generator.model import FrontMatter, Seed


def seed(text: str, **meta) -> Seed:
    return Seed(id="x", path="seeds/x.txt", text=text, meta=FrontMatter(**meta))


def test_paragraphs_are_numbered_non_blank_lines_with_their_file_lines():
    article = clean(seed("The dam held overnight, officials said.\n\n  Water fell by a metre.  \n"))
    assert [(p.n, p.text, p.line) for p in article.paragraphs] == [
        (1, "The dam held overnight, officials said.", 1),
        (2, "Water fell by a metre.", 3),
    ]


def test_short_first_line_is_the_headline():
    article = clean(seed("Dam holds after night of rain\nThe dam held overnight, officials said.\n"))
    assert article.title == "Dam holds after night of rain"
    assert article.title_basis == "headline"
    assert [p.text for p in article.paragraphs] == ["The dam held overnight, officials said."]
    assert article.removed[0].text == "Dam holds after night of rain"


def test_front_matter_wins_over_inference():
    article = clean(seed("Dam holds after night of rain\nBody.\n", title="Given title", published="2020-01-02"))
    assert (article.title, article.title_basis) == ("Given title", "front matter")
    assert (article.published, article.published_basis) == ("2020-01-02", "front matter")
    assert [p.text for p in article.paragraphs] == ["Dam holds after night of rain", "Body."]
