"""The in-guest suite (tests/guest) and the ABI differential suite
(tests/abi), run inside each profile on its own arch.

make guest-tests packs both, built with the profile's musl toolchain, as
an initramfs overlay; BusyBox init runs /tests/run-all from the overlay's
inittab (profiles without init boot it with rdinit=). The console carries
one TAP stream per suite and the ABI programs' output, which must equal
what the same programs print on the host's Linux: the oracle.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import OUT, SRC, Build, build_profile, make

SUITE_TIMEOUT = 1200	# seconds; TCG, a 64 MiB file and 200k fuzz calls
MIN_CHECKS = 150

_runs: dict[str, str] = {}


def guest_run(build: Build) -> str:
    """Boots the profile with the test image once; returns the console."""
    if build.profile in _runs:
        return _runs[build.profile]
    make(build.out, "guest-tests")
    config = (build.out / ".config").read_text()
    has_init = "CONFIG_APP_INIT_BUSYBOX=y" in config
    guest = build.boot("" if has_init else "rdinit=/tests/run-all",
                       mem="512M",
                       initrd=build.images / "initramfs-tests.cpio")
    guest.expect(r"# guest-suite: end", timeout=SUITE_TIMEOUT)
    status = guest.wait_exit(timeout=120)
    # Bytes, not read_text(): universal newlines would turn the "\r" of
    # the console's "\r\r\n" into line ends of their own.
    console = guest.log.read_bytes().decode(errors="replace").replace("\r", "")
    assert status == 0, f"QEMU exit status {status} after the suite"
    _runs[build.profile] = console
    return console


def sections(console: str, start: str, end: str | None) -> dict[str, list[str]]:
    """Lines of each section that begins with '# <start>: <name>'."""
    out: dict[str, list[str]] = {}
    current = None
    for line in console.splitlines():
        m = re.match(rf"^# {start}: (\S+)$", line)
        if m:
            current = m.group(1)
            out[current] = []
            continue
        if current is None:
            continue
        if (end and line.startswith(f"# {end}:")) or \
                line.startswith("# suite") or line.startswith("# abi") or \
                line.startswith("# guest-suite"):
            current = None
            continue
        out[current].append(line)
    return out


def test_guest_suite(build):
    console = guest_run(build)
    suites = sections(console, "suite", "suite-exit")
    expected = {p.name for p in (SRC / "tests/guest/sh").glob("*.sh")} | \
        {p.stem for p in (SRC / "tests/guest/c").glob("*.c")} - {"segv"}
    assert set(suites) == expected, "suites that did not run or report"
    failures, total = [], 0
    for name, lines in suites.items():
        results = [l for l in lines if re.match(r"^(not )?ok \d+", l)]
        plans = [l for l in lines if re.match(r"^1\.\.\d+$", l)]
        total += len(results)
        if len(plans) != 1 or int(plans[0][3:]) != len(results):
            failures.append(f"{name}: plan {plans} for {len(results)} results")
        failures += [f"{name}: {l}" for l in results if l.startswith("not ok")]
    assert not failures, "\n".join(failures)
    if build.profile.endswith("-tiny"):
        return	# most applets are missing: their checks are skipped
    assert total >= MIN_CHECKS


_host_abi: dict[str, list[str]] = {}


def host_abi_outputs() -> dict[str, list[str]]:
    """The ABI programs built with the x86_64 musl toolchain and run on the
    host: what Linux answers (the same lines on every arch)."""
    if _host_abi:
        return _host_abi
    build_profile("qemu-x86_64", goal="toolchain")
    cc = sorted((SRC / "toolchains").glob(
        "x86_64-musl-*/bin/x86_64-levitate-linux-musl-gcc"))[-1]
    out = OUT / "abi-host"
    out.mkdir(parents=True, exist_ok=True)
    for src in sorted((SRC / "tests/abi").glob("*.c")):
        exe = out / src.stem
        subprocess.run([str(cc), "-static", "-O2", "-Wall", "-Werror",
                        "-D_GNU_SOURCE", "-o", str(exe), str(src)], check=True)
        res = subprocess.run([str(exe)], capture_output=True, text=True,
                             timeout=60, cwd="/")
        _host_abi[src.stem] = res.stdout.splitlines()
    return _host_abi


def test_abi_matches_linux(build):
    console = guest_run(build)
    guest = sections(console, "abi", "abi-end")
    host = host_abi_outputs()
    assert set(guest) == set(host), "ABI programs that did not run"
    diffs = []
    for name, want in host.items():
        got = guest[name]
        for i in range(max(len(want), len(got))):
            w = want[i] if i < len(want) else "<missing>"
            g = got[i] if i < len(got) else "<missing>"
            if w != g:
                diffs.append(f"{name}: linux '{w}' / levitate '{g}'")
    assert not diffs, "\n".join(diffs)
