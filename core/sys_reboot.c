/*
 * reboot (CONFIG_SYSCALL_SYSINFO), after reboot(2): root only (EPERM),
 * both magic numbers checked (EINVAL), then
 *
 *   LINUX_REBOOT_CMD_POWER_OFF   arch_poweroff()
 *   LINUX_REBOOT_CMD_HALT        arch_poweroff() too: on a virtual
 *                                machine a halted CPU is just a hang
 *   LINUX_REBOOT_CMD_RESTART(2)  arch_reboot()
 *   LINUX_REBOOT_CMD_CAD_ON/OFF  stored (BusyBox init sends CAD_OFF at
 *                                start: it is not a power-off)
 *
 * Suspend and kexec are not built: EINVAL, as Linux without them. The
 * call does not sync file systems: user space does that first.
 */
#define pr_fmt(fmt) "reboot: " fmt

#include <arch/power.h>
#include <core/errno.h>
#include <core/printk.h>
#include <core/process.h>

#define LINUX_REBOOT_MAGIC1		0xfee1deadU
#define LINUX_REBOOT_MAGIC2		672274793U
#define LINUX_REBOOT_MAGIC2A		85072278U
#define LINUX_REBOOT_MAGIC2B		369367448U
#define LINUX_REBOOT_MAGIC2C		537993216U

#define LINUX_REBOOT_CMD_RESTART	0x01234567U
#define LINUX_REBOOT_CMD_HALT		0xcdef0123U
#define LINUX_REBOOT_CMD_CAD_ON		0x89abcdefU
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000U
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedcU
#define LINUX_REBOOT_CMD_RESTART2	0xa1b2c3d4U

/* Ctrl-Alt-Del reboots at once (on) or signals init (off). No keyboard
 * delivers it yet; the setting is kept for when one does. */
static bool cad_reboots = true;

long sys_reboot(int magic1, int magic2, unsigned int cmd, void *arg)
{
	if (current_process()->euid != 0)
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    ((unsigned int)magic2 != LINUX_REBOOT_MAGIC2 &&
	     (unsigned int)magic2 != LINUX_REBOOT_MAGIC2A &&
	     (unsigned int)magic2 != LINUX_REBOOT_MAGIC2B &&
	     (unsigned int)magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;

	switch (cmd) {
	case LINUX_REBOOT_CMD_CAD_ON:
		cad_reboots = true;
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		cad_reboots = false;
		return 0;
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		pr_notice("Restarting system\n");
		arch_reboot();
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_notice("Power down\n");
		arch_poweroff();
	}
	return -EINVAL;
}
