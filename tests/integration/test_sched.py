"""The scheduler on the machine: test=sched (core/sched/selftest_sched.c)
runs kernel threads that must be preempted, ping-pong over wait queues,
contend for a mutex, and sleep, then powers off.

It runs on every profile (built with the default, fair, scheduler) and on
a kernel of each arch built with the round-robin class instead. Timings
are printed by the guest but only the direction of the nice test (fair)
and progress are asserted there.
"""

import re

import pytest

from conftest import OUT, Build, build_profile

PASSED = (r"selftest: sched passed \((\S+): nice 0/0 (\d+)/(\d+) ms, "
          r"nice 0/5 (\d+)/(\d+) ms; 1000 ping-pongs in \d+ ms; "
          r"mutex 30000/30000, \d+ contended; slept \d+ us for 30000; "
          r"(\d+) threads reaped\)")
TIMEOUT = 60


def run_sched_test(build: Build) -> re.Match:
    guest = build.boot("test=sched")
    m = guest.expect(PASSED, timeout=TIMEOUT)
    assert guest.wait_exit(timeout=TIMEOUT) == 0
    text = guest.log.read_text()
    assert "FAILED" not in text and "BUG" not in text
    return m


def test_sched_selftest(build: Build):
    m = run_sched_test(build)
    assert m.group(1) == "fair", "fair is the default scheduler"
    a, b, nice0, nice5 = (int(m.group(i)) for i in range(2, 6))
    assert a > 0 and b > 0 and nice0 > nice5
    assert int(m.group(6)) == 11


@pytest.mark.parametrize("profile", ["qemu-x86_64", "qemu-aarch64"])
def test_sched_selftest_round_robin(profile: str):
    rr = build_profile(profile, out=OUT / f"{profile}-sched-rr",
                       options={"SCHED_FAIR": "n", "SCHED_RR": "y"},
                       goal="kernel")
    m = run_sched_test(rr)
    assert m.group(1) == "round-robin"
    assert all(int(m.group(i)) > 0 for i in range(2, 6))
