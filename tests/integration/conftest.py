"""Shared fixtures of the integration tests: building profiles in their own
O= folders and booting them under QEMU through scripts/qemu.py, the same
command line `make run` uses.

Outputs go to $LEVITATE_TEST_OUT (make test sets it to $(O)/test), or to a
temporary folder when pytest is run by hand.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest

SRC = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SRC / "scripts"))
import qemu  # noqa: E402  (scripts/qemu.py)

OUT = Path(os.environ.get("LEVITATE_TEST_OUT")
           or tempfile.mkdtemp(prefix="levitate-test-"))
PROFILES = sorted(p.name[:-len("_defconfig")]
                  for p in (SRC / "configs").glob("*_defconfig"))
# Generous: QEMU runs under TCG on a loaded 2-core machine.
BOOT_TIMEOUT = 30


def make(out: Path, *args: str, check: bool = True,
         **env: str) -> subprocess.CompletedProcess:
    """Runs make in the source tree with O=out; output captured as text."""
    cmd = ["make", "-C", str(SRC), f"O={out}", *args]
    res = subprocess.run(cmd, capture_output=True, text=True,
                         env={**os.environ, **env},
                         stdin=subprocess.DEVNULL)
    if check and res.returncode != 0:
        pytest.fail(f"{' '.join(cmd)} failed ({res.returncode}):\n"
                    f"{res.stdout}\n{res.stderr}")
    return res


def read_config(out: Path) -> dict[str, str]:
    """The symbols set in out/.config, without the CONFIG_ prefix."""
    values = {}
    for line in (out / ".config").read_text().splitlines():
        m = re.match(r"^CONFIG_(\w+)=(.*)$", line)
        if m:
            values[m.group(1)] = m.group(2).strip('"')
    return values


@dataclass
class Build:
    profile: str
    out: Path
    arch: str

    @property
    def images(self) -> Path:
        return self.out / "images"

    @property
    def initramfs(self) -> Path:
        return self.images / qemu.INITRAMFS

    def boot(self, cmdline: str, mem: str = "128M",
             extra: list[str] | None = None,
             initrd: Path | None | str = "default") -> "Guest":
        """Boots QEMU; initrd is a file, None for none, or "default" for
        the profile's initramfs.cpio when it was built (as make run)."""
        if initrd == "default":
            initrd = qemu.default_initrd(str(self.images))
        return Guest.start(self, cmdline, mem, extra or [],
                           str(initrd) if initrd else None)


_built: dict[str, Build] = {}


def build_profile(profile: str, out: Path | None = None,
                  options: dict[str, str] | None = None,
                  goal: str = "all") -> Build:
    """Configures and builds a profile, once per test session.

    options (symbol -> value, "n" to switch off) are applied on top of the
    profile with olddefconfig, for variant builds in their own folder.
    goal "kernel" skips the userspace for tests that boot the kernel only.
    """
    key = f"{profile}:{sorted((options or {}).items())}:{goal}"
    if key in _built:
        return _built[key]
    out = out or OUT / profile
    make(out, f"{profile}_defconfig")
    if options:
        config = out / ".config"
        lines = [line for line in config.read_text().splitlines()
                 if not any(re.match(rf"^(# )?CONFIG_{name}[= ]", line)
                            for name in options)]
        for name, value in options.items():
            lines.append(f"# CONFIG_{name} is not set" if value == "n"
                         else f"CONFIG_{name}={value}")
        config.write_text("\n".join(lines) + "\n")
        make(out, "olddefconfig")
    make(out, f"-j{os.cpu_count() or 2}", goal)
    _built[key] = Build(profile, out, read_config(out)["ARCH"])
    return _built[key]


@pytest.fixture(scope="session", params=PROFILES)
def build(request) -> Build:
    return build_profile(request.param)


class Guest:
    """A booted QEMU with its serial console, driven by pexpect."""

    def __init__(self, child: pexpect.spawn, log: Path, started: float):
        self.child = child
        self._log = log
        self.started = started

    @classmethod
    def start(cls, build: Build, cmdline: str, mem: str,
              extra: list[str], initrd: str | None) -> "Guest":
        opt = qemu.Options(arch=build.arch, images=str(build.images),
                           cmdline=cmdline, mem=mem, extra=extra,
                           initrd=initrd)
        cmd = qemu.command(opt)
        log = build.out / "boot.log"
        logfile = open(log, "w")
        logfile.write(" ".join(cmd) + "\n")
        started = time.monotonic()
        child = pexpect.spawn(cmd[0], cmd[1:], encoding="utf-8",
                              codec_errors="replace", timeout=BOOT_TIMEOUT,
                              logfile=logfile)
        return cls(child, log, started)

    @property
    def log(self) -> Path:
        """The console log so far (flushed, so reading it sees it all)."""
        self.child.logfile.flush()
        return self._log

    def expect(self, pattern: str, timeout: float = BOOT_TIMEOUT) -> re.Match:
        """Waits for a regular expression on the console; returns its match."""
        try:
            self.child.expect(pattern, timeout=timeout)
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            self.kill()
            kind = "timed out" if isinstance(e, pexpect.TIMEOUT) else "EOF"
            pytest.fail(f"{kind} waiting for {pattern!r}; console:\n"
                        f"{self.log.read_text()[-3000:]}")
        return self.child.match

    def wait_exit(self, timeout: float = BOOT_TIMEOUT) -> int:
        """Waits for QEMU to end by itself and returns its exit status."""
        try:
            self.child.expect(pexpect.EOF, timeout=timeout)
        except pexpect.TIMEOUT:
            self.kill()
            pytest.fail("QEMU did not exit; console:\n"
                        f"{self.log.read_text()[-3000:]}")
        self.child.close()
        return self.child.exitstatus

    def still_running_after(self, seconds: float) -> bool:
        try:
            self.child.expect(pexpect.EOF, timeout=seconds)
            return False
        except pexpect.TIMEOUT:
            return True

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)
