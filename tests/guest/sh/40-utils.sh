# Utilities: test and [, seq/xargs/expr/basename/dirname, uname/id/
# hostname, find, tar/gzip round trips.
. /tests/lib.sh

t() {
	if have "$1"; then
		is "$2" "$3" "$4"
	else
		skip "$2" "no $1"
	fi
}

check "test -z" test -z ""
check "test -n" test -n "x"
check "[ string equality ]" [ abc = abc ]
check "[ string inequality ]" [ abc != abd ]
check "[ integer comparison ]" [ 10 -gt 9 ]
check "[ -e on / ]" [ -e / ]
check "[ -d on / ]" [ -d / ]
check "[ -f false for a directory ]" [ ! -f / ]
check "[ -x on the shell ]" [ -x /bin/sh ]
check "[ compound -a -o ]" [ 1 -eq 1 -a \( 2 -eq 3 -o 4 -eq 4 \) ]
t seq "seq" "$(seq 3 | tr '\n' ' ')" "1 2 3 "
t seq "seq with step" "$(seq 10 -3 1 | tr '\n' ' ')" "10 7 4 1 "
t xargs "xargs" "$(printf 'a\nb\nc\n' | xargs echo)" "a b c"
t xargs "xargs -n" "$(printf '1 2 3 4' | xargs -n 2 echo | tr '\n' ';')" "1 2;3 4;"
t expr "expr arithmetic" "$(expr 7 \* 6)" "42"
t expr "expr string length" "$(expr length hello)" "5"
t expr "expr match" "$(expr abc123 : '[a-z]*')" "3"
t basename "basename" "$(basename /a/b/c.txt .txt)" "c"
t dirname "dirname" "$(dirname /a/b/c.txt)" "/a/b"
t uname "uname -s says Linux" "$(uname -s)" "Linux"
t uname "uname -m names the machine" "$(case $(uname -m) in x86_64|aarch64) echo ok ;; *) uname -m ;; esac)" "ok"
t uname "uname -a starts with the sysname" "$(set -- $(uname -a); echo $1)" "Linux"
t id "id -u is root" "$(id -u)" "0"
t id "id -g is root" "$(id -g)" "0"
t id "id -un names root" "$(id -un)" "root"
if have hostname; then
	hostname guest-test
	is "hostname sets and reads the name" "$(hostname)" "guest-test"
	t uname "uname -n follows hostname" "$(uname -n)" "guest-test"
else
	skip "hostname sets and reads the name" "no hostname"
	skip "uname -n follows hostname" "no hostname"
fi
mkdir -p tree/a/b tree/c
touch tree/a/x.txt tree/a/b/y.txt tree/c/z.log
t find "find -name" "$(find tree -name '*.txt' | sort | tr '\n' ' ')" "tree/a/b/y.txt tree/a/x.txt "
t find "find -type d" "$(find tree -type d | sort | tr '\n' ' ')" "tree tree/a tree/a/b tree/c "
t find "find -maxdepth" "$(find tree -maxdepth 1 | sort | tr '\n' ' ')" "tree tree/a tree/c "
t find "find -exec" "$(find tree -name z.log -exec echo found {} \;)" "found tree/c/z.log"
if needs tar gzip gunzip md5sum; then
	seq 1 2000 > tree/a/numbers 2>/dev/null || echo numbers > tree/a/numbers
	sum=$(md5sum tree/a/numbers | cut -d' ' -f1)
	check "tar creates an archive" tar cf t.tar tree
	check "gzip compresses it" gzip t.tar
	check "the .gz exists and the .tar is gone" sh -c 'test -f t.tar.gz && test ! -e t.tar'
	mkdir out
	check "gunzip | tar x extracts" sh -c 'gunzip -c t.tar.gz | (cd out && tar xf -)'
	is "extracted file matches" "$(md5sum out/tree/a/numbers | cut -d' ' -f1)" "$sum"
	is "extracted tree has every file" "$(cd out && find tree -type f | sort | tr '\n' ' ')" "tree/a/b/y.txt tree/a/numbers tree/a/x.txt tree/c/z.log "
	check "tar czf / tar tzf round trip" sh -c 'tar czf t2.tgz tree && tar tzf t2.tgz | grep -q "tree/c/z.log"'
else
	for w in "tar creates" "gzip compresses" "gz exists" "gunzip | tar x" "extracted matches" "extracted tree" "tar czf"; do
		skip "$w" "no tar/gzip"
	done
fi

done_testing
