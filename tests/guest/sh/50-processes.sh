# Processes, pipes and signals as scripts use them.
. /tests/lib.sh

is "a long pipeline" "$(echo abc | cat | cat | cat | cat)" "abc"
if have seq && have wc; then
	is "a pipe carries more than its buffer" "$(seq 1 20000 | wc -l)" "20000"
	is "a pipe carries exact bytes" "$(seq 1 20000 | wc -c)" "108894"
else
	skip "a pipe carries more than its buffer" "no seq/wc"
	skip "a pipe carries exact bytes" "no seq/wc"
fi
is "a reader that exits early ends the writer" "$( (while :; do echo y; done) | read x; echo done)" "done"
is "nested command substitution with pipes" "$(echo "$(echo a | cat)$(echo b | cat)")" "ab"
is "many sequential processes" "$(i=0; while [ $i -lt 50 ]; do /bin/sh -c true || break; i=$((i+1)); done; echo $i)" "50"
is "exit status from a child shell" "$(sh -c 'exit 3'; echo $?)" "3"
is "status of a missing command" "$(nonexistent_cmd_xyz 2>/dev/null; echo $?)" "127"
is "status of a non-executable" "$(echo x > noexec; chmod 644 noexec 2>/dev/null; ./noexec 2>/dev/null; echo $?)" "126"
if have sleep && have kill; then
	sleep 30 &
	pid=$!
	check "kill -0 finds a live process" kill -0 $pid
	kill $pid
	wait $pid
	is "a killed job reports 128+SIGTERM" "$?" "143"
	check "kill -0 fails for a reaped process" sh -c "! kill -0 $pid 2>/dev/null"
	sleep 30 &
	pid=$!
	kill -9 $pid
	wait $pid
	is "SIGKILL status" "$?" "137"
	sleep 1 & p1=$!
	sleep 1 & p2=$!
	wait
	check "wait without arguments waits for all jobs" sh -c "! kill -0 $p1 2>/dev/null && ! kill -0 $p2 2>/dev/null"
	is "signal handler in a child shell" "$(sh -c 'trap "echo got-term; exit 0" TERM; kill -TERM $$; sleep 5; echo missed')" "got-term"
	is "ignored signal" "$(sh -c 'trap "" INT; kill -INT $$; echo survived')" "survived"
	start=$(date +%s 2>/dev/null || echo 0)
	sleep 1
	end=$(date +%s 2>/dev/null || echo 1)
	check "sleep 1 takes about a second" [ $((end - start)) -ge 1 ]
else
	for w in kill-0 killed-status kill-0-reaped sigkill wait-all handler ignored sleep; do
		skip "$w" "no sleep/kill"
	done
fi
if have ps; then
	is "ps lists this shell" \
		"$(ps | while read a b; do [ "$a" = $$ ] && echo found; done)" found
	is "ps -o shows this shell's parent and name" \
		"$(ps -o pid,ppid,comm | while read a b c; do [ "$a" = $$ ] && echo "$b $c"; done)" \
		"$PPID sh"
	sleep 30 &
	pid=$!
	kill -STOP $pid
	sleep 1
	is "ps -o stat shows a stopped job as T" \
		"$(ps -o pid,stat | while read a b; do [ "$a" = $pid ] && echo "$b"; done)" "T"
	kill -CONT $pid
	if have pidof; then
		check "pidof finds a job" sh -c "pidof sleep | grep -qw $pid"
	else
		skip "pidof finds a job" "no pidof"
	fi
	if have pgrep; then
		check "pgrep finds a job" sh -c "pgrep -x sleep | grep -qx $pid"
	else
		skip "pgrep finds a job" "no pgrep"
	fi
	kill $pid
	wait $pid
else
	for w in ps ps-o ps-stat pidof pgrep; do
		skip "$w" "no ps"
	done
fi
is "child shells get their own pids" "$(a=$(sh -c 'echo $$'); b=$(sh -c 'echo $$'); [ "$a" != "$b" ] && echo differ)" "differ"
(umask 077; : > um)
is "umask applies to new files" "$(ls -l um | { read mode rest; echo $mode; })" "-rw-------"
sh -c 'echo $PPID' > ppid.txt
is "\$PPID is the parent" "$(cat ppid.txt)" "$$"

done_testing
