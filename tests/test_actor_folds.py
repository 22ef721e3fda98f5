"""Folds of a name's parts, mention by mention, on hand-written extractions of other stories."""
from __future__ import annotations

from actor_helpers import M, names_of

from generator.model import Extraction


def test_the_last_two_words_of_a_long_name_fold_only_after_it_in_the_same_source():
    # Four words: a three-word name is already read as a name with a word before it (leading_words).
    a = Extraction("a", mentions=(M("Tavita Ioane Moana Lealofi", "person", "a", 1), M("Moana Lealofi", "person", "a", 2)))
    b = Extraction("b", mentions=(M("Moana Lealofi", "person", "b", 1),))  # never introduced there
    found = names_of(a, b)
    assert "Moana Lealofi" in found["Tavita Ioane Moana Lealofi"].aliases
    assert [(m.source, m.paragraph) for m in found["Moana Lealofi"].mentions] == [("b", 1)]


def test_two_longer_names_with_the_same_ending_leave_it_alone():
    a = Extraction("a", mentions=(M("Tavita Ioane Moana Lealofi", "person", "a", 1), M("Sefo Ioane Moana Lealofi", "person", "a", 1, 40),
                                  M("Moana Lealofi", "person", "a", 2)))
    found = names_of(a)
    assert "Moana Lealofi" in found and not found["Tavita Ioane Moana Lealofi"].aliases and not found["Sefo Ioane Moana Lealofi"].aliases


def test_a_pair_opening_with_a_given_name_is_not_read_as_a_compound_surname():
    a = Extraction("a", mentions=(M("Mary Beth Anne Quell", "person", "a", 1), M("Anne Quell", "person", "a", 2)))
    found = names_of(a)
    assert "Anne Quell" in found  # may be another woman of the family


def test_an_organisations_first_word_folds_after_it_when_the_rest_is_organisation_words():
    a = Extraction("a", mentions=(M("Farrow University", "organization", "a", 1), M("Farrow", "organization", "a", 3)))
    b = Extraction("b", mentions=(M("Farrow", "organization", "b", 1),))
    c = Extraction("c", mentions=(M("Kettle Harbour Books", "organization", "c", 1), M("Kettle", "organization", "c", 2)))
    found = names_of(a, b, c)
    assert "Farrow" in found["Farrow University"].aliases and len(found["Farrow University"].mentions) == 2
    assert [(m.source, m.paragraph) for m in found["Farrow"].mentions] == [("b", 1)]
    assert "Kettle" in found  # "Harbour Books" is not organisation words: no fold


def test_a_familiar_given_name_folds_with_the_formal_one_written_with_a_middle_initial():
    a = Extraction("a", mentions=(M("Leonard T. Okafor", "person", "a", 1),))
    b = Extraction("b", mentions=(M("Len Okafor", "person", "b", 1),))
    c = Extraction("c", mentions=(M("Robert K. Brel", "person", "c", 1), M("Bob J. Brel", "person", "c", 2)))  # other initials
    found = names_of(a, b, c)
    assert "Len Okafor" in found["Leonard T. Okafor"].aliases
    assert "Bob J. Brel" in found and "Robert K. Brel" in found


def test_a_first_word_the_tagger_calls_a_person_folds_only_when_no_person_has_that_name():
    a = Extraction("a", mentions=(M("Harlow Mining", "organization", "a", 1), M("Harlow", "person", "a", 2)))
    b = Extraction("b", mentions=(M("Quell Mining", "organization", "b", 1), M("Ana Quell", "person", "b", 1, 30), M("Quell", "person", "b", 2)))
    found = names_of(a, b)
    assert "Harlow" in found["Harlow Mining"].aliases
    assert "Quell" not in found["Quell Mining"].aliases


def test_a_compound_surname_never_names_the_profile():
    a = Extraction("a", mentions=(M("Tavita Ioane Moana Lealofi", "person", "a", 1), *(M("Moana Lealofi", "person", "a", i) for i in (2, 3, 4))))
    found = names_of(a)
    assert list(found) == ["Tavita Ioane Moana Lealofi"]


def test_a_name_written_with_an_epithet_keeps_the_plain_name_as_the_profile():
    a = Extraction("a", mentions=(M("Dana Whitfield", "person", "a", 1), M("Dana Whitfield", "person", "a", 2), M("Sneaky Dana Whitfield", "person", "a", 3)))
    found = names_of(a)
    assert list(found) == ["Dana Whitfield"] and found["Dana Whitfield"].aliases == ("Sneaky Dana Whitfield",)


def test_initials_fold_into_the_one_long_name_with_them_only_where_a_source_or_the_spread_supports_it():
    from actor_helpers import M, names_of
    from generator.model import Extraction

    a = Extraction("a", mentions=(M("Harbour Rowing League", "organization", "a", 1), M("HRL", "organization", "a", 2)))
    b = Extraction("b", mentions=(M("Kestrel Valley Network", "organization", "b", 1), M("Tano Basin Board", "organization", "b", 2)))
    c = Extraction("c", mentions=(M("KVN", "organization", "c", 1), M("TBB", "organization", "c", 2)))
    d = Extraction("d", mentions=(M("KVN", "organization", "d", 1), M("Tano Basin Board", "organization", "d", 2)))
    e = Extraction("e", mentions=(M("KVN", "organization", "e", 1), M("M.P.", "place", "e", 2)))
    f = Extraction("f", mentions=(M("Marlow Post", "organization", "f", 1),))
    found = names_of(a, b, c, d, e, f)
    assert "HRL" in found["Harbour Rowing League"].aliases  # written beside it
    assert "TBB" in found["Tano Basin Board"].aliases  # the long name in two sources, the initials in one
    assert "KVN" in found and "KVN" not in found["Kestrel Valley Network"].aliases  # in three sources, the long name in one
    assert "M.P." in found  # a place's initials are no organisation's


def test_a_dotted_state_abbreviation_whose_last_stop_ended_the_sentence_is_the_state():
    a = Extraction("a", mentions=(M("W.Va", "place", "a", 1), M("N.C", "place", "a", 2)))
    b = Extraction("b", mentions=(M("West Virginia", "place", "b", 1), M("North Carolina", "place", "b", 2)))
    found = names_of(a, b)
    assert set(found) == {"West Virginia", "North Carolina"}
    assert found["West Virginia"].aliases == ("W.Va",)


def test_a_place_written_with_the_dotted_abbreviation_of_where_it_lies_is_that_place():
    a = Extraction("a", mentions=(M("Fairhaven N.C.", "place", "a", 1), M("Fairhaven", "place", "a", 2),
                                  M("Ardmore Va", "place", "a", 3), M("Ardmore", "place", "a", 4)))
    found = names_of(a)
    assert "Fairhaven N.C" in found["Fairhaven"].aliases or "Fairhaven N.C." in found["Fairhaven"].aliases
    assert "Ardmore Va" in found  # undotted: the second word may be the name's own


def test_a_company_with_its_legal_form_is_the_company_but_a_person_is_not():
    a = Extraction("a", mentions=(M("Kestrel Foods Inc", "organization", "a", 1), M("Lee Ltd", "organization", "a", 2)))
    b = Extraction("b", mentions=(M("Kestrel Foods", "organization", "b", 1), M("Lee", "person", "b", 2)))
    found = names_of(a, b)
    assert found["Kestrel Foods"].aliases == ("Kestrel Foods Inc",)
    assert "Lee Ltd" in found and "Lee" in found


def test_a_health_care_company_s_first_word_after_its_full_name_is_the_company():
    a = Extraction("a", mentions=(M("Kestrel Healthcare", "organization", "a", 1), M("Kestrel", "organization", "a", 2)))
    assert names_of(a)["Kestrel Healthcare"].aliases == ("Kestrel",)


def test_a_given_name_the_tagger_calls_an_organisation_goes_to_the_one_full_name_introduced_before():
    a = Extraction("a", mentions=(M("Ilse Varkony", "person", "a", 1), M("Ilse", "organization", "a", 2)))
    b = Extraction("b", mentions=(M("Ilse", "organization", "b", 1),))  # nobody introduced there
    found = names_of(a, b)
    assert {(m.source, m.paragraph) for m in found["Ilse Varkony"].mentions} == {("a", 1), ("a", 2)}
    assert ("b", 1) not in {(m.source, m.paragraph) for a in found.values() if a.name != "Ilse" for m in a.mentions}
    # A company's name the tagger called a person lends no given name to a one-word organisation.
    c = Extraction("c", mentions=(M("Harlow Steel Corp", "person", "c", 1), M("Harlow", "organization", "c", 2)))
    assert "Harlow" not in names_of(c)["Harlow Steel Corp"].aliases



def test_initials_that_keep_the_connectors_letter_fold_into_their_long_name():
    a = Extraction("a", mentions=(M("Bank of Tarnow", "organization", "a", 1), M("BOT", "organization", "a", 3)))
    b = Extraction("b", mentions=(M("Bank of Tarnow", "organization", "b", 1),))
    found = names_of(a, b)
    assert found["Bank of Tarnow"].aliases == ("BOT",)


def test_initials_of_two_long_names_fold_into_the_one_every_source_of_them_writes():
    # "KPC": a council and a congress; the sources that write the initials name only the council.
    a = Extraction("a", mentions=(M("Kestrel Peoples Council", "organization", "a", 1), M("KPC", "organization", "a", 2)))
    b = Extraction("b", mentions=(M("Kestrel Peoples Council", "organization", "b", 1), M("KPC", "organization", "b", 3)))
    c = Extraction("c", mentions=(M("Kestrel Peoples Congress", "organization", "c", 1),))
    found = names_of(a, b, c)
    assert found["Kestrel Peoples Council"].aliases == ("KPC",) and "KPC" not in found
    assert "initials" in found["Kestrel Peoples Council"].merges[0].evidence
    # Where a source of the initials writes both long names, nothing tells which they are.
    d = Extraction("d", mentions=(M("Kestrel Peoples Congress", "organization", "d", 1), M("KPC", "organization", "d", 4)))
    found = names_of(a, b, c, d)
    assert "KPC" in found and not found["Kestrel Peoples Council"].aliases


def test_two_names_run_into_one_are_no_actor_but_one_name_with_and_inside_is():
    a = Extraction("a", mentions=(
        M("Harbour Court", "organization", "a", 1), M("Tano Water Board", "organization", "a", 1, 30),
        M("Lakeport Post", "organization", "a", 1, 60), M("Valley News", "organization", "a", 1, 90),
        M("Tano Water Board and Harbour Court", "organization", "a", 2),  # both written alone too
        M("the swimmer Ana Brel and the Harbour Court", "organization", "a", 3),
        M("Lakeport Post-Valley News", "organization", "a", 4),  # a poll of two outlets
        M("Fisheries and the Coast Service", "organization", "a", 5),  # one body: "Coast Service" is no actor
        M("Parks and Wildlife Department", "organization", "a", 6),
    ))
    found = names_of(a)
    assert set(found) == {"Harbour Court", "Tano Water Board", "Lakeport Post", "Valley News",
                          "Fisheries and the Coast Service", "Parks and Wildlife Department"}


def test_a_department_written_either_way_round_is_one_body_but_a_university_is_not():
    a = Extraction("a", mentions=(M("Department of Harbour Affairs", "organization", "a", 1),
                                  M("University of Lakeport", "organization", "a", 2)))
    b = Extraction("b", mentions=(M("Harbour Affairs Department", "organization", "b", 1),
                                  M("Lakeport University", "organization", "b", 2)))
    found = names_of(a, b)
    assert found["Department of Harbour Affairs"].aliases == ("Harbour Affairs Department",)
    assert "written the other way round" in found["Department of Harbour Affairs"].merges[0].evidence
    assert "University of Lakeport" in found and "Lakeport University" in found


def test_a_familiar_given_name_folds_with_the_formal_one_written_with_a_suffix_unless_both_differ():
    a = Extraction("a", mentions=(M("Thomas K. Okafor Jr.", "person", "a", 1),))
    b = Extraction("b", mentions=(M("Tom Okafor", "person", "b", 1),))
    c = Extraction("c", mentions=(M("Robert Brel Sr.", "person", "c", 1), M("Bob Brel Jr.", "person", "c", 2)))  # father and son
    found = names_of(a, b, c)
    assert "Tom Okafor" in found["Thomas K. Okafor Jr"].aliases or "Tom Okafor" in found["Thomas K. Okafor Jr."].aliases
    assert "Bob Brel Jr" in found or "Bob Brel Jr." in found


def test_a_given_name_cut_after_the_surnames_first_letter_is_the_one_person_of_its_source():
    a = Extraction("a", mentions=(M("Marta Quellby", "person", "a", 1), M("Marta Q", "person", "a", 5)))
    b = Extraction("b", mentions=(M("Tomas B", "person", "b", 1),))  # nobody named in full there
    c = Extraction("c", mentions=(M("Tomas Brel", "person", "c", 1),))
    found = names_of(a, b, c)
    assert found["Marta Quellby"].aliases == ("Marta Q",)
    assert "Tomas B" in found


def test_an_acronym_written_once_with_two_letters_swapped_is_the_one_written_all_over():
    sources = [Extraction(s, mentions=(M("KBVN", "organization", s, 1),)) for s in "abc"]
    d = Extraction("d", mentions=(M("KVBN", "organization", "d", 2), M("NSA", "organization", "d", 3)))
    e = Extraction("e", mentions=(M("NAS", "organization", "e", 1),))
    others = [Extraction(s, mentions=(M("NAS", "organization", s, 2),)) for s in "fg"]
    found = names_of(*sources, d, e, *others)
    assert found["KBVN"].aliases == ("KVBN",)
    assert "NSA" in found and "NAS" in found  # three letters: two bodies as often as not
