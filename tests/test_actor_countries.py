"""Country names, divided countries and acronyms of long names, on hand-written extractions."""
from __future__ import annotations

from generator.merge import actors
from generator.model import Extraction, Mention, Where


def M(text, kind, source, paragraph, start=0):
    label = {"person": "PERSON", "organization": "ORG", "place": "GPE"}[kind]
    return Mention(text, kind, Where(source, paragraph, start, start + len(text)), label, "")


def names_of(*extractions):
    found, _ = actors.resolve([], list(extractions))
    return {a.name: a for a in found}


def test_two_names_of_one_country_fold_with_the_evidence():
    a = Extraction("a", mentions=(M("Burma", "place", "a", 1), M("Burma", "place", "a", 2)))
    b = Extraction("b", mentions=(M("Myanmar", "place", "b", 1),))
    found = names_of(a, b)
    assert list(found) == ["Myanmar"]
    assert found["Myanmar"].aliases == ("Burma",)
    assert "another name of the country" in found["Myanmar"].merges[0].evidence


def test_a_short_name_inside_another_named_countrys_long_name_stays_apart():
    # "Islamic Republic" is one of Iran's names, but also inside "Islamic Republic of Pakistan".
    alone = names_of(Extraction("a", mentions=(M("Iran", "place", "a", 1), M("Islamic Republic", "place", "a", 2))))
    assert "Islamic Republic" in alone["Iran"].aliases
    both = names_of(Extraction("a", mentions=(M("Iran", "place", "a", 1), M("Islamic Republic", "place", "a", 2), M("Pakistan", "place", "a", 3))))
    assert "Islamic Republic" in both and "Islamic Republic" not in both["Iran"].aliases


def test_the_north_is_one_half_only_where_both_halves_are_named():
    a = Extraction("a", mentions=(M("North Korea", "place", "a", 1), M("South Korea", "place", "a", 1, 30), M("North", "place", "a", 2), M("South", "place", "a", 3)))
    b = Extraction("b", mentions=(M("South Korea", "place", "b", 1), M("South", "place", "b", 2)))  # only one half named
    c = Extraction("c", mentions=(M("North Korea", "place", "c", 1), M("South Korea", "place", "c", 1, 20), M("North Dakota", "place", "c", 2),
                                  M("South Dakota", "place", "c", 2, 20), M("North", "place", "c", 3)))  # two pairs: which North?
    found = names_of(a, b, c)
    assert len(found["North Korea"].mentions) == 3 and "North" in found["North Korea"].aliases
    assert len(found["South Korea"].mentions) == 4  # three full names and a's "South"; not b's
    assert {(m.source, m.paragraph) for m in found["South"].mentions} == {("b", 2)}
    assert {(m.source, m.paragraph) for m in found["North"].mentions} == {("c", 3)}


def test_an_acronym_is_not_blocked_by_a_long_name_that_writes_it():
    a = Extraction("a", mentions=(M("United States", "place", "a", 1), M("U.S.", "place", "a", 2), M("U.S. Senate", "organization", "a", 3)))
    found = names_of(a)
    assert "U.S." in found["United States"].aliases and "U.S." not in found


def test_an_acronym_before_the_last_words_of_a_long_name_folds_into_it():
    a = Extraction("a", mentions=(M("Northern Ports Authority", "organization", "a", 1), M("N.P. Authority", "organization", "a", 2),
                                  M("Western Ports Authority", "organization", "a", 3)))
    found = names_of(a)
    assert "N.P. Authority" in found["Northern Ports Authority"].aliases
    assert "Western Ports Authority" in found  # its initials are not N.P.


def test_a_long_name_that_writes_the_acronym_itself_is_not_its_expansion():
    a = Extraction("a", mentions=(M("KTV News", "organization", "a", 1), M("KTV Evening News", "organization", "a", 2)))
    found = names_of(a)
    assert "KTV News" in found and "KTV Evening News" in found


def test_a_city_named_after_its_state_or_country_stays_apart_but_a_valley_folds():
    a = Extraction("a", mentions=(M("Kestrel", "place", "a", 1), M("Kestrel City", "place", "a", 2), M("Arden", "place", "a", 3), M("Arden Valley", "place", "a", 4)))
    found = names_of(a)
    assert "Kestrel City" in found and "Kestrel" in found
    assert "Arden Valley" in found["Arden"].aliases
