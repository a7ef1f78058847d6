"""`make run` is scriptable: with stdin and stdout redirected it boots,
prints the console on stdout and exits when the guest powers off.
"""

import os
import re
import signal
import subprocess
import time

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


def test_make_run_runs_a_piped_script(build: Build):
    """Commands piped into make run reach the shell on the serial console
    (BusyBox init's, or the one that is init) and run in order."""
    # Applets every profile has: ls, echo, uname, poweroff.
    script = ("set -- $(ls /bin); echo count=$#\nuname -a\n"
              "echo sum=$((6*7))\npoweroff -f\n")
    res = subprocess.run(
        ["make", "-C", str(SRC), f"O={build.out}", "run"],
        input=script, capture_output=True, text=True, timeout=180)
    out = res.stdout.replace("\r", "")
    assert res.returncode == 0, out + res.stderr
    assert re.search(r"^Linux \S+ \S+ .*LevitateOS.* (x86_64|aarch64)", out,
                     re.M), out
    assert re.search(r"^sum=42$", out, re.M), out
    assert re.search(r"^count=[1-9]\d*$", out, re.M), out


def test_make_debug_waits_for_gdb(build: Build):
    """make debug stops QEMU before the first instruction and gdb attaches."""
    proc = subprocess.Popen(
        ["make", "-C", str(SRC), f"O={build.out}", "debug"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        elf = build.images / "levitate"
        pc = None
        for _ in range(100):  # until QEMU listens
            gdb = subprocess.run(
                ["gdb-multiarch", "-nx", "-batch", str(elf),
                 "-ex", "target remote 127.0.0.1:1234",
                 "-ex", "info registers pc"],
                capture_output=True, text=True, timeout=60)
            pc = re.search(r"^pc\s+(0x[0-9a-f]+)", gdb.stdout, re.M)
            if pc:
                break
            time.sleep(0.2)
        assert pc, gdb.stdout + gdb.stderr
        # Firmware or QEMU's boot stub, not yet the kernel's virtual
        # addresses (the upper half): QEMU waited for the debugger.
        assert int(pc.group(1), 16) < 1 << 47, pc.group(1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
    assert "gdb-multiarch" in err and "target remote 127.0.0.1:1234" in err
