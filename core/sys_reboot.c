/*
 * reboot (CONFIG_SYSCALL_SYSINFO), after reboot(2): root only (EPERM),
 * both magic numbers checked (EINVAL), then
 *
 *   LINUX_REBOOT_CMD_POWER_OFF   "Power down", arch_poweroff()
 *   LINUX_REBOOT_CMD_HALT        "System halted", then the CPU stops
 *                                with interrupts off, as Linux's halt:
 *                                the machine stays on (QEMU keeps
 *                                running) until it is switched off
 *   LINUX_REBOOT_CMD_RESTART     "Restarting system", arch_reboot()
 *   LINUX_REBOOT_CMD_RESTART2    the same, naming the user's command
 *   LINUX_REBOOT_CMD_CAD_ON/OFF  stored (BusyBox init sends CAD_OFF at
 *                                start: it is not a power-off)
 *
 * Suspend and kexec are not built: EINVAL, as Linux without them. The
 * call does not sync file systems: user space does that first.
 */
#define pr_fmt(fmt) "reboot: " fmt

#include <arch/cpu.h>
#include <arch/irq.h>
#include <arch/power.h>
#include <core/errno.h>
#include <core/printk.h>
#include <core/process.h>
#include <core/uaccess.h>

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
	char command[256];	/* RESTART2's, cut where Linux cuts it */

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
		pr_emerg("Restarting system\n");
		arch_reboot();
	case LINUX_REBOOT_CMD_RESTART2:
		if (strncpy_from_user(command, arg, sizeof(command)) == -EFAULT)
			return -EFAULT;
		pr_emerg("Restarting system with command '%s'\n", command);
		arch_reboot();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("System halted\n");
		arch_irq_disable();
		arch_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		pr_emerg("Power down\n");
		arch_poweroff();
	}
	return -EINVAL;
}
