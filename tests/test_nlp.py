from generator import nlp
from generator.model import Article, Paragraph

WIRE = "The ferry operator said on Tuesday that 14 crossings were cancelled because of the storm."


def article(id: str, *paragraphs: str) -> Article:
    return Article(id=id, path=f"seeds/{id}.md", title=id,
                   paragraphs=tuple(Paragraph(n, t) for n, t in enumerate(paragraphs, start=1)))


def test_every_paragraph_gets_its_own_parse_in_order():
    a = article("harbour", "Gulls circled the pier.", WIRE)
    docs = nlp.parse([a])["harbour"]
    assert [d.text for d in docs] == ["Gulls circled the pier.", WIRE]


def test_a_paragraph_carried_by_several_articles_is_parsed_once():
    a = article("harbour", "Gulls circled the pier.", WIRE)
    b = article("coast", WIRE, "Buses replaced two of the crossings.")
    docs = nlp.parse([a, b])
    assert docs["harbour"][1] is docs["coast"][0]
    alone = nlp.parse([b])["coast"][0]
    assert [(t.text, t.dep_, t.head.i, t.ent_type_) for t in docs["harbour"][1]] == \
        [(t.text, t.dep_, t.head.i, t.ent_type_) for t in alone]
