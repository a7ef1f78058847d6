"""The configuration system: profiles, kbuild targets, and strict errors.

None of these compile the kernel; they exercise scripts/kconfig.py through
the Makefile as a user would.
"""

import re
from pathlib import Path

import pytest

from conftest import PROFILES, SRC, make, read_config


@pytest.mark.parametrize("arch", ["x86_64", "aarch64"])
def test_arch_defconfig_is_the_arch_profile(tmp_path: Path, arch: str):
    make(tmp_path / "a", f"ARCH={arch}", "defconfig")
    make(tmp_path / "b", f"qemu-{arch}_defconfig")
    a = (tmp_path / "a" / ".config").read_text()
    assert a == (tmp_path / "b" / ".config").read_text()
    assert read_config(tmp_path / "a")["ARCH"] == arch


def test_arch_aliases(tmp_path: Path):
    make(tmp_path, "ARCH=arm64", "defconfig")
    assert read_config(tmp_path)["ARCH"] == "aarch64"


@pytest.mark.parametrize("profile", PROFILES)
def test_profiles_are_minimal(tmp_path: Path, profile: str):
    """configs/ hold exactly what savedefconfig writes back."""
    make(tmp_path, f"{profile}_defconfig")
    make(tmp_path, "savedefconfig")
    saved = (tmp_path / "defconfig").read_text()
    assert saved == (SRC / "configs" / f"{profile}_defconfig").read_text()
    assert read_config(tmp_path)["PROFILE"] == profile


BAD_CONFIGS = {
    "unknown symbol": ('CONFIG_NO_SUCH_THING=y\n',
                       r":2: unknown symbol CONFIG_NO_SUCH_THING"),
    "bool given a number": ('CONFIG_PRINTK_TIME=3\n',
                            r":2: CONFIG_PRINTK_TIME is a bool symbol"),
    "int given a word": ('CONFIG_HZ=fast\n',
                         r":2: CONFIG_HZ is an int symbol"),
    "int out of range": ('CONFIG_HZ=5\n',
                         r":2: CONFIG_HZ=5 cannot be applied \(it must be "
                         r"within 10\.\.\.1000\)"),
    "string without quotes": ('CONFIG_PROFILE=mine\n',
                              r":2: CONFIG_PROFILE is a string symbol"),
    "unmet dependency": ('CONFIG_ARM_GIC_V3=y\n',
                         r":2: CONFIG_ARM_GIC_V3=y cannot be applied "
                         r"\(unmet dependency: it depends on ARCH_AARCH64\)"),
    "malformed line": ('CONFIG_HZ 100\n', r":2: malformed line"),
}


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_bad_dotconfig_stops_make(tmp_path: Path, case: str):
    line, pattern = BAD_CONFIGS[case]
    make(tmp_path, "qemu-x86_64_defconfig")
    config = tmp_path / ".config"
    config.write_text('CONFIG_LOG_LEVEL=7\n' + line)
    res = make(tmp_path, check=False)
    assert res.returncode != 0
    assert f"error: {config}" in res.stderr
    assert re.search(pattern, res.stderr), res.stderr
    assert not (tmp_path / "images" / "levitate").exists()


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_bad_defconfig_is_refused(tmp_path: Path, case: str):
    line, pattern = BAD_CONFIGS[case]
    defconfig = tmp_path / "bad_defconfig"
    defconfig.write_text('CONFIG_LOG_LEVEL=7\n' + line)
    res = make(tmp_path / "out", f"DEFCONFIG={defconfig}", "defconfig",
               check=False)
    assert res.returncode != 0
    assert re.search(re.escape(str(defconfig)) + pattern, res.stderr), \
        res.stderr
    assert not (tmp_path / "out" / ".config").exists()


def test_unknown_profile(tmp_path: Path):
    res = make(tmp_path, "qemu-sparc_defconfig", check=False)
    assert res.returncode != 0
    assert "no configs/qemu-sparc_defconfig" in res.stderr


def test_arch_mismatch_is_an_error(tmp_path: Path):
    make(tmp_path, "qemu-x86_64_defconfig")
    res = make(tmp_path, "ARCH=aarch64", check=False)
    assert res.returncode != 0
    assert "ARCH=aarch64 but" in res.stderr


def test_new_symbols_get_defaults(tmp_path: Path):
    """A .config older than the Kconfig tree is completed, not refused."""
    make(tmp_path, "qemu-x86_64_defconfig")
    config = tmp_path / ".config"
    config.write_text("".join(line + "\n" for line in
                              config.read_text().splitlines()
                              if "CONFIG_HZ=" not in line))
    res = make(tmp_path, "syncconfig")
    assert "new symbol CONFIG_HZ set to its default '100'" in res.stderr
    assert "CONFIG_HZ=100" in config.read_text()
