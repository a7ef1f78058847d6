/*
 * Copying path names in from user space (<fs/user.h>).
 */
#include <fs/user.h>

#include <core/errno.h>
#include <core/slab.h>
#include <core/uaccess.h>
#include <fs/uapi.h>

char *getname(const char *upath)
{
	char *name = kmalloc(PATH_MAX);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, upath, PATH_MAX);
	if (len < 0) {
		kfree(name);
		return ERR_PTR(len);
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}
