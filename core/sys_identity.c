/*
 * User and group ids (CONFIG_SYSCALL_IDENTITY): the get/set calls for
 * real, effective, saved and file-system ids and supplementary groups,
 * kept in struct process (<core/process.h>).
 *
 * Everything runs as root for now and nothing enforces file permissions
 * yet, but the rules of setuid(2) and friends are applied as Linux does:
 * an effective uid 0 stands for CAP_SETUID and CAP_SETGID, and a process
 * that gave up root can only move among the ids it holds (EPERM
 * otherwise). Ids are per process (Linux keeps them per thread; the C
 * library applies a change to every thread anyway). setgroups keeps at
 * most NGROUPS_KEPT groups, EINVAL beyond (Linux allows 65536).
 */
#include <core/errno.h>
#include <core/process.h>
#include <core/sync.h>
#include <core/uaccess.h>

#define NO_ID		((uint32_t)-1)	/* "leave unchanged" */
#define NGROUPS_MAX	65536

long sys_getuid(void)
{
	return current_process()->uid;
}

long sys_geteuid(void)
{
	return current_process()->euid;
}

long sys_getgid(void)
{
	return current_process()->gid;
}

long sys_getegid(void)
{
	return current_process()->egid;
}

/* The credentials of one kind (user or group ids) of a process. */
struct ids {
	uint32_t *r, *e, *s, *fs;
};

static struct ids uids(struct process *p)
{
	return (struct ids){ &p->uid, &p->euid, &p->suid, &p->fsuid };
}

static struct ids gids(struct process *p)
{
	return (struct ids){ &p->gid, &p->egid, &p->sgid, &p->fsgid };
}

static bool privileged(const struct process *p)
{
	return p->euid == 0;
}

/* Is id one of the real, effective and saved ids? */
static bool holds(const struct ids *c, uint32_t id)
{
	return id == *c->r || id == *c->e || id == *c->s;
}

/*
 * setresuid/setresgid: each id that is not NO_ID is set; an unprivileged
 * caller may only pick ids it holds. The fs id follows the effective.
 */
static long set_res(bool uid, uint32_t r, uint32_t e, uint32_t s)
{
	struct process *p = current_process();
	struct ids c = uid ? uids(p) : gids(p);
	unsigned long flags;
	long err = 0;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (!privileged(p) && ((r != NO_ID && !holds(&c, r)) ||
			       (e != NO_ID && !holds(&c, e)) ||
			       (s != NO_ID && !holds(&c, s)))) {
		err = -EPERM;
		goto out;
	}
	if (r != NO_ID)
		*c.r = r;
	if (e != NO_ID)
		*c.e = e;
	if (s != NO_ID)
		*c.s = s;
	*c.fs = *c.e;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/*
 * setreuid/setregid: the real id may become the real or effective one,
 * the effective any held id; the saved id follows the new effective one
 * when the real id is set or the effective differs from the old real.
 */
static long set_re(bool uid, uint32_t r, uint32_t e)
{
	struct process *p = current_process();
	struct ids c = uid ? uids(p) : gids(p);
	uint32_t old_r = *c.r;
	unsigned long flags;
	long err = 0;

	spin_lock_irqsave(&tasklist_lock, &flags);
	if (!privileged(p) &&
	    ((r != NO_ID && r != *c.r && r != *c.e) ||
	     (e != NO_ID && !holds(&c, e)))) {
		err = -EPERM;
		goto out;
	}
	if (r != NO_ID)
		*c.r = r;
	if (e != NO_ID)
		*c.e = e;
	if (r != NO_ID || (e != NO_ID && e != old_r))
		*c.s = *c.e;
	*c.fs = *c.e;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* setuid/setgid: privileged, all four ids; else the effective only. */
static long set_one(bool uid, uint32_t id)
{
	struct process *p = current_process();
	struct ids c = uid ? uids(p) : gids(p);
	unsigned long flags;
	long err = 0;

	if (id == NO_ID)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, &flags);
	if (privileged(p)) {
		*c.r = *c.s = id;
	} else if (id != *c.r && id != *c.s) {
		err = -EPERM;
		goto out;
	}
	*c.e = *c.fs = id;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* setfsuid/setfsgid: returns the old fs id whether or not it changed. */
static long set_fs(bool uid, uint32_t id)
{
	struct process *p = current_process();
	struct ids c = uid ? uids(p) : gids(p);
	uint32_t old = *c.fs;

	if (id != NO_ID && (privileged(p) || holds(&c, id) || id == old))
		*c.fs = id;
	return old;
}

long sys_setuid(uint32_t uid)
{
	return set_one(true, uid);
}

long sys_setgid(uint32_t gid)
{
	return set_one(false, gid);
}

long sys_setreuid(uint32_t ruid, uint32_t euid)
{
	return set_re(true, ruid, euid);
}

long sys_setregid(uint32_t rgid, uint32_t egid)
{
	return set_re(false, rgid, egid);
}

long sys_setresuid(uint32_t ruid, uint32_t euid, uint32_t suid)
{
	return set_res(true, ruid, euid, suid);
}

long sys_setresgid(uint32_t rgid, uint32_t egid, uint32_t sgid)
{
	return set_res(false, rgid, egid, sgid);
}

long sys_setfsuid(uint32_t fsuid)
{
	return set_fs(true, fsuid);
}

long sys_setfsgid(uint32_t fsgid)
{
	return set_fs(false, fsgid);
}

static long get_res(const struct ids *c, uint32_t *r, uint32_t *e,
		    uint32_t *s)
{
	if (copy_to_user(r, c->r, sizeof(*r)) ||
	    copy_to_user(e, c->e, sizeof(*e)) ||
	    copy_to_user(s, c->s, sizeof(*s)))
		return -EFAULT;
	return 0;
}

long sys_getresuid(uint32_t *ruid, uint32_t *euid, uint32_t *suid)
{
	struct ids c = uids(current_process());

	return get_res(&c, ruid, euid, suid);
}

long sys_getresgid(uint32_t *rgid, uint32_t *egid, uint32_t *sgid)
{
	struct ids c = gids(current_process());

	return get_res(&c, rgid, egid, sgid);
}

/* size 0: the count; otherwise at least the count, filled. */
long sys_getgroups(int size, uint32_t *list)
{
	struct process *p = current_process();
	int n = p->ngroups;

	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return n;
	if (size < n)
		return -EINVAL;
	if (copy_to_user(list, p->groups, n * sizeof(uint32_t)))
		return -EFAULT;
	return n;
}

/* Root only (CAP_SETGID). Linux keeps the list sorted; so do we. */
long sys_setgroups(int size, const uint32_t *list)
{
	struct process *p = current_process();
	uint32_t groups[NGROUPS_KEPT], g;
	unsigned long flags;
	int i, j;

	if (size < 0 || size > NGROUPS_MAX)
		return -EINVAL;
	if (!privileged(p))
		return -EPERM;
	if (size > NGROUPS_KEPT)
		return -EINVAL;
	if (copy_from_user(groups, list, size * sizeof(uint32_t)))
		return -EFAULT;
	for (i = 1; i < size; i++) {
		g = groups[i];
		for (j = i; j > 0 && groups[j - 1] > g; j--)
			groups[j] = groups[j - 1];
		groups[j] = g;
	}
	spin_lock_irqsave(&tasklist_lock, &flags);
	for (i = 0; i < size; i++)
		p->groups[i] = groups[i];
	p->ngroups = size;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}
