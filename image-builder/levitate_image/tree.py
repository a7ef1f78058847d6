"""Reads a staged root folder (e.g. $(O)/target) into image entries.

Files keep their permission bits (so executables stay executable), symlinks
keep their target as written, and every entry is owned by root:root whoever
built it. The walk is sorted, so the same tree always gives the same image;
modification times are set to one value (the caller's), for the same
reason. Anything else in the tree (sockets, FIFOs, device nodes made by
hand) is refused: device nodes come from a device table instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .entries import Entry
from .errors import ImageError


def _entry(root: Path, path: Path, mtime: int) -> Entry:
    rel = path.relative_to(root).as_posix()
    st = path.lstat()
    perm = stat.S_IMODE(st.st_mode)
    if stat.S_ISLNK(st.st_mode):
        return Entry(rel, stat.S_IFLNK | 0o777,
                     os.readlink(path).encode(), mtime=mtime)
    if stat.S_ISDIR(st.st_mode):
        return Entry(rel, stat.S_IFDIR | perm, mtime=mtime)
    if stat.S_ISREG(st.st_mode):
        return Entry(rel, stat.S_IFREG | perm, path.read_bytes(),
                     mtime=mtime)
    raise ImageError(f"{path}: not a file, folder or symlink; list device "
                     "nodes in the device table instead")


def walk(root: Path, mtime: int = 0) -> list[Entry]:
    """The entries below root (root itself excluded), folders first."""
    if not root.is_dir():
        raise ImageError(f"{root}: no such folder")
    entries: list[Entry] = []

    def visit(folder: Path) -> None:
        try:
            children = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as e:
            raise ImageError(f"{folder}: {e.strerror}") from None
        for child in children:
            entries.append(_entry(root, child, mtime))
            if child.is_dir() and not child.is_symlink():
                visit(child)

    visit(root)
    return entries
