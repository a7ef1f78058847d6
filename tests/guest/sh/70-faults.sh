# A faulting program dies of its signal; the shell and system go on.
. /tests/lib.sh

/tests/helpers/segv
is "a NULL dereference dies of SIGSEGV (status 139)" "$?" "139"
/tests/helpers/segv 2>/dev/null &
wait $!
is "so does a background one" "$?" "139"
is "the shell keeps working" "$(echo still here)" "still here"
is "and can still start programs" "$(sh -c 'echo child ok')" "child ok"

done_testing
