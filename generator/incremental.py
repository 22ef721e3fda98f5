"""What `python -m generator site` keeps from one site build for the next: the previous site's pages
and search index parts, reused where nothing they were made from has changed.

A build always writes a new site into an empty folder and swaps it in whole (cli._site_build), so
a failed build leaves the previous site as it was and no stale page survives. Into that new folder,
a generated page whose Markdown is byte-identical to the previous build's, under the same
context (the configuration, the docs folder, the generator's code and the installed MkDocs,
Material, Markdown and Pagefind), gets the previous build's HTML as a hard link instead of being
converted and rendered again; a part of the Pagefind index whose pages are byte-identical is
linked the same way instead of indexed again. What that relies on, and why it holds here:
- A generated page's HTML is a function of its Markdown and that context: the briefing's
  per-item pages are not in the navigation (mkdocs.yml, not_in_nav), so another page's title or
  order cannot change them, and the navigation's pages come from mkdocs.yml itself.
- Only with Pagefind: Material's own index is built from every page rendered in the build, so a
  site searched by Material is always built whole (such sites are the small ones).
- The previous HTML is checked before it is reused: its size and modification time must be the
  ones this build recorded, so a page edited or replaced by hand is rendered again.

Before any of that, the generated files themselves (every page's Markdown and the data files) are
kept beside the record, under the digest of everything they were made from
(pipeline._inputs_digest): a build whose seeds, settings and generator are all unchanged takes
them whole instead of merging and rendering the briefing again. The kept files are checked
against the sha256 the record holds, so a truncated or altered file is never used.

The record of a build is a JSON file in the cache folder, named after the site folder; a build with
`--no-cache` neither reads nor writes it. The result is byte-identical to a build from nothing
(tests/test_incremental.py compares the two trees).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator import cache, write
from generator.model import Problem
from generator.pipeline import Generated

FORMAT = 2
# Besides the generator's own code: what turns a page's Markdown into its HTML and its index part.
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")


def context_digest(config_file: Path, docs_dir: Path, overrides: dict, engine: str, part_bytes: int,
                   pagefind_lock: Path | None) -> str:
    """sha256 of everything besides a page's own Markdown that its HTML or its index part depends on."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    add("config", config_file.read_bytes())
    add("overrides", json.dumps(overrides, sort_keys=True).encode())
    add("search", f"{engine} {part_bytes}".encode())
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        add(f"docs/{path.relative_to(docs_dir).as_posix()}", path.read_bytes())
    add("generator", cache.package_digest().encode())
    for name in LIBRARIES:
        try:
            add(name, metadata.version(name).encode())
        except metadata.PackageNotFoundError:
            add(name, b"absent")
    add("pagefind", pagefind_lock.read_bytes() if pagefind_lock and pagefind_lock.is_file() else b"")
    return digest.hexdigest()


def _stat(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    write.link_or_copy(source, target)


@dataclass
class SiteMemory:
    """The record of the site folder's last build, and what this build reuses from it and records.

    Made by cli._site_build for one build; the plugin calls `reuse_page` for each generated page,
    the search stage `reuse_part` for each index part, and the CLI `save` once the new site is in
    place.
    """

    record_file: Path
    site_dir: Path  # where the previous site is and the new one will be
    new_dir: Path  # the empty folder this build writes
    context: str = ""
    previous: dict = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # Markdown path -> sha256 of its Markdown
    html: dict[str, str] = field(default_factory=dict)  # HTML path -> sha256 of its text, for index parts
    parts: dict[str, list] = field(default_factory=dict)  # part folder -> [key, files of the part's output]
    reused_pages: int = 0
    reused_parts: int = 0
    reused_files: bool = False  # the generated files were the previous build's
    generated_as: list | None = None  # [inputs digest, sha256, size] of the kept generated files
    files_written: bool = False  # this build wrote new generated files (moved in place by `save`)

    @classmethod
    def open(cls, cache_dir: Path, site_dir: Path, new_dir: Path) -> SiteMemory:
        name = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]
        memory = cls(record_file=cache_dir / "sites" / f"{name}.json", site_dir=site_dir, new_dir=new_dir)
        try:
            previous = json.loads(memory.record_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
        if previous.get("format") == FORMAT and site_dir.is_dir():
            memory.previous = previous
        return memory

    @property
    def files_file(self) -> Path:
        return self.record_file.with_suffix(".files")

    def generated(self, digest: str) -> Generated | None:
        """The previous build's generated files, if they were made from inputs of this digest."""
        kept = self.previous.get("generated")
        if not kept or kept[0] != digest:
            return None
        try:
            data = self.files_file.read_bytes()
        except OSError:
            return None
        if len(data) != kept[2] or hashlib.sha256(data).hexdigest() != kept[1]:
            return None
        head, _, body = data.partition(b"\n")
        try:
            index = json.loads(head)
            files: dict[str, str | bytes] = {}
            at = 0
            for path, kind, size in index["files"]:
                chunk = body[at:at + size]
                files[path] = chunk.decode("utf-8") if kind == "t" else chunk
                at += size
            problems = tuple(cache.decode(Problem, p) for p in index["problems"])
        except (ValueError, TypeError, KeyError):
            return None
        self.generated_as = kept
        self.reused_files = True
        return Generated(files, problems)

    def keep_generated(self, digest: str, generated: Generated) -> None:
        """Write this build's generated files beside the record (in place once `save` runs)."""
        def encoded(content: str | bytes) -> bytes:
            return content.encode("utf-8") if isinstance(content, str) else content

        # each file is encoded twice (for its length, then to write it) rather than held twice:
        # a large briefing's files are ~100 MB, and this runs at the build's peak of memory
        index = {"problems": [cache.encode(p) for p in generated.problems],
                 "files": [[path, "t" if isinstance(content, str) else "b", len(encoded(content))]
                           for path, content in generated.files.items()]}
        checksum, size = hashlib.sha256(), 0
        self.files_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(self.files_file.with_suffix(".files-tmp"), "wb") as out:
                head = json.dumps(index, sort_keys=True).encode() + b"\n"
                for data in (head, *map(encoded, generated.files.values())):
                    out.write(data)
                    checksum.update(data)
                    size += len(data)
        except OSError:
            return  # not kept: the next build merges and renders again, nothing worse
        self.generated_as = [digest, checksum.hexdigest(), size]
        self.files_written = True

    def start(self, context: str) -> None:
        """This build's context; a record made under another one is not used."""
        self.context = context
        if self.previous.get("context") != context:  # the kept generated files do not depend on it
            self.previous = {"generated": self.previous.get("generated")}

    def reuse_page(self, src_uri: str, dest_uri: str, content: str | bytes) -> bool:
        """Link the previous HTML of this page into the new site if its Markdown is unchanged."""
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        self.pages[src_uri] = digest
        if not self.previous or self.previous.get("pages", {}).get(src_uri) != digest:
            return False
        old = self.site_dir / dest_uri
        recorded = self.previous.get("files", {}).get(dest_uri)
        if recorded is None or not old.is_file() or _stat(old) != recorded[:2]:
            return False
        _link(old, self.new_dir / dest_uri)
        self.html[dest_uri] = recorded[2]
        self.reused_pages += 1
        return True

    def page_digest(self, dest_uri: str) -> str:
        """sha256 of a page of the new site (known already for a reused page)."""
        if dest_uri not in self.html:
            self.html[dest_uri] = hashlib.sha256((self.new_dir / dest_uri).read_bytes()).hexdigest()
        return self.html[dest_uri]

    def part_key(self, pages: list[str]) -> str:
        digest = hashlib.sha256()
        for page in pages:
            digest.update(page.encode() + b"\0" + self.page_digest(page).encode() + b"\0")
        return digest.hexdigest()

    def reuse_part(self, folder: str, pages: list[str], output: Path) -> bool:
        """Link the previous output of this index part into `output` if its pages are unchanged.

        `folder` is the part's folder under pagefind/ ("" for the first part); the first part's
        output shares its folder with the others, so each part's own files are recorded by name.
        """
        key = self.part_key(pages)
        self.parts[folder] = [key, []]
        old = (self.previous.get("parts") or {}).get(folder)
        if not old or old[0] != key:
            return False
        files = old[1]
        previous_root = self.site_dir / "pagefind" / folder
        for name, recorded in files:
            source = previous_root / name
            if not source.is_file() or _stat(source) != recorded:
                return False
        for name, _ in files:
            _link(previous_root / name, output / name)
        self.parts[folder][1] = files
        self.reused_parts += 1
        return True

    def indexed(self, folder: str, output: Path, others: list[str]) -> None:
        """Record the files one part's Pagefind run wrote under `output` (not the other parts' folders)."""
        files = []
        for path in sorted(p for p in output.rglob("*") if p.is_file()):
            rel = path.relative_to(output).as_posix()
            if folder == "" and rel.split("/", 1)[0] + "/" in others:
                continue
            files.append(rel)
        self.parts[folder][1] = [[name, None] for name in files]

    def save(self) -> None:
        """Write this build's record, after the new site has replaced the old one."""
        files = {}
        for dest_uri, digest in self.html.items():
            path = self.site_dir / dest_uri
            if path.is_file():
                files[dest_uri] = [*_stat(path), digest]
        parts = {}
        for folder, (key, names) in self.parts.items():
            root = self.site_dir / "pagefind" / folder
            parts[folder] = [key, [[name, _stat(root / name)] for name, _ in names if (root / name).is_file()]]
        if self.files_written:
            os.replace(self.files_file.with_suffix(".files-tmp"), self.files_file)
        record = {"format": FORMAT, "context": self.context, "pages": self.pages, "files": files, "parts": parts,
                  "generated": self.generated_as}
        self.record_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.record_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.record_file)
