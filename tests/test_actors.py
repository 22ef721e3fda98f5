"""Actors across sources: alias folding with evidence, the index, pages and the gold scorer.

The unit tests use hand-written extractions of other stories, so the folding rules are
tested without the tagger; the last tests check the issue's promises on the project's seeds.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.names import ABBREVIATED_AS, ALSO_KNOWN_AS
from generator.merge import actors
from generator.model import Article, Briefing, Extraction, Mention, Paragraph, Quote, RelationClaim, RoleClaim, Source, Where
from generator.render import render
from generator.scoring.actors import score


def M(text, kind, source, paragraph, start=0, label=None, evidence=""):
    label = label if label is not None else {"person": "PERSON", "organization": "ORG", "place": "GPE"}[kind]
    return Mention(text, kind, Where(source, paragraph, start, start + len(text)), label, evidence)


def W(source, paragraph, start=0):
    return Where(source, paragraph, start, start + 10)


def resolve(*extractions):
    return actors.resolve([], list(extractions))


def by_name(found):
    return {a.name: a for a in found}


def test_acronym_definition_folds_long_names_and_acronym():
    a = Extraction("a", mentions=(M("Coastal Relief Front", "organization", "a", 1, 4), M("CRF", "organization", "a", 1, 26), M("CRF", "organization", "a", 3)),
                   relations=(RelationClaim("Coastal Relief Front", ABBREVIATED_AS, "CRF", W("a", 1, 4)),))
    b = Extraction("b", mentions=(M("CRF", "organization", "b", 1), M("Coastal Relief Forces", "organization", "b", 1, 10)),
                   relations=(RelationClaim("Coastal Relief Forces", ABBREVIATED_AS, "CRF", W("b", 1)),))
    found, _ = resolve(a, b)
    assert len(found) == 1
    actor = found[0]
    assert actor.kind == "organization"
    assert {actor.name, *actor.aliases} == {"CRF", "Coastal Relief Forces", "Coastal Relief Front"}
    assert actor.name != "CRF"  # the long name is the profile's name
    assert all("defined as" in m.evidence for m in actor.merges)
    assert len(actor.mentions) == 5


def test_swapped_acronym_letters_fold_only_beside_the_defined_acronym():
    a = Extraction("a", mentions=(M("Coastal Relief Front", "organization", "a", 1), M("CRF", "organization", "a", 1, 30), M("CFR", "organization", "a", 2)),
                   relations=(RelationClaim("Coastal Relief Front", ABBREVIATED_AS, "CRF", W("a", 1)),))
    b = Extraction("b", mentions=(M("RCF", "organization", "b", 1),))
    names = by_name(resolve(a, b)[0])
    assert "CFR" in names["Coastal Relief Front"].aliases
    assert "RCF" in names  # another source, no defined acronym there: stays apart


def test_transliteration_needs_shared_context():
    a = Extraction("a", mentions=(M("Mohammed Karimov", "person", "a", 1),), roles=(RoleClaim("Mohammed Karimov", "spokesman for the council", W("a", 1)),))
    b = Extraction("b", mentions=(M("Muhammad Karimov", "person", "b", 1),), roles=(RoleClaim("Muhammad Karimov", "council spokesperson", W("b", 1)),))
    c = Extraction("c", mentions=(M("Muhammed Karimov", "person", "c", 4),))  # no role, nobody named near him
    names = by_name(resolve(a, b, c)[0])
    folded = [a for a in names.values() if "Muhammad Karimov" in (a.name, *a.aliases)][0]
    assert {"Mohammed Karimov", "Muhammad Karimov"} <= {folded.name, *folded.aliases}
    assert any("transliteration" in m.evidence and "spokesman" in m.evidence for m in folded.merges)
    assert "Muhammed Karimov" in names and names["Muhammed Karimov"].id != folded.id


def test_one_letter_apart_with_shared_relation_folds():
    a = Extraction("a", mentions=(M("Muammar Gaddafi", "person", "a", 1), M("Saif Gaddafi", "person", "a", 2)),
                   relations=(RelationClaim("Saif Gaddafi", "son of", "Muammar Gaddafi", W("a", 2)),))
    b = Extraction("b", mentions=(M("Muammar Qaddafi", "person", "b", 1), M("Saif Qaddafi", "person", "b", 1, 40)),
                   relations=(RelationClaim("Saif Qaddafi", "son of", "Muammar Qaddafi", W("b", 1, 40)),))
    found, _ = resolve(a, b)
    people = sorted((a.name, a.aliases) for a in found)
    assert len(found) == 2, people  # father and son, each with both spellings
    assert all(len(aliases) == 1 for _, aliases in people)


def test_father_and_son_differ_by_a_name_element_and_stay_apart():
    a = Extraction("a", mentions=(M("Omar Haddad", "person", "a", 1), M("Omar Farid Haddad", "person", "a", 1, 40), M("Omar Haddad Haddad", "person", "a", 2)),
                   relations=(RelationClaim("Omar Haddad", "son of", "Omar Farid Haddad", W("a", 1)),))
    names = by_name(resolve(a)[0])
    assert set(names) == {"Omar Haddad", "Omar Farid Haddad"}
    son = names["Omar Haddad"]
    assert son.aliases == ("Omar Haddad Haddad",)
    assert "repeated" in son.merges[0].evidence
    assert son.relations and son.relations[0][:2] == ("son of", names["Omar Farid Haddad"].id)


def test_shared_surname_goes_to_the_one_full_name_introduced_and_stays_unresolved_when_two_fit():
    a = Extraction("a", mentions=(
        M("Omar Haddad", "person", "a", 1), M("Omar Farid Haddad", "person", "a", 1, 40),
        M("Haddad", "person", "a", 2),  # after "Omar Haddad, son of Omar Farid Haddad": the son
        M("Omar Farid Haddad", "person", "a", 3), M("Haddad", "person", "a", 4),  # both introduced now: either
    ), relations=(RelationClaim("Omar Haddad", "son of", "Omar Farid Haddad", W("a", 1)),))
    b = Extraction("b", mentions=(M("Haddad", "person", "b", 1),))  # no full name in this source: undecided
    found, index = resolve(a, b)
    names = by_name(found)
    son, father = names["Omar Haddad"], names["Omar Farid Haddad"]
    assert Where("a", 2, 0, 6) in son.mentions
    # Never the nearest full name alone: with father and son both named before it, it is unresolved.
    assert Where("a", 4, 0, 6) not in son.mentions + father.mentions
    unresolved = {(u.where.source, u.where.paragraph): u for u in index.unresolved}
    assert set(unresolved[("a", 4)].candidates) == {son.id, father.id}
    assert set(unresolved[("b", 1)].candidates) == {son.id, father.id}
    assert "Haddad" not in names  # no profile of its own: a short name of one of two people
    assert index.lookup("Haddad", "a", 2) == son.id
    assert index.lookup("Haddad", "a", 4, 0) is None
    assert index.lookup("Haddad") is None


def test_unique_surname_folds_even_when_tagged_as_an_organisation():
    a = Extraction("a", mentions=(M("Piotr Zielinski", "person", "a", 1), M("Zielinski", "organization", "a", 2), M("Zielinsky", "person", "a", 3)))
    found, index = resolve(a)
    assert [(x.name, x.kind, x.aliases) for x in found] == [("Piotr Zielinski", "person", ("Zielinski", "Zielinsky"))]
    assert index.lookup("Zielinski") == found[0].id


def test_initials_and_place_kinds_fold_and_ids_are_unique_slugs():
    a = Extraction("a", mentions=(
        M("Harbour Daily Times", "organization", "a", 1), M("HDT", "organization", "a", 2),
        M("Tano", "place", "a", 3), M("Tano Valley", "place", "a", 3, 20), M("Tano", "organization", "a", 4),
        M("Tano Valley Council", "organization", "a", 5),
    ))
    found, _ = resolve(a)
    names = by_name(found)
    assert "HDT" in names["Harbour Daily Times"].aliases
    assert names["Tano"].kind == "place" and "Tano Valley" in names["Tano"].aliases
    assert "Tano Valley Council" in names  # an organisation named after the place stays itself
    ids = [x.id for x in found]
    assert len(ids) == len(set(ids)) and all(i == i.lower() for i in ids)


def test_resolution_is_deterministic_whatever_the_order_of_sources():
    a = Extraction("a", mentions=(M("Grace Obi", "person", "a", 1), M("Obi", "person", "a", 2), M("Lagos Herald", "organization", "a", 2, 20)))
    b = Extraction("b", mentions=(M("Grace Obi", "person", "b", 1), M("Chinedu Okafor", "person", "b", 2)))
    assert resolve(a, b)[0] == resolve(b, a)[0]


def test_lookup_reads_titles_aliases_and_unknowns():
    a = Extraction("a", mentions=(M("Mohammed Karimov", "person", "a", 1), M("Eastern Council", "organization", "a", 1, 40)))
    found, index = resolve(a)
    karimov = by_name(found)["Mohammed Karimov"].id
    assert index.lookup("Council spokesman Mohammed Karimov") == karimov
    assert index.lookup("Karimov", "a", 3) == karimov
    assert index.lookup("the Eastern Council") == by_name(found)["Eastern Council"].id
    assert index.lookup("Somebody Else") is None
    assert index.lookup("a man who once met the head of the Eastern Council") is None  # a phrase, not a name
    assert index.lookup("Mohammed Karimov, an aide to the Eastern Council") == karimov
    assert index.lookup("") is None


def test_also_known_as_is_a_relation_not_a_merge():
    a = Extraction("a", mentions=(M("Southern Farmers League", "organization", "a", 1), M("Delta Growers Union", "organization", "a", 1, 40)),
                   relations=(RelationClaim("Southern Farmers League", ALSO_KNOWN_AS, "Delta Growers Union", W("a", 1)),))
    names = by_name(resolve(a)[0])
    league, union = names["Southern Farmers League"], names["Delta Growers Union"]
    assert league.aliases == () and union.aliases == ()
    assert [r[:2] for r in league.relations] == [(ALSO_KNOWN_AS, union.id)]


def test_non_actors_are_not_folded_into_actors():
    a = Extraction("a", mentions=(Mention("Twitter", "other", W("a", 1), "PERSON", "not an actor: social platform"),))
    assert resolve(a)[0] == ()


# --- pages -------------------------------------------------------------------


def briefing_with(found, quotes=()):
    article = Article(id="a", path="seeds/a.txt", title="A", paragraphs=tuple(Paragraph(n, "Text.") for n in range(1, 6)))
    return Briefing(title="T", description="D", sources=(Source(article),), actors=found, quotes=quotes)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_profile_shows_why_aliases_were_merged_and_links_every_mention():
    a = Extraction("a", mentions=(M("Omar Haddad", "person", "a", 1), M("Omar Farid Haddad", "person", "a", 1, 40), M("Omar Haddad Haddad", "person", "a", 2),
                                  M("Omar Farid Haddad", "person", "a", 3)),  # named in two paragraphs: a profile
                   roles=(RoleClaim("Omar Haddad", "mayor of the town", W("a", 1)),),
                   relations=(RelationClaim("Omar Haddad", "son of", "Omar Farid Haddad", W("a", 1)),))
    found, _ = resolve(a)
    son = by_name(found)["Omar Haddad"]
    quote = Quote("q1", "We will rebuild.", "direct", son.id, "Omar Haddad", "said", (W("a", 2),))
    files = render(briefing_with(found, (quote,)))
    page = files[f"actors/{son.id}.md"]
    assert "Omar Haddad Haddad" in page and "repeated" in page
    assert "mayor of the town" in page and "We will rebuild." in page
    assert 'href="../../sources/a/#p1"' in page and 'href="../../sources/a/#p2"' in page
    assert f'href="../{by_name(found)["Omar Farid Haddad"].id}/"' in page
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    index = files["actors/index.md"]
    assert "## People" in index and f'href="{son.id}/"' in index


def test_hostile_names_stay_text_on_actor_pages():
    name = '<script>alert(1)</script> {{ x }}'
    a = Extraction("a", mentions=(M(name, "person", "a", 1), M("Omar Farid Haddad", "person", "a", 1, 60)),
                   relations=(RelationClaim(name, "son of", "Omar Farid Haddad", W("a", 1)),))
    found, _ = resolve(a)
    files = render(briefing_with(found))
    for path, content in files.items():
        if path.startswith("actors/"):
            parser = Tags()
            parser.feed(content)
            assert "script" not in [t for t, _ in parser.tags], path
            assert "<script>" not in content


# --- the gold scorer ----------------------------------------------------------------


def test_scorer_counts_splits_wrong_merges_and_missing_forms():
    gold = {
        "actors": [
            {"name": "Omar Haddad", "kind": "person", "forms": ["Haddad"]},
            {"name": "Omar Farid Haddad", "kind": "person", "forms": ["Haddad"]},
            {"name": "Eastern Council", "kind": "organization", "forms": ["EC"]},
        ],
        "apart": [["Omar Haddad", "Omar Farid Haddad"]],
        "not_actors": ["Twitter"],
    }
    from generator.model import Actor, Merge

    system = (
        Actor("omar-haddad", "Omar Haddad", "person", aliases=("Omar Farid Haddad",), merges=(Merge("Omar Farid Haddad", "Omar Haddad", "x"),)),
        Actor("eastern-council", "Eastern Council", "place"),
        Actor("twitter", "Twitter", "person"),
    )
    got = {s.measure: s for s in score(briefing_with(system), gold)}
    assert (got["actors (one profile each)"].tp, got["actors (one profile each)"].fp, got["actors (one profile each)"].fn) == (2, 1, 1)
    assert (got["kind of matched actors"].tp, got["kind of matched actors"].fp) == (1, 1)
    merges = got["merges (alias in the right actor)"]
    assert (merges.tp, merges.fp, merges.fn) == (0, 1, 3)  # a wrong fold; "Haddad" missing twice, "EC" once
    assert got["pairs kept apart"].fn == 1
    assert got["non-actors kept out"].fn == 1


# --- the project's seeds ----------------------------------------------------------


def test_seeds_father_and_son_apart_and_variants_folded(seeds_briefing):
    people = {a.name: a for a in seeds_briefing.actors if a.kind == "person"}
    son, father = people["Ahmad Massoud"], people["Ahmad Shah Massoud"]
    assert son.id != father.id
    assert {"Ahmad Masoud", "Ahmad Massoud Massoud"} <= set(son.aliases)
    assert "Ahmad Shah Masoud" in father.aliases
    assert {"Fahim Dashty", "Dashti", "Dashty"} <= set(people["Fahim Dashti"].aliases)
    org = {a.name: a for a in seeds_briefing.actors if a.kind == "organization"}["National Resistance Front"]
    assert {"NRF", "National Resistance Forces"} <= set(org.aliases)


def test_seeds_no_platform_or_furniture_actors_and_no_titled_organisations(seeds_briefing):
    forms = {f.lower() for a in seeds_briefing.actors for f in (a.name, *a.aliases)}
    assert not forms & {"twitter", "instagram", "chevron", "filtericon"}
    titled = [a.name for a in seeds_briefing.actors if a.kind != "person" and any(w in r.lower() for r, _ in a.roles for w in ("spokes", "minister", "leader"))]
    assert titled == []
    names = [f.lower() for a in seeds_briefing.actors for f in (a.name, *a.aliases) if a.kind == "person" and len(f.split()) > 1]
    assert len(names) == len(set(names))  # every full name on exactly one profile


def test_seeds_site_has_actor_pages_in_the_nav_and_pictures_without_requests(seeds_site):
    index = (seeds_site / "actors" / "index.html").read_text(encoding="utf-8")
    assert "Ahmad Shah Massoud" in index and "Not counted as actors" in index
    profile = (seeds_site / "actors" / "ahmad-massoud" / "index.html").read_text(encoding="utf-8")
    figure = profile.index('class="briefing-picture"')
    svg = profile[figure : profile.index("</svg>", figure)]
    assert "Ahmad Shah Massoud" in svg
    assert not [u for u in re.findall(r'(?:href|src)="([^"]+)"', svg) if "//" in u]
    home = (seeds_site / "index.html").read_text(encoding="utf-8")
    assert 'href="actors/"' in home  # the Actors tab of the navigation
