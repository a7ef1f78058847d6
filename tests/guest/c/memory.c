/*
 * Memory: anonymous mappings, protections enforced with SIGSEGV,
 * MAP_SHARED across fork, copy-on-write, mremap, madvise, brk.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

static sigjmp_buf env;
static volatile int fault_code;
static void *volatile fault_addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	fault_code = si->si_code;
	fault_addr = si->si_addr;
	siglongjmp(env, 1);
}

/* Writes (or reads) *p; returns the si_code of the SIGSEGV, or 0. */
static int touch(volatile char *p, int write)
{
	fault_code = 0;
	if (sigsetjmp(env, 1) == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
	}
	return fault_code;
}

int main(void)
{
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };
	long pg = sysconf(_SC_PAGESIZE);
	char *p, *q;
	int status;
	pid_t pid;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	is_long(pg, 4096, "page size is 4096");

	p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(p != MAP_FAILED, "anonymous mmap");
	ok(p[0] == 0 && p[4 * pg - 1] == 0, "new memory reads as zero");
	p[pg] = 'x';
	is_long(p[pg], 'x', "and keeps what is written");
	ok(mprotect(p, pg, PROT_READ) == 0, "mprotect read-only");
	is_long(touch(p, 1), SEGV_ACCERR, "writing read-only memory faults with SEGV_ACCERR");
	ok(fault_addr == p, "si_addr is the faulting address");
	is_long(touch(p, 0), 0, "reading it is fine");
	mprotect(p, pg, PROT_NONE);
	is_long(touch(p, 0), SEGV_ACCERR, "PROT_NONE forbids reads");
	ok(munmap(p, pg) == 0, "munmap");
	is_long(touch(p, 0), SEGV_MAPERR, "unmapped memory faults with SEGV_MAPERR");
	is_long(touch(p + pg, 0), 0, "the rest of the mapping stays");
	is_long(touch((char *)8, 0), SEGV_MAPERR, "NULL page faults");

	fails_with((long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL,
		   "mmap of length 0 is EINVAL");
	fails_with((long)mmap(NULL, pg, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL,
		   "mmap without SHARED or PRIVATE is EINVAL");
	fails_with((long)mmap((void *)(p + 1), pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0),
		   EINVAL, "unaligned MAP_FIXED is EINVAL");
	fails_with((long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 12345, 0), EBADF,
		   "mmap of a bad fd is EBADF");

	/* Copy-on-write and sharing across fork. */
	q = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	p[pg] = 'p';
	q[0] = 'p';
	if ((pid = fork()) == 0) {
		p[pg] = 'c';
		q[0] = 'c';
		_exit(p[pg] == 'c' ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child sees its own write");
	is_long(p[pg], 'p', "a private page is copied on write");
	is_long(q[0], 'c', "a MAP_SHARED page is shared with the child");

	/* mremap */
	p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p[0] = 'm';
	q = mremap(p, pg, 64 * pg, MREMAP_MAYMOVE);
	ok(q != MAP_FAILED, "mremap grows a mapping");
	is_long(q[0], 'm', "keeping its contents");
	q[64 * pg - 1] = 1;
	is_long(q[64 * pg - 1], 1, "the new part is usable");
	q = mremap(q, 64 * pg, pg, 0);
	ok(q != MAP_FAILED, "mremap shrinks in place");

	/* madvise */
	q[0] = 'z';
	ok(madvise(q, pg, MADV_DONTNEED) == 0, "madvise(MADV_DONTNEED)");
	is_long(q[0], 0, "drops the page: it reads back as zero");
	fails_with(madvise(q + 1, pg, MADV_DONTNEED), EINVAL, "madvise of an unaligned address");

	/* brk (the raw call: musl's sbrk only reports the break) */
	char *b0 = (char *)syscall(SYS_brk, 0);
	ok(b0 != NULL, "brk(0) gives the break");
	is_long(syscall(SYS_brk, b0 + 3 * pg), (long)(b0 + 3 * pg), "brk grows the heap");
	b0[3 * pg - 1] = 7;
	is_long(b0[3 * pg - 1], 7, "the heap is usable");
	is_long(syscall(SYS_brk, b0), (long)b0, "brk shrinks it");
	is_long(touch(b0 + pg, 0), SEGV_MAPERR, "memory above a lowered break is gone");
	is_long(syscall(SYS_brk, 4096), (long)b0, "an impossible break leaves it unchanged");

	/* malloc of large blocks (mmap in musl) and many small ones */
	char *big = malloc(8 << 20);
	ok(big != NULL, "malloc(8 MiB)");
	for (long i = 0; i < (8 << 20); i += pg)
		big[i] = (char)i;
	int same = 1;
	for (long i = 0; i < (8 << 20); i += pg)
		same &= big[i] == (char)i;
	ok(same, "8 MiB of pages hold their values");
	free(big);

	return done_testing();
}
