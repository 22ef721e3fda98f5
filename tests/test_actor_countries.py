"""Country names, divided countries and acronyms of long names, on hand-written extractions."""
from __future__ import annotations

from actor_helpers import M, names_of

from generator.model import Extraction


def test_two_names_of_one_country_fold_with_the_evidence():
    a = Extraction("a", mentions=(M("Burma", "place", "a", 1), M("Burma", "place", "a", 2)))
    b = Extraction("b", mentions=(M("Myanmar", "place", "b", 1),))
    found = names_of(a, b)
    assert list(found) == ["Myanmar"]
    assert found["Myanmar"].aliases == ("Burma",)
    assert "another name of the country" in found["Myanmar"].merges[0].evidence


def test_a_name_inside_another_named_countrys_long_name_stays_apart():
    # "Republic of the Congo" is one country's name, and inside "Democratic Republic of the Congo".
    alone = names_of(Extraction("a", mentions=(M("Congo", "place", "a", 1), M("Republic of the Congo", "place", "a", 2))))
    assert len(alone) == 1
    both = names_of(Extraction("a", mentions=(M("Congo", "place", "a", 1), M("Republic of the Congo", "place", "a", 2),
                                              M("Democratic Republic of the Congo", "place", "a", 3))))
    assert "Republic of the Congo" in both and "Congo" in both


def test_the_north_is_one_half_only_where_both_halves_are_named():
    a = Extraction("a", mentions=(M("North Kestrel", "place", "a", 1), M("South Kestrel", "place", "a", 1, 30), M("North", "place", "a", 2), M("South", "place", "a", 3)))
    b = Extraction("b", mentions=(M("South Kestrel", "place", "b", 1), M("South", "place", "b", 2)))  # only one half named
    c = Extraction("c", mentions=(M("North Kestrel", "place", "c", 1), M("South Kestrel", "place", "c", 1, 20), M("North Varga", "place", "c", 2),
                                  M("South Varga", "place", "c", 2, 20), M("North", "place", "c", 3)))  # two pairs: which North?
    found = names_of(a, b, c)
    assert len(found["North Kestrel"].mentions) == 3 and "North" in found["North Kestrel"].aliases
    assert len(found["South Kestrel"].mentions) == 4  # three full names and a's "South"; not b's
    assert {(m.source, m.paragraph) for m in found["South"].mentions} == {("b", 2)}
    assert {(m.source, m.paragraph) for m in found["North"].mentions} == {("c", 3)}


def test_an_acronym_is_not_blocked_by_a_long_name_that_writes_it():
    # "A.S. Surveys" has the initials A S too, but it writes the acronym itself: no long form of it.
    a = Extraction("a", mentions=(M("Arden Shipping", "organization", "a", 1), M("A.S.", "organization", "a", 2),
                                  M("A.S. Surveys", "organization", "a", 3)))
    found = names_of(a)
    assert "A.S." in found["Arden Shipping"].aliases and "A.S. Surveys" in found


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


def test_a_country_name_with_its_compass_word_shortened_folds_into_the_country():
    a = Extraction("a", mentions=(M("N. Korea", "place", "a", 1), M("S. Sudan", "place", "a", 2)))
    b = Extraction("b", mentions=(M("North Korea", "place", "b", 1), M("South Sudan", "place", "b", 2)))
    found = names_of(a, b)
    assert set(found) == {"North Korea", "South Sudan"}
    assert found["North Korea"].aliases == ("N. Korea",)


def test_a_country_name_with_its_compass_word_shortened_is_a_place_whatever_the_tagger_says():
    from test_actor_junk_kinds import run
    # The small model tags "N. Korea" a person here.
    found = run("World leaders denounce N. Korea test, and S. Sudan said it would join.")
    assert {m.text: m.kind for m in found}.get("N. Korea") == "place"


def test_the_opening_of_a_long_country_name_several_countries_share_goes_to_the_one_its_source_names():
    a = Extraction("a", mentions=(M("Pakistan", "place", "a", 1), M("Islamic Republic", "place", "a", 2)))
    b = Extraction("b", mentions=(M("Iran", "place", "b", 1), M("Islamic Republic", "place", "b", 2)))
    c = Extraction("c", mentions=(M("Iran", "place", "c", 1), M("Pakistan", "place", "c", 1, 20), M("Islamic Republic", "place", "c", 2)))
    found = names_of(a, b, c)
    assert {(w.source, w.paragraph) for w in found["Pakistan"].mentions} == {("a", 1), ("a", 2), ("c", 1)}
    assert {(w.source, w.paragraph) for w in found["Iran"].mentions} == {("b", 1), ("b", 2), ("c", 1)}
    assert {(w.source, w.paragraph) for w in found["Islamic Republic"].mentions} == {("c", 2)}  # two fit: neither
