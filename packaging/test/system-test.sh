#!/bin/bash
# The newsdrop .deb under a real systemd: boots a minimal Debian 12 root as a systemd-nspawn
# container (systemd is its PID 1), installs the package, and checks what an operator and an
# analyst rely on: start blocks until READY=1, seeds dropped by an analyst become events,
# STATUS=, structured journal fields, reload, the watchdog, stop, the security score, a
# template instance, upgrade, remove and purge. Prints `N passed, N failed`.
#
#   packaging/test/system-test.sh newsdrop_<version>_amd64.deb        (as root; `make system-test`)
#
# Env: ROOTFS_CACHE (default /var/tmp/newsdrop-system-test): the container root is built there
# once with mmdebstrap (~30 s, ~220 MB) and reused; KEEP_WORK=1 keeps the logs folder.
#
# The host's PID 1 need not be systemd. Host safety, as ../shared/systemd-test/README.md says:
# the container's systemd is started only from a fresh cgroup subtree of every hierarchy (never
# from a root cgroup: it would take that cgroup and move every host process), with
# --volatile=overlay (the cached root stays pristine), --private-network, --register=no, and
# everything is torn down on every exit path.
set -uo pipefail

die() { echo "system-test: $*" >&2; exit 1; }
[ $# -eq 1 ] && [ -f "$1" ] || die "usage: $0 newsdrop_<version>_<arch>.deb"
[ "$(id -u)" = 0 ] || die "must run as root (systemd-nspawn, cgroups)"
DEB=$(realpath "$1")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${ROOTFS_CACHE:-/var/tmp/newsdrop-system-test}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsdrop-system-test.XXXXXX")
CG=newsdrop-system-test-$$.scope
SVC=newsdropd.service

pass=0; fail=0
ok()    { echo "PASS: $*"; pass=$((pass+1)); }
bad()   { echo "FAIL: $*"; fail=$((fail+1)); }
check() { local d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
t()     { date +%s.%N; }
el()    { awk -v a="$1" -v b="$(t)" 'BEGIN{printf "%.2f", b-a}'; }   # seconds since $1
quiet() { "$@" >/dev/null 2>&1; }
# poll CAP_SECONDS COMMAND…: retry every 0.2 s until it succeeds or the cap passes.
poll()  { local cap=$1; shift; local end=$(( $(date +%s) + cap )); until "$@"; do [ "$(date +%s)" -ge "$end" ] && return 1; sleep 0.2; done; }
T_ALL=$(t)

# --- 0. tools --------------------------------------------------------------------------------
if ! command -v systemd-nspawn >/dev/null || ! command -v mmdebstrap >/dev/null; then
  # --no-install-recommends: the recommended libnss-mymachines edits the host's nsswitch.conf
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    systemd-container mmdebstrap >/dev/null || die "cannot install systemd-container and mmdebstrap"
fi

# --- 1. the packages under test: this .deb, and the same bytes as a newer version -------------
VERSION=$(dpkg-deb -f "$DEB" Version)
UPGRADE_VERSION=$VERSION+systemtest1
mkdir -p "$WORK/debs" "$WORK/unpacked"
cp "$DEB" "$WORK/debs/newsdrop.deb"
dpkg-deb -R "$DEB" "$WORK/unpacked" || die "cannot unpack $DEB"
sed -i "s/^Version: .*/Version: $UPGRADE_VERSION/" "$WORK/unpacked/DEBIAN/control"
dpkg-deb --root-owner-group -Zzstd -b "$WORK/unpacked" "$WORK/debs/newsdrop-upgrade.deb" >/dev/null || die "cannot build the upgrade .deb"

# --- 2. static checks of the shipped units (no systemd needed) --------------------------------
for unit in newsdropd.service newsdropd@.service; do
  f=$WORK/unpacked/lib/systemd/system/$unit
  out=$(systemd-analyze verify --man=no "$f" 2>&1 | grep -v 'Command /usr/bin/newsdropd is not executable')
  check "offline: systemd-analyze verify $unit prints nothing" test -z "$out"; [ -n "$out" ] && echo "$out"
done
cp "$WORK/unpacked/lib/systemd/system/newsdropd@.service" "$WORK/newsdropd@check.service"
score_of() { sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p'; }
OFFLINE=$(systemd-analyze security --offline=yes "$WORK/unpacked/lib/systemd/system/$SVC" 2>/dev/null | score_of)
OFFLINE_AT=$(systemd-analyze security --offline=yes "$WORK/newsdropd@check.service" 2>/dev/null | score_of)
check "offline security exposure of $SVC: $OFFLINE (<= 1.0)" awk -v s="$OFFLINE" 'BEGIN{exit !(s!="" && s<=1.0)}'
check "offline security exposure of newsdropd@.service: $OFFLINE_AT (<= 1.0)" awk -v s="$OFFLINE_AT" 'BEGIN{exit !(s!="" && s<=1.0)}'

# --- 3. the container root, cached; holds the package's dependencies (no network inside) -----
deps=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/[[:space:]]//g' | grep -v '^$' | sort -u | paste -sd,)
INCLUDE="systemd,systemd-sysv,dbus,procps,libnss-systemd,man-db,$deps"
ROOTFS=$CACHE/rootfs-bookworm-$(echo "$INCLUDE" | sha256sum | cut -c1-12)
if [ ! -x "$ROOTFS/lib/systemd/systemd" ]; then
  mkdir -p "$CACHE"; T0=$(t)
  rm -rf "$ROOTFS.tmp"
  # no mirror named: mmdebstrap uses the host's apt sources
  mmdebstrap --variant=minbase --include="$INCLUDE" bookworm "$ROOTFS.tmp" >"$WORK/mmdebstrap.log" 2>&1 \
    || { tail -20 "$WORK/mmdebstrap.log"; die "mmdebstrap failed (log: $WORK/mmdebstrap.log)"; }
  mv "$ROOTFS.tmp" "$ROOTFS"
  echo "container root built in $(el "$T0")s ($(du -sh "$ROOTFS" | cut -f1)): $ROOTFS"
fi

# --- 4. boot, from our own cgroup subtree ------------------------------------------------------
T0=$(t)
(
  # A fresh child of our current cgroup in every hierarchy; refuse to go on if any move fails,
  # so systemd is never started from a root cgroup.
  for h in /sys/fs/cgroup/*/; do
    [ -e "${h}cgroup.procs" ] || continue
    name=$(basename "$h"); cur=""
    while IFS=: read -r _ ctrl path; do
      case ",$ctrl," in *",$name,"*|*",name=$name,"*) cur=$path;; esac
      [ -z "$ctrl" ] && [ "$name" = unified ] && cur=$path
    done < /proc/self/cgroup
    dir=$h${cur#/}; dir=${dir%/}/$CG
    mkdir -p "$dir" || exit 97
    case $name in cpuset) cat "$(dirname "$dir")/cpuset.cpus" > "$dir/cpuset.cpus"; cat "$(dirname "$dir")/cpuset.mems" > "$dir/cpuset.mems";; esac
    echo $BASHPID > "$dir/cgroup.procs" || exit 97
  done
  while IFS=: read -r _ _ path; do [ "$path" = / ] && exit 98; done < /proc/self/cgroup
  exec systemd-nspawn -q -D "$ROOTFS" -b --register=no --keep-unit --volatile=overlay \
       --private-network -M newsdrop-test-$$ --console=passive \
       --bind-ro="$WORK/debs":/srv/debs --bind-ro="$REPO/seeds":/srv/seeds \
       </dev/null >"$WORK/nspawn.log" 2>&1
) &
NSPAWN=$!
cleanup() {
  kill -TERM $NSPAWN 2>/dev/null
  for _ in $(seq 100); do kill -0 $NSPAWN 2>/dev/null || break; sleep 0.1; done
  kill -KILL $NSPAWN 2>/dev/null; wait $NSPAWN 2>/dev/null
  for d in $(find /sys/fs/cgroup/ -maxdepth 6 -type d -name "$CG" 2>/dev/null); do
    find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  if [ -n "${KEEP_WORK:-}" ]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
leader() { ps -o pid= --ppid $NSPAWN | head -1 | tr -d ' '; }
L=""
for _ in $(seq 300); do L=$(leader); [ -n "$L" ] && [ -S "/proc/$L/root/run/systemd/private" ] && break; sleep 0.1; done
if [ -z "$L" ] || ! kill -0 "$L" 2>/dev/null; then
  cat "$WORK/nspawn.log"; bad "container booted"; echo "$pass passed, $fail failed"; exit 1
fi
# C …: a command inside the container, with a clean environment
C() { nsenter -t "$L" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }
# A …: a command as the analyst (member of group newsdrop) inside the container
A() { C runuser -u analyst -- env HOME=/home/analyst "$@"; }
state=$(timeout 60 nsenter -t "$L" -a systemctl is-system-running --wait 2>&1)
echo "container booted in $(el "$T0")s, state=$state"
check "container reached running" test "$state" = running

# --- 5. install -------------------------------------------------------------------------------
T0=$(t); C dpkg -i /srv/debs/newsdrop.deb >"$WORK/dpkg-install.log" 2>&1; rc=$?
check "dpkg -i installs $VERSION (took $(el "$T0")s; postinst creates the user, the folders, enables and starts)" test $rc -eq 0
[ $rc -eq 0 ] || cat "$WORK/dpkg-install.log"
check "newsdropd.service enabled on install" test "$(C systemctl is-enabled $SVC)" = enabled
check "newsdropd.service started by postinst" C systemctl is-active -q $SVC
check "system user newsdrop exists (sysusers.d)" quiet C getent passwd newsdrop
perm=$(C stat -c '%A %U:%G' /var/spool/newsdrop/incoming)
check "drop folder /var/spool/newsdrop/incoming is setgid, group-writable ($perm)" test "$perm" = "drwxrws--- newsdrop:newsdrop"
check "/etc/newsdrop/newsdrop.conf is a conffile" quiet C sh -c 'dpkg-query -W -f="\${Conffiles}" newsdrop | grep -q /etc/newsdrop/newsdrop.conf'
check "man pages newsdrop(1) and newsdropd(8) are installed" quiet C man -w newsdrop.1 newsdropd.8
check "completions for bash, zsh and fish are installed" C test -s /usr/share/bash-completion/completions/newsdrop \
  -a -s /usr/share/zsh/vendor-completions/_newsdrop -a -s /usr/share/fish/vendor_completions.d/newsdrop.fish
check "dictionaries installed under /usr/share/newsdrop" C test -s /usr/share/newsdrop/dictionaries/places.tsv
check "copyright credits GeoNames (CC BY 4.0)" quiet C grep -q 'GeoNames.*CC BY 4.0' /usr/share/doc/newsdrop/copyright
out=$(C systemd-analyze verify /lib/systemd/system/$SVC /lib/systemd/system/newsdropd@.service 2>&1)
check "systemd-analyze verify inside the container (binary and man pages present) prints nothing" test -z "$out"; [ -n "$out" ] && echo "$out"

# --- 6. start, as an operator would -----------------------------------------------------------
C systemctl stop $SVC
T0=$(t); C systemctl start $SVC; rc=$?; dt=$(el "$T0")
check "systemctl start returned 0 (took ${dt}s; Type=notify blocks until READY=1)" test $rc -eq 0
check "is-active right after start returned" C systemctl is-active -q $SVC
st=$(C systemctl show -P StatusText $SVC)
check "STATUS= reached systemd: '$st'" test -n "$st"
check "systemctl status shows the STATUS= text" quiet C sh -c "systemctl status --no-pager $SVC | grep -F 'Status: \"$st'"
user=$(C ps -o user= -p "$(C systemctl show -P MainPID $SVC)")
check "runs as the newsdrop user (ps: $user)" test "$user" = newsdrop

# --- 7. an analyst drops the seeds --------------------------------------------------------------
C useradd -m -G newsdrop -s /bin/bash analyst
nseeds=$(ls "$REPO"/seeds/*.txt | wc -l)
A newsdrop drop $(cd "$REPO/seeds" && ls *.txt | sed "s|^|/srv/seeds/|") >"$WORK/drop.log" 2>&1; rc=$?
check "analyst drops $nseeds seeds with newsdrop drop, no --drop-dir (exit $rc: $(grep -o "→ [^ ]*/" "$WORK/drop.log" | sort -u | tr -d "\n"))" test $rc -eq 0
[ $rc -eq 0 ] || cat "$WORK/drop.log"
# articles [DATA_DIR]: how many articles the analyst sees; at_least N [DATA_DIR]: for poll
articles() { A newsdrop articles ${1:+--data-dir "$1"} --format json 2>/dev/null | grep -c '"kind":"article"'; }
at_least() { [ "$(articles "${2:-}")" -ge "$1" ]; }
poll 30 at_least "$nseeds"
check "all $nseeds seeds ingested (newsdrop articles as the analyst: $(articles))" test "$(articles)" -eq "$nseeds"
nevents=$(A newsdrop events --format json 2>/dev/null | grep -c '"kind":"event"')
check "newsdrop events shows events as the analyst ($nevents)" test "$nevents" -gt 0
A newsdrop events --format table --limit 5 > "$WORK/events.txt" 2>&1
check "newsdrop events --format table prints rows" test "$(wc -l < "$WORK/events.txt")" -gt 1
left=$(C find /var/spool/newsdrop/incoming -mindepth 1 | wc -l)
check "drop folder emptied after the commits ($left left)" test "$left" -eq 0
check "newsdrop verify: the journal is whole" quiet A newsdrop verify
A newsdrop status --format table > "$WORK/status.txt" 2>&1; rc=$?
check "newsdrop status as the analyst: running (exit $rc: $(head -1 "$WORK/status.txt"))" test $rc -eq 0
check "the analyst may not write the journal (group read-only)" quiet A sh -c '! touch /var/lib/newsdrop/x 2>/dev/null'
A sh -c ': > /var/spool/newsdrop/incoming/empty.txt'
poll 15 C test -e /var/spool/newsdrop/rejected/empty.txt
check "an empty file is rejected and moved to /var/spool/newsdrop/rejected" C test -e /var/spool/newsdrop/rejected/empty.txt

# --- 8. the journal of systemd ----------------------------------------------------------------
C journalctl -u $SVC -o json --no-pager > "$WORK/journal.json"
ningested=$(grep -c '"MESSAGE_ID":"465746c0a2fb4bf084d414816994154b"' "$WORK/journal.json")
check "journalctl -u newsdropd: $ningested 'ingested' entries (MESSAGE_ID) for $nseeds seeds" test "$ningested" -ge "$nseeds"
check "entries carry ARTICLE_ID, FILE, EVENTS, SEQ" sh -c "grep '465746c0a2fb4bf084d414816994154b' '$WORK/journal.json' | head -1 | grep '\"ARTICLE_ID\"' | grep '\"FILE\"' | grep '\"EVENTS\"' | grep -q '\"SEQ\"'"
check "journalctl -u newsdropd MESSAGE_ID=… filters (rejected: 1 entry)" test "$(C journalctl -u $SVC -o cat --no-pager MESSAGE_ID=5bc90d7b13ef4802be19042bf111eab6 | wc -l)" -ge 1

# --- 9. security, online, compared with offline --------------------------------------------------
ONLINE=$(C systemd-analyze security $SVC 2>/dev/null | score_of)
check "online security exposure $ONLINE agrees with offline $OFFLINE" test -n "$ONLINE" -a "$ONLINE" = "$OFFLINE"

# --- 10. reload ---------------------------------------------------------------------------------
pid0=$(C systemctl show -P MainPID $SVC)
C systemctl reload $SVC; rc=$?
check "systemctl reload returned 0" test $rc -eq 0
poll 10 quiet C sh -c "journalctl -u $SVC -o cat --no-pager | grep -q 'reloaded configuration'"
check "the daemon logged the reload" quiet C sh -c "journalctl -u $SVC -o cat --no-pager | grep -q 'reloaded configuration'"
check "same process after reload, still active" test "$(C systemctl show -P MainPID $SVC)" = "$pid0" -a "$(C systemctl is-active $SVC)" = active

# --- 11. watchdog: a hung daemon is killed and restarted ----------------------------------------------
wd=$(C systemctl show -P WatchdogUSec $SVC)
C systemctl kill -s SIGSTOP --kill-whom=main $SVC
T0=$(t); r=0
# the watchdog fires WatchdogSec after the last ping: poll up to 90 s
for _ in $(seq 450); do r=$(C systemctl show -P NRestarts $SVC); [ "$r" -ge 1 ] && break; sleep 0.2; done
C journalctl -u $SVC --no-pager -o cat | grep -q 'Watchdog timeout'; wdlog=$?
check "watchdog (WatchdogSec=$wd) killed the stopped process and systemd restarted it (after $(el "$T0")s)" test "$r" -ge 1 -a $wdlog -eq 0
poll 30 C systemctl is-active -q $SVC
check "active again after the watchdog restart (pid $pid0 -> $(C systemctl show -P MainPID $SVC))" C systemctl is-active -q $SVC
check "journal whole after the watchdog kill, nothing lost ($(articles) articles)" sh -c "[ $(articles) -eq $nseeds ] && nsenter -t $L -a runuser -u analyst -- newsdrop verify >/dev/null 2>&1"

# --- 12. stop ---------------------------------------------------------------------------------------
T0=$(t); C systemctl stop $SVC; rc=$?
check "systemctl stop (took $(el "$T0")s)" test $rc -eq 0
check "inactive (not failed) after stop, exit status 0" test "$(C systemctl is-active $SVC)" = inactive -a "$(C systemctl show -P ExecMainStatus $SVC)" = 0
check "no failed units in the container" test -z "$(C systemctl list-units --failed --plain --no-legend)"
A newsdrop status >/dev/null 2>&1; rc=$?
check "newsdrop status after stop: not running (exit $rc, expected 3)" test $rc -eq 3
C systemctl start $SVC

# --- 13. a second instance from the template unit -------------------------------------------------
C systemctl start newsdropd@desk2.service; rc=$?
check "systemctl start newsdropd@desk2 (template unit)" test $rc -eq 0
perm=$(C stat -c '%A %U:%G' /var/spool/newsdrop-desk2/incoming 2>&1)
check "instance drop folder /var/spool/newsdrop-desk2/incoming is setgid, group-writable ($perm)" test "$perm" = "drwxrws--- newsdrop:newsdrop"
A cp /srv/seeds/"$(ls "$REPO/seeds" | head -1)" /var/spool/newsdrop-desk2/incoming/
poll 20 at_least 1 /var/lib/newsdrop-desk2
check "instance ingests into its own journal /var/lib/newsdrop-desk2" test "$(articles /var/lib/newsdrop-desk2)" -eq 1
check "the main journal is untouched by the instance ($(articles) articles)" test "$(articles)" -eq "$nseeds"
ONLINE_AT=$(C systemd-analyze security newsdropd@desk2.service 2>/dev/null | score_of)
check "online security exposure of newsdropd@desk2 $ONLINE_AT agrees with offline $OFFLINE_AT" test -n "$ONLINE_AT" -a "$ONLINE_AT" = "$OFFLINE_AT"

# --- 14. upgrade keeps the journal, the administrator's config, and restarts -------------------------
C sed -i 's/^#log_level = info/log_level = info/' /etc/newsdrop/newsdrop.conf
pid0=$(C systemctl show -P MainPID $SVC)
T0=$(t); C dpkg -i /srv/debs/newsdrop-upgrade.deb >"$WORK/dpkg-upgrade.log" 2>&1; rc=$?
check "dpkg -i upgrades to $UPGRADE_VERSION (took $(el "$T0")s)" test $rc -eq 0 -a "$(C dpkg-query -W -f='${Version}' newsdrop)" = "$UPGRADE_VERSION"
[ $rc -eq 0 ] || cat "$WORK/dpkg-upgrade.log"
check "service restarted by the upgrade (pid $pid0 -> $(C systemctl show -P MainPID $SVC)), active" \
  test "$(C systemctl show -P MainPID $SVC)" != "$pid0" -a "$(C systemctl is-active $SVC)" = active
check "journal kept across the upgrade ($(articles) articles)" test "$(articles)" -eq "$nseeds"
check "changed conffile kept across the upgrade" quiet C grep -q '^log_level = info' /etc/newsdrop/newsdrop.conf
check "still enabled after the upgrade" test "$(C systemctl is-enabled $SVC)" = enabled
check "the running instance newsdropd@desk2 was restarted too and is active" C systemctl is-active -q newsdropd@desk2.service

# --- 15. remove keeps the data, purge deletes it -----------------------------------------------------
T0=$(t); C dpkg -r newsdrop >"$WORK/dpkg-remove.log" 2>&1; rc=$?
check "dpkg -r newsdrop (took $(el "$T0")s)" test $rc -eq 0
check "service and instance stopped on remove" sh -c "! nsenter -t $L -a systemctl is-active -q $SVC && ! nsenter -t $L -a systemctl is-active -q newsdropd@desk2.service"
check "binaries gone after remove" C test ! -e /usr/bin/newsdropd -a ! -e /usr/bin/newsdrop
check "journal kept after remove (/var/lib/newsdrop/journal)" C test -d /var/lib/newsdrop/journal -a -d /var/lib/newsdrop-desk2/journal
T0=$(t); C dpkg -P newsdrop >"$WORK/dpkg-purge.log" 2>&1; rc=$?
check "dpkg -P newsdrop (took $(el "$T0")s)" test $rc -eq 0
check "purge deleted /var/lib/newsdrop, /var/spool/newsdrop, /etc/newsdrop and the instance folders" \
  C test ! -e /var/lib/newsdrop -a ! -e /var/spool/newsdrop -a ! -e /etc/newsdrop -a ! -e /var/lib/newsdrop-desk2 -a ! -e /var/spool/newsdrop-desk2
check "no failed units in the container at the end" test -z "$(C systemctl list-units --failed --plain --no-legend)"

C journalctl --no-pager -o short-monotonic > "$WORK/container-journal.txt" 2>&1
[ $fail -gt 0 ] && { echo "--- last lines of the container's journal"; tail -40 "$WORK/container-journal.txt"; KEEP_WORK=1; }
echo "system test took $(el "$T_ALL")s"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
