from pathlib import Path

from conftest import write_seeds
from generator.read import read_seeds


def test_reads_txt_and_md_in_name_order(tmp_path: Path):
    folder = write_seeds(tmp_path / "s", {"b.md": "Second text.\n", "a.txt": "First text.\n", "c.pdf": "x"})
    seeds, problems = read_seeds(folder)
    assert [s.id for s in seeds] == ["a", "b"]
    assert [s.path for s in seeds] == ["s/a.txt", "s/b.md"]
    assert [(p.path, p.severity) for p in problems] == [("s/c.pdf", "warning")]


def test_front_matter_fields_and_body_start(tmp_path: Path):
    folder = write_seeds(tmp_path / "s", {
        "x.md": "---\ntitle: Flood closes bridge\noutlet: Valley Courier\npublished: 2023-04-05\n---\nBody line.\n",
    })
    (seed,), problems = read_seeds(folder)
    assert problems == []
    assert seed.meta.title == "Flood closes bridge"
    assert seed.meta.outlet == "Valley Courier"
    assert seed.meta.published == "2023-04-05"
    assert seed.text == "Body line.\n"
    assert seed.first_line == 6


def test_bad_yaml_names_file_and_line(tmp_path: Path):
    folder = write_seeds(tmp_path / "s", {"bad.md": "---\ntitle: ok\noutlet: [unclosed\n---\nBody.\n", "good.txt": "Fine.\n"})
    seeds, problems = read_seeds(folder)
    assert [s.id for s in seeds] == ["good"]
    assert len(problems) == 1
    assert str(problems[0]).startswith("s/bad.md:")
    assert "front matter is not valid YAML" in str(problems[0])
    assert problems[0].line in (3, 4, 5)


def test_python_tag_in_front_matter_is_an_error_not_executed(tmp_path: Path):
    folder = write_seeds(tmp_path / "s", {"evil.md": "---\ntitle: !!python/object/apply:os.system ['touch pwned']\n---\nBody.\n"})
    seeds, problems = read_seeds(folder)
    assert seeds == []
    assert "not valid YAML" in problems[0].message
    assert not Path("pwned").exists()


def test_encodings(tmp_path: Path):
    text = "Der Bürgermeister sagte: „Wir bauen die Brücke neu.“\n"
    folder = write_seeds(tmp_path / "s", {
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "u16.txt": text.encode("utf-16"),
        "plain.txt": text.encode("utf-8"),
    })
    seeds, problems = read_seeds(folder)
    assert problems == []
    assert {s.id: s.text for s in seeds} == {"bom": text, "u16": text, "plain": text}
    assert {s.id: s.encoding for s in seeds} == {"bom": "utf-8-sig", "u16": "utf-16", "plain": "utf-8"}


def test_nul_bytes_and_empty_files_are_reported(tmp_path: Path):
    folder = write_seeds(tmp_path / "s", {"bin.txt": b"line\nab\x00cd", "empty.txt": "  \n", "ok.txt": "Text.\n"})
    seeds, problems = read_seeds(folder)
    assert [s.id for s in seeds] == ["ok"]
    messages = {p.path: (p.line, p.message) for p in problems}
    assert messages["s/bin.txt"][0] == 2 and "NUL" in messages["s/bin.txt"][1]
    assert "empty" in messages["s/empty.txt"][1]


def test_legacy_single_byte_text_is_detected_not_mangled(tmp_path: Path):
    text = ("The mayor of Saint-Étienne said the café on the quay would reopen “as soon as the water is gone”.\n"
            "Residents in Pontévedra said the damage – mostly to ground floors – was worse than in 2019.\n")
    folder = write_seeds(tmp_path / "s", {"cp.txt": text.encode("cp1252")})
    (seed,), problems = read_seeds(folder)
    assert problems == []
    assert seed.text == text
    assert seed.encoding == "cp1252"


def test_latin1_text_that_another_charset_would_read_differently_warns(tmp_path: Path):
    text = "Le maire de Besançon a déclaré que les élèves rentreraient lundi. À Genève, la crue a baissé.\n"
    folder = write_seeds(tmp_path / "s", {"l1.txt": ("Line one.\n" + text).encode("latin-1")})
    (seed,), problems = read_seeds(folder)
    assert seed.text == "Line one.\n" + text
    assert seed.encoding == "cp1252"
    # è and č share a byte: the file could be Central European too, and the user is told where.
    assert [(p.path, p.line, p.severity) for p in problems] == [("s/l1.txt", 2, "warning")]
    assert "cp1250" in problems[0].message and "UTF-8" in problems[0].message


def test_utf16_big_endian_and_crlf(tmp_path: Path):
    text = "Ferry strike ends\r\nThe crews returned on Friday, the union said.\r\n"
    folder = write_seeds(tmp_path / "s", {"be.txt": b"\xfe\xff" + text.encode("utf-16-be")})
    (seed,), problems = read_seeds(folder)
    assert problems == []
    assert seed.text == text.replace("\r\n", "\n")


def test_front_matter_in_a_utf8_bom_markdown_seed(tmp_path: Path):
    raw = "---\ntitle: Ferry strike ends\nurl: https://example.org/ferry\nauthor: Ana Ruiz\n---\nThe crews returned.\n"
    folder = write_seeds(tmp_path / "s", {"f.md": b"\xef\xbb\xbf" + raw.encode("utf-8")})
    (seed,), problems = read_seeds(folder)
    assert problems == []
    assert (seed.meta.title, seed.meta.url, seed.meta.author) == ("Ferry strike ends", "https://example.org/ferry", "Ana Ruiz")
    assert seed.text == "The crews returned.\n"
