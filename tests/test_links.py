from generator.links import href, page_url, unique_slugs


def test_page_urls_follow_directory_urls():
    assert page_url("index.md") == ""
    assert page_url("sources/index.md") == "sources/"
    assert page_url("sources/a.md") == "sources/a/"


def test_relative_hrefs():
    assert href("index.md", "sources/a.md", "p3") == "sources/a/#p3"
    assert href("sources/a.md", "sources/b.md") == "../b/"
    assert href("sources/a.md", "index.md") == "../../"
    assert href("sources/index.md", "sources/a.md") == "a/"
    assert href("sources/a.md", "data/briefing.json") == "../../data/briefing.json"


def test_unique_slugs_keep_clashing_names_apart():
    slugs = unique_slugs(["Ünïcode name", "unicode-name", "  ", "..."], fallback="source")
    assert slugs == {"Ünïcode name": "unicode-name", "unicode-name": "unicode-name-2", "  ": "source", "...": "source-2"}
