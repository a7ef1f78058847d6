/*
 * The system's names as uname(2) gives them (core/utsname.c): shared by
 * uname, sethostname, setdomainname and /proc/sys/kernel. The host and
 * domain names can change at any time; readers take a whole copy.
 */
#ifndef CORE_UTSNAME_H
#define CORE_UTSNAME_H

#include <core/types.h>

#define UTS_LEN		64

/* struct new_utsname: six NUL-terminated fields of 65 bytes. */
struct utsname {
	char sysname[UTS_LEN + 1];
	char nodename[UTS_LEN + 1];
	char release[UTS_LEN + 1];
	char version[UTS_LEN + 1];
	char machine[UTS_LEN + 1];
	char domainname[UTS_LEN + 1];
};

/* A consistent copy of the names. Any context. */
void uts_read(struct utsname *out);

/*
 * Sets the host name or the domain name to (name, len) (not
 * NUL-terminated). 0, or -EINVAL when len > UTS_LEN. No permission check.
 */
int uts_set_nodename(const char *name, size_t len);
int uts_set_domainname(const char *name, size_t len);

#endif /* CORE_UTSNAME_H */
