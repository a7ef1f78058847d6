#!/usr/bin/python3
"""Configuration front end for the LevitateOS build (kconfiglib underneath).

The top-level Makefile calls this for every configuration target; it can
also be run by hand. Every command reads the Kconfig tree from --srctree and
works on the .config named by --config.

  defconfig FILE      .config from a (minimal) defconfig, checked strictly
  savedefconfig FILE  minimal defconfig of the current .config
  olddefconfig        update .config: new symbols get their defaults and
                      stale or invalid lines are dropped with a warning
  oldconfig           like olddefconfig, but asks about new symbols
  menuconfig          kconfiglib's curses interface
  syncconfig OUTDIR   check .config strictly, fill in new symbols, write
                      OUTDIR/include/generated/autoconf.h (kernel symbols:
                      --header-exclude leaves userspace menus out) and
                      OUTDIR/include/config/auto.conf (+ auto.conf.cmd)
  check FILE          check a configuration file strictly, write nothing

"Strictly" means: an unknown symbol, a value of the wrong type, a value out
of range, a malformed line, or a value that the symbol cannot take (unmet
dependency, choice conflict, a select that forces it) is an error naming
the symbol and FILE:LINE, and the command exits with status 1.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass

import kconfiglib

SET_RE = re.compile(r"^CONFIG_([A-Za-z0-9_]+)=(.*)$")
UNSET_RE = re.compile(r"^# CONFIG_([A-Za-z0-9_]+) is not set$")
STRING_RE = re.compile(r'^"((?:[^"\\]|\\.)*)"$')
INT_RE = re.compile(r"^-?[0-9]+$")
HEX_RE = re.compile(r"^0[xX][0-9a-fA-F]+$")


@dataclass
class Assignment:
    name: str
    value: str  # y/m/n for bool and tristate, the unquoted text otherwise
    line: int


class ConfigError(Exception):
    pass


def load_kconfig(srctree: str) -> kconfiglib.Kconfig:
    os.environ["srctree"] = srctree
    kconf = kconfiglib.Kconfig(os.path.join(srctree, "Kconfig"),
                               warn_to_stderr=False, suppress_traceback=True)
    kconf.warn_assign_undef = True
    return kconf


def scan(kconf: kconfiglib.Kconfig, path: str) -> tuple[list[Assignment],
                                                         list[str]]:
    """Reads the assignments of a configuration file, with line numbers.

    Returns the well-formed assignments to known symbols and the errors
    found in the rest.
    """
    assignments: list[Assignment] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise ConfigError(f"{path}: {e.strerror}") from None

    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip()
        where = f"{path}:{lineno}"
        m = SET_RE.match(line)
        unset = UNSET_RE.match(line) if not m else None
        if not m and not unset:
            if line and not line.lstrip().startswith("#"):
                errors.append(f"{where}: malformed line: {line}")
            continue
        name = (m or unset).group(1)
        sym = kconf.syms.get(name)
        if sym is None or not sym.nodes:
            errors.append(f"{where}: unknown symbol CONFIG_{name}")
            continue
        if name in seen:
            errors.append(f"{where}: CONFIG_{name} is already set on line "
                          f"{seen[name]}")
            continue
        seen[name] = lineno
        kind = kconfiglib.TYPE_TO_STR[sym.orig_type]
        if unset:
            if sym.orig_type not in (kconfiglib.BOOL, kconfiglib.TRISTATE):
                errors.append(f"{where}: CONFIG_{name} is a {kind} symbol and "
                              "cannot be 'not set'")
                continue
            assignments.append(Assignment(name, "n", lineno))
            continue
        value = m.group(2)
        bad = None
        if sym.orig_type == kconfiglib.BOOL and value not in ("y", "n"):
            bad = "y or n"
        elif sym.orig_type == kconfiglib.TRISTATE and value not in ("y", "m",
                                                                    "n"):
            bad = "y, m or n"
        elif sym.orig_type == kconfiglib.INT and not INT_RE.match(value):
            bad = "a decimal integer"
        elif sym.orig_type == kconfiglib.HEX and not HEX_RE.match(value):
            bad = "a hexadecimal number starting with 0x"
        elif sym.orig_type == kconfiglib.STRING:
            sm = STRING_RE.match(value)
            if not sm:
                bad = "a double-quoted string"
            else:
                value = kconfiglib.unescape(sm.group(1))
        if bad:
            article = "an" if kind[0] in "aeiou" else "a"
            errors.append(f"{where}: CONFIG_{name} is {article} {kind} "
                          f"symbol: '{value}' is not {bad}")
            continue
        assignments.append(Assignment(name, value, lineno))
    return assignments, errors


def why_not(kconf: kconfiglib.Kconfig, sym: kconfiglib.Symbol,
            wanted: str) -> str:
    """Explains why sym did not take the value wanted."""
    dep = sym.direct_dep
    if not any(n.prompt for n in sym.nodes):
        return "it has no prompt: its value is computed by Kconfig"
    if kconfiglib.expr_value(dep) == 0:
        return ("unmet dependency: it depends on "
                + kconfiglib.expr_str(dep))
    if sym.orig_type in (kconfiglib.BOOL, kconfiglib.TRISTATE):
        if wanted == "n" and kconfiglib.expr_value(sym.rev_dep):
            return "it is selected by " + kconfiglib.expr_str(sym.rev_dep)
        if sym.choice is not None and wanted == "y":
            sel = sym.choice.selection
            other = sel.name if sel else "another symbol"
            return f"it conflicts with CONFIG_{other} in the same choice"
        if kconfiglib.expr_value(dep) < kconfiglib.STR_TO_TRI.get(wanted, 0):
            return "its dependencies limit it to " + sym.str_value
    if sym.orig_type in (kconfiglib.INT, kconfiglib.HEX):
        for low, high, cond in sym.ranges:
            if kconfiglib.expr_value(cond):
                return (f"it must be within {low.str_value}..."
                        f"{high.str_value}")
    return "Kconfig rejected the value"


def line_of(error: str) -> int:
    """The line number in an error that starts with FILE:LINE:."""
    m = re.match(r"^[^:]*:([0-9]+):", error)
    return int(m.group(1)) if m else 0


def load_strict(kconf: kconfiglib.Kconfig, path: str) -> None:
    """Loads path into kconf, raising ConfigError listing every problem."""
    assignments, errors = scan(kconf, path)
    kconf.load_config(path)
    kconf.warnings.clear()
    for a in assignments:
        sym = kconf.syms[a.name]
        got = sym.str_value
        if sym.orig_type in (kconfiglib.INT, kconfiglib.HEX):
            same = a.value.lower() == got.lower()
            if sym.orig_type == kconfiglib.HEX:
                same = got != "" and int(a.value, 16) == int(got, 16)
        else:
            same = a.value == got
        if not same:
            shown = got if got != "" else "unset"
            errors.append(f"{path}:{a.line}: CONFIG_{a.name}={a.value} "
                          f"cannot be applied ({why_not(kconf, sym, a.value)});"
                          f" the value would be {shown}")
    if errors:
        raise ConfigError("\n".join(sorted(errors, key=line_of)))


def write_if_changed(path: str, text: str) -> bool:
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return False
    except OSError:
        pass
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    return True


def new_symbols(kconf: kconfiglib.Kconfig, path: str) -> list[str]:
    """Visible symbols that the configuration file does not mention."""
    assigned, _ = scan(kconf, path)
    names = {a.name for a in assigned}
    # str_value is evaluated first: it decides _write_to_conf.
    return [s.name for s in kconf.unique_defined_syms
            if s.name not in names and s.str_value is not None
            and s.visibility and s._write_to_conf]


def cmd_defconfig(kconf, args) -> None:
    load_strict(kconf, args.file)
    kconf.write_config(args.config, save_old=False)
    print(f"configuration written to {args.config} (from {args.file})")


def cmd_savedefconfig(kconf, args) -> None:
    load_strict(kconf, args.config)
    kconf.write_min_config(args.file)
    print(f"minimal configuration written to {args.file}")


def cmd_olddefconfig(kconf, args) -> None:
    if os.path.exists(args.config):
        kconf.load_config(args.config)
        for w in kconf.warnings:
            print("warning: " + w.replace("warning: ", "", 1),
                  file=sys.stderr)
    kconf.write_config(args.config)
    print(f"configuration written to {args.config}")


def cmd_syncconfig(kconf, args) -> None:
    load_strict(kconf, args.config)
    added = new_symbols(kconf, args.config)
    if added:
        for name in added:
            print(f"config: new symbol CONFIG_{name} set to its default "
                  f"'{kconf.syms[name].str_value}'", file=sys.stderr)
        kconf.write_config(args.config)
    out = args.outdir
    header = "/* Generated from .config by scripts/kconfig.py: do not edit */\n"
    autoconf = os.path.join(out, "include/generated/autoconf.h")
    write_if_changed(autoconf, header + c_header(kconf, args.header_exclude))

    auto_conf = os.path.join(out, "include/config/auto.conf")
    lines = ["# Generated from .config by scripts/kconfig.py: do not edit\n"]
    for sym in kconf.unique_defined_syms:
        if sym.config_string.startswith("CONFIG_"):
            lines.append(sym.config_string)
    write_if_changed(auto_conf, "".join(lines))

    deps = " ".join(os.path.join(kconf.srctree, f)
                    for f in kconf.kconfig_filenames)
    write_if_changed(auto_conf + ".cmd",
                     f"{auto_conf}: {deps}\n" +
                     "".join(f"{d}:\n" for d in deps.split()))


def defined_only_in(sym: kconfiglib.Symbol, folders: list[str]) -> bool:
    """True when every definition of sym is in a Kconfig under folders."""
    def rel(path: str) -> str:
        srctree = sym.kconfig.srctree
        return os.path.relpath(path, srctree) if os.path.isabs(path) else path
    return all(any(rel(n.filename).startswith(f.rstrip("/") + "/")
                   for f in folders) for n in sym.nodes)


def c_header(kconf: kconfiglib.Kconfig, exclude: list[str]) -> str:
    """The autoconf.h text: #defines of the symbols that are set.

    Symbols defined only under the folders in exclude (the userspace menus)
    are left out, so that changing them does not recompile the kernel.
    """
    lines = []
    for sym in kconf.unique_defined_syms:
        val = sym.str_value
        if not sym._write_to_conf or defined_only_in(sym, exclude):
            continue
        name = "CONFIG_" + sym.name
        if sym.orig_type in (kconfiglib.BOOL, kconfiglib.TRISTATE):
            if val == "y":
                lines.append(f"#define {name} 1\n")
            elif val == "m":
                lines.append(f"#define {name}_MODULE 1\n")
        elif sym.orig_type == kconfiglib.STRING:
            lines.append(f'#define {name} "{kconfiglib.escape(val)}"\n')
        elif sym.orig_type == kconfiglib.HEX and val:
            prefix = "" if val.lower().startswith("0x") else "0x"
            lines.append(f"#define {name} {prefix}{val}\n")
        elif val:
            lines.append(f"#define {name} {val}\n")
    return "".join(lines)


def cmd_check(kconf, args) -> None:
    load_strict(kconf, args.file)
    print(f"{args.file}: configuration is valid")


def run_kconfiglib_tool(module: str, args) -> None:
    os.environ["KCONFIG_CONFIG"] = args.config
    os.environ["MENUCONFIG_STYLE"] = os.environ.get("MENUCONFIG_STYLE",
                                                    "aquatic")
    sys.argv = [module, os.path.join(args.srctree, "Kconfig")]
    tool = __import__(module)
    tool._main() if hasattr(tool, "_main") else tool.main()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--srctree", required=True, help="top of the source tree")
    p.add_argument("--config", required=True, help="the .config to work on")
    sub = p.add_subparsers(dest="command", required=True)
    for name in ("defconfig", "savedefconfig", "check"):
        sub.add_parser(name).add_argument("file")
    sub.add_parser("olddefconfig")
    sub.add_parser("oldconfig")
    sub.add_parser("menuconfig")
    sync = sub.add_parser("syncconfig")
    sync.add_argument("outdir")
    sync.add_argument("--header-exclude", action="append", default=[],
                      metavar="FOLDER",
                      help="leave the symbols defined only under FOLDER "
                      "(relative to srctree) out of autoconf.h")
    args = p.parse_args()

    os.environ["srctree"] = args.srctree
    if args.command in ("menuconfig", "oldconfig"):
        run_kconfiglib_tool(args.command, args)
        return 0
    commands = {
        "defconfig": cmd_defconfig,
        "savedefconfig": cmd_savedefconfig,
        "olddefconfig": cmd_olddefconfig,
        "syncconfig": cmd_syncconfig,
        "check": cmd_check,
    }
    try:
        kconf = load_kconfig(args.srctree)
        commands[args.command](kconf, args)
    except ConfigError as e:
        for line in str(e).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    except kconfiglib.KconfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
