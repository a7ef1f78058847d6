/* Version string for the host unit tests. */
#define LEVITATE_VERSION "unit-test"
