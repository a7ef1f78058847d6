"""Device tables: the device nodes an image holds, as text.

Making a device node needs root privileges; writing one into an archive
does not. A table has one node per line,

    <path>  <type c|b>  <mode, octal>  <major>  <minor>

with '#' comments, e.g. `/dev/console c 0600 5 1`. Errors name the file
and line.
"""

from __future__ import annotations

import stat
from pathlib import Path

from .entries import Entry
from .errors import ImageError

TYPES = {"c": stat.S_IFCHR, "b": stat.S_IFBLK}


def parse(text: str, where: str, mtime: int = 0) -> list[Entry]:
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        at = f"{where}:{lineno}"
        fields = line.split()
        if len(fields) != 5:
            raise ImageError(f"{at}: expected '<path> <c|b> <mode> <major> "
                             f"<minor>', got {len(fields)} fields")
        path, kind, mode, major, minor = fields
        if not path.startswith("/") or path == "/":
            raise ImageError(f"{at}: path '{path}' must be absolute")
        if kind not in TYPES:
            raise ImageError(f"{at}: type '{kind}' is not c or b")
        try:
            perm = int(mode, 8)
            numbers = int(major), int(minor)
        except ValueError:
            raise ImageError(f"{at}: mode must be octal and major, minor "
                             "decimal numbers") from None
        if perm > 0o7777 or min(numbers) < 0:
            raise ImageError(f"{at}: mode or device number out of range")
        entries.append(Entry(path.strip("/"), TYPES[kind] | perm,
                             rdev_major=numbers[0], rdev_minor=numbers[1],
                             mtime=mtime))
    return entries


def load(path: Path, mtime: int = 0) -> list[Entry]:
    try:
        text = path.read_text()
    except OSError as e:
        raise ImageError(f"{path}: {e.strerror}") from None
    return parse(text, str(path), mtime)
