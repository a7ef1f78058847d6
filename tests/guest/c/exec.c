/*
 * execve and the initial process image: the auxiliary vector, exec of
 * programs, #! scripts and execveat with a dirfd, the error cases, and
 * memory calls that exec'd programs rely on (shared and private maps,
 * mremap, madvise, mincore, msync, file mappings, brk).
 */
#include <fcntl.h>
#include <string.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define CHECK(c) ok((c), "%s", #c)

/* Runs argv[0] (or execveat(dirfd, name)) in a child; its wait status. */
static int run(int dirfd, const char *path, char *const argv[])
{
	int st = -1;
	pid_t pid = fork();

	if (pid == 0) {
		if (dirfd >= 0)
			syscall(SYS_execveat, dirfd, path, argv, NULL, 0);
		else
			execve(path, argv, NULL);
		_exit(127);
	}
	waitpid(pid, &st, 0);
	return st;
}

static void write_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, mode);

	write(fd, text, strlen(text));
	close(fd);
	chmod(path, mode);
}

int main(int argc, char **argv, char **envp)
{
	long P = sysconf(_SC_PAGESIZE);
	char *const sh_exit7[] = { "sh", "-c", "exit 7", NULL };
	char *const none[] = { "x", NULL };
	unsigned char vec[4];
	char *p, *q, *r;
	int st, d;

	CHECK(getauxval(AT_RANDOM) != 0);
	CHECK(getauxval(AT_PHDR) != 0);
	CHECK(getauxval(AT_PAGESZ) == 4096);
	CHECK(getauxval(AT_EXECFN) && strcmp((char *)getauxval(AT_EXECFN), argv[0]) == 0);
	CHECK(getauxval(AT_PLATFORM) != 0);
	CHECK(((uintptr_t)__builtin_frame_address(0)) % 16 == 0);

	st = run(-1, "/bin/sh", sh_exit7);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 7, "execve of /bin/sh (status %#x)", st);
	d = open("/bin", O_RDONLY | O_DIRECTORY);
	st = run(d, "sh", sh_exit7);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 7, "execveat with a dirfd (status %#x)", st);
	close(d);
	write_file("/tmp/exec-script", "#!/bin/sh -e\nexit 9\n", 0755);
	st = run(-1, "/tmp/exec-script", none);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 9, "#! script with an argument (status %#x)", st);
	write_file("/tmp/exec-noexec", "#!/bin/sh\nexit 0\n", 0644);
	CHECK(execve("/tmp/exec-noexec", none, envp) == -1 && errno == EACCES);
	write_file("/tmp/exec-garbage", "garbage, not a program\n", 0755);
	CHECK(execve("/tmp/exec-garbage", none, envp) == -1 && errno == ENOEXEC);
	write_file("/tmp/exec-badinterp", "#!/nonexistent/interp\n", 0755);
	CHECK(execve("/tmp/exec-badinterp", none, envp) == -1 && errno == ENOENT);
	unlink("/tmp/exec-script");
	unlink("/tmp/exec-noexec");
	unlink("/tmp/exec-garbage");
	unlink("/tmp/exec-badinterp");
	CHECK(execve("/nonexistent", none, envp) == -1 && errno == ENOENT);
	CHECK(execve("/tmp", none, envp) == -1 && errno == EACCES);
	char **volatile bad_argv = (char **)1;

	CHECK(execve("/bin/sh", bad_argv, envp) == -1 && errno == EFAULT);
	CHECK(syscall(SYS_execveat, AT_FDCWD, "/bin/sh", none, envp, 0x42) == -1 && errno == EINVAL);
	CHECK(syscall(SYS_execveat, AT_FDCWD, "", none, envp, 0) == -1 && errno == ENOENT);

	p = mmap(0, 3 * P, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED);
	p[0] = 1;
	if (fork() == 0) {
		p[0] = 42;
		p[P] = 43;
		_exit(0);
	}
	wait(&st);
	CHECK(p[0] == 42 && p[P] == 43);
	q = mmap(0, 2 * P, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	q[0] = 7;
	q[P] = 8;
	r = mremap(q, 2 * P, 64 * P, MREMAP_MAYMOVE);
	CHECK(r != MAP_FAILED && r[0] == 7 && r[P] == 8 && r[63 * P] == 0);
	CHECK(madvise(r, P, MADV_DONTNEED) == 0 && r[0] == 0 && r[P] == 8);
	CHECK(mincore(r, 2 * P, vec) == 0 && vec[1] == 1);
	CHECK(msync(r, P, MS_SYNC) == 0);
	CHECK(munmap(r, 64 * P) == 0);
	CHECK(msync(r, P, MS_SYNC) == -1 && errno == ENOMEM);

	int fd = open(argv[0], O_RDONLY);
	char *f = mmap(0, P, PROT_READ, MAP_PRIVATE, fd, 0);
	char buf[16];

	pread(fd, buf, 16, 0);
	CHECK(f != MAP_FAILED && memcmp(f, buf, 16) == 0 && memcmp(buf, "\177ELF", 4) == 0);
	CHECK(mprotect(f, P, PROT_READ | PROT_WRITE) == 0 && (f[0] = 'x') == 'x');
	pread(fd, buf, 1, 0);
	CHECK(buf[0] == 0177);	/* a private mapping's write stays private */
	close(fd);

	char *b0 = (char *)syscall(SYS_brk, 0);
	CHECK((char *)syscall(SYS_brk, b0 + 3 * P) == b0 + 3 * P &&
	      (char *)syscall(SYS_brk, 0) == b0 + 3 * P);
	b0[P] = 1;
	char *e1 = mmap(0, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(mmap(e1, P, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED &&
	      errno == EEXIST);
	return done_testing();
}
