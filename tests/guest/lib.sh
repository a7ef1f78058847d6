# TAP helpers for the in-guest shell suites (sourced). Each suite prints
# one TAP stream: "ok N - what" / "not ok N - what" lines, diagnostics
# as "#" lines, and the plan "1..N" at the end (done_testing).

_n=0

have() { command -v "$1" >/dev/null 2>&1; }

_report() {	# _report <status> <description>
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
	fi
}

# check <description> <command...>: passes when the command succeeds.
check() {
	_d=$1
	shift
	"$@" >/dev/null 2>&1
	_report $? "$_d"
}

# is <description> <got> <expected>: passes when the strings are equal.
is() {
	if [ "$2" = "$3" ]; then
		_report 0 "$1"
	else
		_report 1 "$1"
		printf '#   got:      %s\n#   expected: %s\n' "$2" "$3"
	fi
}

# skip <description> <reason>
skip() {
	_n=$((_n + 1))
	echo "ok $_n - $1 # SKIP $2"
}

# needs <applet...>: true when all exist; suites skip checks otherwise.
needs() {
	for _a; do
		have "$_a" || return 1
	done
	return 0
}

done_testing() {
	echo "1..$_n"
}

# The same file modes everywhere.
umask 022

# A fresh scratch directory for the suite.
T=${TMPDIR:-/tmp}/guest.$$
rm -rf "$T"
mkdir -p "$T"
cd "$T" || exit 1
