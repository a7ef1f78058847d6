"""The newc cpio format ("070701"), as the Linux initramfs reads it.

Each member is a 110-byte ASCII header of thirteen 8-digit hexadecimal
fields, the NUL-terminated name, padding to a multiple of four bytes, the
data (a symlink's data is its target) and padding again. The archive ends
with a member named "TRAILER!!!", and the archive is padded with NULs to a
multiple of 512 bytes as cpio(1) writes it (GNU cpio takes a shorter file
for a truncated one and asks for the next volume; the kernel skips the
NULs). Reference: the kernel's
Documentation/driver-api/early-userspace/buffer-format.rst and cpio(5).
"""

from __future__ import annotations

from typing import BinaryIO, Iterable

from .entries import Entry, parent_dirs
from .errors import ImageError

MAGIC = b"070701"
TRAILER = "TRAILER!!!"
FIELD_MAX = 0xFFFFFFFF
BLOCK = 512


def _pad(length: int) -> bytes:
    return b"\0" * (-length % 4)


def header(name: bytes, ino: int, mode: int, nlink: int, mtime: int,
           size: int, rdev_major: int = 0, rdev_minor: int = 0) -> bytes:
    """One newc header for a member called name (without its NUL)."""
    fields = (ino, mode, 0, 0, nlink, mtime, size, 0, 0, rdev_major,
              rdev_minor, len(name) + 1, 0)
    for value in fields:
        if not 0 <= value <= FIELD_MAX:
            raise ImageError(f"{name.decode(errors='replace')}: value "
                             f"{value} does not fit a cpio header field")
    return MAGIC + b"".join(b"%08X" % v for v in fields)


def member(entry: Entry, ino: int) -> bytes:
    name = entry.path.encode()
    nlink = 2 if entry.kind == "dir" else 1
    head = header(name, ino, entry.mode, nlink, entry.mtime, len(entry.data),
                  entry.rdev_major, entry.rdev_minor)
    start = head + name + b"\0"
    return start + _pad(len(start)) + entry.data + _pad(len(entry.data))


def trailer() -> bytes:
    name = TRAILER.encode()
    start = header(name, 0, 0, 1, 0, 0) + name + b"\0"
    return start + _pad(len(start))


def check_order(entries: list[Entry]) -> None:
    """Every member's folder comes before it and no path is repeated, so an
    unpacker never creates a folder implicitly (with the wrong mode)."""
    seen: set[str] = set()
    for e in entries:
        if not e.path or e.path.startswith("/") or "//" in e.path:
            raise ImageError(f"bad path in archive: {e.path!r}")
        if e.path in seen:
            raise ImageError(f"{e.path}: in the archive twice")
        for d in parent_dirs(e.path):
            if d not in seen:
                raise ImageError(f"{e.path}: its folder {d} is not in the "
                                 "archive before it")
        seen.add(e.path)


def write(out: BinaryIO, entries: Iterable[Entry]) -> int:
    """Writes entries (folders before their contents) and the trailer.

    Returns the number of members written, trailer excluded. Raises
    ImageError for an entry the format cannot hold.
    """
    members = list(entries)
    check_order(members)
    size = 0
    for ino, entry in enumerate(members, 1):
        size += out.write(member(entry, ino))
    size += out.write(trailer())
    out.write(b"\0" * (-size % BLOCK))
    return len(members)
