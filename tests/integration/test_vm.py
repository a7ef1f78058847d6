"""User address spaces on every profile: test=vm (core/mm/vm_selftest.c)
builds a space, pages it in through the fault-safe uaccess routines,
checks -EFAULT on bad addresses, splits and merges areas, copies on write
after mm_dup(), and checks that every page comes back.
"""

from conftest import Build


def test_vm_selftest(build: Build):
    guest = build.boot("test=vm")
    m = guest.expect(r"selftest: vm (passed \((\d+) checks\)|FAILED: [^\r]*)\r")
    assert m.group(1).startswith("passed"), m.group(0)
    assert int(m.group(2)) > 50
    assert guest.wait_exit() == 0, "the test powers off cleanly"
