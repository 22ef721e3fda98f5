"""Junk spans, kinds by head word and country names, on invented articles (tagger included)."""
from __future__ import annotations

from generator import nlp
from generator.extract import mentions
from generator import names
from generator.model import Article, Paragraph


def run(*paragraphs: str):
    article = Article(id="story", path="seeds/story.txt", title="A story", paragraphs=tuple(Paragraph(i + 1, p) for i, p in enumerate(paragraphs)))
    return mentions.extract(article, nlp.parse([article])["story"])[0]


def lex():
    return names.lexicon()


def test_a_span_run_over_a_comma_colon_or_spaced_dash_is_no_name():
    assert "list or clause" in mentions.written_reason("Thrift, Patience", lex())
    assert "list or clause" in mentions.written_reason("Harbour Rovers - while", lex())
    assert mentions.written_reason("Harbour Rovers", lex()) is None


def test_a_lower_case_content_word_inside_makes_a_phrase_but_joining_words_do_not():
    assert "percent" in mentions.written_reason("Okafor 41.2 percent", lex())
    assert "nations" in mentions.written_reason("E.U. nations", lex())
    for name in ("Bank of the Lakes", "Bashar al-Masri", "Vanna de Luca", "Pike v. Board of Parks", "Lakeside government", "Kestrel province"):
        assert mentions.written_reason(name, lex()) is None, name


def test_particles_alone_holidays_and_direction_words_are_no_actors():
    assert "particle" in mentions.written_reason("van", lex())
    assert "holiday" in mentions.written_reason("Thanksgiving", lex())
    assert "direction" in mentions.written_reason("Eastern", lex())
    found = run("The ferry left at 9 p.m. Eastern, a week before Easter, said Lina Okafor.")
    assert not any(m.kind != "other" and m.text in ("Eastern", "Easter") for m in found)


def test_a_common_noun_capitalised_is_no_actor_when_the_article_writes_it_in_lower_case():
    found = run("Veterans marched to the harbour on Monday.", "The veterans said the pier was unsafe, and local media agreed. Media crews filmed.")
    assert not [m for m in found if m.kind != "other" and m.text in ("Veterans", "Media")]


def test_a_country_name_is_a_place_whatever_the_tagger_says():
    # The small model tags "Moldova" an organisation and "Malawi" a person here.
    found = run("Moldova signed first, then Bhutan, Suriname and Eritrea.", "Malawi said it would join.")
    kinds = {m.text: m.kind for m in found}
    assert kinds.get("Moldova") == "place" and kinds.get("Malawi") == "place"


def test_a_country_that_is_also_a_given_name_keeps_a_person_label():
    # "Chad" is a country and a given name: inside a longer name it is the person's.
    assert lex().countries["chad"] == "Chad"
    found = run("Chad Whitmore said the ferry would run.")
    assert {m.text: m.kind for m in found}.get("Chad Whitmore") == "person"


def test_a_non_person_name_the_tagger_ran_on_into_a_phrase_is_cut_before_it():
    # The small model tags "the Riverside Mall near" as one organisation.
    found = run("Crowds filled the Riverside Mall near Kestrel Bay.")
    assert {m.text for m in found if m.kind != "other"} == {"Riverside Mall", "Kestrel Bay"}


def test_company_and_court_heads_make_organisations_and_landmarks_places():
    found = run("Harlow Coal said it would close the pit, and the Ninth Circuit agreed.",
                "Crowds filled the Riverside Mall near Kestrel Bay.")  # the tagger: "Riverside Mall" ORG
    kinds = {m.text: m.kind for m in found}
    assert kinds.get("Harlow Coal") == "organization"
    assert kinds.get("Ninth Circuit") == "organization"
    assert kinds.get("Riverside Mall") == "place" and kinds.get("Kestrel Bay") == "place"


def test_a_surname_opening_a_sentence_is_kept_whatever_its_tag():
    found = run("Dana Okafor arrived on Monday.", "Okafor visited the port, and the okafor tree was in bloom.", "Okafor said the port was open.")
    assert sum(m.kind == "person" and m.text == "Okafor" for m in found) == 2


def test_the_portfolio_of_a_title_is_no_actor_but_an_acronym_before_a_title_is():
    found = run("Defence Secretary Ana Brel met the NATO Secretary General on Monday to discuss the budget and the new ships.")
    texts = {m.text for m in found if m.kind != "other"}
    assert "Defence" not in texts and "Ana Brel" in texts  # the tagger: "Defence" ORG
    assert "NATO" in texts


def test_names_in_a_run_in_sub_head_count_only_when_the_article_writes_them():
    found = run("Harbour Deal Stalls Over Ferry Fees: Talks broke off on Monday, and the port board said it would meet again.",
                "Nobody from the Port Board of Kestrel commented.")
    heads = [m for m in found if m.where.paragraph == 1 and m.where.end <= 36]
    assert heads and all(m.kind == "other" for m in heads)


def test_a_link_code_is_no_name_but_a_name_with_a_number_is():
    assert "link or code" in mentions.written_reason("QxR7tpLmw2", lex())
    assert mentions.written_reason("Future45", lex()) is None


def test_the_acronym_of_an_agreement_named_in_the_article_is_no_actor():
    found = run("Ministers signed the Coastal Fisheries Agreement, or CFA, on Monday.", "Fishers said the CFA would cut their catch.")
    assert [m for m in found if m.text == "CFA"] and all(m.kind == "other" for m in found if m.text == "CFA")
    # The tagger labels "the Coastal Waters Act" a law (no candidate at all): its acronym is no actor either.
    found = run("Ministers cited the Coastal Waters Act, or CWA, on Monday.", "Critics said the CWA would hurt fishers.")
    assert [m for m in found if m.text == "CWA"] and all(m.kind == "other" for m in found if m.text == "CWA")


def test_a_moderator_in_apposition_is_a_person_whatever_the_tagger_says():
    _, roles, _ = mentions.extract(*_article("The debate moderator, Ilse Varga, said both candidates had agreed to the rules."))
    assert ("Ilse Varga", "debate moderator") in [(r.holder, r.role) for r in roles]


def _article(text):
    article = Article(id="story", path="seeds/story.txt", title="A story", paragraphs=(Paragraph(1, text),))
    return article, nlp.parse([article])["story"]


def test_a_name_beside_a_kind_of_place_is_a_place():
    # The small model tags "Hollins" a person and "Orla" an organisation here.
    found = run("Nine people were hurt in a crowded Hollins neighborhood by a blast, the mayor said on Monday.",
                "Crowds came for the fair in the town of Orla, officials said on Friday.")
    kinds = {m.text: m.kind for m in found}
    assert kinds.get("Hollins") == "place" and kinds.get("Orla") == "place"


def test_a_speech_verb_opening_the_sentence_is_cut_from_a_name_and_a_week_is_an_occasion():
    found = run("Say Varnholt demanded that the port prove it, the envoy argued on Tuesday in a long letter.",
                "Tourists from the mainland arrive for Golden Harbour Week each May.")  # the tagger: a facility
    texts = {m.text for m in found if m.kind != "other"}
    assert "Varnholt" in texts and "Say Varnholt" not in texts
    assert any(m.text == "Golden Harbour Week" and "occasion" in m.evidence for m in found)


def test_an_acronym_opening_a_sentence_is_not_read_as_a_verb():
    found = run("Clashes went on. IS-K (Islamic Harbour Front) said it held the pier.")
    assert "IS-K" in {m.text for m in found if m.kind != "other"}


def test_a_place_noun_that_describes_another_noun_does_not_make_a_place():
    found = run("She called in to a KTV town hall about the harbour, and viewers stayed on the line.")
    assert {m.text: m.kind for m in found}.get("KTV") == "organization"


def test_former_countries_are_country_names_and_a_dateline_in_capitals_is_a_town_whatever_its_last_word():
    assert lex().countries["ussr"] == "Union of Soviet Socialist Republics" and lex().countries["czechoslovakia"] == "Czechoslovakia"
    # The tagger calls "HARBOUR TIMES" an organisation; opening the article before a comma it is a dateline.
    found = run("HARBOUR TIMES, Va. — The yard closed.", "Workers said the yard would reopen in the spring, and the union agreed.")
    assert {m.text: m.kind for m in found}.get("HARBOUR TIMES") == "place"


def test_a_dotted_acronym_tagged_a_place_is_an_organisation_unless_a_place_abbreviation():
    # The small model tags "D.H.S." a place here.
    found = run("Agents of the D.H.S. searched the office on Monday.")
    assert {m.text: m.kind for m in found}.get("D.H.S.") == "organization"
    assert "n.y.c." in lex().place_abbreviations and "u.a.e." in lex().countries  # such acronyms stay places


def actors_of(found) -> dict[str, str]:
    return {m.text: m.kind for m in found if m.kind != "other"}


def test_the_parties_of_a_court_case_are_the_case_not_actors():
    found = run("The ruling in Okafor v. Harlow Water Board changed that, and lawyers cited Pemberton v. Marsh as well.")
    assert not [t for t in actors_of(found) if t.split()[0] in ("Okafor", "Pemberton", "Marsh")]
    assert all("court case" in m.evidence for m in found if m.kind == "other")


def test_the_title_of_a_book_or_programme_is_no_actor():
    found = run("In her 2011 memoir, Salt Roads, Moreau recalled the strike.", "Lina Moreau, the mayor, said a programme called Greenway paid for it.")
    kinds = actors_of(found)
    assert "Salt Roads" not in kinds and "Greenway" not in kinds
    assert kinds.get("Lina Moreau") == "person"


def test_grants_are_no_actor():
    assert "law, prize" in mentions.written_reason("Hollis Grants", lex())


def test_a_name_introduced_by_what_it_is_called_has_the_kind_of_that_thing():
    # The small model tags both as persons.
    found = run("The attack was traced to a hacking group known as Grey Heron.", "The mine sat on a mountain stream called Dunmore Run.")
    kinds = actors_of(found)
    assert kinds.get("Grey Heron") == "organization" and kinds.get("Dunmore Run") == "place"


def test_a_kinship_word_before_a_given_name_makes_a_person():
    # The small model tags "Ileana" a place here.
    found = run("Lawyers sought the contents of a court file on Tom Brel's divorce from wife Ileana, saying the courts had no say.")
    assert actors_of(found).get("Ileana") == "person"


def test_a_name_written_before_counties_is_a_place():
    # The small model tags "Fenwick" an organisation here.
    found = run("Rallies are planned in Alderney and Fenwick counties this week.")
    assert actors_of(found).get("Fenwick") == "place"


def test_a_name_cut_at_of_or_for_after_its_organisation_or_place_word_is_one_name():
    found = run("She worked as a prosecutor for the Western District of Kestrel, said Ana Ruiz.", "The play opened at the Harbour Centre for the Performing Arts.")
    kinds = actors_of(found)
    assert "Western District of Kestrel" in kinds and kinds.get("Harbour Centre for the Performing Arts") == "organization"
    assert "Western District" not in kinds and "Performing Arts" not in kinds


def test_a_common_word_capitalised_in_the_name_of_a_thing_is_no_actor():
    found = run("Harlow Energy used to operate the Federal mine near the creek, and the federal inspectors came twice.", "The Federal mine closed in May.")
    kinds = actors_of(found)
    assert "Federal" not in kinds and kinds.get("Harlow Energy") == "organization"


def test_a_verb_spelled_like_a_work_or_naming_word_takes_no_name_from_the_sentence():
    # Guards the two rules above: "shows" is a verb here, "called" a verb with a subject, and
    # "Gazette" an outlet word, not a common word naming a thing.
    found = run("A poll this week shows Okafor leading, and Ana Ruiz, an adviser to the Marlow campaign, called Okafor's plan a risk.",
                "Ruiz said a Gazette article hailed Okafor.")
    assert [m.text for m in found if m.kind == "other"] == []
    assert actors_of(found).get("Marlow campaign") == "organization" and "Gazette" in actors_of(found)


def test_what_someone_holds_a_title_of_is_a_body_but_kin_of_someone_is_a_person():
    # The small model tags both bodies as persons.
    found = run("Moreau is artistic director of Tall Heron, which staged her play, said Ana Ruiz.", "Ana Ruiz, founder of Kestrel Lane, said the show would go on.",
                "Lina Okafor, the daughter of Tom Brel, spoke too.")
    kinds = actors_of(found)
    assert kinds.get("Tall Heron") == "organization" and kinds.get("Kestrel Lane") == "organization"
    assert kinds.get("Tom Brel") == "person"


def test_a_name_in_apposition_with_an_organisation_noun_is_an_organisation():
    # The small model tags "Brindle" a person here.
    assert actors_of(run("He sold the farms to a company, Brindle, last year."))["Brindle"] == "organization"


def test_a_former_miss_something_is_a_contest_title_not_a_name():
    found = run("Okafor mocked a former Miss Harbourland in a late-night post, said Ana Ruiz.", "The former Miss Harbourland said she was hurt.")
    assert "Miss Harbourland" not in actors_of(found) and actors_of(found).get("Ana Ruiz") == "person"


def test_a_place_in_apposition_with_state_stays_a_place():
    assert actors_of(run("He grew up on a farm in his home state, Vermont, said Ana Ruiz."))["Vermont"] == "place"


def test_a_one_word_name_moved_along_is_a_place():
    # The small model tags "Benno" and "Merrow" persons here.
    assert actors_of(run("Leaders met on a pleasure boat that cruised down the Benno."))["Benno"] == "place"
    assert actors_of(run("The ferry went up the Merrow last spring."))["Merrow"] == "place"


def test_a_given_name_and_initial_sharing_the_surname_written_after_and_is_no_actor_of_its_own():
    found = run("The group was funded by the brothers Tomas R. and Piotr K. Brel, said Ana Ruiz.")
    assert "Tomas R." not in actors_of(found) and actors_of(found).get("Piotr K. Brel") == "person"


def test_a_city_of_the_standards_tagged_an_organisation_is_a_place():
    # The small model tags "Reykjavik" an organisation here.
    assert actors_of(run("Delegates told the story of Reykjavik again."))["Reykjavik"] == "place"


def test_a_hyphenated_given_name_has_a_name_shape_for_its_title():
    # The small model tags both names organisations here.
    found = run("Anne-Marie Okafor, the deputy mayor, said the road was shut.", "Jean-Luc Brel, the foreign minister of Varna, a founding member, spoke first.")
    kinds = actors_of(found)
    assert kinds.get("Anne-Marie Okafor") == "person" and kinds.get("Jean-Luc Brel") == "person"


def test_what_someone_is_minister_of_is_no_person_whatever_an_apposition_after_it_says():
    # The parser hangs "a permanent member" on "Kestrel".
    found = run("Jean-Paul Moreau, the foreign minister of Kestrel, a permanent member of the council, spoke.")
    assert actors_of(found).get("Kestrel") != "person"


def test_a_common_word_naming_a_thing_is_no_actor_even_where_the_parse_is_lost():
    found = run("Miners rode an elevator down to the dank shafts of Federal mine No. 2 last spring, and federal inspectors followed.")
    assert "Federal" not in actors_of(found)


def test_a_law_cut_at_a_small_word_is_one_law_and_no_actor():
    found = run("Okafor voted against the rosy-sounding Justice for Victims of Lake Trafficking Act of 2015 because it was bad, and justice was slow.")
    assert not [t for t in actors_of(found) if "Justice" in t or "Victims" in t]


def test_letters_and_digits_written_as_one_word_name_a_body_not_a_place():
    # The small model tags "Harbor45" a place here.
    assert actors_of(run("Donors gave to Harbor45, a super PAC, said Ana Ruiz."))["Harbor45"] == "organization"


def test_a_work_title_is_that_work_wherever_the_article_writes_it():
    found = run("In her 2011 memoir, Salt Roads, Moreau recalled the strike.", "Salt Roads sold well, said Ana Ruiz, and Salt Roads is now a film.")
    assert [m.kind for m in found if m.text == "Salt Roads"] == ["other"] * 3


def test_a_name_before_program_is_the_programme():
    found = run("The Westbrook program lets farmers borrow, said Ana Ruiz.")
    assert "Westbrook" not in actors_of(found) and actors_of(found).get("Ana Ruiz") == "person"


def test_a_short_run_in_heading_in_capitals_is_a_heading():
    found = run("The Gap Grows On: It was under Okafor that the council met.")
    assert "Gap Grows On" not in actors_of(found)


def test_an_outlet_run_on_into_a_surname_named_before_ends_at_its_outlet_word():
    found = run("Tom Okafor spoke on Monday.", "In a March meeting with the editorial board of the Harbour Daily Post Okafor said the plan was dead.")
    kinds = actors_of(found)
    assert kinds.get("Harbour Daily Post") == "organization" and [m.kind for m in found if m.text == "Okafor"] == ["person"]


def test_a_place_before_law_firm_stays_a_place_in_every_paragraph():
    found = run("In the 1980s, Ana Ruiz worked at a Kestrel Valley law firm.", "She sued Kestrel Valley over its law.")
    assert [m.kind for m in found if m.text == "Kestrel Valley"] == ["place", "place"]


def test_a_member_of_a_movement_named_after_it_stays_a_person():
    found = run("Another member of the resistance movement, Tomas Halvorsen, who served as a minister, put the number at seven.")
    assert actors_of(found).get("Tomas Halvorsen") == "person"


def test_a_capitalised_common_noun_a_prize_s_words_a_general_people_and_laws_named_after_someone_are_no_actors():
    found = run("“They want a purge the likes of which the World has not seen for a century,” said Ana Ruiz.",
                "Tomas Brel, winner of the Harlan Prize for Excellence in Science Writing by the Press, spoke first.",
                "The judge spoke of the Tom Pike laws that kept the valley poor, said Ana Ruiz.",
                "Critics said Lee had insulted Latinos, and the Harbour Press printed it.")
    kinds = {(m.text, m.where.paragraph): m.kind for m in found}
    for name, n in (("World", 1), ("Harlan Prize for Excellence", 2), ("Press", 2), ("Tom Pike", 3), ("Latinos", 4)):
        assert kinds.get((name, n), "other") == "other", name
    assert kinds[("Ana Ruiz", 1)] == kinds[("Tomas Brel", 2)] == kinds[("Lee", 4)] == "person"
    assert kinds[("Harbour Press", 4)] == "organization"


def test_a_court_case_named_after_a_person_is_no_actor_but_the_person_named_alone_is():
    found = run("Lawyers cited rulings from the Mara Quell case to the present, said Tomas Brel.",
                "Mara Quell was a farmer whose land was taken in 1901.")
    kinds = {(m.text, m.where.paragraph): m.kind for m in found}
    assert kinds.get(("Mara Quell", 1), "other") == "other"
    assert kinds[("Mara Quell", 2)] == kinds[("Tomas Brel", 1)] == "person"


def test_the_words_of_a_quoted_title_after_a_possessive_are_no_actors():
    found = run("A campaign surrogate, Tom Brel, said Thursday morning on Lakeport News’s “Dawn and Friends.” "
                "“I mean, there is a lot of anger,” he said.",
                "Dawn Okafor, the host of the show, said it would return in the spring.")
    kinds = {(m.text, m.where.paragraph): m.kind for m in found}
    assert kinds.get(("Dawn", 1), "other") == kinds.get(("Friends", 1), "other") == "other"
    assert kinds[("Tom Brel", 1)] == kinds[("Dawn Okafor", 2)] == "person"
    assert kinds[("Lakeport News", 1)] == "organization"


def test_a_pronoun_past_a_quotation_mark_gives_no_gender_to_a_name_inside_the_quote():
    found = run("“Nobody sings for Sarah Quell. Sarah Quell has nobody like that,” he said.",
                "Ana Ruiz spoke first, and she was clear.")
    genders = [(m.text, m.where.paragraph, m.gender) for m in found if m.kind == "person"]
    assert ("Sarah Quell", 1, "male") not in genders  # the speaker's 'he', not hers
    assert ("Ana Ruiz", 2, "female") in genders
