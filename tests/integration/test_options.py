"""Only what is chosen is compiled: switching an option off removes its code
from the kernel, and the kernel still builds and boots without it.

For each option, the symbols defined by the object files the option adds
(read with nm from the full build) must be in the kernel built with it and
absent from the kernel built without it.
"""

import subprocess
from pathlib import Path

import pytest

from conftest import OUT, Build, build_profile

# profile, option switched off, objects it brings, expected exit status of
# the boot test without it (x86_64 without ACPI powers off through QEMU's
# isa-debug-exit device, which reports 33).
VARIANTS = [
    ("qemu-x86_64", "X86_ACPI", ["arch/x86_64/acpi.o"], 33),
    ("qemu-aarch64", "ARM_GIC_V3", ["drivers/irqchip/gic-v3.o"], 0),
]


def nm_defined(path: Path, cross: str) -> set[str]:
    res = subprocess.run([f"{cross}nm", "--defined-only", str(path)],
                         capture_output=True, text=True, check=True)
    return {line.split()[-1] for line in res.stdout.splitlines()
            if len(line.split()) == 3 and line.split()[1] in "tTdDbBrR"}


def cross_prefix(build: Build) -> str:
    return "aarch64-linux-gnu-" if build.arch == "aarch64" else ""


@pytest.mark.parametrize("profile,option,objects,status", VARIANTS,
                         ids=[v[1] for v in VARIANTS])
def test_option_off_removes_its_code(profile, option, objects, status):
    full = build_profile(profile)
    lean = build_profile(profile, out=OUT / f"{profile}-no-{option}",
                         options={option: "n"}, goal="kernel")
    cross = cross_prefix(full)

    option_syms = set()
    for obj in objects:
        assert (full.out / obj).exists(), f"{obj} is built with {option}=y"
        assert not (lean.out / obj).exists(), f"{obj} is built without"
        option_syms |= nm_defined(full.out / obj, cross)
    # Static names that other files use too (e.g. gic_chip in both GIC
    # drivers) say nothing about this option's code: leave them out.
    for other in full.out.rglob("*.o"):
        if str(other.relative_to(full.out)) not in objects:
            option_syms -= nm_defined(other, cross)
    assert option_syms, "the option's objects define symbols of their own"

    full_syms = nm_defined(full.images / "levitate", cross)
    lean_syms = nm_defined(lean.images / "levitate", cross)
    assert option_syms <= full_syms
    assert not option_syms & lean_syms, \
        f"{sorted(option_syms & lean_syms)} left in the kernel without {option}"

    guest = lean.boot("test=boot")
    guest.expect(r"boot test passed")
    assert guest.wait_exit() == status
