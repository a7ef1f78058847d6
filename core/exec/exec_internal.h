/*
 * Private to core/exec/: the state of one execve while it is being built
 * (struct binprm), the argument strings (struct exec_args), the ELF64
 * structures, and the steps exec.c runs: open, #! rewrite, ELF load,
 * initial stack. See <core/exec.h> and docs/processes.md.
 */
#ifndef CORE_EXEC_INTERNAL_H
#define CORE_EXEC_INTERNAL_H

#include <core/mm.h>
#include <core/sched.h>
#include <core/types.h>
#include <fs/vfs.h>

struct mm;

/* Bytes of a file read to recognise it (Linux's BINPRM_BUF_SIZE). */
#define BINPRM_BUF_SIZE		256
/* One argument or environment string, NUL included (MAX_ARG_STRLEN). */
#define MAX_ARG_STRLEN		(32 * PAGE_SIZE)
/*
 * All strings plus their vector pointers: Linux allows a quarter of
 * RLIMIT_STACK (2 MiB with the usual 8 MiB); fixed here.
 */
#define ARG_TOTAL_MAX		(2UL << 20)
/* #! rewrites before -ELOOP: Linux's exec_binprm() stops past depth 5. */
#define BINPRM_MAX_DEPTH	5

/*
 * The argument strings: argc argv strings then envc envp strings, each
 * NUL-terminated, back to back in buf (len bytes used of cap).
 */
struct exec_args {
	char *buf;
	size_t len, cap;
	int argc, envc;
};

struct binprm {
	struct file *file;		/* the file being loaded now */
	char buf[BINPRM_BUF_SIZE];	/* its first bytes, zero padded */
	size_t buf_len;			/* bytes read into buf */
	char *filename;			/* as given (AT_EXECFN, #! argument) */
	char comm[TASK_NAME_LEN];	/* the new task name */
	int depth;			/* #! rewrites so far */
	struct exec_args args;

	/* Filled by the ELF loader. */
	struct mm *mm;
	uintptr_t entry;
	uintptr_t phdr;			/* user address of the headers */
	unsigned int phnum;
	bool exec_stack;		/* PT_GNU_STACK asked for PF_X */
	uintptr_t sp;			/* set by exec_setup_stack() */
};

/* args.c: collecting the strings. */
void exec_args_init(struct exec_args *a);
void exec_args_free(struct exec_args *a);
/*
 * Appends the strings of a NULL-terminated array, from user space (user)
 * or the kernel, as argv (env false) or envp. vec NULL is an empty array.
 * Returns 0, -E2BIG (one string or the total too long), -EFAULT, -ENOMEM.
 */
int exec_args_copy(struct exec_args *a, const char *const *vec, bool env,
		   bool user);
/*
 * #!: replaces argv[0] by the n strings of front (argv grows by n - 1).
 * Returns 0, -E2BIG or -ENOMEM (a unchanged).
 */
int exec_args_replace_argv0(struct exec_args *a, const char *const *front,
			    int n);

/* The ELF loader (elf.c): -ENOEXEC when b->buf is not an ELF image. */
int load_elf(struct binprm *b);
/*
 * The #! handler (binfmt_script.c): -ENOEXEC when b->buf is not a
 * script; otherwise rewrites the arguments and replaces b->file by the
 * interpreter, returning 0 (the caller loads it next).
 */
int load_script(struct binprm *b);
/*
 * Opens name (relative to dir; NULL: the cwd) for b->file, checking that
 * it is a regular file with an x bit, and reads b->buf. Returns 0,
 * -ENOENT, -EACCES, -ELOOP (nofollow on a symlink)...
 */
int exec_open(struct binprm *b, const struct path *dir, const char *name,
	      bool nofollow);

/* do_execve_common() flags. */
#define EXEC_NOFOLLOW	0x1	/* AT_SYMLINK_NOFOLLOW */
#define EXEC_FDPATH	0x2	/* filename is /dev/fd/N[/name] */

/*
 * The whole execve: name (relative to dir, NULL: the cwd) is the file,
 * filename the name the program is told (AT_EXECFN, #! argument); args
 * is taken over (freed either way). Returns 0 with the new image
 * installed in current, or -errno with the old one untouched.
 */
int do_execve_common(const struct path *dir, const char *name,
		     const char *filename, struct exec_args *args,
		     unsigned int flags);

/* stack.c: maps the stack in b->mm and writes the initial frame. */
int exec_setup_stack(struct binprm *b);

/* ELF64 (System V gABI, "ELF-64 Object File Format"). */
#define EI_NIDENT	16
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define ET_DYN		3
#define PT_LOAD		1
#define PT_INTERP	3
#define PT_PHDR		6
#define PT_GNU_STACK	0x6474e551
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

struct elf64_ehdr {
	unsigned char e_ident[EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

struct elf64_phdr {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
};

#endif /* CORE_EXEC_INTERNAL_H */
