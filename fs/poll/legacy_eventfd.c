/*
 * eventfd(2), x86_64's older form of eventfd2 without flags.
 */
long sys_eventfd2(unsigned int initval, int flags);
long sys_eventfd(unsigned int initval);

long sys_eventfd(unsigned int initval)
{
	return sys_eventfd2(initval, 0);
}
