"""Property tests of reading and cleaning: any bytes are read or reported, never a crash, and a
reporting sentence among junk is never lost."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.clean import clean
from generator.read import read_seed, read_seeds, shown_name

SENTENCE = "Councillor Ingrid Solberg said the bridge would reopen on Friday."
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_bytes(raw: bytes, name: str = "seed.txt"):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        return read_seed(path, f"seeds/{name}")


@FAST
@given(raw=st.binary(max_size=2000))
def test_any_bytes_are_read_or_reported_by_name(raw):
    seed, problems = read_bytes(raw)
    if seed is None:
        assert any(p.severity == "error" for p in problems)
    else:
        assert seed.text.strip()
        clean(seed)  # and cleaning it never raises
    for problem in problems:
        assert str(problem).startswith("seeds/seed.txt")
        assert problem.line is None or problem.line >= 1


# Junk lines: furniture-like words, markup, template and YAML syntax, any text without NUL.
junk_line = st.one_of(
    st.text(st.characters(blacklist_characters="\x00\n\r", blacklist_categories=("Cs",)), max_size=60),
    st.sampled_from([
        "Share this article", "Advertisement", "---", "title: x", "<script>alert(1)</script>", "{{ x }}",
        "# Heading", "!!! note", "--8<-- \"x\"", "| a | b |", "Read more", "...", "", "   ", "Photo: AP",
    ]),
)


@FAST
@given(before=st.lists(junk_line, max_size=8), after=st.lists(junk_line, max_size=8),
       encoding=st.sampled_from(ENCODINGS), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_a_reporting_sentence_survives_any_junk_around_it(before, after, encoding, newline):
    text = newline.join([*before, SENTENCE, *after]) + newline
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode("utf-8")
    seed, problems = read_bytes(raw)
    if seed is None:
        # Junk can make the file unreadable as a whole (bad front matter): then it is reported.
        assert any(p.severity == "error" for p in problems), problems
        return
    article = clean(seed)
    assert any(SENTENCE in p.text for p in article.paragraphs), [p.text for p in article.paragraphs]
    numbers = [p.n for p in article.paragraphs]
    assert numbers == list(range(1, len(numbers) + 1))


@FAST
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1,
                    max_size=300), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_text_reads_back_as_written(text, encoding):
    seed, problems = read_bytes(text.encode(encoding))
    if seed is None:
        assert problems
        return
    if not text.startswith("---"):
        import unicodedata

        expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        assert seed.text == expected


@settings(max_examples=30, deadline=None)
@given(names=st.lists(st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
                              min_size=1, max_size=20), min_size=1, max_size=5, unique=True))
def test_any_file_names_are_read_or_reported(names):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "seeds"
        root.mkdir()
        written = []
        for name in names:
            try:
                (root / f"{name}.txt").write_text(SENTENCE + "\n", encoding="utf-8")
            except OSError:  # a name this file system refuses (too long, "." or "..")
                continue
            written.append(f"{name}.txt")
        seeds, problems = read_seeds(root)
        seen = {Path(s.path).name for s in seeds} | {Path(p.path).name for p in problems}
        # Names are shown with invisible and line-breaking characters escaped.
        assert {shown_name(w) for w in written if (root / w).is_file()} <= seen
        assert all(s.text == SENTENCE + "\n" for s in seeds)
