"""Reported claims beyond speech verbs, and the rows a nested report is split into.

Every article is about an invented event; none of its names or sentences come from any corpus."""
from __future__ import annotations

from test_quotes import claims, one


def test_a_finding_with_a_that_clause_is_a_claim_of_who_found_it():
    found = claims("An audit by the Marlow water board found that the pumping station had been overbilled for years.")
    c = one(found, "the pumping station had been overbilled for years")
    assert c.cue == "found" and c.speaker_text is not None and "audit" in c.speaker_text


def test_a_held_position_with_a_that_clause_is_a_claim_of_who_holds_it():
    found = claims("Councillor Ada Okafor believes that the new ferry schedule will cost the town its tourists.")
    c = one(found, "the new ferry schedule will cost the town its tourists")
    assert (c.speaker_text, c.cue) == ("Ada Okafor", "believes")


def test_a_stance_verb_cues_no_direct_quote():
    found = claims("“The ferry will run,” the harbour master said. Councillor Ada Okafor thinks otherwise.")
    assert one(found, "The ferry will run").cue == "said"
    assert all(c.cue != "thinks" for c in found)


def test_a_restrictive_clause_stays_part_of_a_described_source():
    found = claims("A 2019 study that appeared in the Harbour Review found that the seawall had sunk two inches.",
                   "A report being prepared this month by the port board shows how the cranes were bought.")
    assert one(found, "the seawall had sunk two inches").speaker_text == "A 2019 study that appeared in the Harbour Review"
    c = one(found, "how the cranes were bought")
    assert c.speaker_text == "A report being prepared this month by the port board"


def test_a_comma_set_clause_is_left_out_of_a_described_source():
    found = claims("The survey, which was paid for by the ferry company, found that most riders want later boats.")
    assert one(found, "most riders want later boats").speaker_text == "The survey"


def test_a_signed_comment_quoting_a_word_inside_is_one_quote_of_its_signer():
    found = claims("“As a ferry rider for twenty years I would rather row than take what he calls “progress” "
                   "on the new timetable.” ― Amara Okafor")
    assert len(found) == 1
    c = found[0]
    assert c.text.startswith("As a ferry rider") and c.text.endswith("on the new timetable.")
    assert (c.speaker_text, c.cue) == ("Amara Okafor", "―")


def test_according_to_a_person_before_a_quote_is_the_speaker():
    found = claims("Ines Moreau chairs the ferry board. According to Moreau, “the timetable was never going to work "
                   "for families on the island.”")
    c = one(found, "the timetable was never going to work for families on the island.")
    assert c.speaker_text in ("Ines Moreau", "Moreau") and c.kind == "direct"


def test_as_someone_put_it_cues_the_quote():
    found = claims("As Tomas Okafor, a ferry captain, put it, “nobody on the island was asked about the new boats.”")
    assert one(found, "nobody on the island was asked about the new boats.").speaker_text == "Tomas Okafor"


def test_a_quote_that_is_the_object_of_a_verb_is_the_subjects():
    found = claims("In a May speech, Mayor Lena Marlow attacked “the reckless plan to sell the harbour to a hotel chain.”")
    c = one(found, "the reckless plan to sell the harbour to a hotel chain.")
    assert (c.speaker_text, c.cue) == ("Lena Marlow", "attacked")


def test_a_quote_opening_the_sentence_after_a_reported_claim_goes_on_with_it():
    found = claims("The ferry may stop running in May, Ada Okafor said. “Nobody has told the island families what "
                   "they are supposed to do in the winter.”")
    c = one(found, "Nobody has told the island families what they are supposed to do in the winter.")
    assert c.speaker_text == "Ada Okafor" and c.attribution.rule == "continues the claim before"


def test_a_participle_said_of_a_statement_speaks_for_who_made_it():
    found = claims(
        "The harbour board issued a statement calling the ferry strike “a danger to every family on the island.”",
        "Okafor says the ferry company's early-morning tweets accusing the union of staging the strike are lies.",
    )
    c = next(c for c in found if c.text.startswith("the ferry strike"))
    assert c.speaker_text == "The harbour board" and c.cue == "calling"
    c = one(found, "the union of staging the strike")
    assert c.speaker_text is not None and "ferry company" in c.speaker_text



def test_a_participle_after_other_people_named_in_a_phrase_is_nobodys():
    for space in (" ", "\u00a0"):  # a no-break space, as scraped pages have them, is a space
        found = claims("Mayor Lena Marlow and Ada Okafor stayed calm despite early critics of the ferry plan, such as "
                       f"councillor Tomas Brandt, and Ines Moreau,{space}now saying they think it should be scrapped.")
        c = one(found, "they think it should be scrapped")
        assert c.speaker_text is None


def test_a_second_cue_joined_to_a_reported_cue_is_nobodys():
    found = claims("Marlow says Okafor promised to keep the ferry running and said she would fight the board.")
    c = one(found, "she would fight the board")
    assert c.speaker_text is None



def test_a_speaker_written_only_in_titles_keeps_them_all():
    found = claims("Retired Colonel said that the ferry plan will fail.", "Admiral Marlow said the pier is safe.")
    assert one(found, "the ferry plan will fail").speaker_text == "Retired Colonel"
    assert one(found, "the pier is safe").speaker_text == "Marlow"


def test_a_belief_held_by_nobody_named_is_no_claim():
    found = claims("It is believed that the ferry company is selling its boats to a rival.")
    assert not [c for c in found if c.text.startswith("the ferry company is selling")]


def test_according_to_at_the_start_of_the_sentence_keeps_the_claim_after_the_comma():
    found = claims("According to conservative radio host Tomas Okafor, the plan reeks of “panic” and desperation.")
    c = one(found, "the plan reeks of “panic” and desperation")
    assert c.cue == "according to"


def test_an_appeal_whose_object_is_a_clause_is_a_claim():
    found = claims("Though she called the board’s plan “reckless” and called for the fees to be “paid back” to "
                   "every family, Moreau stayed on the board.")
    assert [c for c in found if c.cue == "called for" and c.text.startswith("the fees to be")]


def test_a_characterisation_ends_at_a_dash_after_its_quoted_words():
    found = claims('Another critic, Ines Moreau, likened the timetable to "a lottery for the island" - a charge '
                   'that might have stung, since the board had promised more boats.')
    c = next(c for c in found if c.cue == "likened")
    assert c.text == 'the timetable to "a lottery for the island"'


def test_a_cue_after_the_quote_in_a_clause_of_its_own_is_not_the_quotes():
    found = claims('Ines Moreau likened the timetable to "a lottery for the island" - a charge that might have '
                   'stung, since the board had promised more boats.')
    direct = one(found, "a lottery for the island")
    assert direct.cue != "promised" and direct.speaker_text != "the board"


def test_a_partial_quote_inside_a_reported_clause_stays_in_the_clause():
    found = claims("Ada Okafor, an adviser to the ferry board, said that the board was “taking a close look” at "
                   "fees paid by island families, and that no decision had been made.")
    c = next(c for c in found if c.kind == "indirect" and c.cue == "said")
    assert c.text.startswith("the board was “taking a close look” at fees paid by island families")
    assert c.speaker_text == "Ada Okafor"


def test_words_leading_into_a_quote_are_part_of_the_claim():
    found = claims("However sound the goal, taxing the island ferries “is the wrong way to pay for the pier,” "
                   "said Tomas Okafor, a harbour economist.")
    direct = one(found, "is the wrong way to pay for the pier")
    assert direct.speaker_text == "Tomas Okafor"
    whole = one(found, "However sound the goal, taxing the island ferries “is the wrong way to pay for the pier,”")
    assert whole.speaker_text == "Tomas Okafor" and whole.kind == "indirect"


def test_ratings_and_citations_with_quoted_words_are_claims():
    found = claims("The audit cited most of the ferry delays as “a failure of planning” at the company.",
                   "Councillor Ines Moreau blamed the ferry delays on “sheer greed” at the company.")
    cited = next(c for c in found if c.cue == "cited")
    assert cited.text.startswith("most of the ferry delays as “a failure of planning”")
    blamed = next(c for c in found if c.cue == "blamed")
    assert blamed.speaker_text == "Ines Moreau" and "“sheer greed”" in blamed.text


def test_a_rating_with_quoted_words_is_a_claim_of_the_rater():
    found = claims("Harbour Watch rated 30% of the statements as “false” or “misleading.”")
    rated = next(c for c in found if c.cue == "rated")
    assert rated.speaker_text == "Harbour Watch" and rated.text.startswith("30% of the statements as “false”")



def test_a_name_right_before_a_verb_the_parser_left_without_subject_speaks():
    # Parses as the parser gives them for such sentences: the name joined to the object (or the
    # place) before it, and the cue left without a subject; the words as written say who spoke.
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from generator.extract import quotes

    words = ["Unionists", "said", "the", "board", "hid", "the", "accounts", "and", "Greens", "accused", "the",
             "board", "of", "lying"]
    heads = [1, 1, 3, 4, 1, 6, 4, 6, 6, 1, 11, 9, 9, 12]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "det", "dobj", "cc", "conj", "ccomp", "det", "dobj", "prep",
            "pcomp"]
    tags = ["NNPS", "VBD", "DT", "NN", "VBD", "DT", "NNS", "CC", "NNPS", "VBD", "DT", "NN", "IN", "VBG"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "VERB", "DET", "NOUN", "CCONJ", "PROPN", "VERB", "DET", "NOUN", "ADP", "VERB"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, sent_starts=[1] + [0] * 13)
    assert quotes.subject_of(doc[9]).text == "Greens"

    words = ["In", "Marlow", ",", "Ada", "Okafor", ",", "the", "head", "of", "the", "union", ",", "firmly", "told",
             "us", "that", "it", "is", "over"]
    heads = [13, 0, 1, 4, 1, 4, 7, 4, 7, 10, 8, 4, 13, 13, 13, 17, 17, 13, 17]
    deps = ["prep", "pobj", "punct", "compound", "conj", "punct", "det", "appos", "prep", "det", "pobj", "punct",
            "advmod", "ROOT", "dobj", "mark", "nsubj", "ccomp", "acomp"]
    tags = ["IN", "NNP", ",", "NNP", "NNP", ",", "DT", "NN", "IN", "DT", "NN", ",", "RB", "VBD", "PRP", "IN", "PRP",
            "VBZ", "RB"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "ADV",
           "VERB", "PRON", "SCONJ", "PRON", "AUX", "ADV"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos, sent_starts=[1] + [0] * 18)
    assert quotes.subject_of(doc[13]).text == "Okafor"
    # A verb that has its subject, or a participle, is left alone: only a finite verb is read this way.
    assert quotes.subject_of(doc[17]).text == "it"


def test_a_quote_after_a_sentence_judging_someone_goes_on_with_its_subject():
    found = claims("His former partner at the boatyard, Tomas Okafor, called him a master at putting impossible "
                   "deals together. “He showed again and again that he could sell a ferry nobody wanted.”")
    c = one(found, "He showed again and again that he could sell a ferry nobody wanted.")
    assert c.speaker_text in ("Tomas Okafor", "His former partner at the boatyard") and c.cue == "called"
    found = claims("Tomas Okafor did not call him a master of anything. “He showed again and again that he could "
                   "sell a ferry nobody wanted.”")
    assert one(found, "He showed again and again that he could sell a ferry nobody wanted.").speaker_text is None


def test_words_leading_into_a_quote_that_hold_other_quotes_are_no_claim_row():
    found = claims("As the captain went on about “lost summers” and “our own empty harbour,” Ines Moreau said "
                   "nothing at all.")
    assert not [c for c in found if c.kind == "indirect" and c.text.startswith("As the captain")]


def test_a_participle_right_after_an_object_is_nobodys():
    found = claims("The collapse of the old port also left many fishing towns feeling that they had no future.")
    assert not [c for c in found if c.text == "they had no future" and c.speaker_text is not None]


def test_a_name_before_a_quote_set_off_by_dashes_is_its_speaker():
    found = claims("A chorus of harbour owners has said the same, including the former mayor Ana Ruiz -- "
                   "''It is a disgrace to sell the pier to a hotel chain'' -- and the port's own pilots.")
    c = one(found, "It is a disgrace to sell the pier to a hotel chain")
    assert c.speaker_text == "Ana Ruiz"


def test_a_side_clause_before_the_cue_is_not_what_it_reports():
    # The parser makes the "though" clause a second complement of "claimed"; the claim is the one after it.
    found = claims("Though he accepted the storm was one reason the ferry sank, Brandt also claimed the crew "
                   "had ignored the warnings.")
    claimed = [c for c in found if c.cue == "claimed"]
    assert [c.text for c in claimed] == ["the crew had ignored the warnings"]
    assert claimed[0].speaker_text == "Brandt"


def test_an_aside_cue_the_parser_made_the_main_verb_reports_its_sentence():
    found = claims("The night nurses, Okafor explained to the board, were “overworked,” covering two wards each.")
    c = one(found, "The night nurses, Okafor explained to the board, were “overworked,” covering two wards each")
    assert (c.speaker_text, c.cue, c.kind) == ("Okafor", "explained", "indirect")


def test_per_before_a_bare_noun_is_a_rate_not_a_source():
    found = claims("Parents can easily save a few thousand dollars a year per student on fees at the county college.",
                   "The mills emit two million tons per year of dust, per the county's own records.")
    assert [c.cue for c in found] == ["per"]
    assert one(found, "The mills emit two million tons per year of dust").speaker_text == "the county's own records"


def test_a_joined_clause_with_its_own_speaker_is_no_part_of_the_claim_before_it():
    found = claims("The mayor said the road would reopen, while residents said they had heard that before.")
    assert one(found, "the road would reopen").speaker_text == "The mayor"
    assert one(found, "they had heard that before").speaker_text == "residents"
