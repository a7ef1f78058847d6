/*
 * The poll and select cores that the *at-less x86_64 calls (legacy_*.c)
 * share with ppoll and pselect6, and the handlers' prototypes.
 */
#ifndef FS_POLL_SYS_POLL_H
#define FS_POLL_SYS_POLL_H

#include <core/types.h>

struct ktimespec;
struct ktimeval;

/* poll over nfds user pollfds until deadline (<poll_internal.h>). */
long do_sys_poll(void *ufds, unsigned int nfds, uint64_t deadline);
/* select over n fds of the user fd_sets until deadline. */
long do_sys_select(int n, void *inp, void *outp, void *exp,
		   uint64_t deadline);

long sys_ppoll(void *ufds, unsigned int nfds,
	       const struct ktimespec *utmo, const void *usigmask,
	       size_t sigsetsize);
long sys_poll(void *ufds, unsigned int nfds, int timeout_ms);
long sys_pselect6(int n, void *inp, void *outp, void *exp,
		  struct ktimespec *utmo, const void *usig);
long sys_select(int n, void *inp, void *outp, void *exp,
		struct ktimeval *utv);

#endif /* FS_POLL_SYS_POLL_H */
