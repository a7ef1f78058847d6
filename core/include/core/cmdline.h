/*
 * Kernel command line: space-separated words, "key" or "key=value", with
 * double quotes allowed around a value that holds spaces (key="a b").
 * Later words override earlier ones for the same key.
 */
#ifndef CORE_CMDLINE_H
#define CORE_CMDLINE_H

#include <core/types.h>

/* Copies and parses the command line; longer than CMDLINE_MAX is cut. */
#define CMDLINE_MAX 1024
void cmdline_init(const char *cmdline);

/* The command line as given (after cutting to CMDLINE_MAX). */
const char *cmdline_get(void);

/* Value of key: "" for a bare word, NULL when absent. */
const char *cmdline_value(const char *key);

/* True when key is present (as "key" or "key=..."). */
bool cmdline_has(const char *key);

/*
 * Parses key=<integer> (decimal, 0x hex, optional leading '-') into *out.
 * Returns 0, -ENOENT when absent, -EINVAL when not a number.
 */
int cmdline_long(const char *key, long *out);

#endif /* CORE_CMDLINE_H */
