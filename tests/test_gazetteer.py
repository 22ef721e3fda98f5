"""Country names come from CLDR and ISO 3166 (Babel, pycountry), read as news copy writes them."""
from __future__ import annotations

from generator import gazetteer


def test_official_inverted_and_bracketed_forms_are_names_of_the_usual_country():
    c = gazetteer.countries()
    assert c["moldova"] == c["republic of moldova"] == "Moldova"  # ISO's "Moldova, Republic of"
    assert c["bolivia"] == c["plurinational state of bolivia"] == "Bolivia"
    assert c["eswatini"] == c["kingdom of eswatini"] == "Eswatini"


def test_former_states_are_named_but_never_take_a_name_a_country_bears_today():
    c = gazetteer.countries()
    assert c["upper volta"] == "Upper Volta" and c["dahomey"] == "Dahomey"
    assert c["burma"] == "Myanmar"  # CLDR's "Myanmar (Burma)"; ISO also lists a former state so named


def test_a_name_two_countries_share_is_left_out_and_groupings_are_no_countries():
    c = gazetteer.countries()
    assert "korea" not in c  # "Korea, Republic of" and "Korea, Democratic People's Republic of"
    assert "european union" not in c and "united nations" not in c and "world" not in c


def test_the_actors_stage_adds_the_initials_of_usual_names_only():
    from generator.names import lexicon

    countries = lexicon().countries
    assert countries["p.n.g."] == countries["png"] == "Papua New Guinea"
    assert "ira" not in countries and "are" not in countries  # initials of official forms spell words
