"""Userspace: every profile's initramfs carries a static BusyBox on musl
whose applets are exactly the profile's selection.

The host is the oracle: Debian's cpio lists the archive (`cpio -itv`), and
the BusyBox taken out of it runs on the host (natively on x86_64, through
qemu-aarch64-static on aarch64) to say which applets it has.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from conftest import SRC, Build, build_profile, make, read_config

BUSYBOX_VERSION = "1.35.0"
RUNNER = {"x86_64": [], "aarch64": ["qemu-aarch64-static"]}
ELF_MACHINE = {"x86_64": "Advanced Micro Devices X86-64",
               "aarch64": "AArch64"}


def applet_names() -> dict[str, list[str]]:
    """apps/busybox/applets.list: BusyBox symbol -> applet names."""
    table = {}
    for line in (SRC / "apps/busybox/applets.list").read_text().splitlines():
        if line and not line.startswith("#"):
            sym, names = line.split("\t")
            table[sym] = names.split()
    return table


def expected_applets(out: Path) -> set[str]:
    """The applets the .config of out selects."""
    cfg = read_config(out)
    names = applet_names()
    want = set()
    for key, value in cfg.items():
        if key.startswith("APP_BUSYBOX_") and value == "y":
            want |= set(names[key[len("APP_BUSYBOX_"):]])
    if cfg.get("APP_SHELL_ASH") == "y":
        want |= {"ash", "sh"}
    if cfg.get("APP_SHELL_HUSH") == "y":
        want |= {"hush", "sh"}
    if cfg.get("APP_INIT_BUSYBOX") == "y":
        want.add("init")
    return want


def cpio_listing(archive: Path) -> dict[str, list[str]]:
    """Member name -> fields of its `cpio -itv` line."""
    res = subprocess.run(["cpio", "-itv", "--quiet", "-F", str(archive)],
                         capture_output=True, text=True, check=True,
                         stdin=subprocess.DEVNULL, start_new_session=True)
    members = {}
    for line in res.stdout.splitlines():
        fields = line.split()
        name = fields[-3] if fields[0].startswith("l") else fields[-1]
        members[name] = fields
    return members


def extract(archive: Path, member: str, dest: Path) -> Path:
    res = subprocess.run(["cpio", "-i", "--quiet", "--to-stdout",
                          "-F", str(archive), member], capture_output=True,
                         check=True, stdin=subprocess.DEVNULL,
                         start_new_session=True)
    dest.write_bytes(res.stdout)
    dest.chmod(0o755)
    return dest


def busybox_list(build: Build, tmp_path: Path) -> set[str]:
    """`busybox --list` of the BusyBox inside the profile's initramfs."""
    binary = extract(build.images / "initramfs.cpio", "bin/busybox",
                     tmp_path / "busybox")
    res = subprocess.run([*RUNNER[build.arch], str(binary), "--list"],
                         capture_output=True, text=True, check=True)
    return set(res.stdout.split())


def test_busybox_has_exactly_the_selection(build: Build, tmp_path: Path):
    want = expected_applets(build.out)
    assert busybox_list(build, tmp_path) == want
    if build.profile.endswith("-tiny"):
        assert 12 <= len(want) <= 25
    else:
        assert len(want) >= 150
        assert {"ash", "sh", "init", "ls", "cp", "vi", "less", "ps", "top",
                "free", "mount", "find", "xargs", "awk", "sed", "grep",
                "tar", "gzip"} <= want


def test_busybox_is_static_musl_for_the_arch(build: Build, tmp_path: Path):
    binary = extract(build.images / "initramfs.cpio", "bin/busybox",
                     tmp_path / "busybox")
    res = subprocess.run(["readelf", "-h", "-l", str(binary)],
                         capture_output=True, text=True, check=True)
    assert ELF_MACHINE[build.arch] in res.stdout
    assert "INTERP" not in res.stdout, "statically linked"
    assert "GLIBC" not in binary.read_bytes().decode("latin-1")


def test_initramfs_members(build: Build):
    members = cpio_listing(build.images / "initramfs.cpio")
    for name, fields in members.items():
        assert fields[2:4] == ["root", "root"], name
    assert members["bin/busybox"][0] == "-rwxr-xr-x"
    console = " ".join(members["dev/console"])
    assert console.startswith("crw-------") and re.search(r" 5,\s+1 ",
                                                          console)
    null = " ".join(members["dev/null"])
    assert null.startswith("crw-rw-rw-") and re.search(r" 1,\s+3 ", null)
    assert members["tmp"][0] == "drwxrwxrwt"
    assert members["etc/init.d/rcS"][0] == "-rwxr-xr-x"
    for f in ("etc/inittab", "etc/passwd", "etc/group", "etc/hostname",
              "etc/profile", "etc/fstab", "etc/motd"):
        assert members[f][0] == "-rw-r--r--", f
    init = "sbin/init" if "init" in expected_applets(build.out) else "bin/sh"
    assert members["init"][-2:] == ["->", init]

    # One link per applet, all to /bin/busybox, and no others.
    links = {Path(name).name: fields[-1] for name, fields in members.items()
             if fields[0].startswith("l") and name != "init"}
    assert set(links) == expected_applets(build.out)
    assert set(links.values()) <= {"busybox", "../bin/busybox",
                                   "../../bin/busybox"}


def test_profile_prompt(build: Build):
    text = (build.out / "target/etc/profile").read_text()
    assert "PS1='\\u@\\h:\\w\\$ '" in text


def test_toolchain_is_shared_outside_the_output_folder(build: Build):
    config = (build.out / f"build/busybox-{BUSYBOX_VERSION}/.config"
              ).read_text()
    prefix = re.search(r'^CONFIG_CROSS_COMPILER_PREFIX="(.*)"$', config,
                       re.M).group(1)
    tc = Path(prefix).parent.parent
    assert tc.name.startswith(f"{build.arch}-musl-1.2.3")
    assert (tc / ".complete").exists()
    assert build.out not in tc.parents


def test_applet_menu_matches_busybox_sources():
    """apps/busybox/Kconfig.applets and applets.list are what the generator
    writes from the cached BusyBox source."""
    build = build_profile("qemu-x86_64-tiny")
    bbsrc = build.out / f"build/src/busybox-{BUSYBOX_VERSION}"
    res = subprocess.run([str(SRC / "scripts/gen-busybox-kconfig"),
                          "--check", str(bbsrc)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr


BAD_APPLET_CONFIGS = {
    "no such applet": ("CONFIG_APP_BUSYBOX_NO_SUCH_APPLET=y\n",
                       r":2: unknown symbol CONFIG_APP_BUSYBOX_NO_SUCH_\w+"),
    "network applet without a network": (
        "CONFIG_APP_BUSYBOX_PING=y\n",
        r":2: CONFIG_APP_BUSYBOX_PING=y cannot be applied \(unmet "
        r"dependency: it depends on NET\)"),
    "filesystem applet without its filesystem": (
        "CONFIG_APP_BUSYBOX_CHATTR=y\n",
        r":2: CONFIG_APP_BUSYBOX_CHATTR=y cannot be applied \(unmet "
        r"dependency: it depends on EXT4_FS\)"),
    "aliases without ash": (
        "CONFIG_APP_SHELL_HUSH=y\nCONFIG_APP_SHELL_ALIASES=y\n",
        r":3: CONFIG_APP_SHELL_ALIASES=y cannot be applied \(unmet "
        r"dependency: it depends on"),
}


@pytest.mark.parametrize("case", sorted(BAD_APPLET_CONFIGS))
def test_bad_applet_defconfig_is_refused(tmp_path: Path, case: str):
    line, pattern = BAD_APPLET_CONFIGS[case]
    defconfig = tmp_path / "bad_defconfig"
    defconfig.write_text('CONFIG_PROFILE="x"\n' + line)
    res = make(tmp_path / "out", f"DEFCONFIG={defconfig}", "defconfig",
               check=False)
    assert res.returncode != 0
    assert re.search(re.escape(str(defconfig)) + pattern, res.stderr), \
        res.stderr


def set_option(out: Path, name: str, value: str | None) -> None:
    """Sets CONFIG_<name> in out/.config (None removes the line)."""
    config = out / ".config"
    lines = [line for line in config.read_text().splitlines()
             if not re.match(rf"^(# )?CONFIG_{name}[= ]", line)]
    if value is not None:
        lines.append(f"CONFIG_{name}={value}")
    config.write_text("\n".join(lines) + "\n")


def steps(res: subprocess.CompletedProcess) -> list[str]:
    """The step names make printed ("  CC      x.o" -> "CC")."""
    return [line.split()[0] for line in res.stdout.splitlines()
            if re.match(r"^  [A-Z]+ ", line)]


def test_nothing_changed_rebuilds_nothing():
    build = build_profile("qemu-x86_64-tiny")
    started = time.monotonic()
    res = make(build.out)
    assert time.monotonic() - started < 5
    assert steps(res) == [], res.stdout


def rebuild_with_one_more_applet(tmp_path: Path) -> list[str]:
    """Adds `true` to the tiny profile's build, checks the result, puts
    the configuration back; returns the steps make printed."""
    build = build_profile("qemu-x86_64-tiny")
    try:
        set_option(build.out, "APP_BUSYBOX_TRUE", "y")
        res = make(build.out)
        assert "true" in busybox_list(build, tmp_path)
    finally:
        set_option(build.out, "APP_BUSYBOX_TRUE", None)
        make(build.out, "olddefconfig")
        make(build.out)
    assert busybox_list(build, tmp_path) == expected_applets(build.out)
    return steps(res)


def test_one_applet_rebuilds_busybox_and_image(tmp_path: Path):
    done = set(rebuild_with_one_more_applet(tmp_path))
    assert {"BUSYBOX", "CPIO"} <= done
    assert not {"MUSL", "FETCH", "UNPACK"} & done


def test_one_applet_leaves_the_kernel_alone(tmp_path: Path):
    done = set(rebuild_with_one_more_applet(tmp_path))
    assert not {"CC", "AS", "LD"} & done


def test_overlay_goes_over_the_skeleton(tmp_path: Path):
    build = build_profile("qemu-x86_64-tiny")
    overlay = tmp_path / "overlay"
    (overlay / "etc").mkdir(parents=True)
    (overlay / "etc/motd").write_text("overlay was here\n")
    (overlay / "srv").mkdir()
    (overlay / "srv/data").write_text("x\n")
    try:
        set_option(build.out, "ROOTFS_OVERLAY", f'"{overlay}"')
        res = make(build.out)
        assert "BUSYBOX" not in steps(res), res.stdout
        motd = extract(build.images / "initramfs.cpio", "etc/motd",
                       tmp_path / "motd")
        assert motd.read_text() == "overlay was here\n"
        assert "srv/data" in cpio_listing(build.images / "initramfs.cpio")

        set_option(build.out, "ROOTFS_OVERLAY", f'"{tmp_path / "none"}"')
        res = make(build.out, check=False)
        assert res.returncode != 0
        assert "does not exist" in res.stderr
    finally:
        set_option(build.out, "ROOTFS_OVERLAY", None)
        make(build.out, "olddefconfig")
        make(build.out)
    assert "srv/data" not in cpio_listing(build.images / "initramfs.cpio")


def test_download_cache_is_reused():
    """A second fetch of a cached package is silent: nothing downloaded."""
    dl = Path(os.environ.get("LEVITATE_DL_DIR") or SRC / "dl")
    build_profile("qemu-x86_64-tiny")
    for pkg, version in (("busybox", "1:1.35.0-4+deb12u1"),
                         ("musl", "1.2.3-1")):
        res = subprocess.run([str(SRC / "scripts/fetch-source"), pkg,
                              version, str(dl)],
                             capture_output=True, text=True, check=True)
        assert res.stdout == "" and res.stderr == ""
