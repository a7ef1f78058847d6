"""docs/syscalls.md and the syscall count in the README are generated from
the code (scripts/syscall-list); they must match the kernels of the two
default profiles."""

from __future__ import annotations

import re
import subprocess

from conftest import SRC, build_profile


def test_syscall_list_is_current(tmp_path):
    x86 = build_profile("qemu-x86_64")
    arm = build_profile("qemu-aarch64")
    readme = tmp_path / "README.md"
    readme.write_text((SRC / "README.md").read_text())
    res = subprocess.run(
        [str(SRC / "scripts/syscall-list"),
         f"x86_64={x86.images / 'levitate'}",
         f"aarch64={arm.images / 'levitate'}", "--readme", str(readme)],
        capture_output=True, text=True, check=True)
    assert res.stdout == (SRC / "docs/syscalls.md").read_text(), \
        "docs/syscalls.md is stale: regenerate it with scripts/syscall-list"
    assert readme.read_text() == (SRC / "README.md").read_text(), \
        "the README's syscall count is stale"
    counts = re.findall(r"^## (\w+): (\d+) implemented", res.stdout, re.M)
    assert len(counts) == 2 and all(int(n) > 0 for _, n in counts)
