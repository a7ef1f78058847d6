/* Dereferences NULL: the shell suite checks it dies of SIGSEGV. */
int main(void)
{
	return *(volatile int *)0;
}
