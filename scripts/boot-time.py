#!/usr/bin/python3
"""Measures the time from starting QEMU to the kernel banner on the console.

Boots $(O)/images with the same command line as `make run` (test=boot, so
each run powers off by itself) several times and prints the median and the
range. Host wall-clock time under TCG: compare runs on the same machine.

  scripts/boot-time.py --arch x86_64 --images build/images [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu  # noqa: E402

BANNER = b"LevitateOS "


def time_to_banner(cmd: list[str], timeout: float = 30.0) -> float:
    """Seconds from spawning cmd until BANNER appears on its stdout."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    seen = b""
    try:
        while True:
            chunk = proc.stdout.read1(4096)
            if not chunk:
                raise RuntimeError("QEMU ended before the banner")
            seen = (seen + chunk)[-4096:]
            if BANNER in seen:
                return time.monotonic() - start
            if time.monotonic() - start > timeout:
                raise RuntimeError("no banner within the timeout")
    finally:
        proc.kill()
        proc.wait()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--arch", required=True, choices=sorted(qemu.MACHINES))
    p.add_argument("--images", required=True)
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    cmd = qemu.command(qemu.Options(arch=a.arch, images=a.images,
                                    cmdline="test=boot",
                                    initrd=qemu.default_initrd(a.images)))
    times = [time_to_banner(cmd) for _ in range(a.runs)]
    print(f"{a.arch}: QEMU start to banner: median "
          f"{statistics.median(times):.3f} s, range {min(times):.3f}-"
          f"{max(times):.3f} s over {a.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
