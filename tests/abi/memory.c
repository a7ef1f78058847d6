/* Memory calls: argument checking. */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "abi.h"

int main(void)
{
	long pg = 4096;
	char *p = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	S("mmap 4 pages", p == MAP_FAILED ? -1 : 0);
	T("mmap length 0", (long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	T("mmap neither shared nor private", (long)mmap(NULL, pg, PROT_READ, MAP_ANONYMOUS, -1, 0));
	T("mmap both shared and private", (long)mmap(NULL, pg, PROT_READ, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	T("mmap unaligned offset", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 0, 1));
	T("mmap bad fd", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 999, 0));
	T("mmap MAP_FIXED unaligned", (long)mmap(p + 1, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
	T("mmap MAP_FIXED_NOREPLACE on a mapping", (long)mmap(p, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0));
	T("mmap huge", (long)mmap(NULL, (size_t)1 << 62, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	T("munmap unaligned", munmap(p + 1, pg));
	T("munmap length 0", munmap(p, 0));
	T("munmap a hole", munmap(p + 100 * pg, pg) == 0 ? 0 : -1);
	T("mprotect unaligned", mprotect(p + 1, pg, PROT_READ));
	T("mprotect bad prot", mprotect(p, pg, 0x100));
	T("mprotect unmapped", mprotect((void *)0x10000, pg, PROT_READ));
	T("mremap to 0", (long)mremap(p, pg, 0, 0));
	T("mremap unaligned", (long)mremap(p + 1, pg, 2 * pg, 0));
	T("mremap FIXED without MAYMOVE", (long)mremap(p, pg, pg, MREMAP_FIXED, p + 8 * pg));
	T("madvise bad advice", madvise(p, pg, 12345));
	T("madvise unmapped", madvise((void *)0x10000, pg, MADV_DONTNEED));
	T("msync unaligned", msync(p + 1, pg, MS_SYNC));
	T("msync bad flags", msync(p, pg, MS_SYNC | MS_ASYNC));
	T("munmap all", munmap(p, 4 * pg));
	return 0;
}
