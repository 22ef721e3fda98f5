"""The only stage that touches the disk: write a generated tree, all or nothing."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_tree(out_dir: Path, files: Mapping[str, str | bytes]) -> None:
    """Write `files` under `out_dir`, replacing it only once everything is written.

    A failure or interruption half-way leaves the previous `out_dir` as it was.
    """
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        for rel, content in files.items():
            target = tmp / rel
            if not target.resolve().is_relative_to(tmp.resolve()):
                raise ValueError(f"refusing to write outside the output folder: {rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8", newline="\n")
        replace_dir(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def replace_dir(new: Path, old: Path) -> None:
    """Swap `new` into the place of `old` with renames, so readers never see a half tree."""
    if old.exists():
        trash = Path(tempfile.mkdtemp(prefix=f".{old.name}.old.", dir=old.parent))
        os.replace(old, trash / old.name)
        os.replace(new, old)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        os.replace(new, old)


def link_or_copy(source: str | Path, destination: str | Path) -> None:
    """A hard link where the file system allows one, else a copy. For files never changed in place
    (a kept search index, a previous build's unchanged page), so two trees may share them: linking
    thousands of files is much quicker than copying them."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)
