"""`make run` is scriptable: with stdin and stdout redirected it boots,
prints the console on stdout and exits when the guest powers off.
"""

import subprocess

from conftest import SRC, Build


def test_make_run_without_a_terminal(build: Build):
    res = subprocess.run(
        ["make", "-C", str(SRC), f"O={build.out}", "run",
         "CMDLINE=test=boot"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
    assert f"profile {build.profile}" in res.stdout
    assert "boot test passed; powering off" in res.stdout


def test_make_run_reads_stdin(build: Build):
    """The console input is stdin even when stdin is a pipe: QEMU's quit
    key (Ctrl-A X) ends a guest that would otherwise never stop."""
    res = subprocess.run(
        ["make", "-C", str(SRC), f"O={build.out}", "run",
         "CMDLINE=test=fault"],
        input="\x01x", capture_output=True, text=True, timeout=120)
    assert "QEMU: Terminated" in res.stdout, res.stdout + res.stderr
