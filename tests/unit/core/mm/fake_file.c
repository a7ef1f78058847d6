/*
 * The two file calls core/mm makes (a space holds a reference to its
 * executable, /proc/<pid>/exe): counted, nothing else, since the VM
 * tests never set mm->exe_file.
 */
#include <fs/vfs.h>

struct file *fget(struct file *file)
{
	file->f_ref++;
	return file;
}

void fput(struct file *file)
{
	file->f_ref--;
}
