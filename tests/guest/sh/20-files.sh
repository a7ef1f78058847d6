# Files and directories with the core applets.
. /tests/lib.sh

if ! needs mkdir ls cat cp mv rm ln; then
	skip "file applets" "not in this profile"
	done_testing
	exit 0
fi

check "mkdir" mkdir d
check "mkdir -p" mkdir -p d/a/b/c
check "directory exists" test -d d/a/b/c
check "mkdir of an existing directory fails" sh -c '! mkdir d 2>/dev/null'
echo content > f
check "file exists after redirection" test -f f
if have touch; then
	check "touch creates a file" touch t && test -e t
	check "touched file is empty" test ! -s t
else
	skip "touch creates a file" "no touch"
	skip "touched file is empty" "no touch"
fi
is "cat reads it back" "$(cat f)" "content"
check "cp copies" cp f g
is "copy has the content" "$(cat g)" "content"
check "cp -r copies trees" cp -r d d2
check "copied tree exists" test -d d2/a/b/c
check "mv renames" mv g h
check "old name gone" test ! -e g
is "renamed file has the content" "$(cat h)" "content"
check "mv into a directory" mv h d/
check "moved file is there" test -f d/h
check "ln -s makes a symlink" ln -s f sym
check "symlink is a link" test -L sym
is "reading through a symlink" "$(cat sym)" "content"
check "ln makes a hard link" ln f hard
echo more >> hard
is "hard link shares data" "$(cat f)" "content
more"
if have readlink; then
	is "readlink" "$(readlink sym)" "f"
else
	skip "readlink" "no readlink"
fi
check "dangling symlink is a link but not a file" sh -c 'ln -s nowhere dang && test -L dang && test ! -e dang'
check "rm removes" rm hard
check "removed file is gone" test ! -e hard
check "rm -r removes trees" rm -r d2
check "removed tree is gone" test ! -e d2
if have rmdir; then
	mkdir emptydir
	check "rmdir removes an empty directory" rmdir emptydir
	check "rmdir refuses a non-empty one" sh -c '! rmdir d 2>/dev/null'
else
	skip "rmdir removes an empty directory" "no rmdir"
	skip "rmdir refuses a non-empty one" "no rmdir"
fi
is "ls lists names sorted" "$(ls d)" "a
h"
is "ls -a shows . and .." "$(ls -a d | { read a; read b; echo "$a $b"; })" ". .."
is "ls -d" "$(ls -d d)" "d"
is "ls -l shows a mode string" "$(ls -l f | { read mode rest; echo $mode; })" "-rw-r--r--"
is "ls -l shows the symlink target" "$(ls -l sym | { read m l u g s d1 d2 d3 name arrow target; echo "$name $arrow $target"; })" "sym -> f"
is "pwd" "$(cd d/a && pwd)" "$T/d/a"
is "cd .. goes up" "$(cd d/a/b && cd .. && pwd)" "$T/d/a"
is "cd through a symlink and pwd -P" "$(ln -s d/a la && cd la && pwd -P)" "$T/d/a"
check "noclobber refuses to overwrite" sh -c 'set -C; ! { echo x > f; } 2>/dev/null'
check "cannot cat a missing file" sh -c '! cat /nonexistent 2>/dev/null'
check "cannot write into a missing directory" sh -c '! echo x > /nonexistent/dir/f 2>/dev/null'
if have chmod; then
	echo '#!/bin/sh' > script.sh
	echo 'echo from-script "$@"' >> script.sh
	check "chmod +x" chmod +x script.sh
	is "#! script runs" "$(./script.sh a b)" "from-script a b"
	chmod -x script.sh
	check "script without x bit is refused" sh -c '! ./script.sh 2>/dev/null'
	check "chmod sets the mode bits" sh -c 'chmod 640 f && ls -l f | grep -q "^-rw-r-----"'
else
	for w in "chmod +x" "#! script runs" "script without x bit" "chmod bits"; do
		skip "$w" "no chmod"
	done
fi

if have mount && have umount && mkdir ro && mount -t tmpfs rotest ro; then
	echo before > ro/f
	check "remount read-only" mount -o remount,ro ro
	check "a read-only mount refuses writes" sh -c '! echo x > ro/f 2>/dev/null'
	check "a read-only mount refuses new names" sh -c '! mkdir ro/d 2>/dev/null'
	check "a read-only mount refuses removal" sh -c '! rm ro/f 2>/dev/null'
	is "files on it still read" "$(cat ro/f)" "before"
	check "remount read-write" mount -o remount,rw ro
	check "writable again" sh -c 'echo after > ro/f'
	is "the write went through" "$(cat ro/f)" "after"
	umount ro
else
	for w in "remount ro" "ro writes" "ro names" "ro removal" "ro reads" \
		 "remount rw" "rw again" "rw write"; do
		skip "$w" "no mount or umount"
	done
fi

done_testing
