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


def _reading(doc):
    return [(t.text, t.idx, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start,
             t.morph.to_json()) for t in doc]


def test_a_kept_parse_reads_as_the_fresh_one_and_is_not_parsed_again(tmp_path, monkeypatch):
    from generator.cache import Cache

    a = article("harbour", "Gulls circled the pier.", WIRE)
    store = Cache(tmp_path / "parses", ".spacy")
    fresh = nlp.parse([a], store=store)["harbour"]
    assert len(list((tmp_path / "parses").rglob("*.spacy"))) == 2

    pipe = nlp.load().pipe
    asked: list[str] = []
    monkeypatch.setattr(type(nlp.load()), "pipe", lambda self, texts, **kw: (asked.extend(texts), pipe(texts, **kw))[1])
    kept = nlp.parse([a], store=store)["harbour"]
    assert asked == []
    assert [_reading(d) for d in kept] == [_reading(d) for d in fresh]
    assert [[(e.text, e.label_) for e in d.ents] for d in kept] == [[(e.text, e.label_) for e in d.ents] for d in fresh]


def test_a_damaged_kept_parse_is_parsed_again(tmp_path):
    from generator.cache import Cache

    a = article("harbour", WIRE)
    store = Cache(tmp_path / "parses", ".spacy")
    nlp.parse([a], store=store)
    for entry in (tmp_path / "parses").rglob("*.spacy"):
        head, _, body = entry.read_bytes().partition(b"\n")
        entry.write_bytes(head + b"\n" + body[:-5] + b"xxxxx")
    again = nlp.parse([a], store=store)["harbour"][0]
    assert again.text == WIRE and again[0].dep_
