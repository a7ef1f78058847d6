#!/bin/sh
# Runs the unit test programs given as arguments, shows each one's cmocka
# output, and ends with one line summing the cmocka test cases of all of
# them: "N passed, N failed". A program that dies before cmocka's summary
# (a sanitizer report, a crash) counts as one failed test. Exits 1 when
# anything failed.

passed=0
failed=0
for t in "$@"; do
	echo "== ${t##*/}"
	out=$(CMOCKA_MESSAGE_OUTPUT=stdout "$t" 2>&1)
	rc=$?
	printf '%s\n' "$out"
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\.$/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:$/\1/p')
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "== ${t##*/}: exited with status $rc before its summary"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
