"""Mentions: the tagger's entities corrected by evidence, roles and relations, on texts of other stories."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import nlp
from generator.extract import mentions
from generator import names
from generator.names import ABBREVIATED_AS, ALSO_KNOWN_AS
from generator.model import NOT_AN_ACTOR
from generator.model import Article, Paragraph

ROOT = Path(__file__).resolve().parents[1]


def run(*paragraphs: str):
    article = Article(id="story", path="seeds/story.txt", title="A story", paragraphs=tuple(Paragraph(i + 1, p) for i, p in enumerate(paragraphs)))
    return mentions.extract(article, nlp.parse([article])["story"])


def kinds(found) -> dict[str, str]:
    return {m.text: m.kind for m in found}


def test_apposition_with_a_title_gives_a_person_and_a_role():
    found, roles, relations = run("Fighting resumed near the northern gate, said Tomasz Wrobel, a spokesman for the brigade.")
    assert kinds(found)["Tomasz Wrobel"] == "person"
    assert [(r.holder, r.role) for r in roles] == [("Tomasz Wrobel", "spokesman for the brigade")]


def test_role_span_is_the_role_text_in_the_paragraph():
    text = "Ama Serwaa, head of logistics for the Volta Farmers Union, said trucks were waiting."
    _, roles, relations = run(text)
    role = roles[0]
    assert role.role == "head of logistics for the Volta Farmers Union"
    assert text[role.where.start : role.where.end] == role.role
    assert ("Ama Serwaa", "head of logistics for", "Volta Farmers Union") in [(r.subject, r.relation, r.object) for r in relations]


def test_tagger_organisation_becomes_a_person_only_with_evidence():
    # The small English model tags this father's name as an organisation.
    found, _, relations = run("Yaw Mensah is the son of Kwabena Osei Mensah, who founded the union.")
    father = next(m for m in found if m.text == "Kwabena Osei Mensah")
    assert father.kind == "person"
    assert father.label == "PERSON" or father.evidence  # a changed kind always says why
    assert [(r.subject, r.relation, r.object) for r in relations] == [("Yaw Mensah", "son of", "Kwabena Osei Mensah")]


def test_every_changed_kind_carries_evidence():
    found, _, _ = run(
        "Yaw Mensah is the son of Kwabena Osei Mensah, who founded the union.",
        "“We will hold the bridge,” Darius Kovalenko told the Harbour Times.",
    )
    for m in found:
        if m.label and m.kind != mentions.LABEL_KINDS[m.label]:
            assert m.evidence, m


def test_outlet_words_make_an_organisation():
    found, _, _ = run("“We will hold the bridge,” Darius Kovalenko told the Harbour Times.")
    assert kinds(found)["Darius Kovalenko"] == "person"
    assert kinds(found)["Harbour Times"] == "organization"


def test_platforms_and_furniture_are_not_actors_and_say_why():
    found, _, _ = run(
        "The regional minister posted the video on Instagram and Twitter.",
        "icon chevron downicon shareicon closeicon",
    )
    for m in found:
        if m.text in ("Instagram", "Twitter") or "icon" in m.text or m.text == "chevron":
            assert m.kind == "other" and m.evidence.startswith(NOT_AN_ACTOR), m
    assert not [m for m in found if m.kind != "other"]


def test_acronym_definitions_both_ways_and_also_known_as():
    _, _, relations = run(
        "Farmers marched with the Volta Farmers Union (VFU) on Monday.",
        "The VFU (Volta Farmers Union) said it would march again.",
        "The Southern Farmers League also known as the Delta Growers Union was formed in 1990.",
    )
    found = sorted((r.where.paragraph, r.subject, r.relation, r.object) for r in relations)
    assert found == [
        (1, "Volta Farmers Union", ABBREVIATED_AS, "VFU"),
        (2, "Volta Farmers Union", ABBREVIATED_AS, "VFU"),
        (3, "Southern Farmers League", ALSO_KNOWN_AS, "Delta Growers Union"),
    ]


def test_lone_surname_of_a_person_named_earlier_is_a_mention():
    found, _, _ = run("Grace Obi, a farmer, said she lost her herd.", "Obi has asked for help.")
    later = [m for m in found if m.where.paragraph == 2]
    assert [(m.text, m.kind) for m in later] == [("Obi", "person")]
    assert "earlier" in later[0].evidence


def test_subject_of_a_speech_verb_with_a_name_shape_is_a_person():
    found, _, _ = run("Okafor was quoted as saying by the Lagos Herald that aid was coming.")
    assert kinds(found)["Okafor"] == "person"
    assert kinds(found)["Lagos Herald"] == "organization"


@pytest.mark.parametrize(
    "text, expected",
    [("NRA", True), ("U.S.", True), ("IS-K", True), ("Nato", False), ("A", False), ("the UN", False)],
)
def test_is_acronym(text, expected):
    assert names.is_acronym(text) is expected


@pytest.mark.parametrize(
    "long, short, expected",
    [
        ("Volta Farmers Union", "VFU", True),
        ("Volta Farmers Union of Ghana", "VFU", True),
        ("Islamic Jihad Movement", "IJM", True),
        ("Northern Rivers Council", "VFU", False),
        ("Volta", "V", False),
    ],
)
def test_defines(long, short, expected):
    assert mentions.defines(long, short) is expected


@pytest.mark.parametrize(
    "a, b, same",
    [("Mohammed", "Muhammad", True), ("Dashtiyar", "Dashtiar", True), ("Kovalenko", "Kowalenko", False), ("Haddad", "Hamdan", False)],
)
def test_spelling_key(a, b, same):
    assert (mentions.spelling_key(a) == mentions.spelling_key(b)) is same


def test_data_files_hold_no_story_names():
    """Generic knowledge only: no actor, place or outlet of the project's seeds in generator/."""
    story = ["panjshir", "taliban", "massoud", "dashti", "nazary", "mohammadi", "ghani", "saleh", "kabul", "rt.com", "india today", "reuters", "wsj", "nrf"]
    for path in sorted((ROOT / "generator").rglob("*")):
        if path.suffix in (".py", ".yml", ".yaml", ".j2"):
            text = path.read_text(encoding="utf-8").lower()
            found = [w for w in story if re.search(rf"\b{re.escape(w)}\b", text)]
            assert not found, f"{path.relative_to(ROOT)} names {found}"
