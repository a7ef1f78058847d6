/*
 * The initial user stack of a new image (System V x86-64 psABI §3.4.1,
 * arm64 the same; Linux's fs/binfmt_elf.c layout). From the top, just
 * below USER_SPACE_END:
 *
 *	8 zero bytes
 *	the file name (AT_EXECFN)
 *	argv strings, then envp strings
 *	the platform string (AT_PLATFORM)
 *	16 random bytes (AT_RANDOM), 16-byte aligned
 *	padding so that sp is 16-byte aligned
 *	auxv pairs ending with AT_NULL
 *	envp[], NULL
 *	argv[], NULL
 *	argc				<- sp
 *
 * The stack area is as big as the RLIMIT_STACK soft limit (8 MiB when
 * unlimited, at most STACK_MAX), mapped at once and paged on demand; it
 * does not grow. There is no vDSO (no AT_SYSINFO_EHDR).
 */
#include "exec_internal.h"

#include <arch/elf.h>
#include <core/compiler.h>
#include <core/errno.h>
#include <core/process.h>
#include <core/random.h>
#include <core/string.h>
#include <core/vm.h>

/* Auxiliary vector types (linux/auxvec.h, asm/auxvec.h). */
#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_HWCAP2	26
#define AT_EXECFN	31
#define AT_MINSIGSTKSZ	51

#define NR_AUXV		21	/* pairs, AT_NULL included, at most */
#define USER_HZ		100	/* AT_CLKTCK: times() ticks per second */

#define STACK_DEFAULT	(8UL << 20)
#define STACK_MAX	(64UL << 20)
#define STACK_SLACK	(128UL << 10)	/* room left below the frame, at least */

/* Buffered writes of words going up the new stack. */
struct vec_writer {
	struct mm *mm;
	uintptr_t addr;		/* where buf[0] goes */
	int n;
	int err;
	uint64_t buf[64];
};

static void flush(struct vec_writer *w)
{
	if (w->n && !w->err)
		w->err = vm_write(w->mm, w->addr, w->buf, w->n * 8);
	w->addr += w->n * 8;
	w->n = 0;
}

static void push(struct vec_writer *w, uint64_t word)
{
	w->buf[w->n++] = word;
	if (w->n == (int)ARRAY_SIZE(w->buf))
		flush(w);
}

static void push_aux(struct vec_writer *w, uint64_t type, uint64_t val)
{
	push(w, type);
	push(w, val);
}

/* Pushes count pointers to the strings from *s (user copy at *u). */
static void push_strings(struct vec_writer *w, const char **s, uintptr_t *u,
			 int count)
{
	while (count--) {
		size_t len = strlen(*s) + 1;

		push(w, *u);
		*s += len;
		*u += len;
	}
	push(w, 0);
}

static size_t stack_size(size_t need)
{
	uint64_t lim = rlimit(RLIMIT_STACK);
	size_t size = lim == RLIM_INFINITY ? STACK_DEFAULT : MIN(lim, STACK_MAX);

	size = ALIGN_UP(size, PAGE_SIZE);
	return MAX(size, ALIGN_UP(need, PAGE_SIZE) + STACK_SLACK);
}

int exec_setup_stack(struct binprm *b)
{
	struct process *proc = current_process();
	const struct exec_args *a = &b->args;
	uintptr_t top = USER_SPACE_END, p, execfn, strings, platform, rnd;
	size_t words, size;
	struct vec_writer w = { .mm = b->mm };
	unsigned char random[16];
	const char *s;
	uintptr_t u;
	long ret;
	int err;

	p = top - sizeof(uint64_t);
	p -= strlen(b->filename) + 1;
	execfn = p;
	p -= a->len;
	strings = p;
	p -= sizeof(ELF_PLATFORM);
	platform = p;
	p = ALIGN_DOWN(p, 16) - sizeof(random);
	rnd = p;
	words = 1 + (a->argc + 1) + (a->envc + 1) + 2 * NR_AUXV;
	p = ALIGN_DOWN(p - words * 8, 16);

	size = stack_size(top - p);
	ret = vm_map(b->mm, top - size, size,
		     VM_PROT_READ | VM_PROT_WRITE |
			     (b->exec_stack ? VM_PROT_EXEC : 0),
		     VM_MAP_FIXED);
	if (ret < 0)
		return ret;

	get_random_bytes(random, sizeof(random));
	err = vm_write(b->mm, execfn, b->filename, strlen(b->filename) + 1);
	if (!err)
		err = vm_write(b->mm, strings, a->buf, a->len);
	if (!err)
		err = vm_write(b->mm, platform, ELF_PLATFORM,
			       sizeof(ELF_PLATFORM));
	if (!err)
		err = vm_write(b->mm, rnd, random, sizeof(random));
	if (err)
		return err;

	/*
	 * Written upwards from p (16-byte aligned whatever argc's parity);
	 * room was kept for NR_AUXV pairs, any unused part is padding.
	 */
	w.addr = p;
	push(&w, a->argc);
	s = a->buf;
	u = strings;
	push_strings(&w, &s, &u, a->argc);
	b->mm->arg_start = strings;
	b->mm->arg_end = b->mm->env_start = u;
	push_strings(&w, &s, &u, a->envc);
	b->mm->env_end = u;

	push_aux(&w, AT_HWCAP, arch_elf_hwcap());
	push_aux(&w, AT_PAGESZ, PAGE_SIZE);
	push_aux(&w, AT_CLKTCK, USER_HZ);
	push_aux(&w, AT_PHDR, b->phdr);
	push_aux(&w, AT_PHENT, sizeof(struct elf64_phdr));
	push_aux(&w, AT_PHNUM, b->phnum);
	push_aux(&w, AT_BASE, 0);
	push_aux(&w, AT_FLAGS, 0);
	push_aux(&w, AT_ENTRY, b->entry);
	push_aux(&w, AT_UID, proc ? proc->uid : 0);
	push_aux(&w, AT_EUID, proc ? proc->euid : 0);
	push_aux(&w, AT_GID, proc ? proc->gid : 0);
	push_aux(&w, AT_EGID, proc ? proc->egid : 0);
	push_aux(&w, AT_SECURE, 0);
	push_aux(&w, AT_RANDOM, rnd);
	push_aux(&w, AT_HWCAP2, arch_elf_hwcap2());
	push_aux(&w, AT_EXECFN, execfn);
	push_aux(&w, AT_PLATFORM, platform);
	if (ELF_MINSIGSTKSZ)
		push_aux(&w, AT_MINSIGSTKSZ, ELF_MINSIGSTKSZ);
	push_aux(&w, AT_NULL, 0);
	flush(&w);
	if (w.err)
		return w.err;
	b->sp = p;
	b->mm->start_stack = p;
	return 0;
}
