# procfs, the system side: /proc's system files carry real, moving
# figures in the formats free, uptime, top and sysctl parse; /proc/sys
# settings can be written; /proc/mounts shows the mount table.
. /tests/lib.sh

if ! needs grep tr head readlink; then
	skip "procfs system files" "not in this profile"
	done_testing
	exit 0
fi

# The first field of /proc/<file>'s line that starts with $2.
field() {
	while read -r _k _v _rest; do
		[ "$_k" = "$2" ] && { echo "$_v"; return; }
	done <"/proc/$1"
}

# A number with two decimals as hundredths ("12.34" -> 1234).
hundredths() {
	_i=${1%.*}
	_f=${1#*.}
	echo $((_i * 100 + ${_f#0}))
}

levitate=false
case $(uname -r) in *levitate*) levitate=true ;; esac

# --- listing and files --------------------------------------------------
names=$(ls /proc 2>/dev/null | tr '\n' ' ')
for f in cpuinfo meminfo uptime loadavg stat version filesystems mounts sys; do
	case " $names " in
	*" $f "*) _report 0 "/proc lists $f" ;;
	*) _report 1 "/proc lists $f" ;;
	esac
done
check "/proc/\$\$ is a directory" [ -d /proc/$$ ]
check "/proc/mounts is a symlink" [ -L /proc/mounts ]
is "/proc/mounts points to self/mounts" "$(readlink /proc/mounts)" "self/mounts"
check "/proc/version starts with Linux version" grep -q '^Linux version ' /proc/version
check "/proc/version is read-only" sh -c '! echo x >/proc/version'
check "/proc/filesystems lists proc" grep -q '^nodev[[:space:]]proc$' /proc/filesystems
is "/proc/devices starts with Character devices:" "$(head -n 1 /proc/devices)" "Character devices:"
check "/proc/cpuinfo has a processor 0 line" grep -q '^processor[[:space:]]*: 0$' /proc/cpuinfo
check "/proc/interrupts names CPU0" sh -c 'head -n 1 /proc/interrupts | grep -q CPU0'

# --- memory -----------------------------------------------------------
memtotal=$(field meminfo MemTotal:)
memfree=$(field meminfo MemFree:)
check "MemTotal is a positive number" [ "${memtotal:-0}" -gt 0 ]
check "MemFree is at most MemTotal" [ "${memfree:-0}" -le "${memtotal:-0}" ]
if have free; then
	set -- $(free | grep '^Mem:')
	is "free's total agrees with MemTotal" "$2" "$memtotal"
else
	skip "free's total agrees with MemTotal" "no free"
fi

# --- time and load ----------------------------------------------------
set -- $(cat /proc/uptime)
up1=$(hundredths "$1")
is "/proc/uptime has two fields" "$#" "2"
sleep 1
set -- $(cat /proc/uptime)
up2=$(hundredths "$1")
check "uptime grows over a second" [ $((up2 - up1)) -ge 90 ]
if have uptime; then
	check "uptime(1) prints a load average" sh -c 'uptime | grep -q "load average:"'
else
	skip "uptime(1) prints a load average" "no uptime"
fi

set -- $(cat /proc/loadavg)
is "/proc/loadavg has 5 fields" "$#" "5"
run=${4%/*}
total=${4#*/}
check "loadavg has a running/total pair" [ "$run" -ge 1 -a "$total" -ge "$run" ]
check "loadavg's averages have two decimals" sh -c "echo '$1 $2 $3' | grep -qE '^[0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2}$'"
check "loadavg's last pid is a number" [ "$5" -ge 1 ]

# --- /proc/stat ---------------------------------------------------------
set -- $(grep '^cpu ' /proc/stat)
check "stat's cpu line has 10 figures" [ $# -ge 11 ]
check "stat's cpu line counts idle or busy time" [ $(($2 + $4 + $5)) -gt 0 ]
ctxt1=$(field stat ctxt)
forks1=$(field stat processes)
sleep 1
/bin/true
ctxt2=$(field stat ctxt)
forks2=$(field stat processes)
check "stat's ctxt grows" [ "$ctxt2" -gt "$ctxt1" ]
check "stat's processes counts new tasks" [ "$forks2" -gt "$forks1" ]
check "stat's btime is a time after 2020" [ "$(field stat btime)" -gt 1577836800 ]
check "stat has procs_running" [ "$(field stat procs_running)" -ge 1 ]
check "stat has an intr line" grep -q '^intr [0-9]' /proc/stat

# --- /proc/sys ----------------------------------------------------------
is "kernel/ostype" "$(cat /proc/sys/kernel/ostype)" "Linux"
is "kernel/osrelease is uname -r" "$(cat /proc/sys/kernel/osrelease)" "$(uname -r)"
is "kernel/hostname is uname -n" "$(cat /proc/sys/kernel/hostname)" "$(uname -n)"
id1=$(cat /proc/sys/kernel/random/boot_id)
id2=$(cat /proc/sys/kernel/random/boot_id)
is "boot_id is the same at each read" "$id1" "$id2"
check "uuid is new at each read" [ "$(cat /proc/sys/kernel/random/uuid)" != "$(cat /proc/sys/kernel/random/uuid)" ]
check "overcommit_memory is 0, 1 or 2" grep -qE '^[012]$' /proc/sys/vm/overcommit_memory
check "overcommit_memory refuses 3" sh -c '! echo 3 >/proc/sys/vm/overcommit_memory'
if have sysctl; then
	check "sysctl -a shows kernel.ostype" sh -c 'sysctl -a 2>/dev/null | grep -q "^kernel.ostype = Linux$"'
	is "sysctl reads a key" "$(sysctl -n kernel.ostype)" "Linux"
else
	skip "sysctl -a shows kernel.ostype" "no sysctl"
	skip "sysctl reads a key" "no sysctl"
fi
# Writing the name on a host would rename the host: LevitateOS only.
if $levitate; then
	old=$(uname -n)
	echo proc-test >/proc/sys/kernel/hostname
	is "a hostname write is seen by uname -n" "$(uname -n)" "proc-test"
	echo "$old" >/proc/sys/kernel/hostname
	is "the hostname is restored" "$(uname -n)" "$old"
else
	skip "a hostname write is seen by uname -n" "not on the host"
	skip "the hostname is restored" "not on the host"
fi

# --- mounts -------------------------------------------------------------
check "/proc/mounts lists /" grep -q '^[^ ]* / ' /proc/mounts
check "/proc/mounts lists /proc as proc" sh -c 'grep -q "^[^ ]* /proc proc " /proc/mounts'
check "mountinfo has the proc mount" sh -c 'grep -q " /proc [^ ]* .*- proc " /proc/self/mountinfo'
bad=0
while read -r line; do
	set -- $line
	[ $# -eq 6 ] || bad=$((bad + 1))
done </proc/mounts
is "every mounts line has 6 fields" "$bad" "0"

done_testing
