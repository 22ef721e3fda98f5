"""Name variants of one person fold with the evidence named; namesakes stay apart (invented stories)."""
from __future__ import annotations

from generator.merge import actors
from generator.model import Extraction, Mention, RelationClaim, RoleClaim, Where


def M(text, kind, source, paragraph, start=0, gender="", cue="", title=""):
    label = {"person": "PERSON", "organization": "ORG", "place": "GPE"}[kind]
    return Mention(text, kind, Where(source, paragraph, start, start + len(text)), label, "", title, gender, cue)


def W(source, paragraph, start=0):
    return Where(source, paragraph, start, start + 10)


def names(*extractions):
    found, index = actors.resolve([], list(extractions))
    return {a.name: a for a in found}, index


def test_middle_initial_folds_into_the_plain_name_with_evidence():
    got, _ = names(Extraction("a", mentions=(M("Marta Kovacs", "person", "a", 1), M("Marta J. Kovacs", "person", "a", 2))))
    assert len(got) == 1
    actor = next(iter(got.values()))
    assert {actor.name, *actor.aliases} == {"Marta Kovacs", "Marta J. Kovacs"}
    assert any("middle initial" in m.evidence and "J." in m.evidence for m in actor.merges)


def test_two_different_initials_leave_the_plain_name_apart():
    got, _ = names(Extraction("a", mentions=(M("Paul Rendell", "person", "a", 1), M("Paul H. W. Rendell", "person", "a", 2), M("Paul W. Rendell", "person", "a", 3))))
    assert {"Paul Rendell", "Paul H. W. Rendell", "Paul W. Rendell"} <= set(got)  # father and son: abstain


def test_familiar_given_name_folds_only_into_the_one_formal_name():
    got, _ = names(Extraction("a", mentions=(M("Robert Lindqvist", "person", "a", 1), M("Bob Lindqvist", "person", "a", 2), M("Bobby Lindqvist", "person", "a", 3))))
    assert len(got) == 1
    actor = next(iter(got.values()))
    assert {actor.name, *actor.aliases} == {"Robert Lindqvist", "Bob Lindqvist", "Bobby Lindqvist"}
    assert any("familiar form" in m.evidence for m in actor.merges)
    got, _ = names(Extraction("a", mentions=(M("Pat Okoro", "person", "a", 1), M("Patricia Okoro", "person", "a", 2), M("Patrick Okoro", "person", "a", 3))))
    assert {"Pat Okoro", "Patricia Okoro", "Patrick Okoro"} <= set(got)  # two formal names fit "Pat"


def test_titles_and_party_tags_inside_the_string_fold_into_the_name():
    ex = Extraction("a", mentions=(M("Ann Castell", "person", "a", 1), M("Gov. Ann Castell", "person", "a", 2), M("Gov. Castell (D-Ore.)", "person", "a", 3)))
    got, _ = names(ex)
    assert list(got) == ["Ann Castell"]
    assert "Gov. Ann Castell" in got["Ann Castell"].aliases
    assert Where("a", 3, 0, len("Gov. Castell (D-Ore.)")) in got["Ann Castell"].mentions


def test_husband_and_wife_apart_by_courtesy_title_and_pronoun_and_bare_surname_unresolved():
    ex = Extraction("a", mentions=(
        M("Jonas Brekke", "person", "a", 1, gender="male", cue="his"), M("Liv Brekke", "person", "a", 1, 40),
        M("Mrs. Brekke", "person", "a", 2, gender="female", cue="Mrs."), M("Mr. Brekke", "person", "a", 3, gender="male", cue="Mr."),
        M("Brekke", "person", "a", 4),
    ), relations=(RelationClaim("Liv Brekke", "wife of", "Jonas Brekke", W("a", 1, 40)),))
    got, index = names(ex)
    him, her = got["Jonas Brekke"], got["Liv Brekke"]
    assert Where("a", 3, 0, 10) in him.mentions and Where("a", 2, 0, 11) in her.mentions
    assert Where("a", 2, 0, 11) not in him.mentions  # a wife's mentions are never filed under her husband
    assert [u.where.paragraph for u in index.unresolved] == [4]
    assert "Brekke" not in got


def test_one_full_name_introduced_is_no_evidence_against_a_cue_that_rules_it_out():
    # Only the wife is named in full here; the article calls her husband "Mr. Brekke" and "Brekke".
    a = Extraction("a", mentions=(M("Jonas Brekke", "person", "a", 1, gender="male", cue="he"),))
    b = Extraction("b", mentions=(M("Liv Brekke", "person", "b", 1, gender="female", cue="her"), M("Mr. Brekke", "person", "b", 2, gender="male", cue="Mr."), M("Brekke", "person", "b", 3)))
    got, index = names(a, b)
    assert Where("b", 2, 0, 10) in got["Jonas Brekke"].mentions
    assert Where("b", 3, 0, 6) not in got["Liv Brekke"].mentions
    assert [u.where for u in index.unresolved] == [Where("b", 3, 0, 6)]


def test_a_title_written_before_a_surname_picks_the_person_who_holds_it():
    ex = Extraction("a", mentions=(M("Jonas Brekke", "person", "a", 1), M("Liv Brekke", "person", "a", 2), M("Brekke", "person", "a", 3, title="Mayor")),
                    roles=(RoleClaim("Jonas Brekke", "mayor of the town", W("a", 1)), RoleClaim("Liv Brekke", "teacher", W("a", 2))))
    got, _ = names(ex)
    assert Where("a", 3, 0, 6) in got["Jonas Brekke"].mentions


def test_a_place_spelled_like_a_surname_is_not_the_person():
    ex = Extraction("a", mentions=(M("Ivo Brittan", "person", "a", 1), M("Britain", "place", "a", 2), M("Brittan", "person", "a", 3)))
    got, _ = names(ex)
    assert "Britain" in got and got["Britain"].kind == "place"
    assert "Britain" not in got["Ivo Brittan"].aliases and "Brittan" in got["Ivo Brittan"].aliases


def test_a_campaign_named_after_a_person_keeps_its_own_actor():
    ex = Extraction("a", mentions=(M("Ivo Brandt", "person", "a", 1), M("Brandt campaign", "organization", "a", 2), M("Brandt", "person", "a", 3)))
    got, _ = names(ex)
    assert got["Brandt campaign"].kind == "organization"
    assert Where("a", 3, 0, 6) in got["Ivo Brandt"].mentions and "Brandt campaign" not in got["Ivo Brandt"].aliases


def test_an_epithet_before_a_full_name_and_a_name_cut_at_its_hyphen_fold():
    ex = Extraction("a", mentions=(M("Ivo Brandt", "person", "a", 1), M("Ivo Brandt", "person", "a", 2), M("Sleepy Ivo Brandt", "person", "a", 3),
                                   M("Park Ji-won", "person", "a", 4), M("Park Ji", "person", "a", 5)))
    got, _ = names(ex)
    assert "Sleepy Ivo Brandt" in got["Ivo Brandt"].aliases
    park = next(a for a in got.values() if "Park Ji-won" in (a.name, *a.aliases))
    assert {park.name, *park.aliases} == {"Park Ji-won", "Park Ji"}
    assert any("hyphen" in m.evidence for m in park.merges)


def test_a_family_name_written_first_goes_to_the_only_person_it_opens():
    ex = Extraction("a", mentions=(M("Park Ji-won", "person", "a", 1), M("Park", "person", "a", 2), M("Mr. Park", "person", "a", 3, gender="male", cue="Mr.")))
    got, _ = names(ex)
    assert {Where("a", 2, 0, 4), Where("a", 3, 0, 8)} <= set(got["Park Ji-won"].mentions)
    assert "Mr. Park" not in got["Park Ji-won"].aliases  # a courtesy title is no other spelling


def test_an_outlet_s_last_word_goes_to_the_one_outlet_named_so_before_it_in_the_same_source():
    a = Extraction("a", mentions=(M("Harbour Daily Times", "organization", "a", 1), M("Times", "organization", "a", 2)))
    b = Extraction("b", mentions=(M("Harbour Daily Times", "organization", "b", 1), M("Valley Times", "organization", "b", 2), M("Times", "organization", "b", 3)))
    got, _ = names(a, b)
    assert Where("a", 2, 0, 5) in got["Harbour Daily Times"].mentions
    assert Where("b", 3, 0, 5) not in got["Harbour Daily Times"].mentions + got["Valley Times"].mentions  # two fit


def test_state_abbreviations_and_an_acronym_inside_a_longer_name_fold():
    ex = Extraction("a", mentions=(M("Oregon", "place", "a", 1), M("Ore", "place", "a", 2), M("Harbour Nations", "organization", "a", 3),
                                   M("H.N. Command", "organization", "a", 4), M("Harbour Nations Command", "organization", "a", 5)))
    got, _ = names(ex)
    assert "Ore" in got["Oregon"].aliases
    assert "H.N. Command" in got["Harbour Nations Command"].aliases
    assert "Harbour Nations" in got  # the body itself stays apart from its command


def test_a_first_name_whose_cue_rules_out_the_one_full_name_of_its_source_goes_to_no_one_from_another_source():
    # Source a names Tomas Brel; source b names Tomas Harlow. In b, "Tomas" is written with "she"
    # (the speaker's pronoun, read as his): that rules Harlow out, and Brel of another source is no fit either.
    a = Extraction("a", mentions=(M("Tomas Brel", "person", "a", 1), M("Tomas Brel", "person", "a", 2)))
    b = Extraction("b", mentions=(M("Tomas Harlow", "person", "b", 1, gender="male", cue="he"),
                                  M("Tomas", "person", "b", 3, gender="female", cue="she")))
    got, index = names(a, b)
    assert "Tomas" not in got["Tomas Brel"].aliases and "Tomas" not in got["Tomas Harlow"].aliases
    assert [u.text for u in index.unresolved] == ["Tomas"]


def test_a_surname_in_capitals_as_a_transcript_writes_its_speakers_folds_like_the_surname():
    a = Extraction("a", mentions=(M("Nora Pellham", "person", "a", 1),))
    b = Extraction("b", mentions=(M("PELLHAM", "person", "b", 1), M("PELLHAM", "person", "b", 2), M("NATO", "organization", "b", 3)))
    got, _ = names(a, b)
    assert "PELLHAM" in got["Nora Pellham"].aliases and len(got["Nora Pellham"].mentions) == 3
    assert "NATO" in got


def test_a_surname_with_a_particle_goes_to_the_one_person_whose_name_ends_so_even_from_another_source():
    a = Extraction("a", mentions=(M("Ana Maria de Luca", "person", "a", 1),))
    b = Extraction("b", mentions=(M("De Luca", "person", "b", 1),))  # a headline: capital particle, nobody named before
    c = Extraction("c", mentions=(M("Tavita Ioane Moana Lealofi", "person", "c", 1),))
    d = Extraction("d", mentions=(M("Moana Lealofi", "person", "d", 1),))  # no particle: not from another source
    got, _ = names(a, b, c, d)
    assert "De Luca" in got["Ana Maria de Luca"].aliases and "De Luca" not in got
    assert "Moana Lealofi" in got
