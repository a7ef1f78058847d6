"""The arch's user-mode paths without a userspace: test=user
(arch/<arch>/user_selftest.c) enters user mode from a kernel thread with
small hand-written programs, and checks the syscall entry and return
(an unknown number gives -ENOSYS, registers survive), FP/SIMD and the TLS
register in user mode, timer interrupts taken in user mode, the signal
each user exception turns into (page faults on unmapped, read-only and
kernel addresses, invalid opcode, divide error, breakpoint, privileged
instruction), and a signal frame round trip through a handler in user
mode and rt_sigreturn.
"""

import pytest

from conftest import SRC, Build

PASSED = r"selftest: user (passed \((\d+) checks\)|FAILED: [^\r]*)\r"


def test_user_selftest(build: Build):
    if not (SRC / "arch" / build.arch / "user_selftest.c").exists():
        pytest.skip(f"no user selftest on {build.arch} yet")
    guest = build.boot("test=user")
    m = guest.expect(PASSED)
    assert m.group(1).startswith("passed"), m.group(0)
    assert int(m.group(2)) >= 40
    assert guest.wait_exit() == 0, "the test powers off cleanly"
    text = guest.log.read_text()
    assert "kernel halted" not in text and "BUG" not in text
