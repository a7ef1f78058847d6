#!/usr/bin/python3
"""QEMU command lines for LevitateOS: the one place that knows them.

`make run` and `make debug` call this as a program; the integration tests
import it, so what they boot is exactly what a user boots.

  scripts/qemu.py --arch aarch64 --images build/images -- test=boot

images/initramfs.cpio, when it exists, is passed as the initrd (-initrd):
QEMU hands it to the x86_64 kernel as PVH module 0 and to the aarch64
kernel through /chosen linux,initrd-start/end in the device tree.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from dataclasses import dataclass, field

GDB_PORT = 1234


@dataclass
class Machine:
    binary: str
    args: list[str]
    kernel: str  # file in images/ that QEMU -kernel takes


MACHINES = {
    # q35; the kernel ELF is entered through its PVH note. isa-debug-exit
    # lets a kernel built without ACPI end QEMU too (exit status 33).
    "x86_64": Machine("qemu-system-x86_64",
                      ["-machine", "q35", "-cpu", "qemu64",
                       "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"],
                      "levitate"),
    # virt, entered at EL1 through the arm64 Image header, DTB in x0.
    "aarch64": Machine("qemu-system-aarch64",
                       ["-machine", "virt", "-cpu", "cortex-a72"],
                       "Image"),
}

INITRAMFS = "initramfs.cpio"  # file in images/ booted as the initrd


def default_initrd(images: str) -> str | None:
    """images/initramfs.cpio when it exists, else None (no initrd)."""
    path = os.path.join(images, INITRAMFS)
    return path if os.path.isfile(path) else None


@dataclass
class Options:
    arch: str
    images: str
    cmdline: str = ""
    mem: str = "128M"
    extra: list[str] = field(default_factory=list)
    gdb: bool = False
    initrd: str | None = None  # file for -initrd, None for none


def command(opt: Options) -> list[str]:
    """The full QEMU argv for opt."""
    m = MACHINES[opt.arch]
    cmd = [m.binary, *m.args,
           "-m", opt.mem,
           "-nic", "none",
           "-no-reboot",
           "-display", "none",
           "-serial", "mon:stdio",
           "-kernel", os.path.join(opt.images, m.kernel)]
    if opt.initrd:
        cmd += ["-initrd", opt.initrd]
    if opt.cmdline:
        cmd += ["-append", opt.cmdline]
    if opt.gdb:
        cmd += ["-gdb", f"tcp:127.0.0.1:{GDB_PORT}", "-S"]
    return cmd + opt.extra


def gdb_hint(opt: Options) -> str:
    elf = os.path.join(opt.images, "levitate")
    return (f"QEMU waits for gdb on 127.0.0.1:{GDB_PORT}. In another "
            f"terminal:\n  gdb-multiarch {elf} "
            f"-ex 'target remote 127.0.0.1:{GDB_PORT}'\n")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--arch", required=True, choices=sorted(MACHINES))
    p.add_argument("--images", required=True, help="the images/ folder")
    p.add_argument("--mem", default="128M", help="guest memory (-m)")
    p.add_argument("--extra", default="", help="more QEMU arguments")
    p.add_argument("--initrd", metavar="FILE",
                   help=f"initrd to boot (default: {INITRAMFS} of the "
                   "images folder, when it exists)")
    p.add_argument("--no-initrd", action="store_true",
                   help="boot without an initrd")
    p.add_argument("--gdb", action="store_true",
                   help="start stopped, with a gdb stub on localhost")
    p.add_argument("--print", action="store_true",
                   help="print the command instead of running it")
    p.add_argument("cmdline", nargs="*", help="kernel command line")
    a = p.parse_args()
    if a.no_initrd:
        initrd = None
    else:
        initrd = a.initrd or default_initrd(a.images)
    opt = Options(arch=a.arch, images=a.images, cmdline=" ".join(a.cmdline),
                  mem=a.mem, extra=shlex.split(a.extra), gdb=a.gdb,
                  initrd=initrd)
    cmd = command(opt)
    if a.print:
        print(shlex.join(cmd))
        return 0
    if a.gdb:
        sys.stderr.write(gdb_hint(opt))
    if sys.stdin.isatty():
        sys.stderr.write("(Ctrl-A X leaves QEMU, Ctrl-A H lists the keys)\n")
    os.execvp(cmd[0], cmd)
    return 1


if __name__ == "__main__":
    sys.exit(main())
