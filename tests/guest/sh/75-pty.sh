# Pseudo-terminals: /dev/ptmx, devpts on /dev/pts, and BusyBox script,
# which runs a command on a pty slave and copies the master's output.
. /tests/lib.sh

check "/dev/ptmx is a character device" test -c /dev/ptmx
check "/dev/pts/ptmx exists (devpts is mounted)" test -c /dev/pts/ptmx
if needs script tr; then
	script -q -c 'echo hi' "$T/typescript" </dev/null >"$T/out" 2>&1
	is "script -c exits 0" "$?" "0"
	is "the typescript holds the output, CR LF" \
		"$(tr '\r' R <"$T/typescript")" "hiR"
	is "script copies it to stdout" "$(tr -d '\r' <"$T/out")" "hi"
	script -q -c 'tty' "$T/ts2" </dev/null >/dev/null 2>&1
	name=$(tr -d '\r' <"$T/ts2")
	case "$name" in
	/dev/pts/[0-9]*) _r=0 ;;
	*) _r=1; echo "# got: $name" ;;
	esac
	_report $_r "the command's terminal is /dev/pts/N"
	check "its node is gone once script ended" test ! -e "$name"
	script -q -c 'stty -onlcr; echo a; stty onlcr; echo b' "$T/ts3" \
		</dev/null >/dev/null 2>&1
	is "stty on the slave changes its output" \
		"$(tr '\r\n' RN <"$T/ts3")" "aNbRN"
	script -q -c 'sh -c "kill -INT \$\$"; echo after' "$T/ts4" \
		</dev/null >/dev/null 2>&1
	is "a child killed by SIGINT, then more output" \
		"$(tr -d '\r' <"$T/ts4")" "after"
else
	skip "script -c" "no script/tr"
fi
if needs script tr seq md5sum head; then
	seq 1 20000 >"$T/seq"
	want=$(md5sum <"$T/seq")
	script -q -c "cat $T/seq" "$T/ts5" </dev/null >/dev/null 2>&1
	is "100 KiB of slave output arrive whole" \
		"$(tr -d '\r' <"$T/ts5" | md5sum)" "$want"
	i=0
	while [ $i -lt 30 ]; do
		script -q -c true /dev/null </dev/null >/dev/null 2>&1 || break
		i=$((i + 1))
	done
	is "30 ptys in a row" "$i" "30"
else
	skip "big output through a pty" "no script/tr/seq/md5sum/head"
fi
done_testing
