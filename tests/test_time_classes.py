"""TimeML classes of time expressions, one test per class, on sentences about invented events
(a ferry strike, a museum opening, a harvest, a chess final)."""
from datetime import date

import pytest

from generator import nlp
from generator.extract import timex
from generator.model import Article, Paragraph

THU = date(2023, 3, 16)  # a Thursday


def _extract(text: str, anchor: date, parse: bool):
    art = Article(id="ferry", path="ferry.txt", title="t", paragraphs=(Paragraph(n=1, text=text),),
                  published=anchor.isoformat(), published_basis="front matter")
    return timex.extract(art, (nlp.load()(text),) if parse else ())


def times(text: str, anchor: date = THU, parse: bool = True) -> list[tuple[str, str | None]]:
    return [(t.expression, t.value) for t in _extract(text, anchor, parse)]


def clocks(text: str, anchor: date = THU) -> list[tuple[str, str | None, str | None]]:
    return [(t.expression, t.value, t.clock) for t in _extract(text, anchor, False)]


def test_a_weekday_in_the_future_tense_is_the_next_one():
    assert times("The ferry crews will strike Tuesday.") == [("Tuesday", "2023-03-21")]
    assert times("The ferry crews struck Tuesday.") == [("Tuesday", "2023-03-14")]


def test_a_plan_told_in_the_past_tense_is_a_past_day():
    assert times("The vote had been due to take place Monday.") == [("Monday", "2023-03-13")]


def test_a_weekday_in_the_present_tense_is_still_to_come():
    assert times("The two captains meet Saturday in the harbour office.") == [("Saturday", "2023-03-18")]


@pytest.mark.parametrize("text, value", [
    ("Takings fell last week.", "2023-W10"),
    ("The museum opens next month.", "2023-04"),
    ("The harvest was poor last year.", "2022"),
    ("The harvest will be better this year.", "2023"),
])
def test_last_next_this_week_month_year(text, value):
    assert [v for _, v in times(text)] == [value]


@pytest.mark.parametrize("text, value", [
    ("The permit expires on 05.01.2024.", "2024-01-05"),  # dotted dates are day first
    ("The permit was signed 12/25/2022.", "2022-12-25"),  # 25 cannot be a month
    ("The permit was signed 25/12/2022.", "2022-12-25"),
])
def test_numeric_dates(text, value):
    assert [v for _, v in times(text)] == [value]


def test_a_numeric_date_in_an_unknown_order_keeps_its_year_and_both_readings():
    art = Article(id="ferry", path="ferry.txt", title="t", paragraphs=(Paragraph(n=1, text="The deal was signed 1/5/17."),))
    (t,) = timex.extract(art, ())
    assert (t.value, t.precision) == ("2017", "year")
    assert "2017-01-05" in t.note and "2017-05-01" in t.note


@pytest.mark.parametrize("text, value", [
    ("Ferry bookings rose in the third quarter.", "2022-Q3"),
    ("Profit fell in the fourth quarter of 2021.", "2021-Q4"),
    ("Sales rose in the second half of 2022.", "2022-H2"),
    ("The museum will open this summer.", "2023-SU"),
    ("The harvest failed last fall.", "2022-FA"),
])
def test_quarters_halves_and_seasons(text, value):
    assert [v for _, v in times(text)] == [value]


def test_the_quarter_is_the_one_named_before_and_a_year_earlier_goes_back_from_it():
    text = "Ferry revenue rose 4% in the second quarter. The quarter was the best since 2019, up from a year earlier."
    assert times(text) == [("the second quarter", "2022-Q2"), ("The quarter", "2022-Q2"), ("2019", "2019"),
                           ("a year earlier", "2021-Q2")]


@pytest.mark.parametrize("text, expected", [
    ("The final began at 1415 GMT.", [("1415 GMT", "2023-03-16", "14:15")]),
    ("Play resumed at 9:12 am EST on Tuesday.", [("9:12 am EST on Tuesday", "2023-03-14", "09:12")]),
    ("The board met at 3 p.m. yesterday.", [("3 p.m. yesterday", "2023-03-15", "15:00")]),
])
def test_times_of_day_are_times_never_years(text, expected):
    assert clocks(text) == expected


def test_named_days_are_not_their_weekdays():
    found = times("Shops opened early on Black Friday, and the primaries fall on Super Tuesday.", anchor=date(2023, 12, 1))
    assert found == [("Black Friday", "2023-11-24"), ("Super Tuesday", None)]


def test_a_year_belongs_to_its_own_clause():
    text = "The gallery was founded in 1998, and on March 3 it reopened."
    assert times(text) == [("1998", "1998"), ("March 3", "2023-03-03")]


def test_a_second_date_in_one_sentence_is_its_own_expression():
    text = "The strike ran from March 3 to March 9."
    assert times(text) == [("March 3", "2023-03-03"), ("March 9", "2023-03-09")]


def test_years_in_words_decades_in_words_and_durations():
    found = times("In nineteen ninety-six the club won; in the nineties it grew for ten years.", parse=False)
    assert found == [("nineteen ninety-six", "1996"), ("the nineties", "199X"), ("ten years", "P10Y")]


def test_a_weekend_and_the_end_of_a_month():
    assert times("Crews worked through the weekend to finish by the end of April.") == [
        ("the weekend", "2023-W10-WE"), ("the end of April", "2023-04")]


def test_vague_references_and_sets_are_expressions_but_never_dates():
    found = times("Fares rose every month, faster than in the past, and may fall in the near future.")
    assert found == [("every month", None), ("the past", "PAST_REF"), ("the near future", "FUTURE_REF")]


def test_that_year_and_the_following_month_count_from_the_date_named_before():
    found = times("The bridge opened in March 2019. The following month it closed, and that year it never reopened.")
    assert found == [("March 2019", "2019-03"), ("The following month", "2019-04"), ("that year", "2019")]
    assert times("The following month it closed.") == [("The following month", None)]  # nothing named before


def test_the_latest_quarter_is_never_one_still_under_way():
    text = "Ferry revenue should rise in the first quarter. Revenue fell in the latest quarter."
    assert times(text) == [("the first quarter", "2023-Q1"), ("the latest quarter", "2022-Q4")]


def test_a_year_modifying_a_singular_noun_is_a_year_but_a_count_of_things_is_not():
    assert times("The orchard never recovered from the 2011 frost.") == [("2011", "2011")]
    assert times("The ferry carried the 1500 passengers home.") == []


@pytest.mark.parametrize("text, value", [
    ("The museum reopened in January this year.", "2023-01"),
    ("The museum closed in July last year.", "2022-07"),
    ("The museum closed in July nineteen ninety-seven.", "1997-07"),
])
def test_a_month_with_its_year_in_words(text, value):
    assert [v for _, v in times(text)] == [value]


def test_sets_and_vague_references_are_kept_undated():
    found = dict(times("The ferry line pays dividends every quarter; these days they run late, and the future looks grim."))
    assert found == {"every quarter": None, "these days": "PRESENT_REF", "the future": "FUTURE_REF"}


def test_the_full_year_is_the_anchors_year_and_or_so_ago_is_ago():
    assert times("Harvest for the full year will fall.") == [("the full year", "2023")]
    assert times("The chess final ended a week or so ago.") == [("a week or so ago", "2023-W10")]


def test_the_quarter_ended_on_a_date_is_the_quarter_holding_it_and_becomes_the_focus():
    found = times("The ferry line earned more in the quarter ended June 30. In the 2021 period it lost money.",
                  anchor=date(2022, 8, 2))
    assert found == [("the quarter", "2022-Q2"), ("June 30", "2022-06-30"), ("the 2021 period", "2021-Q2")]


def test_a_year_period_with_no_quarter_in_focus_is_only_that_year():
    assert times("In the 2021 period the ferry line lost money.") == [("the 2021 period", "2021")]


def test_a_count_left_out_is_a_vague_past_and_a_month_after_through_is_a_date():
    assert times("The museum closed months ago.") == [("months ago", "PAST_REF")]
    assert times("The ferry pass is valid through January.", anchor=date(2022, 10, 26)) == [("January", "2023-01")]


def test_a_count_before_a_clause_is_a_duration_and_before_a_date_an_offset():
    assert times("The ferry sailed several months before the crew struck.", parse=False) == [("several months", "PXM")]
    assert times("The ferry sailed two days before March 3.", parse=False) == [("two days before March 3", "2023-03-01")]


def test_counted_days_with_a_word_between_and_parts_of_the_current_year():
    assert times("The chess final lasted eight playing days.", parse=False) == []
    assert times("The harvest took eight working days.", parse=False) == [("eight working days", "P8D")]
    assert times("The harvest was delayed earlier in the year.") == [("earlier in the year", "2023")]


@pytest.mark.parametrize("text, found", [
    ("The skater recalled her brilliant 2014 season.", [("2014", "2014")]),
    ("Tickets for the 2026 Regatta sold out.", [("2026", "2026")]),
    ("The harbour took 1800 boats.", []),
])
def test_a_year_before_the_noun_it_names(text, found):
    assert times(text) == found


def test_a_month_opening_a_sentence_or_naming_which_thing():
    assert times("In January, the ferry line cut fares.") == [("January", "2023-01")]
    assert times("The ferry line kept to a February timetable.") == [("February", "2023-02")]
    assert times("The museum opened under the May trustees.") == []  # May is also a name


def test_the_previous_weekday_counts_from_the_day_last_named():
    found = times("The regatta ended on Friday, March 10. The previous Friday the boats had capsized.", parse=False)
    assert found == [("Friday, March 10", "2023-03-10"), ("previous Friday", "2023-03-03")]
    # with no day named before, the anchor's rule stands
    assert times("The boats capsized the previous Friday.", parse=False) == [("previous Friday", "2023-03-10")]


@pytest.mark.parametrize("text, value", [
    ("The harbour reopens by mid-2024.", "2024"),
    ("The ferry line lost money in fiscal 2021.", "2021"),
    ("The museum expects visitors to double by year's end.", "2023"),
])
def test_more_year_phrases(text, value):
    assert [v for _, v in times(text, parse=False)] == [value]


def test_a_months_own_things_name_the_month_but_a_names_do_not():
    assert times("The ferry line revised February's timetable.") == [("February", "2023-02")]
    assert times("The crowd cheered May's arrival.") == []


def test_a_stretch_of_uncertain_length_is_kept_as_timeml_writes_it():
    assert times("Repairs to the ferry could take weeks or months.") == [("weeks or months", "PXW")]


def test_a_year_earlier_compares_with_the_period_reported_not_a_forecast():
    text = ("The ferry line earned $3 million in the second quarter. It expects a loss in the first quarter "
            "of next year. A year earlier it had earned $2 million.")
    found = times(text, anchor=date(2022, 8, 2), parse=False)
    assert found[-1] == ("A year earlier", "2021-Q2")


def test_half_of_a_decade_is_dated_as_the_decade():
    assert times("Ferry traffic peaked in the last half of the '80s.", parse=False) == [("the last half of the '80s", "198X")]


def test_a_day_something_takes_effect_is_the_one_nearest_the_anchor():
    # told in the past tense, yet the new timetable starts in three months
    assert times("The ferry line announced a timetable effective Feb. 1.", anchor=date(2022, 10, 26)) == [("Feb. 1", "2023-02-01")]
    assert times("The ferry line announced a timetable on Feb. 1.", anchor=date(2022, 10, 26)) == [("Feb. 1", "2022-02-01")]


def test_a_day_counted_from_an_event_is_kept_undated_and_never_an_event():
    found = times("The ferry sailed the day before the storm.", anchor=date(2023, 5, 10), parse=False)
    assert found == [("the day", None)]
    assert times("The regatta starts the day after tomorrow.", parse=False) == [("the day after tomorrow", "2023-03-18")]


def _paragraphs(texts: list[str], anchor: date) -> list[tuple[str, str | None]]:
    art = Article(id="bakery", path="bakery.txt", title="t", published=anchor.isoformat(), published_basis="front matter",
                  paragraphs=tuple(Paragraph(n=i + 1, text=t) for i, t in enumerate(texts)))
    return [(t.expression, t.value) for t in timex.extract(art, ())]


def test_speaking_of_the_quarter_keeps_it_in_focus_for_a_year_earlier_further_on():
    texts = ["The bakery chain earned $2 million in the third quarter.", "It opened four shops.",
             "Flour cost more in the quarter.", "It hired bakers.", "It closed a mill.", "Sales were $9 million a year earlier."]
    assert _paragraphs(texts, THU)[-1] == ("a year earlier", "2021-Q3")
    # with nothing said of the quarter for five paragraphs, it has left the focus: the anchor's year before
    texts[2] = "Flour cost more."
    assert _paragraphs(texts, THU)[-1] == ("a year earlier", "2022")


def test_the_day_or_week_after_a_preposition_is_the_day_last_named():
    found = times("The auction opened on Tuesday, March 14. Bids doubled later in the day, and for the week they rose 9%.",
                  parse=False)
    assert found == [("Tuesday, March 14", "2023-03-14"), ("the day", "2023-03-14"), ("the week", "2023-W11")]
    # with no day named before it, it is kept and left undated
    assert times("Bids doubled later in the day.", parse=False) == [("the day", None)]
    # a relative clause or an event after it is not the day in focus
    assert times("The auction opened on March 14; the bidders left the day that it closed.", parse=False) == [("March 14", "2023-03-14")]


def test_a_past_participle_modifying_a_noun_tells_a_past_day():
    text = "The bakery chain, which had $9 million in revenue in the year ended March 31, plans to sell its mills."
    assert ("March 31", "2023-03-31") in times(text, anchor=date(2023, 10, 16))
    # a verb of planning in the same place still points ahead
    assert times("Flights scheduled for March 31 are sold out.", anchor=date(2023, 10, 16)) == [("March 31", "2024-03-31")]


def test_a_stretch_reported_on_after_the_quarter_takes_a_year_earlier_from_it():
    text = ("The bakery chain earned $2 million in the third quarter, up from a year earlier. "
            "For the nine months, it earned $5 million, up from $4 million a year earlier.")
    found = times(text, parse=False)
    assert found[1] == ("a year earlier", "2021-Q3")
    # nine months are no quarter: only the year before is known
    assert found[-1] == ("a year earlier", "2022")
    text = ("The bakery chain earned $2 million in the third quarter. "
            "In the first nine months it earned $5 million, against $4 million in the 2021 period.")
    assert times(text, parse=False)[-1] == ("the 2021 period", "2021")


def test_a_modal_with_have_looks_back_but_a_future_perfect_ahead():
    assert times("The storm may have been responsible for a drop in ferry bookings on Wednesday.") == [("Wednesday", "2023-03-15")]
    assert times("The crews will have finished the ferry by Wednesday.") == [("Wednesday", "2023-03-22")]


def test_recent_alone_is_a_vague_past_kept_undated():
    assert times("The recent floods closed the ferry.", parse=False) == [("recent", "PAST_REF")]
    # inside a longer phrase the phrase wins
    assert times("The ferry closed twice in recent weeks.", parse=False) == [("in recent weeks", "2023-03")]


def test_a_month_in_the_past_tense_is_a_past_one_unless_it_is_the_next():
    assert times("The ferry line changed its timetable in May.") == [("May", "2022-05")]
    assert times("The ferry line said it would change its timetable in April.") == [("April", "2023-04")]


@pytest.mark.parametrize("text, expected", [
    ("The ferry bonds pay $1.76 a year.", ("a year", "set", None)),
    ("The line runs four ferries a week.", ("a week", "set", None)),
    ("The crews meet twice a month.", ("a month", "set", None)),
    ("The ferry line earned $5 million in a year.", ("a year", "duration", "P1Y")),  # a preposition between: how long
    ("The repairs took a year.", ("a year", "duration", "P1Y")),
])
def test_a_unit_after_an_amount_is_a_rate_not_a_duration(text, expected):
    assert [(t.expression, t.kind, t.value) for t in _extract(text, THU, False)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The ferry is a 19th-century design.", ("19th-century", "18")),
    ("The museum shows the twentieth century in boats.", ("the twentieth century", "19")),
])
def test_a_century_is_written_as_its_first_two_digits_and_never_an_event(text, expected):
    (t,) = _extract(text, THU, False)
    assert (t.expression, t.value, t.precision) == (*expected, None)


def test_a_number_after_fiscal_is_a_year_even_before_a_plural():
    assert ("2021", "2021") in times('The baker expects sales "slightly above" fiscal 2021 sales of $155 million.')
    assert times("Since 2019 tourists have come by ferry.") == [("2019", "2019")]


def test_a_time_phrase_written_as_a_title_in_running_text_is_a_name():
    assert times('The harbour master said on the radio show "This Week" that the ferry was safe.', parse=False) == []
    assert times("The harbour master said this week that the ferry was safe.", parse=False) == [("this week", "2023-W11")]
    # a headline in title case keeps its times
    assert times("This Week: Ferry Strike Ends", parse=False) == [("This Week", "2023-W11")]


def test_a_period_named_after_year_ago_is_one_expression_a_year_back():
    assert times("In the year-ago third quarter, the bakery earned $2 million.", parse=False) == [
        ("the year-ago third quarter", "2021-Q3")]
    assert times("Net for the year-earlier nine months included a gain.", parse=False) == [
        ("the year-earlier nine months", "P9M")]


def test_a_participle_takes_the_future_of_the_clause_it_hangs_from():
    text = "The two mayors will speak at a dinner later Tuesday, followed by a speech to the council Wednesday."
    assert ("Wednesday", "2023-03-22") in times(text)
    # a reduced relative keeps its own past: shares issued on a day already gone
    text = "Holders of shares issued July 1, which will receive a smaller dividend, may sell them."
    assert ("July 1", "2022-07-01") in times(text, anchor=date(2022, 10, 27))


def test_the_latest_quarter_placed_by_the_anchor_is_the_period_a_year_earlier_counts_from():
    # no quarter named before it: "the latest quarter" is the latest one ended, and the comparison is with it
    text = "Bookings in the latest quarter rose to 9,000 from 7,000 a year earlier."
    assert times(text, parse=False) == [("the latest quarter", "2022-Q4"), ("a year earlier", "2021-Q4")]


def test_a_quarter_still_under_way_is_no_period_a_year_earlier_compares_with():
    text = ("The ferry line earned $3 million in the third quarter. It expects bookings to stay weak in the "
            "fourth quarter. A year earlier it had earned $2 million.")
    found = times(text, anchor=date(2022, 10, 26))
    assert found[-1] == ("A year earlier", "2021-Q3")
    # the same quarter reported on, not forecast, is the one compared
    text = "The ferry line reported a loss in the fourth quarter. A year earlier it had earned $2 million."
    assert times(text, anchor=date(2022, 11, 2))[-1] == ("A year earlier", "2021-Q4")


def test_the_quarter_a_year_ago_is_one_expression_a_year_back():
    text = "The ferry line earned $3 million in the third quarter. For the quarter a year ago, it earned $2 million."
    assert times(text, anchor=date(2022, 10, 26), parse=False) == [
        ("the third quarter", "2022-Q3"), ("the quarter a year ago", "2021-Q3")]


def test_the_first_two_quarters_are_the_first_half():
    assert times("Ferry bookings should recover in the first two quarters of 2024.", parse=False) == [
        ("the first two quarters of 2024", "2024-H1")]


def test_a_fiscal_quarter_ended_on_a_day_named_has_ended_and_is_compared_with():
    text = "The ferry line earned $3 million in its fourth quarter ended Sept. 30. A year earlier it had earned $2 million."
    assert times(text, anchor=date(2022, 10, 26), parse=False)[-1] == ("A year earlier", "2021-Q4")
    # "the latest period" may be a half or a year: with no quarter named it sets no quarter in focus
    assert times("Sales in the latest period rose, from $2 million a year earlier.", parse=False)[-1] == ("a year earlier", "2022")


def test_a_quarter_stays_in_focus_over_a_few_paragraphs_of_detail():
    texts = ["The bakery chain earned $2 million in the third quarter.", "Its bread unit did well.",
             "Its cake unit lost money.", "It closed a mill.", "Sales were $9 million, up from $8 million a year earlier."]
    assert _paragraphs(texts, THU)[-1] == ("a year earlier", "2021-Q3")


def test_a_verb_spelt_alike_in_past_and_present_tells_no_tense():
    # "hurt" read as a present would put Friday ahead; nothing says it is still to come
    assert times("Falling bank shares hurt the harbour index on Friday.") == [("Friday", "2023-03-10")]
    assert times("The two captains meet Saturday in the harbour office.") == [("Saturday", "2023-03-18")]


def test_days_of_the_easter_calendar_are_placed_by_their_rule():
    anchor = date(2023, 4, 20)  # Easter Sunday 2023 fell on 9 April
    assert times("The ferry crews struck over Easter weekend.", anchor=anchor) == [("Easter weekend", "2023-W14-WE")]
    assert times("The museum was shut on Good Friday.", anchor=anchor) == [("Good Friday", "2023-04-07")]
    assert times("The regatta is held on Easter Monday.", anchor=date(2024, 2, 1)) == [("Easter Monday", "2024-04-01")]


def test_the_easter_rule_agrees_with_a_reference_over_centuries():
    from dateutil.easter import easter as reference

    from generator.extract.timex_resolve import easter
    assert all(easter(y) == reference(y) for y in range(1583, 2400))


def test_a_plan_told_in_the_simple_past_is_the_day_nearest_the_anchor():
    # told on a Thursday: the exemptions ran out the next day, not a week before
    assert times("The ferry exemptions were set to expire on Friday.") == [("Friday", "2023-03-17")]
    assert times("The captains planned to meet Saturday.") == [("Saturday", "2023-03-18")]
    # nearer behind than ahead, it is the day gone by
    assert times("The captains planned to meet Monday.") == [("Monday", "2023-03-13")]


def test_a_word_made_with_quarter_is_no_quarter():
    text = "The bakery chain earned $2 million in the third quarter. The quarter-to-quarter comparison was helped by a charge."
    assert times(text, anchor=date(2022, 10, 26), parse=False) == [("the third quarter", "2022-Q3")]


def test_since_year_end_counts_from_the_end_of_last_year():
    assert times("Ferry shares are up 4% since year-end.", parse=False) == [("year-end", "2022-12-31")]
    assert times("The ferry line expects to close the deal by year-end.", parse=False) == [("year-end", "2023")]


def test_in_so_many_years_told_in_the_future_is_that_year():
    assert times("The ferry bonds will be redeemed in five years.") == [("five years", "2028")]
    # in the past tense it is a stretch of time
    assert times("The ferry ran late for the first time in five years.") == [("five years", "P5Y")]


def test_a_weekday_read_as_both_tomorrow_and_a_week_before_is_left_undated():
    # told on a Thursday: one reading says the next day, the other the Friday before; one is wrong
    text = "The ferry exemptions were set to expire on Friday. Harbour offices were closed on Friday."
    assert times(text) == [("Friday", None), ("Friday", None)]
    # a Friday gone and a Friday to come further off are two days, both kept
    text = "The captains met on Tuesday. They will meet again on Tuesday."
    assert times(text) == [("Tuesday", "2023-03-14"), ("Tuesday", "2023-03-21")]


def test_last_and_the_name_of_the_month_just_ended_is_the_one_a_year_before():
    # told on 2 March: the February just ended would be "last month"
    assert times("Two ferries collided last February.", date(2023, 3, 2)) == [("last February", "2022-02")]
    assert times("Two ferries collided last January.", date(2023, 3, 2)) == [("last January", "2023-01")]
    assert times("Two ferries collided last December.", date(2023, 1, 10)) == [("last December", "2022-12")]


def test_then_after_until_or_by_is_the_time_named_just_before():
    found = times("The ferry pass expires on April 30. Until then, riders may board at either pier.")
    assert found == [("April 30", "2023-04-30"), ("then", "2023-04-30")]
    # with nothing named before it, "by then" is left undated; a "then" of a story is no time
    assert times("By then the crews had left.") == [("then", None)]
    assert times("The crews met in May and then went home.") == [("May", "2022-05")]


def test_a_day_counted_from_an_event_in_apposition_to_a_date_is_that_date():
    found = times("The ferry sailed on May 2, the day before the storm.", anchor=date(2023, 5, 10), parse=False)
    assert found == [("May 2", "2023-05-02"), ("the day", "2023-05-02")]
    # a date in another clause is no apposition
    found = times("The ferry sailed on May 2 and returned the day before the storm.", anchor=date(2023, 5, 10), parse=False)
    assert found == [("May 2", "2023-05-02"), ("the day", None)]


def test_a_quarter_told_for_contrast_after_after_leaves_the_reported_one_in_focus():
    texts = ["The ferry operator earned $4 million in the third quarter.",
             "After a weak second quarter, the operator credited summer crowds. Fuel cost less in the quarter."]
    assert _paragraphs(texts, THU)[-1] == ("the quarter", "2022-Q3")
    # with no period in focus before it, the quarter named is the one spoken of
    assert _paragraphs(["After a weak second quarter, fuel cost less in the quarter."], THU)[-1] == ("the quarter", "2022-Q2")


def test_the_weekday_after_the_anchor_told_in_local_time_is_the_next_day():
    # told on Thursday 16 March: "Friday ... local time" abroad is already the 17th there
    assert times("The ferry sank early Friday local time, the coast guard said.") == [("early Friday", "2023-03-17")]
    assert times("The ferry sank Friday (local time).") == [("Friday", "2023-03-17")]
    assert times("The ferry sank Friday, the coast guard said.") == [("Friday", "2023-03-10")]
    # a weekday further back is not moved by a time zone
    assert times("The ferry sank Tuesday local time.") == [("Tuesday", "2023-03-14")]


def test_a_month_of_a_year_is_that_month():
    assert times("The ferry line was sold in June of 2019.") == [("June of 2019", "2019-06")]


def test_a_time_word_joined_by_a_hyphen_to_the_next_word_is_no_time():
    assert times("The inquiry into the year-old ferry strike went on.", parse=False) == []
    assert times("The ferry strike ended this year.", parse=False) == [("this year", "2023")]


def test_a_verb_completing_another_is_told_in_that_verbs_tense():
    monday = date(2023, 2, 6)
    assert times("The ferry will start running Tuesday.", monday) == [("Tuesday", "2023-02-07")]
    assert times("The crews will stop working in the spring.", monday) == [("the spring", "2023-SP")]
    assert times("The ferry started running Tuesday.", monday) == [("Tuesday", "2023-01-31")]
    # the verb an agreement governs comes after it: told by its own words, not the agreement's past
    assert times("The ferry line agreed to buy two boats in April.", monday) == [("April", "2023-04")]


@pytest.mark.parametrize("text, expected", [
    ("The harbour board meets on the first Monday of April.", ("the first Monday of April", "2023-04-03")),
    ("The harbour board met on the last Friday in February.", ("the last Friday in February", "2023-02-24")),
    ("The regatta is held on the second Sunday of June 2024.", ("the second Sunday of June 2024", "2024-06-09")),
    ("The board meets on the fifth Monday of April.", ("the fifth Monday of April", None)),  # April 2023 has four
    ("The board meets on the first Monday of the month.", ("the first Monday of the month", None)),
])
def test_a_weekday_counted_within_a_month_is_that_day_of_the_month(text, expected):
    assert times(text) == [expected]


def test_a_day_and_month_written_out_leave_the_full_stop_to_the_sentence():
    assert times("The ferry sank on 12 March.", parse=False) == [("12 March", "2023-03-12")]
    assert times("The ferry sank on 12 Sept. in a gale.", parse=False) == [("12 Sept.", "2022-09-12")]


def test_so_many_weeks_ago_and_a_weekday_is_that_weekday_so_many_weeks_back():
    # told on Thursday 16 March: the latest Tuesday is the 14th, "a week ago Tuesday" the 7th
    assert times("The ferry sank a week ago Tuesday.") == [("a week ago Tuesday", "2023-03-07")]
    assert times("The ferry sank two weeks ago Friday.") == [("two weeks ago Friday", "2023-02-24")]


def test_a_time_of_day_with_local_time_between_it_and_its_day_is_that_days():
    assert times("The ferry sank at 2 a.m. local time on Tuesday.") == [("2 a.m. local time on Tuesday", "2023-03-14")]
    # told on Thursday: Friday in local time is the next day
    assert times("The ferry sank at 2 a.m. local time on Friday.") == [("2 a.m. local time on Friday", "2023-03-17")]


def test_a_time_of_day_alone_is_on_the_day_just_named():
    assert times("The ferry sank on Tuesday. At 9 a.m. rescuers reached the wreck.") == [
        ("Tuesday", "2023-03-14"), ("9 a.m.", "2023-03-14")]
    assert times("The ferry sank on Tuesday. A briefing will be held at 3 p.m.") == [("Tuesday", "2023-03-14"), ("3 p.m.", None)]
    assert times("Rescuers reached the wreck at 9 a.m.") == [("9 a.m.", "2023-03-16")]
    # after a deadline named ahead, a time of day has no day the words give
    assert times("Fares are frozen until April 1. The old fares were due to end at midnight.") == [
        ("April 1", "2023-04-01"), ("midnight", None)]


@pytest.mark.parametrize("text, expected", [
    ("Ferry takings rose in Q3 2021.", [("Q3 2021", "2021-Q3")]),
    ("Ferry takings rose in H1'22.", [("H1'22", "2022-H1")]),
    ("Ferry takings rose 4% in Q3.", [("Q3", "2022-Q3")]),
    ("Ferry takings rose in FY2022.", [("FY2022", "2022")]),
    ("The new Q3 ferry sold well.", []),  # a bare code elsewhere may be a name
])
def test_quarters_halves_and_fiscal_years_in_their_short_forms(text, expected):
    assert times(text) == expected



def test_a_quarter_told_in_the_future_is_under_way_just_ended_or_the_next():
    # told on 16 March 2023: the second quarter to come is this year's; the fourth, just ended,
    # may still be reported on
    assert times("Ferry takings will rise in the second quarter.") == [("the second quarter", "2023-Q2")]
    assert times("The ferry line will report results for the fourth quarter.") == [("the fourth quarter", "2022-Q4")]
    assert times("Ferry takings rose in the second quarter.") == [("the second quarter", "2022-Q2")]


def test_a_number_before_a_comma_is_no_amount_counted_per_unit():
    found = [(t.expression, t.kind, t.value) for t in _extract("The ferry sank in 2019, a year after the strike.", THU, False)]
    assert found == [("2019", "year", "2019"), ("a year", "duration", "P1Y")]


def test_the_week_of_a_day_is_that_days_week():
    assert times("The crossing reopened in the week of March 6.") == [("the week of March 6", "2023-W10")]
    assert times("The crossing reopened on March 6.") == [("March 6", "2023-03-06")]


def test_a_span_of_days_in_one_month_keeps_its_last_day():
    found = [(t.expression, t.value, t.end) for t in _extract("The crossing will close March 20-24.", THU, True)]
    assert found == [("March 20-24", "2023-03-20", "2023-03-24")]
    # a second number that cannot end the span leaves the day alone
    found = [(t.expression, t.value, t.end) for t in _extract("The crossing will close March 20-14.", THU, True)]
    assert found == [("March 20", "2023-03-20", None)]
