"""image-builder/mkinitramfs against the host's cpio: the archives it writes
are listed by Debian's cpio (`cpio -itv`) with the modes, owners, link
targets and device numbers they should have, and bad input gives a clear
error instead of an archive.
"""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2]
TOOL = SRC / "image-builder" / "mkinitramfs"
sys.path.insert(0, str(SRC / "image-builder"))
from levitate_image import cpio  # noqa: E402
from levitate_image.entries import Entry  # noqa: E402
from levitate_image.errors import ImageError  # noqa: E402


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args],
                          capture_output=True, text=True,
                          env={**os.environ, **env})


def cpio_list(archive: Path) -> list[str]:
    """`cpio -itv` of archive, one line per member."""
    # A new session has no terminal: cpio would ask there for a next
    # volume if it found the archive cut short, and fail without one.
    res = subprocess.run(["cpio", "-itv", "--quiet", "-F", str(archive)],
                         capture_output=True, text=True, check=True,
                         stdin=subprocess.DEVNULL, start_new_session=True)
    return res.stdout.splitlines()


def listed(lines: list[str]) -> dict[str, list[str]]:
    """Member name -> the fields of its `cpio -itv` line."""
    out = {}
    for line in lines:
        fields = line.split()
        name = fields[-3] if "->" in fields else fields[-1]
        out[name] = fields
    return out


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "bin").mkdir(parents=True)
    (root / "etc" / "init.d").mkdir(parents=True)
    (root / "dev").mkdir()
    (root / "bin" / "tool").write_bytes(b"\x7fELF" + bytes(range(256)))
    (root / "bin" / "tool").chmod(0o755)
    (root / "etc" / "secret").write_text("x\n")
    (root / "etc" / "secret").chmod(0o600)
    (root / "etc" / "init.d" / "rcS").write_text("#!/bin/sh\n")
    (root / "etc" / "init.d" / "rcS").chmod(0o750)
    (root / "bin" / "sh").symlink_to("tool")
    (root / "init").symlink_to("bin/tool")
    (root / "tmp").mkdir()
    (root / "tmp").chmod(0o1777)
    return root


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "devices"
    path.write_text("# test table\n/dev/console c 0600 5 1\n"
                    "/dev/null    c 0666 1 3   # bit bucket\n"
                    "/dev/vda     b 0660 254 0\n")
    return path


def test_listing_matches_the_tree(tmp_path: Path, tree: Path, table: Path):
    out = tmp_path / "initramfs.cpio"
    res = run("-o", str(out), "--devices", str(table), str(tree))
    assert res.returncode == 0, res.stderr
    members = listed(cpio_list(out))
    expected = {p.relative_to(tree).as_posix() for p in tree.rglob("*")}
    expected |= {"dev/console", "dev/null", "dev/vda"}
    assert set(members) == expected

    for fields in members.values():
        assert fields[2:4] == ["root", "root"], fields
    assert members["bin/tool"][0] == "-rwxr-xr-x"
    assert members["etc/secret"][0] == "-rw-------"
    assert members["etc/init.d/rcS"][0] == "-rwxr-x---"
    assert members["tmp"][0] == "drwxrwxrwt"
    assert members["bin/sh"][0].startswith("l")
    assert members["bin/sh"][-2:] == ["->", "tool"]
    assert members["init"][-2:] == ["->", "bin/tool"]
    # cpio -itv shows "major, minor" in place of the size for devices.
    console = " ".join(members["dev/console"])
    assert members["dev/console"][0] == "crw-------"
    assert re.search(r"root\s+root\s+5,\s*1\s", console), console
    assert members["dev/null"][0] == "crw-rw-rw-"
    assert re.search(r"root\s+root\s+1,\s*3\s", " ".join(members["dev/null"]))
    assert members["dev/vda"][0] == "brw-rw----"


def test_contents_extract_unchanged(tmp_path: Path, tree: Path):
    out = tmp_path / "a.cpio"
    assert run("-o", str(out), str(tree)).returncode == 0
    dest = tmp_path / "x"
    dest.mkdir()
    subprocess.run(["cpio", "-id", "--quiet", "--no-absolute-filenames",
                    "-F", str(out)], cwd=dest, check=True,
                   stdin=subprocess.DEVNULL, start_new_session=True)
    assert (dest / "bin/tool").read_bytes() == (tree / "bin/tool").read_bytes()
    assert os.readlink(dest / "bin/sh") == "tool"
    assert stat.S_IMODE((dest / "bin/tool").stat().st_mode) == 0o755


def test_same_tree_same_archive(tmp_path: Path, tree: Path):
    a, b = tmp_path / "a.cpio", tmp_path / "b.cpio"
    assert run("-o", str(a), str(tree)).returncode == 0
    os.utime(tree / "bin" / "tool", (1, 1))
    assert run("-o", str(b), str(tree)).returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_source_date_epoch(tmp_path: Path, tree: Path):
    out = tmp_path / "a.cpio"
    assert run("-o", str(out), str(tree),
               SOURCE_DATE_EPOCH="1700000000").returncode == 0
    assert "Nov 14  2023" in " ".join(cpio_list(out))


def test_help():
    res = run("--help")
    assert res.returncode == 0
    assert "--devices" in res.stdout and "newc" in res.stdout


def test_missing_root(tmp_path: Path):
    res = run("-o", str(tmp_path / "a.cpio"), str(tmp_path / "nothere"))
    assert res.returncode == 1
    assert f"{tmp_path / 'nothere'}: no such folder" in res.stderr
    assert not (tmp_path / "a.cpio").exists()


@pytest.mark.parametrize("line,message", [
    ("/dev/console c 0600 5", "expected '<path> <c|b> <mode> <major> "
                              "<minor>', got 4 fields"),
    ("/dev/console x 0600 5 1", "type 'x' is not c or b"),
    ("dev/console c 0600 5 1", "path 'dev/console' must be absolute"),
    ("/dev/console c 0900 5 1", "mode must be octal"),
    ("/dev/console c 0600 five 1", "mode must be octal"),
])
def test_malformed_device_table(tmp_path: Path, tree: Path, line: str,
                                message: str):
    table = tmp_path / "devices"
    table.write_text("# ok\n" + line + "\n")
    out = tmp_path / "a.cpio"
    res = run("-o", str(out), "--devices", str(table), str(tree))
    assert res.returncode == 1
    assert f"mkinitramfs: error: {table}:2: {message}" in res.stderr
    assert not out.exists()


def test_missing_device_table(tmp_path: Path, tree: Path):
    res = run("-o", str(tmp_path / "a.cpio"), "--devices",
              str(tmp_path / "none"), str(tree))
    assert res.returncode == 1
    assert "No such file or directory" in res.stderr


def test_fifo_is_refused(tmp_path: Path, tree: Path):
    os.mkfifo(tree / "fifo")
    res = run("-o", str(tmp_path / "a.cpio"), str(tree))
    assert res.returncode == 1
    assert "not a file, folder or symlink" in res.stderr


def test_device_twice_is_refused(tmp_path: Path, tree: Path, table: Path):
    (tree / "dev" / "null").write_text("")
    res = run("-o", str(tmp_path / "a.cpio"), "--devices", str(table),
              str(tree))
    assert res.returncode == 1
    assert "dev/null: in the archive twice" in res.stderr


def test_header_layout():
    """The newc header by hand: magic, 13 fields of 8 hex digits."""
    data = cpio.member(Entry("a", stat.S_IFREG | 0o644, b"hi"), 7)
    assert data[:6] == b"070701"
    fields = [int(data[6 + 8 * i:14 + 8 * i], 16) for i in range(13)]
    assert fields[0] == 7                          # ino
    assert fields[1] == stat.S_IFREG | 0o644       # mode
    assert fields[2:4] == [0, 0]                   # uid, gid
    assert fields[6] == 2                          # filesize
    assert fields[11] == 2                         # namesize with NUL
    assert data[110:112] == b"a\0"
    assert len(data) % 4 == 0
    assert data[112:114] == b"hi"


def test_archive_is_padded_to_blocks():
    out = io.BytesIO()
    cpio.write(out, [Entry("a", stat.S_IFREG | 0o644, b"hi")])
    data = out.getvalue()
    assert len(data) % 512 == 0
    end = data.index(b"TRAILER!!!\0")
    assert data[end:].rstrip(b"\0") == b"TRAILER!!!"


def test_folder_must_come_first():
    with pytest.raises(ImageError, match="its folder d is not in the"):
        cpio.check_order([Entry("d/f", stat.S_IFREG | 0o644)])
