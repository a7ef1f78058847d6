# LevitateOS top-level Makefile.
#
#   make run                  build the default profile and boot it in QEMU
#   make test                 build and run every test
#   make help                 every target and variable
#
# Everything a build writes goes to $(O) (default: build/), the .config
# included, so several profiles build side by side in their own O= folders.
# Folders list their objects in Kbuild fragments (obj-$(CONFIG_X) += x.o);
# see docs/build-system.md.

VERSION = 0
PATCHLEVEL = 1
SUBLEVEL = 0
KERNELVERSION = $(VERSION).$(PATCHLEVEL).$(SUBLEVEL)

MAKEFLAGS += --no-builtin-rules --no-builtin-variables --no-print-directory
.SUFFIXES:
.DELETE_ON_ERROR:

srctree := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
O ?= build
override O := $(abspath $(O))
PYTHON := /usr/bin/python3
KCONFIG := $(PYTHON) $(srctree)/scripts/kconfig.py --srctree $(srctree) \
	--config $(O)/.config
export KERNELVERSION srctree

# V=1 prints whole commands; otherwise one short line per step.
ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
quiet = @printf '  %-7s %s\n'
endif

# ---------------------------------------------------------------------------
# Architecture: named on the command line for defconfig (ARCH=aarch64),
# otherwise taken from the .config; the host's by default.

norm-arch = $(patsubst amd64,x86_64,$(patsubst arm64,aarch64,$(1)))
HOSTARCH := $(call norm-arch,$(shell uname -m))
ifneq ($(origin ARCH),command line)
ARCH :=
endif
override ARCH := $(call norm-arch,$(ARCH))
DEFCONFIG_ARCH := $(or $(ARCH),$(HOSTARCH))

# ---------------------------------------------------------------------------
# Targets that work on the configuration only, and the rest.

config-targets := menuconfig oldconfig olddefconfig savedefconfig defconfig \
	list-defconfigs help %_defconfig
no-config-targets := clean distclean setup list-defconfigs help
build-goals := $(filter-out $(config-targets) $(no-config-targets),\
	$(or $(MAKECMDGOALS),all))
# Goals matching %_defconfig are config targets too.
build-goals := $(filter-out %_defconfig,$(build-goals))

.PHONY: all
all: kernel

# ---------------------------------------------------------------------------
# Host set-up: install what is missing from Debian's archive, once per O.

host-stamp := $(O)/.host-ok
$(host-stamp): $(srctree)/scripts/setup-host
	$(Q)mkdir -p $(O)
	$(Q)$(srctree)/scripts/setup-host
	$(Q)touch $@

.PHONY: setup
setup:
	$(Q)$(srctree)/scripts/setup-host

# ---------------------------------------------------------------------------
# Configuration targets (kbuild names).

defconfigs := $(sort $(notdir $(wildcard $(srctree)/configs/*_defconfig)))

%_defconfig: $(host-stamp) FORCE
	$(Q)test -f $(srctree)/configs/$@ || \
		{ echo "error: no configs/$@ (see make list-defconfigs)" >&2; exit 1; }
	$(Q)$(KCONFIG) defconfig $(srctree)/configs/$@

.PHONY: defconfig
ifeq ($(DEFCONFIG),)
defconfig: qemu-$(DEFCONFIG_ARCH)_defconfig
else
# DEFCONFIG=path/to/file: a defconfig kept outside configs/.
defconfig: $(host-stamp)
	$(Q)$(KCONFIG) defconfig $(abspath $(DEFCONFIG))
endif

.PHONY: menuconfig oldconfig olddefconfig savedefconfig
menuconfig oldconfig: $(host-stamp)
	$(Q)$(KCONFIG) $@

olddefconfig: $(host-stamp)
	$(Q)$(KCONFIG) olddefconfig

savedefconfig: $(host-stamp)
	$(Q)$(KCONFIG) savedefconfig $(O)/defconfig

.PHONY: list-defconfigs
list-defconfigs:
	@echo "Profiles (make <name>, O=<dir> to build several side by side):"
	@$(foreach d,$(defconfigs),echo "  $(d)";)

# ---------------------------------------------------------------------------
# From here on a configured build: the .config (made from the default
# profile when there is none), auto.conf and autoconf.h.

ifneq ($(build-goals),)

$(O)/.config: | $(host-stamp)
	@echo "no $(O)/.config: using the default profile \
qemu-$(DEFCONFIG_ARCH)_defconfig"
	$(Q)$(KCONFIG) defconfig $(srctree)/configs/qemu-$(DEFCONFIG_ARCH)_defconfig

# syncconfig checks the .config strictly and regenerates the headers only
# when their contents change, so a touched .config rebuilds nothing.
$(O)/include/config/auto.conf: $(O)/.config $(host-stamp)
	$(Q)$(KCONFIG) syncconfig $(O) --header-exclude apps \
		--header-exclude image-builder
	$(Q)touch $@

-include $(O)/include/config/auto.conf.cmd
include $(O)/include/config/auto.conf

# Only brings the generated configuration files up to date.
.PHONY: syncconfig
syncconfig: $(O)/include/config/auto.conf

unquote = $(patsubst "%",%,$(1))
CONFIG_ARCH := $(call unquote,$(CONFIG_ARCH))
ifneq ($(CONFIG_ARCH),)
ifneq ($(ARCH),)
ifneq ($(ARCH),$(CONFIG_ARCH))
$(error ARCH=$(ARCH) but $(O)/.config is for $(CONFIG_ARCH): run \
'make ARCH=$(ARCH) defconfig' or leave ARCH out)
endif
endif
endif
override ARCH := $(CONFIG_ARCH)

# On the first pass of a fresh O= the configuration is not loaded yet: make
# generates auto.conf, then restarts and reads the rest.
ifneq ($(CONFIG_ARCH),)
include $(srctree)/scripts/Makefile.kernel
include $(srctree)/scripts/Makefile.userspace
include $(srctree)/scripts/Makefile.run
include $(srctree)/scripts/Makefile.test
endif

endif # build-goals

# ---------------------------------------------------------------------------

.PHONY: clean distclean
clean:
	$(quiet) CLEAN $(O)
	$(Q)rm -rf $(O)/arch $(O)/core $(O)/drivers $(O)/fs $(O)/net \
		$(O)/images $(O)/include/generated $(O)/System.map $(O)/.flags \
		$(O)/.kobjs $(O)/build $(O)/target $(O)/test $(O)/unit

distclean:
	$(quiet) CLEAN $(O)
	$(Q)rm -rf $(O)

.PHONY: help
help:
	@echo 'Quick start:'
	@echo '  make run            - build the default profile and boot it in QEMU'
	@echo '  make test           - build and run every test (unit, boot, config)'
	@echo ''
	@echo 'Configuration (written to $$(O)/.config):'
	@echo '  make <profile>      - a profile from configs/, e.g. qemu-aarch64_defconfig'
	@echo '  make defconfig      - the default profile of ARCH (host arch if not given),'
	@echo '                        or the file DEFCONFIG=path names'
	@echo '  make menuconfig     - change the configuration in a text-mode menu'
	@echo '  make oldconfig      - update .config, asking about new options'
	@echo '  make olddefconfig   - update .config, new options get their defaults'
	@echo '  make savedefconfig  - write the minimal $$(O)/defconfig'
	@echo '  make list-defconfigs - list the profiles'
	@echo ''
	@echo 'Build and run:'
	@echo '  make                - build everything: kernel and initramfs in $$(O)/images/'
	@echo '  make kernel         - the kernel ELF and its boot formats only'
	@echo '  make toolchain      - the musl toolchain of ARCH (shared, in toolchains/)'
	@echo '  make busybox        - BusyBox with the chosen applets'
	@echo '  make rootfs         - stage the root file system in $$(O)/target/'
	@echo '  make initramfs      - $$(O)/images/initramfs.cpio'
	@echo '  make run            - boot in QEMU, console on stdio (Ctrl-A X quits)'
	@echo '  make debug          - like run, stopped at the first instruction with'
	@echo '                        a gdb stub on 127.0.0.1:1234 (same as run GDB=1)'
	@echo '  make boot-time      - median time from QEMU start to the banner'
	@echo '  make test           - unit tests, then boot and config tests of every profile'
	@echo '  make unit-test      - host unit tests only (ASan + UBSan)'
	@echo '  make clean          - remove build products, keep .config'
	@echo '  make distclean      - remove all of $$(O)'
	@echo '  make setup          - install missing host packages (Debian)'
	@echo ''
	@echo 'Variables:'
	@echo '  O=dir               - output folder (default build/)'
	@echo '  ARCH=x86_64|aarch64 - architecture for defconfig'
	@echo '  V=1                 - print whole command lines'
	@echo '  CMDLINE="..."       - kernel command line for run (e.g. test=boot)'
	@echo '  QEMU_MEM=128M       - guest memory for run'
	@echo '  QEMU_EXTRA="..."    - more QEMU arguments for run'
	@echo '  PYTEST_ARGS="..."   - arguments for pytest in make test (e.g. -k boot)'

.PHONY: FORCE
FORCE:
