"""Entry: one member of an image (file, folder, symlink or device node),
with the metadata the image stores. Owner and group are always root (0:0):
images are built without root privileges, so the build user's ids mean
nothing inside LevitateOS.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    path: str                # inside the image, without a leading '/'
    mode: int                # file type bits and permissions (st_mode)
    data: bytes = b""        # a file's contents, or a symlink's target
    rdev_major: int = 0      # device nodes only
    rdev_minor: int = 0
    mtime: int = 0

    @property
    def kind(self) -> str:
        for test, name in ((stat.S_ISDIR, "dir"), (stat.S_ISREG, "file"),
                           (stat.S_ISLNK, "symlink"),
                           (stat.S_ISCHR, "char device"),
                           (stat.S_ISBLK, "block device")):
            if test(self.mode):
                return name
        return "other"


def parent_dirs(path: str) -> list[str]:
    """The folders above path, outermost first: 'a/b/c' -> ['a', 'a/b']."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
