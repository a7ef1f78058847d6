"""BusyBox's source tree, read by the LevitateOS build scripts.

scripts/gen-busybox-kconfig (which writes apps/busybox/Kconfig.applets)
and scripts/busybox-config (which writes BusyBox's .config) share these
readers: the applets BusyBox declares in its .c files, BusyBox's own Kconfig
tree through kconfiglib, and the small tables kept in apps/busybox/.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import kconfiglib

# `//applet:IF_LS(APPLET_NOEXEC(ls, ...))`, possibly with more IF_ wrappers
# between the symbol and the APPLET macro.
APPLET_RE = re.compile(r"^//applet:\s*IF_(\w+)\((?:\s*IF_\w+\()*\s*"
                       r"APPLET\w*\(\s*([^,\s]+)\s*,")


class GenError(Exception):
    pass


def read_table(path: Path) -> dict[str, str]:
    """Reads `SYMBOL  rest of line` tables; '#' starts a comment line."""
    table = {}
    for lineno, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        if len(parts) != 2:
            raise GenError(f"{path}:{lineno}: expected 'SYMBOL text'")
        table[parts[0]] = parts[1].strip()
    return table


def scan_applets(bbsrc: Path) -> dict[str, list[str]]:
    """The applet names declared in BusyBox's .c files, by BusyBox symbol."""
    applets: dict[str, list[str]] = {}
    files = sorted(bbsrc.glob("*/*.c")) + sorted(bbsrc.glob("*/*/*.c"))
    for path in files:
        for line in path.read_text(errors="replace").splitlines():
            m = APPLET_RE.match(line)
            if not m:
                continue
            sym, name = m.groups()
            names = applets.setdefault(sym, [])
            if name not in names:
                names.append(name)
    if not applets:
        raise GenError(f"{bbsrc}: no //applet: lines: not a BusyBox tree")
    return applets


def load_busybox_kconfig(bbsrc: Path, objdir: Path) -> kconfiglib.Kconfig:
    """BusyBox's Kconfig tree, its Config.in files generated into objdir."""
    subprocess.run(["sh", str(bbsrc / "scripts/gen_build_files.sh"),
                    str(bbsrc), str(objdir)], check=True,
                   stdout=subprocess.DEVNULL)
    (objdir / ".platform.in").write_text(
        "config PLATFORM_LINUX\n\tbool\n\tdefault y\n")
    (objdir / "Config.in").write_text((bbsrc / "Config.in").read_text())
    os.environ["srctree"] = str(objdir)
    return kconfiglib.Kconfig(str(objdir / "Config.in"), warn=False)


def busybox_version(bbsrc: Path) -> str:
    text = (bbsrc / "Makefile").read_text()
    parts = [re.search(rf"^{k} = (\S*)$", text, re.M)
             for k in ("VERSION", "PATCHLEVEL", "SUBLEVEL")]
    if not all(parts):
        raise GenError(f"{bbsrc}/Makefile: no BusyBox version")
    return ".".join(p.group(1) for p in parts)
