#!/usr/bin/env python3
"""Injected I/O faults against the real newsdropd (libfiu), and a real disk-full (tmpfs).

Each scenario starts the daemon under `fiu-run -x` (the POSIX preload of libfiu, Debian
packages fiu-utils and libfiu-dev) with remote control enabled, drops files, switches a fault
on with `fiu-ctrl` (a failure point failing every call with a chosen errno, or failing at
random), drops more files, and checks what the daemon promises (docs/operations.md, Faults):

  * while the fault lasts, nothing is lost: files not yet committed stay in the drop folder,
    `newsdrop verify` (run outside the fault) stays clean, and the fault shows in the log and
    in status.json's last_error;
  * once the fault is switched off, the daemon recovers by itself (no restart): the folder
    drains, and every file ends exactly once (journal_check.py, the independent reader).

Scenarios (name: failure point, errno):
  pwrite-eio      posix/io/rw/pwrite         EIO     journal, index and archive writes
  pwrite-enospc   posix/io/rw/pwrite         ENOSPC
  fdatasync-eio   posix/io/sync/fdatasync    EIO     the commit's sync
  open-emfile     posix/io/oc/open           EMFILE  opening dropped files (and the rest)
  read-eio        posix/io/rw/read           EIO     reading dropped files
  rename-eio      posix/io/dir/rename        EIO     moving rejected files, checkpoints
  unlink-eio      posix/io/dir/unlink        EIO     removing ingested files
  ftruncate-eio   posix/io/rw/ftruncate      EIO     cutting back a failed batch (with pwrite at random)
  random-io       pwrite, fdatasync 15 %, read, open 5 %, at random
  tmpfs-full      a 2 MiB tmpfs data folder filled for real, then grown (needs root)

Usage: fault-rounds.py --bin .build/release [--only NAME,…] [--seed N]
Prints `fault-rounds: N passed, M failed`; exit 1 on findings.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journal_check import Journal  # noqa: E402

EIO, ENOSPC, EMFILE = 5, 28, 24
SCENARIOS = {
    "pwrite-eio": ([("posix/io/rw/pwrite", EIO)], "commit"),
    "pwrite-enospc": ([("posix/io/rw/pwrite", ENOSPC)], "commit"),
    "fdatasync-eio": ([("posix/io/sync/fdatasync", EIO)], "commit"),
    "open-emfile": ([("posix/io/oc/open", EMFILE)], "read"),
    "read-eio": ([("posix/io/rw/read", EIO)], "read"),
    "rename-eio": ([("posix/io/dir/rename", EIO)], "dispose"),
    "unlink-eio": ([("posix/io/dir/unlink", EIO)], "dispose"),
    "ftruncate-eio": ([("posix/io/rw/ftruncate", EIO), ("posix/io/rw/pwrite", EIO, 0.5)], "random"),
    "random-io": ([("posix/io/rw/pwrite", EIO, 0.15), ("posix/io/sync/fdatasync", EIO, 0.15),
                   ("posix/io/rw/read", EIO, 0.05), ("posix/io/oc/open", EIO, 0.05)], "random"),
}


class Scenario:
    def __init__(self, name, args, rng):
        self.name, self.args, self.rng = name, args, rng
        self.work = tempfile.mkdtemp(prefix=f"newsdrop-fault-{name}-")
        self.drop = os.path.join(self.work, "in")
        self.data = os.path.join(self.work, "data")
        self.rejected = os.path.join(self.work, "rejected")
        self.stage = os.path.join(self.work, "stage")
        self.log = os.path.join(self.work, "daemon.log")
        os.makedirs(self.drop)
        os.makedirs(self.stage)
        self.expected = {}
        self.findings = []
        self.n = 0
        self.faults = 0

    def start(self, fiu=True):
        env = {k: v for k, v in os.environ.items()
               if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "INVOCATION_ID", "JOURNAL_STREAM")}
        env.update(NEWSDROP_SETTLE_SECONDS="0.2",
                   NEWSDROP_DICTIONARIES=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "dictionaries"))
        cmd = [os.path.join(self.args.bin, "newsdropd"), "--drop-dir", self.drop, "--data-dir", self.data]
        if fiu:
            cmd = ["fiu-run", "-x", "-f", os.path.join(self.work, "fiu-ctrl")] + cmd
        self.proc = subprocess.Popen(cmd, stdout=open(self.log, "ab"), stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, env=env)
        # fiu-run execs the daemon: same pid.
        if not self.wait(lambda: os.path.exists(os.path.join(self.data, "status.json")), 20):
            self.findings.append("the daemon did not start")

    def ctrl(self, command):
        r = subprocess.run(["fiu-ctrl", "-f", os.path.join(self.work, "fiu-ctrl"), "-c", command, str(self.proc.pid)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            self.findings.append(f"fiu-ctrl {command}: {r.stderr.strip()}")

    def wait(self, cond, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if cond():
                return True
            time.sleep(0.05)
        return cond()

    def drop_file(self, bad=False):
        self.n += 1
        name = f"{self.name}-{self.n:04d}.txt"
        if bad:
            body, self.expected[name] = b"", ("rejected", "empty")
        else:
            body = f"Report {self.n} of {self.name}\n\nA convoy was attacked near Abu Kamal, Tasnim reported; {self.rng.random()}.\n".encode()
            self.expected[name] = ("text", hashlib.sha256(body).hexdigest())
        staged = os.path.join(self.stage, name)
        with open(staged, "wb") as f:
            f.write(body)
        os.rename(staged, os.path.join(self.drop, name))
        return name

    def verify(self, when):
        r = subprocess.run([os.path.join(self.args.bin, "newsdrop"), "verify", "--data-dir", self.data],
                           capture_output=True, text=True)
        if r.returncode != 0:
            self.findings.append(f"{when}: newsdrop verify exit {r.returncode}: {(r.stdout + r.stderr)[-600:]}")

    def status_error(self):
        try:
            with open(os.path.join(self.data, "status.json")) as f:
                return (json.load(f).get("last_error") or {}).get("message")
        except (OSError, ValueError):
            return None

    def run(self):
        points, kind = SCENARIOS[self.name]
        self.start()
        for _ in range(3):
            self.drop_file()
        if not self.wait(lambda: not os.listdir(self.drop), 10):
            self.findings.append("files before the fault were not taken")
        log_before = os.path.getsize(self.log)
        for p in points:
            prob = p[2] if len(p) > 2 else None
            cmd = (f"enable_random name={p[0]},probability={prob},failinfo={p[1]}" if prob
                   else f"enable name={p[0]},failinfo={p[1]}")
            self.ctrl(cmd)
        during = []
        for i in range(30 if kind == "random" else 6):
            during.append(self.drop_file(bad=(i % 4 == 3)))
            if kind == "random":
                time.sleep(0.15)
        time.sleep(3 if kind != "random" else 5)
        log = open(self.log, "rb").read()[log_before:].decode("utf-8", "replace")
        if kind in ("commit", "read"):
            left = set(os.listdir(self.drop))
            missing = [n for n in during if n not in left]
            # Nothing can be committed while every write/sync/open/read fails.
            if missing:
                self.findings.append(f"while the fault lasted, {len(missing)} files left the drop folder: {missing[:3]}")
        if kind == "commit":
            if "stay in the drop folder" not in log:
                self.findings.append("the log does not say that the files stay in the drop folder")
            # (With open or rename failing, the status file itself cannot be written.)
            if not self.status_error():
                self.findings.append("status.json has no last_error during the fault")
        if kind in ("read", "dispose") and "error" not in log:
            self.findings.append("the fault left no error in the log")
        self.verify("during the fault")
        for p in points:
            self.ctrl(f"disable name={p[0]}")
        # Backoff is at most 30 s; the folder should drain well within 45 s.
        if not self.wait(lambda: not os.listdir(self.drop), 45):
            self.findings.append(f"after the fault cleared the drop folder still holds {sorted(os.listdir(self.drop))[:5]}")
        self.drop_file()
        if not self.wait(lambda: not os.listdir(self.drop), 10):
            self.findings.append("a file dropped after recovery was not taken")
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = "hung"
        if rc != 0:
            self.findings.append(f"SIGTERM exit status {rc}")
        self.faults = sum(1 for line in open(self.log, "rb").read().decode("utf-8", "replace").splitlines()
                          if "cannot" in line or "error" in line.lower())
        self.check()

    def check(self):
        self.verify("at the end")
        j = Journal(self.data)
        j.check_archive()
        j.check_dedup()
        j.check_expected(self.expected)
        self.findings.extend(j.problems)


class TmpfsFull(Scenario):
    """The data folder on a 2 MiB tmpfs: filled for real, then grown with a remount."""

    def run(self):
        self.mnt = os.path.join(self.work, "data")
        os.makedirs(self.mnt)
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", self.mnt], capture_output=True, text=True)
        if r.returncode != 0:
            self.findings.append(f"SKIPPED: cannot mount a tmpfs ({r.stderr.strip()}); run as root")
            self.skipped = True
            return
        try:
            self.start(fiu=False)
            # ~60 KiB articles: the archive fills 2 MiB after ~30.
            names = []
            for i in range(45):
                self.n += 1
                name = f"big-{self.n:04d}.txt"
                body = (f"Big report {i} {self.rng.random()}\n\n" + "The convoy was attacked near Abu Kamal. " * 1500).encode()
                self.expected[name] = ("text", hashlib.sha256(body).hexdigest())
                staged = os.path.join(self.stage, name)
                open(staged, "wb").write(body)
                os.rename(staged, os.path.join(self.drop, name))
                names.append(name)
            full = self.wait(lambda: b"No space left on device" in open(self.log, "rb").read(), 60)
            if not full:
                self.findings.append("the log does not report No space left on device")
            if not os.listdir(self.drop):
                self.findings.append("everything fit: the disk was never full")
            self.verify("while the disk is full")
            subprocess.run(["mount", "-o", "remount,size=16m", self.mnt], check=True)
            if not self.wait(lambda: not os.listdir(self.drop), 45):
                self.findings.append(f"after space was freed the drop folder still holds {len(os.listdir(self.drop))} files")
            self.proc.send_signal(signal.SIGTERM)
            rc = self.proc.wait(timeout=20)
            if rc != 0:
                self.findings.append(f"SIGTERM exit status {rc}")
            self.check()
        finally:
            if getattr(self, "proc", None) and self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            subprocess.run(["umount", self.mnt])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "..", "..", ".build", "release"))
    ap.add_argument("--only", default=None, help="comma-separated scenario names")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1, help="run the chosen scenarios this many times")
    args = ap.parse_args()
    args.bin = os.path.abspath(args.bin)
    if shutil.which("fiu-run") is None:
        print("fault-rounds: fiu-run not found; apt-get install fiu-utils libfiu-dev", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    names = (args.only.split(",") if args.only else list(SCENARIOS) + ["tmpfs-full"]) * args.repeat
    passed = failed = 0
    for name in names:
        s = (TmpfsFull if name == "tmpfs-full" else Scenario)(name, args, rng)
        started = time.monotonic()
        s.run()
        secs = time.monotonic() - started
        if s.findings and not getattr(s, "skipped", False):
            failed += 1
            print(f"FAIL {name} ({secs:.0f} s, {len(s.expected)} files; kept {s.work})")
            for f in s.findings[:20]:
                print("   ", f)
        else:
            passed += 1
            print(f"ok   {name} ({secs:.0f} s, {len(s.expected)} files, {s.faults} fault lines logged)"
                  + (" SKIPPED" if getattr(s, "skipped", False) else ""))
            shutil.rmtree(s.work, ignore_errors=True)
    print(f"fault-rounds: seed {seed}")
    print(f"fault-rounds: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
