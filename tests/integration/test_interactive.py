"""A person at the serial console: the profile's own initramfs boots to
BusyBox init and a login shell, and pexpect types at it as a user would.

What is expected is what the same BusyBox prints on Linux: the job
messages below were taken from BusyBox 1.35 ash (this build's x86_64
binary) run on the host under pexpect. Most checks share one boot per
profile (a module-scoped console that reboots only when a test left the
shell unusable); each way of ending the machine gets its own boot.

The console checks skip profiles without ash job control, line editing
and history (the tiny one); the shutdown checks need BusyBox init only.
A check whose applets a profile lacks is skipped.
"""

from __future__ import annotations

import re
import time

import pexpect
import pytest

from conftest import BOOT_TIMEOUT, OUT, PROFILES, Build, build_profile, \
    make, read_config

# What the profile needs for these sessions.
NEEDED = ("APP_INIT_BUSYBOX", "APP_SHELL_ASH", "APP_SHELL_JOB_CONTROL",
          "APP_SHELL_LINE_EDITING", "APP_SHELL_HISTORY")
# The prompt of /etc/profile, then one that no echoed command contains
# (the command that sets it reads [l''vt]).
LOGIN_PROMPT = r"\w+@[^\s:]+:\S*[#$] $"
PROMPT = "[lvt]# "
# Generous: TCG on a loaded machine; no check depends on speed.
TIMEOUT = 30
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def clean(text: str) -> str:
    """Console text without carriage returns and terminal escapes."""
    return ANSI.sub("", text).replace("\r", "")


class Console:
    """The shell on a profile's console, booted on first use."""

    def __init__(self, build: Build):
        self.build = build
        self.guest = None
        self.boots = 0
        self.syncs = 0

    @property
    def child(self) -> pexpect.spawn:
        return self.guest.child

    def has(self, applet: str) -> bool:
        return has_applet(self.build, applet)

    def need(self, *applets: str) -> None:
        need_applets(self.build, *applets)

    def boot(self) -> None:
        self.close()
        self.boots += 1
        self.guest = self.build.boot("", mem="256M")
        self.login = self.guest.expect(LOGIN_PROMPT,
                                       timeout=4 * BOOT_TIMEOUT).group(0)
        self.boot_text = clean(self.child.before)
        self.send("PS1='[l''vt]# '\r")
        self.expect_prompt()

    def ready(self) -> None:
        """A fresh prompt: boots, or reboots when the shell stopped
        answering (a test before left something in the foreground)."""
        if self.guest is None or not self.child.isalive():
            self.boot()
            return
        self.syncs += 1
        mark = f"sync{self.syncs}"
        self.send(f"\x15echo {mark}\r")
        try:
            self.child.expect(rf"\n{mark}\r*\n(.*\n)?{re.escape(PROMPT)}",
                              timeout=10)
        except (pexpect.TIMEOUT, pexpect.EOF):
            self.boot()

    def close(self) -> None:
        if self.guest is not None:
            self.guest.kill()
            self.guest = None

    def send(self, text: str) -> None:
        self.child.send(text)

    def expect(self, pattern: str, timeout: float = TIMEOUT) -> re.Match:
        return self.guest.expect(pattern, timeout=timeout)

    def expect_prompt(self, timeout: float = TIMEOUT) -> str:
        """Waits for the prompt; returns the console text before it."""
        self.expect(re.escape(PROMPT), timeout=timeout)
        return clean(self.child.before)

    def run(self, command: str, timeout: float = TIMEOUT) -> str:
        """Types one short command line (no wrapping at 80 columns) and
        returns its output: the lines after the echoed command."""
        assert len(command) + len(PROMPT) < 78, command
        self.send(command + "\r")
        # The echo ends at the first newline (line editing redraws the
        # prompt within the line for Ctrl-U or the arrows).
        self.expect(r"\n", timeout)
        return self.expect_prompt(timeout)

    def value(self, command: str) -> str:
        """The one-line output of a command."""
        return self.run(command).strip()


def has_applet(build: Build, applet: str) -> bool:
    target = build.out / "target"
    return any((target / d / applet).exists()
               for d in ("bin", "sbin", "usr/bin", "usr/sbin"))


def need_applets(build: Build, *applets: str) -> None:
    missing = [a for a in applets if not has_applet(build, a)]
    if missing:
        pytest.skip(f"{build.profile} has no {' '.join(missing)}")


def profile_build(profile: str, needed: tuple[str, ...]) -> Build:
    """The profile built, or a skip when its configuration lacks one of
    the needed symbols (decided before building it)."""
    out = OUT / profile
    make(out, f"{profile}_defconfig")
    config = read_config(out)
    missing = [name for name in needed if config.get(name) != "y"]
    if missing:
        pytest.skip(f"{profile}: no {', '.join(missing)}")
    return build_profile(profile)


_consoles: dict[str, Console] = {}


@pytest.fixture(scope="module", params=PROFILES)
def console(request):
    c = Console(profile_build(request.param, NEEDED))
    _consoles[request.param] = c
    yield c
    c.close()


@pytest.fixture(scope="module", params=PROFILES)
def machine(request) -> Build:
    """A profile with BusyBox init, for the ways of ending it."""
    return profile_build(request.param, ("APP_INIT_BUSYBOX",))


@pytest.fixture
def sh(console: Console) -> Console:
    console.ready()
    return console


# ---------------------------------------------------------------------------
# The prompt and line editing


def test_login_shell_prompt(sh: Console):
    """init ran rcS (host name from /etc/hostname) and a login shell that
    read /etc/profile."""
    assert sh.login == "root@levitate:/# ", sh.login
    assert sh.value("hostname") == "levitate"
    assert sh.value("echo $HOME") == "/root"
    assert sh.value("echo $0") == "-/bin/sh"


def test_exit_respawns_the_shell(sh: Console):
    """init starts a new login shell, with job control, when one exits."""
    old = sh.value("echo $$")
    sh.send("exit\r")
    sh.expect(LOGIN_PROMPT)
    sh.send("PS1='[l''vt]# '\r")
    sh.expect_prompt()
    new = sh.value("echo $$")
    assert new.isdigit() and new != old
    # The new shell has the console as its controlling terminal again.
    assert "m" in sh.value("echo $-")
    assert re.match(r"\[1\]\+ +Running +sleep 1\n", sh.run("sleep 1 & jobs"))
    sh.run("wait")


def test_backspace(sh: Console):
    assert sh.run("echo abX\x7fcd") == "abcd\n"


def test_ctrl_u_kills_the_line(sh: Console):
    out = sh.run("garbage\x15echo kill_ok")
    assert out == "kill_ok\n"


def test_history_and_arrows(sh: Console):
    assert sh.run("echo hist_one") == "hist_one\n"
    # Up recalls the line, more text goes at its end.
    assert sh.run("\x1b[Atwo") == "hist_onetwo\n"
    # Left moves back over one character.
    assert sh.run("echo ac\x1b[Db") == "abc\n"


@pytest.mark.parametrize("typed,got", [
    ("abX\x7fc", "abc"),		# VERASE (DEL)
    ("junk\x15xyz", "xyz"),		# VKILL
    ("one two\x17three", "one three"),	# VWERASE
])
def test_canonical_mode_editing(sh: Console, typed: str, got: str):
    """The kernel's line discipline edits what `read` gets (the shell's
    own line editing is off while a command runs)."""
    sh.send('read v; echo "[$v]"\r')
    time.sleep(0.5)
    sh.send(typed + "\r")
    assert f"\n[{got}]\n" in sh.expect_prompt()


# ---------------------------------------------------------------------------
# Signals from the keyboard and job control


def test_ctrl_c_ends_the_foreground_command(sh: Console):
    sh.send("sleep 100\r")
    sh.expect(r"sleep 100\r*\n")
    time.sleep(2)		# sleep is running, in the foreground
    started = time.monotonic()
    sh.send("\x03")
    text = sh.expect_prompt(timeout=15)
    took = time.monotonic() - started
    assert "^C" in text
    assert sh.value("echo $?") == "130", f"after {took:.1f} s"


def test_job_control(sh: Console):
    sh.need("sleep", "kill")
    assert sh.run("sleep 100 &") == ""
    assert re.fullmatch(r"\[1\]\+ +Running +sleep 100\n", sh.run("jobs"))
    pid = sh.value("jobs -p")
    assert pid.isdigit(), pid

    sh.send("fg\r")
    sh.expect(r"\nsleep 100\r*\n")
    time.sleep(2)
    sh.send("\x1a")
    text = sh.expect_prompt(timeout=15)
    assert re.search(r"\^Z\[1\]\+ +Stopped +sleep 100\n", text), text
    assert re.fullmatch(r"\[1\]\+ +Stopped +sleep 100\n", sh.run("jobs"))
    if sh.has("grep"):
        assert sh.value(f"grep State /proc/{pid}/status") == \
            "State:\tT (stopped)"

    assert sh.run("bg") == "[1] sleep 100\n"
    assert re.fullmatch(r"\[1\]\+ +Running +sleep 100\n", sh.run("jobs"))
    if sh.has("grep"):
        assert sh.value(f"grep State /proc/{pid}/status") == \
            "State:\tS (sleeping)"

    # The job's end is reported before a next prompt.
    text = sh.run("kill %1")
    time.sleep(1)
    text += sh.run("jobs")
    assert re.fullmatch(r"\[1\]\+ +Terminated +sleep 100\n", text), text
    assert sh.run("jobs") == ""


def test_cat_waits_and_ctrl_d_ends_it(sh: Console):
    sh.need("cat")
    sh.send("cat\r")
    sh.expect(r"cat\r*\n")
    time.sleep(1)
    sh.send("hello\r")
    # The terminal's echo, then what cat wrote back.
    sh.expect(r"hello\r*\nhello\r*\n")
    sh.send("\x04")
    sh.expect_prompt()
    assert sh.value("echo $?") == "0"


def test_vi_writes_a_file(sh: Console):
    sh.need("vi", "cat", "rm")
    sh.run("rm -f /tmp/f")
    sh.send("vi /tmp/f\r")
    sh.expect(r"/tmp/f 1/1 100%")		# the status line: ready
    for keys in ("i", "hello from vi", "\x1b", ":wq\r"):
        sh.send(keys)
        time.sleep(0.5)
    sh.expect(r"'/tmp/f' 1L, 14C")
    sh.expect_prompt()
    assert sh.run("cat /tmp/f") == "hello from vi\n"


# ---------------------------------------------------------------------------
# Tools that read /proc and /sys, checked against the shell's own view


def meminfo(sh: Console, field: str) -> int:
    out = sh.value(f"grep '^{field}:' /proc/meminfo")
    m = re.fullmatch(rf"{field}:\s+(\d+) kB", out)
    assert m, out
    return int(m.group(1))


def test_ps_shows_the_shell(sh: Console):
    sh.need("ps")
    pid = sh.value("echo $$")
    out = sh.run("ps")
    lines = out.splitlines()
    assert re.match(r"\s*PID\s+USER\s+TIME\s+COMMAND", lines[0]), out
    rows = {int(l.split()[0]): l.split(None, 3)[3] for l in lines[1:]}
    assert rows.get(int(pid)) == "-/bin/sh", out
    assert re.fullmatch(r"(\S*/)?init", rows.get(1, "")), out
    assert "ps" in rows.values(), out


def test_top_once(sh: Console):
    sh.need("top", "grep")
    total = meminfo(sh, "MemTotal")
    pid = sh.value("echo $$")
    out = sh.run("top -n 1")
    m = re.search(r"Mem: (\d+)K used, (\d+)K free", out)
    assert m, out
    assert int(m.group(1)) + int(m.group(2)) == total
    assert re.search(r"CPU:.*idle", out), out
    assert re.search(r"Load average: \d+\.\d\d \d+\.\d\d \d+\.\d\d ", out)
    assert re.search(r"PID\s+PPID\s+USER\s+STAT\s+VSZ", out), out
    assert re.search(rf"^\s*{pid}\s+1\s+root\s+S.*-/bin/sh", out, re.M), out


def test_free_agrees_with_meminfo(sh: Console):
    sh.need("free", "grep")
    total = meminfo(sh, "MemTotal")
    free = meminfo(sh, "MemFree")
    out = sh.run("free")
    m = re.search(r"^Mem:\s+(\d+)\s+(\d+)\s+(\d+)", out, re.M)
    assert m, out
    assert int(m.group(1)) == total, out
    # Free memory moves between the two reads; a few MiB at most.
    assert abs(int(m.group(3)) - free) < 8192, out


def test_uptime_agrees_with_proc(sh: Console):
    sh.need("uptime", "cat")
    proc = sh.value("cat /proc/uptime").split()
    out = sh.value("uptime")
    m = re.search(r"up +(?:(\d+) min|(\d+):(\d\d)|.*day).*load average: "
                  r"(\d+\.\d\d), (\d+\.\d\d), (\d+\.\d\d)$", out)
    assert m, out
    minutes = int(float(proc[0]) // 60)
    if m.group(1) is not None:
        assert abs(int(m.group(1)) - minutes) <= 1, (out, proc)
    loads = [float(x) for x in sh.value("cat /proc/loadavg").split()[:3]]
    for shown, proc_load in zip(m.groups()[3:], loads):
        assert abs(float(shown) - proc_load) < 1.0, (out, loads)


def test_mount_lists_the_file_systems(sh: Console):
    sh.need("mount")
    out = sh.run("mount")
    for pattern in (r"^\S+ on / type \S+", r"^proc on /proc type proc ",
                    r"^sysfs on /sys type sysfs ",
                    r"^devtmpfs on /dev type devtmpfs ",
                    r"^devpts on /dev/pts type devpts ",
                    r"^tmpfs on /tmp type tmpfs "):
        assert re.search(pattern, out, re.M), (pattern, out)
    assert sh.run("cat /proc/mounts") == sh.run("cat /proc/self/mounts")


def test_df(sh: Console):
    sh.need("df")
    out = sh.run("df")
    assert re.match(r"Filesystem\s+1K-blocks\s+Used\s+Available\s+Use%"
                    r"\s+Mounted on\n", out), out
    m = re.search(r"^tmpfs\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+%\s+/tmp$", out,
                  re.M)
    assert m, out
    size, used, avail = map(int, m.groups())
    assert size > 0 and used + avail <= size, out


def test_pidof_finds_the_shell(sh: Console):
    sh.need("pidof")
    pid = sh.value("echo $$")
    assert pid in sh.value("pidof sh").split()
    assert sh.value("pidof init") == "1"


def test_pgrep_and_killall(sh: Console):
    sh.need("sleep", "pgrep", "killall")
    sh.run("sleep 321 &")
    pid = sh.value("echo $!")
    assert pid in sh.value("pgrep sleep").split()
    assert sh.value("pgrep -f 'sleep 321'") == pid
    text = sh.run("killall sleep")
    time.sleep(1)
    text += sh.run("jobs")
    assert re.search(r"\[1\]\+ +Terminated +sleep 321\n", text), text
    assert sh.run("pgrep sleep; echo rc=$?") == "rc=1\n"


def test_sysctl(sh: Console):
    sh.need("sysctl", "uname", "hostname")
    out = sh.run("sysctl -a")
    values = dict(re.findall(r"^([\w.]+) = (.*)$", out, re.M))
    assert values.get("kernel.hostname") == "levitate", out[-2000:]
    assert values.get("kernel.ostype") == "Linux"
    assert values.get("kernel.osrelease") == sh.value("uname -r")
    assert values.get("kernel.pid_max", "").isdigit()
    # Writable: sysctl writes /proc/sys/kernel/hostname.
    assert sh.value("sysctl -w kernel.hostname=lvt2") == \
        "kernel.hostname = lvt2"
    try:
        assert sh.value("hostname") == "lvt2"
        assert sh.value("uname -n") == "lvt2"
    finally:
        sh.run("hostname levitate")
    assert sh.value("cat /proc/sys/kernel/hostname") == "levitate"


def test_mdev_makes_a_node_from_sysfs(sh: Console):
    """mdev -s puts back a node of /dev that was removed, with the numbers
    /sys/class/<class>/<name>/dev gives."""
    sh.need("mdev", "cat", "rm", "ls")
    found = sh.run("ls /sys/class/*/*/dev").split()
    names = [f[:-len("/dev")] for f in found
             if not re.search(r"/(console|null|ptmx|tty\w*)/dev$", f)]
    assert names, found
    name = "/sys/class/mem/zero" if "/sys/class/mem/zero" in names \
        else names[0]
    dev = sh.value(f"cat {name}/dev")
    assert re.fullmatch(r"\d+:\d+", dev), (name, dev)
    node = "/dev/" + name.rsplit("/", 1)[1]
    sh.run(f"rm {node}")
    assert sh.run("mdev -s; echo rc=$?").endswith("rc=0\n")
    out = sh.value(f"ls -l {node}")
    major, minor = dev.split(":")
    assert re.match(rf"[cb]\S+\s+\d+\s+\S+\s+\S+\s+{major},\s+{minor} ",
                    out), out


# ---------------------------------------------------------------------------
# Ending the machine: each way on its own boot


SHUTDOWN = {
    # command: (what init says, what the kernel says, QEMU ends by itself)
    "poweroff": ("poweroff", "reboot: Power down", True),
    "reboot": ("reboot", "reboot: Restarting system", True),
    "halt": ("halt", "reboot: System halted", False),
}


@pytest.mark.parametrize("command", ["poweroff", "reboot", "halt",
                                     "poweroff -f", "reboot -f", "halt -f"])
def test_shutdown(machine: Build, command: str):
    """Without -f, init runs the shutdown actions, sends SIGTERM then
    SIGKILL to every process and calls reboot(2); with -f the command
    calls reboot(2) at once. poweroff and reboot end QEMU (-no-reboot);
    halt stops the CPU and leaves QEMU running, as Linux does."""
    name = command.split()[0]
    need_applets(machine, name)
    says, kernel_says, exits = SHUTDOWN[name]
    if machine.profile in _consoles:	# one QEMU writes the boot log
        _consoles[machine.profile].close()
    guest = machine.boot("", mem="256M")
    try:
        guest.expect(LOGIN_PROMPT, timeout=4 * BOOT_TIMEOUT)
        forced = command.endswith("-f")
        if not forced:
            # A process that reports SIGTERM, then waits for SIGKILL.
            guest.child.send("(trap 'echo got-TERM' TERM; "
                             "while :; do sleep 1; done) &\r")
            guest.expect(LOGIN_PROMPT)
        started = time.monotonic()
        guest.child.send(command + "\r")
        guest.expect(re.escape(kernel_says), timeout=60)
        text = clean(guest.child.before)
        if forced:
            assert "going down" not in text, text
        else:
            steps = ["The system is going down NOW!", "got-TERM",
                     "Sent SIGKILL to all processes",
                     f"Requesting system {says}"]
            at = [text.find(s) for s in steps]
            assert -1 not in at and at == sorted(at), text
            assert "Sent SIGTERM to all processes" in text, text
            assert not re.search(r"umount: can't", text), text
        if exits:
            assert guest.wait_exit(timeout=30) == 0
        else:
            assert guest.still_running_after(3), "QEMU ended after halt"
        assert time.monotonic() - started < 60
    finally:
        guest.kill()
