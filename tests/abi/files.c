/* File syscalls: error codes, flags and stat fields. */
#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "abi.h"

#define KERNEL_PTR ((void *)0xffff800000001000UL)

int main(void)
{
	char dir[64], buf[256], longname[PATH_MAX + 16];
	struct stat st;
	int fd, p[2];

	snprintf(dir, sizeof(dir), "/tmp/abi-files.%d", getpid());
	mkdir(dir, 0755);
	chdir(dir);
	umask(022);

	T("read from fd -1", read(-1, buf, 1));
	T("write to fd 999", write(999, "x", 1));
	T("close fd 999", close(999));
	T("dup fd 999", dup(999));
	T("dup2 999 to 5", dup2(999, 5));
	T("dup3 same fd", dup3(1, 1, 0));
	T("dup3 bad flags", syscall(SYS_dup3, 1, 20, 0x1234));
	T("fcntl bad fd", fcntl(999, F_GETFD));
	T("fcntl bad cmd", fcntl(1, 9999));

	T("open missing", open("missing", O_RDONLY));
	T("open NULL path", open(NULL, O_RDONLY));
	T("open kernel pointer path", open(KERNEL_PTR, O_RDONLY));
	T("open empty path", open("", O_RDONLY));
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	T("open too long a path", open(longname, O_RDONLY));
	longname[NAME_MAX + 1] = 0;
	T("open too long a name", open(longname, O_RDONLY));
	fd = open("f", O_CREAT | O_RDWR | O_APPEND, 0666);
	S("open O_CREAT", fd);
	printf("F_GETFL: %s\n", oflags(fcntl(fd, F_GETFL)));
	T("F_GETFD", fcntl(fd, F_GETFD));
	T("F_SETFL O_NONBLOCK", fcntl(fd, F_SETFL, O_NONBLOCK));
	printf("F_GETFL after F_SETFL: %s\n", oflags(fcntl(fd, F_GETFL)));
	T("write 5 bytes", write(fd, "hello", 5));
	T("write from a NULL buffer", write(fd, NULL, 5));
	T("write from a kernel pointer", write(fd, KERNEL_PTR, 5));
	T("lseek to 0", lseek(fd, 0, SEEK_SET));
	T("read into a NULL buffer", read(fd, NULL, 5));
	T("read 10", read(fd, buf, 10));
	T("lseek bad whence", lseek(fd, 0, 99));
	T("lseek negative", lseek(fd, -10, SEEK_SET));
	T("lseek SEEK_END", lseek(fd, 0, SEEK_END));
	T("lseek SEEK_DATA 0", lseek(fd, 0, SEEK_DATA));
	T("lseek SEEK_HOLE 0", lseek(fd, 0, SEEK_HOLE));
	T("lseek SEEK_DATA past end", lseek(fd, 100, SEEK_DATA));
	T("pread at 1", pread(fd, buf, 3, 1));
	T("pread negative offset", pread(fd, buf, 3, -1));
	struct iovec iov[2] = { { buf, 2 }, { buf + 2, 2 } };
	T("readv", preadv(fd, iov, 2, 0));
	T("ftruncate to 2", ftruncate(fd, 2));
	fstat(fd, &st);
	printf("fstat: mode %o size %lld nlink %ld\n", st.st_mode,
	       (long long)st.st_size, (long)st.st_nlink);
	T("ftruncate negative", ftruncate(fd, -1));
	close(fd);
	fd = open("f", O_RDONLY | O_CLOEXEC);
	T("F_GETFD with O_CLOEXEC", fcntl(fd, F_GETFD));
	printf("F_GETFL O_RDONLY: %s\n", oflags(fcntl(fd, F_GETFL)));
	T("write to a read-only fd", write(fd, "x", 1));
	close(fd);
	fd = open("f", O_WRONLY);
	T("read from a write-only fd", read(fd, buf, 1));
	close(fd);

	T("open O_CREAT|O_EXCL existing", open("f", O_CREAT | O_EXCL | O_RDWR, 0600));
	T("open O_DIRECTORY on a file", open("f", O_RDONLY | O_DIRECTORY));
	T("open a directory for writing", open(".", O_WRONLY));
	T("open with a trailing slash on a file", open("f/", O_RDONLY));
	T("mkdir existing", mkdir("f", 0755));
	T("mkdir d", mkdir("d", 0750));
	stat("d", &st);
	printf("stat d: mode %o nlink %ld\n", st.st_mode, (long)st.st_nlink);
	T("mkdir under a file", mkdir("f/x", 0755));
	fd = open("d/inner", O_CREAT | O_WRONLY, 0644);
	close(fd);
	T("rmdir non-empty", rmdir("d"));
	T("rmdir a file", rmdir("f"));
	T("unlink a directory", unlink("d"));
	T("rename a directory into itself", rename("d", "d/sub"));
	T("rename a file over a directory", rename("f", "d"));
	T("rename missing", rename("nothing", "x"));
	T("symlink", symlink("f", "link"));
	T("symlink existing", symlink("f", "link"));
	T("readlink", readlink("link", buf, sizeof(buf)));
	T("readlink short buffer", readlink("link", buf, 0));
	T("readlink a file", readlink("f", buf, sizeof(buf)));
	T("open O_NOFOLLOW on a symlink", open("link", O_RDONLY | O_NOFOLLOW));
	symlink("loop1", "loop2");
	symlink("loop2", "loop1");
	T("open a symlink loop", open("loop1", O_RDONLY));
	lstat("link", &st);
	printf("lstat link: mode %o size %lld\n", st.st_mode, (long long)st.st_size);
	T("link", link("f", "hard"));
	stat("f", &st);
	printf("nlink after link: %ld\n", (long)st.st_nlink);
	T("link to a directory", link("d", "dlink"));
	T("unlink missing", unlink("nothing"));
	T("chdir to a file", chdir("f"));
	T("getcwd tiny buffer", getcwd(buf, 2) ? 0 : -1);
	T("access F_OK", access("f", F_OK));
	T("access missing", access("nothing", F_OK));
	T("chmod", chmod("f", 0600));
	stat("f", &st);
	printf("mode after chmod: %o\n", st.st_mode);
	T("truncate to 100", truncate("f", 100));
	stat("f", &st);
	printf("size after truncate: %lld\n", (long long)st.st_size);

	signal(SIGPIPE, SIG_IGN);
	T("pipe", pipe(p));
	T("lseek on a pipe", lseek(p[0], 0, SEEK_SET));
	printf("pipe read end F_GETFL: %s\n", oflags(fcntl(p[0], F_GETFL)));
	printf("pipe write end F_GETFL: %s\n", oflags(fcntl(p[1], F_GETFL)));
	fstat(p[0], &st);
	printf("pipe is a FIFO: %d\n", S_ISFIFO(st.st_mode));
	T("write to a pipe", write(p[1], "abc", 3));
	close(p[1]);
	T("read from a pipe", read(p[0], buf, 10));
	T("read at EOF", read(p[0], buf, 10));
	pipe(p);
	close(p[0]);
	T("write without readers", write(p[1], "x", 1));
	close(p[1]);
	T("pipe2 bad flags", pipe2(p, 0x1234));
	T("pipe2 O_NONBLOCK", pipe2(p, O_NONBLOCK));
	T("read an empty non-blocking pipe", read(p[0], buf, 1));
	T("pipe into a NULL array", pipe(NULL));

	DIR *d = opendir("d");
	struct dirent *e;
	int n = 0;
	while ((e = readdir(d)))
		n++;
	printf("entries in d: %d\n", n);
	closedir(d);

	unlink("d/inner");
	rmdir("d");
	unlink("f");
	unlink("hard");
	unlink("link");
	unlink("loop1");
	unlink("loop2");
	chdir("/");
	T("rmdir the scratch directory", rmdir(dir));
	return 0;
}
