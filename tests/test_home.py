"""The overview page: coverage facts, key developments, disputed figures, coverage matrix."""
from __future__ import annotations

import markdown

from generator.model import Actor, Article, Briefing, Event, Figure, Paragraph, Quote, Source, Where
from generator.pages import home
from generator.render import render


def _article(sid: str, published: str | None, *texts: str, outlet: str | None = None) -> Article:
    return Article(
        id=sid, path=f"seeds/{sid}.txt", title=f"Report {sid}",
        paragraphs=tuple(Paragraph(n, t, n) for n, t in enumerate(texts, start=1)),
        outlet=outlet, outlet_basis="front matter" if outlet else None,
        published=published, published_basis="front matter" if published else None,
    )


def story_briefing() -> Briefing:
    """Three reports of a harbour fire: `wire` is copied by `copy`, `local` is independent."""
    wire = _article(
        "wire", "2024-03-12",
        "Fire broke out at the Elmsport harbour on Monday, the port authority said.",
        "\u201cWe lost four warehouses,\u201d said harbour master Ines Okafor.",
        "Three people were injured, the fire service said.",
        outlet="Coast Wire",
    )
    copy = _article(
        "copy", "2024-03-12",
        "Fire broke out at the Elmsport harbour on Monday, the port authority said.",
        "\u201cWe lost four warehouses,\u201d said harbour master Ines Okafor.",
        outlet="Daily Gull",
    )
    local = _article(
        "local", "2024-03-13",
        "The harbour fire on Monday injured five people, according to the hospital.",
        "Harbour master Ines Okafor said the port would reopen on Friday.",
    )
    w = lambda s, p: Where(s, p, 0, 10)  # noqa: E731
    fire = Event("e-fire", "2024-03-11", "day", "on Monday", "2024-03-12",
                 "Fire broke out at the Elmsport harbour on Monday.", (w("wire", 1), w("copy", 1), w("local", 1)))
    reopen = Event("e-reopen", "2024-03-15", "day", "on Friday", "2024-03-13",
                   "The port would reopen on Friday.", (w("local", 2),))
    background = Event("e-built", "1890", "year", "1890", None, "The harbour was built in 1890.",
                       (w("wire", 1), w("local", 1)), story=False)
    lost = Quote("q-lost", "We lost four warehouses,", "direct", "ines-okafor", "Ines Okafor", "said",
                 (w("wire", 2), w("copy", 2)))
    reopen_q = Quote("q-reopen", "the port would reopen on Friday", "indirect", "ines-okafor", "Ines Okafor",
                     "said", (w("local", 2),))
    injured3 = Figure("people injured", 3, "people", "Three people", (w("wire", 3),), claimant_text="the fire service")
    injured5 = Figure("people injured", 5, "people", "five people", (w("local", 1),), claimant_text="the hospital")
    warehouses = Figure("warehouses lost", 4, "warehouses", "four warehouses", (w("wire", 2), w("copy", 2)),
                        claimant="ines-okafor", claimant_text="Ines Okafor")
    okafor = Actor("ines-okafor", "Ines Okafor", "person", roles=(("harbour master", w("wire", 2)),),
                   mentions=(w("wire", 2), w("copy", 2), w("local", 2)))
    return Briefing(
        title="Harbour fire", description="Coverage of the harbour fire.",
        sources=(Source(wire), Source(copy, duplicate_of="wire"), Source(local)),
        actors=(okafor,), quotes=(lost, reopen_q), figures=(injured3, injured5, warehouses),
        events=(background, reopen, fire),
    )


def test_copies_count_once_as_independent_sources():
    b = story_briefing()
    root = home.roots(b)
    assert root == {"wire": "wire", "copy": "wire", "local": "local"}
    fire = next(e for e in b.events if e.id == "e-fire")
    assert home.independent_count(fire.sources, root) == 2  # wire and its copy are one report


def test_key_developments_are_story_events_by_independent_sources():
    b = story_briefing()
    ranked = [(e.id, n) for e, n in home.key_events(b, home.roots(b))]
    assert ranked == [("e-fire", 2), ("e-reopen", 1)]  # background history is left out


def test_only_subjects_with_differing_figures_are_disputed():
    disputes = home.disputes(story_briefing())
    assert [d.subject for d in disputes] == ["people injured"]
    assert [f.value for f in disputes[0].figures] == [3, 5]


def test_coverage_matrix_marks_the_paragraph_each_source_carries():
    b = story_briefing()
    claims = home.main_claims(b, home.roots(b))
    labels = [c.label for c in claims]
    assert len(labels) == len(set(labels)) == 5  # two quotes, three figures
    rows = dict(home.coverage(b, claims))
    lost = labels.index(next(c.label for c in claims if c.text.startswith("We lost")))
    assert rows["wire"][lost] == 2 and rows["copy"][lost] == 2 and rows["local"][lost] is None


def test_overview_page_shows_every_part_and_links_to_paragraphs():
    page = render(story_briefing())["index.md"]
    html = markdown.markdown(page, extensions=["toc"])
    assert "<strong>3</strong> sources from <strong>2</strong> named outlets" in html
    assert "<strong>2</strong> independent reports" in html
    assert "between <strong>2024-03-12</strong> and <strong>2024-03-13</strong>" in html
    assert "Fire broke out at the Elmsport harbour on Monday." in html
    assert 'href="sources/local/#p1"' in html  # the event links to the paragraph it came from
    assert '<a href="chronology/#e-fire"><strong>2024-03-11</strong></a>' in html  # and to its chronology entry
    assert '<a href="quotes/#q-lost"><strong>Q1</strong></a>' in html  # a main quote links to its entry
    assert "people injured" in html and "Three people" in html and "five people" in html
    assert html.count('data-sortable') == 3  # disputes, coverage, sources


def test_empty_parts_say_so_instead_of_vanishing():
    b = story_briefing()
    bare = Briefing(title=b.title, description=b.description, sources=b.sources)
    page = render(bare)["index.md"]
    for said in ("No events extracted.", "No figures extracted.", "No quotes or figures extracted"):
        assert said in page


def test_one_figure_per_subject_is_not_called_a_dispute():
    b = story_briefing()
    calm = Briefing(title=b.title, description=b.description, sources=b.sources, figures=b.figures[2:])
    assert "No disputed figures" in render(calm)["index.md"]


def test_seed_text_in_claims_stays_text():
    b = story_briefing()
    hostile = Quote("q-x", "<script>alert(1)</script> # not a heading", "direct", None, "<b>X</b>", "said",
                    (Where("wire", 1),))
    page = render(Briefing(title=b.title, description=b.description, sources=b.sources, quotes=(hostile,)))["index.md"]
    assert "<script>" not in page and "<b>X</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


NAV_ORDER = ["Overview", "Chronology", "Actors", "Who said what", "Disputed figures", "Sources", "Data", "Method"]


def test_navigation_is_fixed_and_in_reading_order():
    import yaml

    from conftest import ROOT

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may carry tags for MkDocs (!ENV, !!python/name:...); the nav does not need them.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    entries = [next(iter(item.items())) for item in config["nav"]]
    titles = [title for title, _ in entries]
    assert titles == NAV_ORDER
    # Index pages only: the navigation must not grow with the number of sources or actors.
    for _, path in entries:
        assert path.count("/") == 0 or path.endswith("/index.md"), path


def test_a_paragraph_carrying_two_spans_is_linked_once():
    b = story_briefing()
    twice = Figure("people injured", 4, "people", "four hurt", (Where("wire", 2, 0, 4), Where("wire", 2, 20, 30),
                                                                Where("copy", 2, 0, 4)))
    assert home.places(twice.sources) == [("wire", 2), ("copy", 2)]
    page = render(Briefing(title=b.title, description=b.description, sources=b.sources,
                           figures=(twice, b.figures[0], b.figures[1])))["index.md"]
    row = next(line for line in page.splitlines() if line.startswith("<tr><td>people injured</td><td>four hurt"))
    assert row.count('href="sources/wire/#p2"') == 1 and row.count('href="sources/copy/#p2"') == 1


def test_speakers_and_claimants_link_to_their_profiles():
    page = render(story_briefing())["index.md"]
    assert '<a href="actors/ines-okafor/">Ines Okafor</a>' in page
    assert "<td>the fire service</td>" in page  # no actor id, no link


def test_the_overview_says_what_the_build_left_out():
    from generator.model import Problem

    b = story_briefing()
    assert "no seed was left out" in render(b)["index.md"]
    problems = (Problem("seeds/x.txt", "not valid UTF-8", 3), Problem("seeds/y.txt", "empty", None, "warning"))
    page = render(Briefing(title=b.title, description=b.description, sources=b.sources, problems=problems))["index.md"]
    assert '<a href="report/">Build report</a>: <strong>1</strong> seed left out, <strong>1</strong> warning' in page
