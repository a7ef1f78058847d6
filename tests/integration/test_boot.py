"""Every profile boots under QEMU, reports itself, keeps time and powers off.

The guest is told what to do on its command line (test=boot, see
core/selftest.c) and the console is read back.
"""

import re

import pytest

from conftest import SRC, Build

MAKEFILE_VERSION = re.search(
    r"^VERSION = (\d+)\nPATCHLEVEL = (\d+)\nSUBLEVEL = (\d+)",
    (SRC / "Makefile").read_text(), re.M)
VERSION = ".".join(MAKEFILE_VERSION.groups())


def test_banner_timer_and_poweroff(build: Build):
    guest = build.boot("test=boot")
    m = guest.expect(r"LevitateOS (\S+) \((\S+)\) profile (\S+)\r")
    version, arch, profile = m.groups()
    assert version.split("+")[0] == VERSION
    assert arch == build.arch
    assert profile == build.profile

    m = guest.expect(r"memory: (\d+) MiB total, (\d+) MiB free")
    total, free = int(m.group(1)), int(m.group(2))
    assert 100 <= total <= 128, "QEMU was given 128 MiB"
    assert 0 < free < total

    m = guest.expect(r"timer: (\d+) ticks of (\S+) at (\d+) Hz in (\d+) us")
    ticks, _, hz, micros = (int(m.group(1)), m.group(2), int(m.group(3)),
                            int(m.group(4)))
    assert ticks == 10 and hz == 100
    # The free-running clock saw time pass while the ticks came in.
    assert micros > 0
    guest.expect(r"boot test passed; powering off")
    assert guest.wait_exit() == 0, "a clean power-off ends QEMU with 0"


@pytest.mark.parametrize("mem_mib", [64, 512])
def test_memory_size_follows_qemu(build: Build, mem_mib: int):
    guest = build.boot("test=boot", mem=f"{mem_mib}M")
    m = guest.expect(r"memory: (\d+) MiB total, (\d+) MiB free")
    total = int(m.group(1))
    # Firmware and boot structures take a little; never more than we gave.
    assert mem_mib * 0.85 <= total <= mem_mib
    assert guest.wait_exit() == 0


def test_fault_dumps_registers_and_stops(build: Build):
    guest = build.boot("test=fault")
    guest.expect(r"touching unmapped address 0x0*8\r")
    # The faulting address (CR2 on x86_64, FAR on aarch64) is in the dump.
    guest.expect(r"(CR2|FAR)[:=]\s*(0x)?0*8[^0-9a-fA-F]")
    assert guest.still_running_after(2), "the kernel stops, QEMU stays up"
    assert "fault test failed" not in guest.log.read_text()
    guest.kill()


def test_panic_reboots_when_asked(build: Build):
    # panic=-1 reboots at once; QEMU runs with -no-reboot, so it exits.
    guest = build.boot("test=panic panic=-1")
    guest.expect(r"Kernel panic - not syncing: test=panic requested")
    assert guest.wait_exit() == 0


def test_panic_halts_by_default(build: Build):
    guest = build.boot("test=panic")
    guest.expect(r"Kernel panic - not syncing: test=panic requested")
    assert guest.still_running_after(2)
    guest.kill()


def test_quiet_hides_info_messages(build: Build):
    guest = build.boot("test=boot loglevel=6")
    assert guest.wait_exit() == 0
    text = guest.log.read_text()
    assert "LevitateOS" in text, "the banner is a notice: always shown"
    assert "ticking at" not in text, "info messages are hidden"


# Other machines each arch must run on: QEMU merges these options into the
# profile's own -machine/-cpu.
VARIANTS = {
    "x86_64": {
        "cpu-max": ["-cpu", "max"],
        "smp-2": ["-smp", "2"],
    },
    "aarch64": {
        "gic-v3": ["-machine", "virt,gic-version=3"],
        "el2-entry": ["-machine", "virt,virtualization=on"],
        "cortex-a53": ["-cpu", "cortex-a53"],
        "cpu-max-gic-v3-el2": ["-machine", "virt,gic-version=3,"
                               "virtualization=on", "-cpu", "max"],
    },
}


@pytest.mark.parametrize("variant", sorted({v for d in VARIANTS.values()
                                            for v in d}))
def test_machine_variants(build: Build, variant: str):
    extra = VARIANTS[build.arch].get(variant)
    if extra is None:
        pytest.skip(f"{variant} is not a {build.arch} machine")
    guest = build.boot("test=boot", extra=extra)
    guest.expect(r"timer: 10 ticks of")
    assert guest.wait_exit() == 0
