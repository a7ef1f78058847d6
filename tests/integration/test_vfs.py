"""The root file system: a tmpfs with the initramfs unpacked into it and
devtmpfs on /dev (fs/vfs/rootfs.c), checked on every profile.

test=vfs (fs/vfs/selftest.c) lists / and /dev, stats /bin/busybox and runs
a file through its life in /tmp. vfs.list prints the whole tree, which is
compared with what `cpio -itvn` (the host's cpio, an independent reader)
says the profile's initramfs holds: paths, types, permissions, owners and
symlink targets. /dev is covered by the devtmpfs mount, as in Linux.
"""

import re
import stat
import subprocess
from dataclasses import dataclass

from conftest import Build

# The log file is read in text mode: its "\r\r\n" line ends are "\n" then.
LIST_RE = re.compile(
    r"vfs: list (\d+) (\d+) (\d+) (/\S*)(?: -> (\S*)| \[(\d+),(\d+)\])?$",
    re.M)

TYPES = {"-": stat.S_IFREG, "d": stat.S_IFDIR, "l": stat.S_IFLNK,
         "c": stat.S_IFCHR, "b": stat.S_IFBLK, "p": stat.S_IFIFO,
         "s": stat.S_IFSOCK}


@dataclass
class Entry:
    mode: int
    uid: int
    gid: int
    target: str | None = None


def parse_ls_mode(text: str) -> int:
    """"drwxr-sr-t" -> the st_mode it stands for."""
    mode = TYPES[text[0]]
    bits = [(stat.S_IRUSR, stat.S_IWUSR, stat.S_IXUSR, stat.S_ISUID),
            (stat.S_IRGRP, stat.S_IWGRP, stat.S_IXGRP, stat.S_ISGID),
            (stat.S_IROTH, stat.S_IWOTH, stat.S_IXOTH, stat.S_ISVTX)]
    for i, (r, w, x, special) in enumerate(bits):
        rc, wc, xc = text[1 + 3 * i:4 + 3 * i]
        mode |= (r if rc == "r" else 0) | (w if wc == "w" else 0)
        if xc in "xst":
            mode |= x
        if xc in "sStT":
            mode |= special
    return mode


def cpio_entries(archive) -> dict[str, Entry]:
    with open(archive, "rb") as f:
        out = subprocess.run(["cpio", "-itvn", "--quiet"], stdin=f,
                             capture_output=True, text=True,
                             check=True).stdout
    entries = {}
    for line in out.splitlines():
        f = line.split(None, 8)
        mode = parse_ls_mode(f[0])
        name = f[8]
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            # "5,   1 Jan ..." splits the device number in two fields.
            name = line.split(None, 9)[9]
        target = None
        if stat.S_ISLNK(mode):
            name, target = name.split(" -> ", 1)
        path = "/" + name.lstrip("./") if name not in (".", "./") else "/"
        entries[path.rstrip("/") or "/"] = Entry(mode, int(f[2]), int(f[3]),
                                                target)
    return entries


def booted_tree(build: Build) -> tuple[dict[str, Entry], str]:
    guest = build.boot("test=vfs vfs.list")
    guest.expect(r"vfs: list end\r")
    guest.expect(r"selftest: vfs passed \((\d+) entries in /, (\d+) in /dev\)")
    assert guest.wait_exit() == 0
    log = guest.log.read_text()
    tree = {}
    for m in LIST_RE.finditer(log):
        tree[m.group(4)] = Entry(int(m.group(1), 8), int(m.group(2)),
                                 int(m.group(3)), m.group(5))
    return tree, log


def test_vfs_selftest_and_tree(build: Build):
    tree, log = booted_tree(build)
    assert "FAILED" not in log
    assert "cannot create" not in log, "every initramfs entry was unpacked"

    # devtmpfs on /dev, whatever the initramfs had there
    assert tree["/dev"].mode == stat.S_IFDIR | 0o755
    assert tree["/dev/null"].mode == stat.S_IFCHR | 0o666
    assert tree["/dev/zero"].mode == stat.S_IFCHR | 0o666
    assert tree["/dev/full"].mode == stat.S_IFCHR | 0o666
    assert tree["/dev/console"].mode == stat.S_IFCHR | 0o600
    assert re.search(r"vfs: list 020666 0 0 /dev/null \[1,3\]$", log, re.M)
    assert re.search(r"vfs: list 020600 0 0 /dev/console \[5,1\]$", log,
                     re.M)

    if not build.initramfs.exists():
        assert set(tree) == {"/", "/dev", "/dev/null", "/dev/zero",
                             "/dev/full", "/dev/console"}
        return
    assert re.search(r"selftest: vfs: /bin/busybox: mode 100755", log)
    expected = {p: e for p, e in cpio_entries(build.initramfs).items()
                if not p.startswith("/dev/")}
    actual = {p: e for p, e in tree.items()
              if not p.startswith("/dev/") and p != "/"}
    expected.pop("/", None)
    assert sorted(actual) == sorted(expected)
    for path, want in expected.items():
        assert actual[path] == want, path
