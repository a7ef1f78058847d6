# The shell language itself: only sh builtins, so every profile runs it.
. /tests/lib.sh

is "echo prints its arguments" "$(echo hello world)" "hello world"
is "echo -n omits the newline" "$(echo -n a; echo -n b)" "ab"
is "printf formats numbers" "$(printf '%05d|%x|%o' 42 255 8)" "00042|ff|10"
is "printf formats strings" "$(printf '[%s][%-3s][%3s]' a b c)" "[a][b  ][  c]"
is "printf handles escapes" "$(printf 'a\tb\\n')" "$(printf 'a\tb')\\n"
is "command substitution" "$(echo $(echo nested))" "nested"
is "backticks" "`echo back`" "back"
is "arithmetic" "$((6 * 7 + 2 ** 3 - 10 / 3 % 2))" "49"
is "arithmetic with variables" "$(x=5; y=3; echo $((x << y | 1)))" "41"
is "negative arithmetic" "$((-7 / 2))" "-3"
v="a b  c"
is "quoting keeps spaces" "$(printf '%s|' "$v")" "a b  c|"
is "word splitting" "$(printf '%s|' $v)" "a|b|c|"
is "parameter default" "${unset_var:-dflt}" "dflt"
is "parameter length" "${#v}" "6"
f=archive.tar.gz
is "suffix removal" "${f%.gz}" "archive.tar"
is "longest suffix removal" "${f%%.*}" "archive"
is "prefix removal" "${f#*.}" "tar.gz"
fn() { echo "fn:$1:$#"; return 3; }
is "function arguments" "$(fn x y z)" "fn:x:3"
fn >/dev/null
is "function return status" "$?" "3"
out=""
for i in 1 2 3; do out="$out$i"; done
is "for loop" "$out" "123"
i=0
while [ $i -lt 5 ]; do i=$((i + 1)); done
is "while loop" "$i" "5"
i=0
until [ $i -ge 4 ]; do i=$((i + 2)); done
is "until loop" "$i" "4"
case foo.c in *.h) r=h ;; *.c) r=c ;; *) r=other ;; esac
is "case patterns" "$r" "c"
is "true exit status" "$(true; echo $?)" "0"
is "false exit status" "$(false; echo $?)" "1"
is "exit status of a subshell" "$( (exit 42); echo $?)" "42"
is "negated status" "$(! false; echo $?)" "0"
is "&& and ||" "$(false && echo no || echo yes)" "yes"
is "here-document" "$(cat <<END
line one
  $v
END
)" "line one
  a b  c"
is "quoted here-document" "$(cat <<'END'
$v `x`
END
)" '$v `x`'
is "here-document with tab stripping" "$(cat <<-END
	tabbed
	END
)" "tabbed"
echo first > redir.txt
echo second >> redir.txt
is "redirection and append" "$(cat redir.txt)" "first
second"
is "input redirection" "$(read l < redir.txt; echo $l)" "first"
is "stderr redirection" "$( (echo err >&2) 2>&1)" "err"
exec 3> fd3.txt
echo via-fd3 >&3
exec 3>&-
is "exec opens and closes an fd" "$(cat fd3.txt)" "via-fd3"
is "pipeline" "$(echo abc | { read x; echo "<$x>"; })" "<abc>"
is "pipeline status is the last command's" "$(false | true; echo $?)" "0"
is "trap runs on a signal" "$(sh -c 'trap "echo trapped" USR1; kill -USR1 $$; echo after')" "trapped
after"
is "EXIT trap" "$(sh -c 'trap "echo bye" EXIT; echo hi')" "hi
bye"
sh -c 'kill -TERM $$'
is "killed by a signal: status 128+n" "$?" "143"
is "set -e stops a script" "$(sh -c 'set -e; false; echo not-here'; echo $?)" "1"
(sleep 1; echo bg > bg.txt) &
pid=$!
wait $pid
is "background job and wait" "$?:$(cat bg.txt)" "0:bg"
sh -c 'exit 7' &
wait $!
is "wait returns the job's status" "$?" "7"
is "\$\$ is a number" "$(case $$ in ''|*[!0-9]*) echo no ;; *) echo yes ;; esac)" "yes"
is "subshell does not change the parent" "$(x=1; (x=2); echo $x)" "1"
is "IFS splitting in read" "$(echo 'a:b:c' | { IFS=: read p q r; echo $r$q$p; })" "cba"
set -- one two three
shift
is "positional parameters and shift" "$1 $#" "two 2"
is "getopts" "$(set -- -a -b val x; while getopts ab: o; do printf '%s%s;' $o "$OPTARG"; done)" "a;bval;"

done_testing
