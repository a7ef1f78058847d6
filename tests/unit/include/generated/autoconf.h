/*
 * Configuration for the host unit tests: what the kernel sources under test
 * see instead of the build's generated autoconf.h. Values are those of the
 * default profiles.
 */
#define CONFIG_PROFILE "unit-test"
#define CONFIG_ARCH "host"
#define CONFIG_HZ 100
#define CONFIG_LOG_LEVEL 7
#define CONFIG_PRINTK_TIME 1
#define CONFIG_FDT 1
#define CONFIG_SCHED_FAIR 1
#define CONFIG_SCHED_RR_SLICE_MS 20
#define CONFIG_VFS 1
#define CONFIG_TMPFS 1
#define CONFIG_TMPFS_SIZE_PERCENT 50
