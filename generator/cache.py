"""Content-addressed cache of the expensive per-article work (parse + extract), one entry per article.

The key covers everything the cached Extraction depends on: the cleaned article (its text and
metadata, which cleaning may take from other seeds), the generator version, the spaCy pipeline
and library versions, and the bytes of every module and data file that runs before the merge
stage. Changing a rule therefore invalidates every entry; changing a page template does not. An
entry that is truncated, altered or of another format is ignored and rebuilt, never trusted.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator import __version__
from generator.model import Article, Extraction

FORMAT = 2
ENV_DIR = "BRIEFING_CACHE_DIR"
PACKAGE = Path(__file__).resolve().parent
DEFAULT_DIR = PACKAGE.parent / ".cache" / "briefing"
# What runs after the cached stages: editing these cannot change an Article or an Extraction.
AFTER_CACHE = frozenset({
    "pages", "templates", "scoring", "merge", "measured", "render.py", "export.py", "links.py", "write.py",
    "cli.py", "plugin.py", "rawhtml.py", "search.py", "theme", "serving.py", "memory.py", "__main__.py",
})
# Libraries whose behaviour the per-article results depend on besides the spaCy pipeline.
LIBRARIES = ("spacy", "dateparser", "babel", "pycountry")  # their data (dates, country names) shapes extraction


def default_folder() -> Path:
    return Path(os.environ.get(ENV_DIR) or DEFAULT_DIR)


def code_fingerprint() -> str:
    """sha256 of the modules and data files that produce an Article and its Extraction."""
    return _files_digest(lambda rel: rel.parts[0] in AFTER_CACHE)


def package_digest() -> str:
    """sha256 of every module, template and data file of the generator."""
    return _files_digest(lambda rel: False)


def _files_digest(skip: Callable[[Path], bool]) -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE)
        if not path.is_file() or skip(rel) or "__pycache__" in rel.parts or path.suffix == ".pyc":
            continue
        digest.update(rel.as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def fingerprint(pipeline: str) -> str:
    """Everything but the seed that a cached result depends on; `pipeline` names the spaCy pipeline
    and its version (read from its package metadata, so a warm build never loads spaCy)."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=absent")
    parts = [f"format={FORMAT}", f"generator={__version__}", f"pipeline={pipeline}", *versions, code_fingerprint()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def article_key(article: Article, fingerprint: str) -> str:
    text = json.dumps(encode(article), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{fingerprint}\n{text}".encode()).hexdigest()


@dataclass(frozen=True)
class Cache:
    folder: Path
    suffix: str = ".json"

    @classmethod
    def at(cls, folder: Path | None) -> Cache:
        """The cache in `folder`, or in the default folder (see `default_folder`)."""
        return cls(folder or default_folder())

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{self.suffix}"

    def get(self, key: str) -> Extraction | None:
        """The cached result for `key`, or None when absent or not exactly what was stored."""
        body = self.get_bytes(key)
        if body is None:
            return None
        try:
            return decode(Extraction, json.loads(body))
        except (ValueError, TypeError):
            return None

    def put(self, key: str, extraction: Extraction) -> None:
        self.put_bytes(key, json.dumps(encode(extraction), sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode())

    def get_bytes(self, key: str) -> bytes | None:
        """The body stored under `key`, or None when absent or not exactly what was stored."""
        try:
            raw = self._path(key).read_bytes()
        except OSError:
            return None
        head, _, body = raw.partition(b"\n")
        if head != f"{FORMAT} {key} {hashlib.sha256(body).hexdigest()}".encode():
            return None
        return body

    def put_bytes(self, key: str, body: bytes) -> None:
        """Store atomically; a cache that cannot be written only costs the next build time."""
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", dir=target.parent)
            with os.fdopen(fd, "wb") as out:
                out.write(f"{FORMAT} {key} {hashlib.sha256(body).hexdigest()}\n".encode() + body)
            os.replace(tmp, target)
        except OSError:
            pass


def encode(value: Any) -> Any:
    """A frozen dataclass tree as JSON-ready values (tuples become lists)."""
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def decode(kind: Any, data: Any) -> Any:
    """Rebuild a value of type `kind` from `encode`'s output, checking every type on the way;
    anything that does not fit raises TypeError (so a bad entry is rebuilt, not half-trusted)."""
    return _decoder(kind)(data)


def _fail(what: str) -> Any:
    raise TypeError(what)


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A checking decoder per type, built once: warm builds decode thousands of records."""
    if dataclasses.is_dataclass(kind):
        return _record_decoder(kind)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        arms = [(_accepts(arm), _decoder(arm)) for arm in args]

        def union(data: Any) -> Any:
            for accepts, rebuild in arms:
                if accepts(data):
                    return rebuild(data)
            return _fail(f"{kind}: no arm fits {type(data).__name__}")

        return union
    if origin is typing.Literal:
        allowed = set(args)
        return lambda data: data if type(data) is not bool and data in allowed else _fail(f"{kind}: {data!r}")
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda data: tuple(map(item, data)) if type(data) is list else _fail(f"{kind}: not a list")
    if origin is tuple:
        items = [_decoder(a) for a in args]
        return lambda data: (tuple(f(v) for f, v in zip(items, data)) if type(data) is list and len(data) == len(items)
                             else _fail(f"{kind}: not a list of {len(items)}"))
    if origin is dict:
        key, value = _decoder(args[0]), _decoder(args[1])
        return lambda data: ({key(k): value(v) for k, v in data.items()} if type(data) is dict
                             else _fail(f"{kind}: not an object"))
    if kind is Any:
        return lambda data: data
    if kind is float:
        return lambda data: float(data) if type(data) in (int, float) else _fail("expected a number")
    if kind in (type(None), str, int, bool):
        return lambda data: data if type(data) is kind else _fail(f"expected {kind.__name__}")
    raise TypeError(f"cannot rebuild {kind!r}")


_SCALARS = {str: "str", int: "int", bool: "bool", type(None): "type(None)"}


def _record_decoder(kind: Any) -> Callable[[Any], Any]:
    """The decoder of one dataclass, written out as Python source: a warm build of 1,000 sources
    decodes ~370,000 records, and a call per scalar field was most of that time."""
    hints = typing.get_type_hints(kind)
    scope: dict[str, Any] = {"kind": kind, "_fail": _fail, "names": None}
    body, args = [], []
    for n, f in enumerate(dataclasses.fields(kind)):
        if not f.init:
            continue
        hint = hints[f.name]
        arms = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
        if all(arm in _SCALARS for arm in arms):
            test = " or ".join(f"type(v) is {_SCALARS[arm]}" for arm in arms)
            body.append(f"    v = data[{f.name!r}]\n"
                        f"    if not ({test}): _fail({f'{kind.__name__}.{f.name}: expected {hint}'!r})")
            body.append(f"    f{n} = v")
        elif kind in arms:  # a record that holds one of its own kind ("base" of a parsed time): built when met
            scope[f"d{n}"] = lambda data, hint=hint: _decoder(hint)(data)
            body.append(f"    f{n} = d{n}(data[{f.name!r}])")
        else:
            scope[f"d{n}"] = _decoder(hint)
            body.append(f"    f{n} = d{n}(data[{f.name!r}])")
        args.append(f"{f.name}=f{n}")
    scope["names"] = {f.name for f in dataclasses.fields(kind) if f.init}
    source = (
        "def record(data):\n"
        f"    if type(data) is not dict or data.keys() != names: _fail({f'{kind.__name__}: not the fields of the model'!r})\n"
        + "\n".join(body) + f"\n    return kind({', '.join(args)})\n"
    )
    exec(source, scope)  # noqa: S102 - source built above from the model's own field names and types
    return scope["record"]


def _accepts(kind: Any) -> Callable[[Any], bool]:
    """Which JSON type a union arm is encoded as, to pick the arm without trying each."""
    origin = typing.get_origin(kind)
    if dataclasses.is_dataclass(kind) or origin is dict:
        return lambda data: type(data) is dict
    if origin is tuple:
        return lambda data: type(data) is list
    if origin is typing.Literal:
        return lambda data: type(data) is not bool and data in typing.get_args(kind)
    if kind is Any:
        return lambda data: True
    if kind is float:
        return lambda data: type(data) in (int, float)
    return lambda data: type(data) is kind
