# sysfs: the device model under /sys as Linux lays it out (class, dev and
# subsystem links, dev and uevent files), and mdev -s making /dev from it.
# mdev always writes into /dev, so it runs chrooted in a scratch root that
# has its own sysfs mount: the real /dev is never touched.
. /tests/lib.sh

if [ ! -d /sys/class ]; then
	skip "sysfs" "no sysfs on /sys"
	done_testing
	exit 0
fi

for d in block bus class dev dev/block dev/char devices fs fs/cgroup kernel; do
	check "/sys/$d is a directory" [ -d "/sys/$d" ]
done
check "/sys/kernel/uevent_seqnum counts" \
	sh -c '[ "$(cat /sys/kernel/uevent_seqnum)" -gt 0 ]'

is "mem/null: dev" "$(cat /sys/class/mem/null/dev)" "1:3"
is "mem/null: uevent" "$(cat /sys/class/mem/null/uevent)" \
	"$(printf 'MAJOR=1\nMINOR=3\nDEVNAME=null\nDEVMODE=0666')"
is "tty/console: uevent" "$(cat /sys/class/tty/console/uevent)" \
	"$(printf 'MAJOR=5\nMINOR=1\nDEVNAME=console')"
is "tty/tty: dev" "$(cat /sys/class/tty/tty/dev)" "5:0"
for n in zero full random urandom; do
	check "mem/$n has a dev file" [ -f "/sys/class/mem/$n/dev" ]
done

if have readlink; then
	is "class link" "$(readlink /sys/class/mem/null)" \
		"../../devices/virtual/mem/null"
	is "subsystem link" "$(readlink /sys/devices/virtual/mem/null/subsystem)" \
		"../../../../class/mem"
	is "dev/char link" "$(readlink /sys/dev/char/1:3)" \
		"../../devices/virtual/mem/null"
	is "the device through its link" \
		"$(cd /sys/class/mem/null/subsystem/zero && cat dev)" "1:5"
else
	skip "sysfs links" "no readlink"
fi

if have stat; then
	is "dev is 0444" "$(stat -c %a /sys/devices/virtual/mem/null/dev)" "444"
	is "uevent is 0644" "$(stat -c %a /sys/devices/virtual/mem/null/uevent)" "644"
	is "a link is a link" "$(stat -c %F /sys/class/mem/null)" "symbolic link"
else
	skip "sysfs modes" "no stat"
fi

# Every /sys/dev/char entry is a device directory with a matching dev.
bad=
for l in /sys/dev/char/*; do
	[ "$(cat "$l/dev")" = "${l##*/}" ] || bad="$bad ${l##*/}"
done
is "every /sys/dev/char entry has its dev" "$bad" ""

if needs mdev chroot mount umount readlink stat sed; then
	R=$T/root
	mkdir -p "$R/bin" "$R/dev" "$R/sys"
	cp "$(readlink -f "$(command -v mdev)")" "$R/bin/busybox"
	mount -t sysfs sysfs "$R/sys"
	check "mdev -s runs" chroot "$R" /bin/busybox mdev -s
	umount "$R/sys"
	# The node named by each uevent's DEVNAME, with the entry's numbers.
	bad=
	for l in /sys/dev/char/*; do
		name=$(sed -n 's/^DEVNAME=//p' "$l/uevent")
		[ -n "$name" ] || name=$(basename "$(readlink -f "$l")")
		got=$(stat -c '%F %t %T' "$R/dev/$name" 2>/dev/null)
		case $got in
		"character special file "*)
			set -- ${got#character special file }
			got=$((0x$1)):$((0x$2)) ;;
		esac
		[ "$got" = "${l##*/}" ] || bad="$bad $name"
	done
	is "mdev -s made every char node with its numbers" "$bad" ""
	is "mdev -s: /dev/null" "$(stat -c '%F %t:%T' "$R/dev/null")" \
		"character special file 1:3"
else
	skip "mdev -s" "no mdev, chroot, mount, readlink, stat or sed"
fi

done_testing
