"""The kernel reads the initramfs that each boot path hands over.

Every profile boots with its own initramfs.cpio and `initramfs.list`; the
list printed must be what the host's `cpio -itvn` reads from that file.
Then: two concatenated archives (the later entry wins, as on Linux), a
garbage and a truncated initrd (an error line, and the boot goes on), no
initrd at all, and on x86_64 the Multiboot2 module path through GRUB.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import Build

# "initramfs: -rwxr-xr-x 0 0 1234 /bin/busybox", "... 5,1 /dev/console",
# "... 7 /bin/sh -> busybox"
LIST_LINE = re.compile(r"initramfs: ([-dlcbps][-rwxsStT]{9}) (\d+) (\d+) "
                       r"(\d+|\d+,\d+) (/\S*)(?: -> (\S+))?\r?$", re.M)
SUMMARY = (r"initramfs: (\d+) archives, (\d+) entries, (\d+) bytes at "
           r"0x[0-9a-f]+")
# cpio -itvn: mode, links, uid, gid, size or "major, minor", date, name
CPIO_LINE = re.compile(r"^(\S{10})\s+\d+\s+(\d+)\s+(\d+)\s+(\d+|\d+,\s*\d+)"
                       r"\s+\w{3}\s+\d+\s+[\d:]+\s+(.*?)(?: -> (.*))?$")


@dataclass(frozen=True)
class Entry:
    mode: str
    uid: int
    gid: int
    size: str  # bytes, or "major,minor" for device nodes
    target: str | None


def normalise(name: str) -> str:
    return posixpath.normpath("/" + name).replace("//", "/")


def cpio_listing(archive: Path) -> dict[str, Entry]:
    """What GNU cpio reads from archive, by normalised path."""
    out = subprocess.run(["cpio", "-itvn", "--quiet"], stdin=archive.open("rb"),
                         capture_output=True, text=True, check=True).stdout
    entries = {}
    for line in out.splitlines():
        m = CPIO_LINE.match(line)
        assert m, f"unexpected cpio -itvn line {line!r}"
        mode, uid, gid, size, name, target = m.groups()
        entries[normalise(name)] = Entry(mode, int(uid), int(gid),
                                         re.sub(r",\s*", ",", size), target)
    return entries


def kernel_listing(log: str) -> dict[str, Entry]:
    return {m.group(5): Entry(m.group(1), int(m.group(2)), int(m.group(3)),
                              m.group(4), m.group(6))
            for m in LIST_LINE.finditer(log)}


def boot_listing(build: Build, initrd: Path | None | str = "default",
                 extra: list[str] | None = None):
    """Boots test=boot initramfs.list; returns (listing, summary, log)."""
    guest = build.boot("test=boot initramfs.list", initrd=initrd,
                       extra=extra)
    summary = guest.expect(SUMMARY)
    guest.expect(r"boot test passed; powering off")
    assert guest.wait_exit() == 0
    log = guest.log.read_text()
    return kernel_listing(log), summary, log


def initramfs(build: Build) -> Path:
    if not build.initramfs.is_file():
        pytest.skip(f"{build.profile} builds no initramfs")
    return build.initramfs


def make_cpio(root: Path, names: list[str], out: Path) -> Path:
    """A newc archive of root's names, owned by root, as mkinitramfs does."""
    subprocess.run(["cpio", "-o", "-H", "newc", "-R", "0:0", "--quiet"],
                   input="\n".join(names) + "\n", text=True, cwd=root,
                   stdout=out.open("wb"), check=True)
    return out


def test_list_matches_cpio(build: Build):
    archive = initramfs(build)
    listed, summary, log = boot_listing(build)
    expected = cpio_listing(archive)
    assert listed == expected
    archives, entries, size = map(int, summary.groups())
    assert (archives, entries, size) == (1, len(expected),
                                         archive.stat().st_size)
    assert "not reserved" not in log


def test_concatenated_archives_later_entry_wins(build: Build,
                                                tmp_path: Path):
    base = initramfs(build)
    before = cpio_listing(base)
    assert "/etc/motd" in before and "/etc/levitate-test" not in before
    root = tmp_path / "second"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "motd").write_text("replaced by a later archive\n")
    (root / "etc" / "motd").chmod(0o600)
    (root / "etc" / "levitate-test").write_text("added\n")
    second = make_cpio(root, ["etc", "etc/motd", "etc/levitate-test"],
                       tmp_path / "second.cpio")
    both = tmp_path / "both.cpio"
    # Zero padding between archives is allowed, as on Linux.
    both.write_bytes(base.read_bytes() + bytes(512) + second.read_bytes())

    listed, summary, _ = boot_listing(build, initrd=both)
    archives, entries, size = map(int, summary.groups())
    assert (archives, entries, size) == (2, len(before) + 1,
                                         both.stat().st_size)
    assert listed["/etc/motd"] == Entry("-rw-------", 0, 0, "28", None)
    assert listed["/etc/levitate-test"] == Entry("-rw-r--r--", 0, 0, "6",
                                                 None)
    assert {p: e for p, e in listed.items()
            if p not in ("/etc/motd", "/etc/levitate-test")} == \
        {p: e for p, e in before.items() if p != "/etc/motd"}


def test_garbage_initrd_is_reported(build: Build, tmp_path: Path):
    garbage = tmp_path / "garbage.img"
    garbage.write_bytes(b"this is not a cpio archive\n" * 100)
    guest = build.boot("test=boot", initrd=garbage)
    guest.expect(r"initramfs: bad archive at offset 0x0: bad magic; "
                 r"keeping the 0 entries before it")
    guest.expect(r"initramfs: 0 archives, 0 entries, 2700 bytes at")
    guest.expect(r"boot test passed; powering off")
    assert guest.wait_exit() == 0


def test_truncated_initrd_keeps_the_entries_before(build: Build,
                                                   tmp_path: Path):
    data = initramfs(build).read_bytes()
    cut = tmp_path / "cut.cpio"
    cut.write_bytes(data[:len(data) // 2])
    guest = build.boot("test=boot", initrd=cut)
    m = guest.expect(r"initramfs: bad archive at offset (0x[0-9a-f]+): "
                     r"(data|name) runs past the end; keeping the (\d+) "
                     r"entries before it")
    assert 0 < int(m.group(1), 16) < len(data) // 2
    assert int(m.group(3)) > 0
    guest.expect(r"boot test passed; powering off")
    assert guest.wait_exit() == 0


def test_no_initrd(build: Build):
    guest = build.boot("test=boot", initrd=None)
    guest.expect(r"initramfs: no initrd")
    guest.expect(r"boot test passed; powering off")
    assert guest.wait_exit() == 0


GRUB_PC = Path("/usr/lib/grub/i386-pc")


def test_multiboot2_module_through_grub(build: Build, tmp_path: Path):
    """GRUB (i386-pc, started by QEMU -kernel through its lnxboot.img
    Linux header) loads the kernel with multiboot2 and an archive with
    module2. The image holds GRUB and its files in a memdisk, which
    i386-pc limits to about 480 KiB: hence a small archive."""
    if build.arch != "x86_64":
        pytest.skip("Multiboot2 is the x86_64 GRUB protocol")
    if not shutil.which("grub-mkimage") or \
            not (GRUB_PC / "lnxboot.img").is_file():
        pytest.skip("needs grub-mkimage and GRUB's i386-pc modules "
                    "(Debian grub-pc-bin)")
    root = tmp_path / "tree"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "motd").write_text("through GRUB\n")
    os.symlink("motd", root / "etc" / "link")
    memdisk = tmp_path / "memdisk" / "boot"
    (memdisk / "grub").mkdir(parents=True)
    make_cpio(root, ["etc", "etc/motd", "etc/link"],
              memdisk / "initramfs.cpio")
    subprocess.run(["objcopy", "--strip-debug", str(build.images /
                                                    "levitate"),
                    str(memdisk / "levitate")], check=True)
    (memdisk / "grub" / "grub.cfg").write_text(
        "set timeout=0\n"
        "serial --unit=0 --speed=115200\n"
        "terminal_output serial\n"
        "multiboot2 /boot/levitate test=boot initramfs.list\n"
        "module2 /boot/initramfs.cpio initrd\n"
        "boot\n")
    subprocess.run(["tar", "-C", str(memdisk.parent), "-cf",
                    str(tmp_path / "memdisk.tar"), "boot"], check=True)
    subprocess.run(["grub-mkimage", "-O", "i386-pc", "-o",
                    str(tmp_path / "core.img"), "-p", "(memdisk)/boot/grub",
                    "-m", str(tmp_path / "memdisk.tar"), "memdisk", "tar",
                    "normal", "configfile", "multiboot2", "serial"],
                   check=True)
    # The GRUB image stands in for the kernel in a copy of images/.
    grub = Build(build.profile, tmp_path / "grub", build.arch)
    grub.images.mkdir(parents=True)
    (grub.images / "levitate").write_bytes(
        (GRUB_PC / "lnxboot.img").read_bytes() +
        (tmp_path / "core.img").read_bytes())
    guest = grub.boot("", initrd=None)
    guest.expect(r"boot: multiboot2 via GRUB")
    guest.expect(SUMMARY)
    guest.expect(r"boot test passed; powering off")
    assert guest.wait_exit() == 0
    assert kernel_listing(guest.log.read_text()) == {
        "/etc": Entry("drwxr-xr-x", 0, 0, "0", None),
        "/etc/motd": Entry("-rw-r--r--", 0, 0, "13", None),
        "/etc/link": Entry("lrwxrwxrwx", 0, 0, "4", "motd"),
    }
