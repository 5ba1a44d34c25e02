#!/usr/bin/env python3
"""Kill -9 rounds against the real newsdropd while files arrive; then an independent check.

Each round starts the daemon on the same drop and data folders, drops files the ways people
do (written in place, renamed in, written under a temp name then renamed, duplicates of
earlier files, empty, binary, undecodable, too large, symlinks, a file still being written
across the kill), and sends SIGKILL at a random moment (also during start-up and recovery).
After each kill, `newsdrop verify` must find no damage. At the end one clean run drains the
folder and stops with SIGTERM, and journal_check.py (which reads the segments, the .idx commit
marks and the archive packs itself) checks:

  * every dropped file has exactly one article/duplicate/rejected line, of the right kind
    (its bytes' SHA-256 in the line; rejected with the expected reason);
  * seq 1, 2, 3, … without gaps; every article followed by exactly its events;
  * the .idx chain covers every unit with the right CRC-32C; archive entries hash right;
  * the first line with given bytes is the article, the others duplicates of it;
  * the drop folder is empty, every rejected file is in rejected/; `newsdrop verify` exits 0.

Usage: crash-rounds.py --bin .build/release [--rounds 30] [--seed N] [--work DIR] [--keep]
Prints one summary line: `crash-rounds: N passed, M failed` plus figures; exit 1 on findings.
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

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAX_BYTES = 64 * 1024


class Round:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.work = args.work or tempfile.mkdtemp(prefix="newsdrop-crash-")
        self.drop = os.path.join(self.work, "in")
        self.data = os.path.join(self.work, "data")
        self.stage = os.path.join(self.work, "stage")
        self.rejected = os.path.join(self.work, "rejected")
        self.log = os.path.join(self.work, "daemon.log")
        for d in (self.drop, self.stage):
            os.makedirs(d, exist_ok=True)
        # Private copies: a rebuild during a long run must not change (or lock) the binaries.
        private = os.path.join(self.work, "bin")
        os.makedirs(private, exist_ok=True)
        for exe in ("newsdropd", "newsdrop"):
            shutil.copy2(os.path.join(args.bin, exe), private)
        args.bin = private
        self.expected: dict[str, tuple[str, str | None]] = {}  # name → (family, sha256 or reason)
        self.contents: list[bytes] = []
        self.seeds = [open(os.path.join(REPO, "seeds", n), "rb").read()
                      for n in sorted(os.listdir(os.path.join(REPO, "seeds"))) if n.endswith(".txt")]
        self.n = 0
        self.findings: list[str] = []
        self.straddling = None  # (fd, rest) of a file being written across a kill
        self.kills = 0
        self.self_exits = 0

    # Daemon -------------------------------------------------------------------------------

    def start(self):
        env = {k: v for k, v in os.environ.items()
               if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "INVOCATION_ID", "JOURNAL_STREAM")}
        env.update(NEWSDROP_SETTLE_SECONDS="0.2", NEWSDROP_MAX_FILE_BYTES=str(MAX_BYTES), NEWSDROP_LOG_LEVEL="info",
                   NEWSDROP_DICTIONARIES=os.path.join(REPO, "dictionaries"))
        log = open(self.log, "ab")
        return subprocess.Popen([os.path.join(self.args.bin, "newsdropd"), "--drop-dir", self.drop, "--data-dir", self.data],
                                stdout=log, stderr=log, stdin=subprocess.DEVNULL, env=env)

    def ready(self, pid):
        """Whether the daemon with this pid wrote status.json with state ready."""
        try:
            with open(os.path.join(self.data, "status.json")) as f:
                status = json.load(f)
        except (OSError, ValueError):
            return False
        return status.get("pid") == pid and status.get("state") == "ready"

    def verify(self, when):
        r = subprocess.run([os.path.join(self.args.bin, "newsdrop"), "verify", "--data-dir", self.data],
                           capture_output=True, text=True)
        if r.returncode != 0:
            self.findings.append(f"{when}: newsdrop verify exit {r.returncode}: {r.stdout[-800:]}{r.stderr[-800:]}")

    # Files --------------------------------------------------------------------------------

    def name(self, suffix=".txt"):
        self.n += 1
        quirks = ["", " with space", "-ünïcödé", "'quote'", '"dq"', "\\bs", "\ttab"]
        return f"f{self.n:05d}{self.rng.choice(quirks)}{suffix}"

    def article(self):
        r = self.rng.random()
        if self.contents and r < 0.25:
            return self.rng.choice(self.contents)  # duplicate bytes
        if r < 0.45:
            base = self.rng.choice(self.seeds)
            body = base + f"\n\nUpdate {self.n}: filed by the crash rounds.\n".encode()
        else:
            body = (f"Report {self.n} {self.rng.random()}\n\nA convoy was attacked near Abu Kamal on "
                    f"September {self.rng.randint(1, 28)}, Tasnim reported. {self.rng.randint(1, 9)} "
                    f"soldiers were killed.\n").encode()
        self.contents.append(body)
        return body

    def write(self, path, body, chunks=1):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        step = max(1, len(body) // chunks)
        for i in range(0, len(body), step):
            os.write(fd, body[i:i + step])
            if chunks > 1:
                time.sleep(0.002)
        os.close(fd)

    def drop_one(self):
        r = self.rng.random()
        if r < 0.12:  # a bad file
            kind = self.rng.choice(["empty", "binary", "encoding", "large", "symlink"])
            name = self.name(".bin" if kind == "binary" else ".txt")
            path = os.path.join(self.drop, name)
            if kind == "symlink":
                target = os.path.join(self.stage, "target-" + name)
                open(target, "wb").write(b"outside\n")
                os.symlink(target, path)
                self.expected[name] = ("rejected", "symlink")
                return
            body = {"empty": b"", "binary": b"\x89PNG\x00\x00\x00\x0dIHDR" * 8,
                    "encoding": b"Caf\xc3 au lait \x81\x8d\x8f\x90\x9d broken\n",
                    "large": b"Large line. " * (MAX_BYTES // 12 + 100)}[kind]
            reason = {"empty": "empty", "binary": "binary", "encoding": "invalid-encoding", "large": "too-large"}[kind]
            self.via_rename(name, body)
            self.expected[name] = ("rejected", reason)
            return
        body = self.article()
        name = self.name()
        mode = self.rng.random()
        if mode < 0.35:
            self.write(os.path.join(self.drop, name), body, chunks=self.rng.randint(1, 4))
        elif mode < 0.7:
            self.via_rename(name, body)
        else:
            tmp = os.path.join(self.drop, "." + name + ".part")
            self.write(tmp, body, chunks=2)
            os.rename(tmp, os.path.join(self.drop, name))
        self.expected[name] = ("text", hashlib.sha256(body).hexdigest())

    def via_rename(self, name, body):
        staged = os.path.join(self.stage, name)
        self.write(staged, body)
        os.rename(staged, os.path.join(self.drop, name))

    def begin_straddle(self):
        """Writes half a file in place; the rest comes after the next restart."""
        body = self.article()
        name = self.name()
        fd = os.open(os.path.join(self.drop, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.write(fd, body[: len(body) // 2])
        self.straddling = (fd, body[len(body) // 2:])
        self.expected[name] = ("text", hashlib.sha256(body).hexdigest())

    def end_straddle(self):
        if self.straddling:
            fd, rest = self.straddling
            os.write(fd, rest)
            os.close(fd)
            self.straddling = None

    # Rounds -------------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        for rnd in range(self.args.rounds):
            if self.rng.random() < 0.3:  # files that arrive while it is down
                for _ in range(self.rng.randint(1, 4)):
                    self.drop_one()
            p = self.start()
            kill_at = time.monotonic() + self.rng.choice([0.0, 0.05, 0.2, 0.4, 0.8, 1.2]) * self.rng.random()
            if self.straddling:
                time.sleep(0.05)
                self.end_straddle()
            while time.monotonic() < kill_at:
                self.drop_one()
                if self.rng.random() < 0.5:
                    time.sleep(self.rng.random() * 0.03)
            if p.poll() is not None:
                self.self_exits += 1
                self.findings.append(f"round {rnd}: the daemon exited by itself with {p.returncode} (see {self.log})")
            p.send_signal(signal.SIGKILL)
            p.wait()
            self.kills += 1
            if self.rng.random() < 0.15 and not self.straddling:
                self.begin_straddle()
            self.verify(f"after kill {rnd}")
        self.end_straddle()
        # The clean run that drains the folder. It is stopped only once it reports ready: a
        # SIGTERM in the first milliseconds of a process, before its handlers exist, kills it
        # with the default action (systemd counts that as a clean stop; this check wants exit 0).
        p = self.start()
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not self.ready(p.pid):
            time.sleep(0.05)
        while time.monotonic() < deadline and os.listdir(self.drop):
            time.sleep(0.1)
        left = os.listdir(self.drop)
        if left:
            self.findings.append(f"files still in the drop folder after the drain: {sorted(left)[:10]}")
        p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            rc = "hung"
        if rc != 0:
            self.findings.append(f"SIGTERM exit status {rc}")
        self.verify("at the end")
        self.check()
        return time.monotonic() - started

    def check(self):
        j = Journal(self.data)
        j.check_archive()
        j.check_dedup()
        j.check_expected(self.expected, rejected_dir=self.rejected)
        self.findings.extend(j.problems)
        self.records = len(j.records)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(REPO, ".build", "release"), help="folder with newsdropd and newsdrop")
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--work", default=None, help="work folder (default: a new temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder even when all is well")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = random.randrange(1 << 30)
    r = Round(args)
    seconds = r.run()
    kinds = {}
    for fam, d in r.expected.values():
        kinds[d if fam == "rejected" else "text"] = kinds.get(d if fam == "rejected" else "text", 0) + 1
    print(f"crash-rounds: seed {args.seed}, {r.kills} kills, {len(r.expected)} files dropped {kinds}, "
          f"{r.records} journal lines, {seconds:.0f} s, work folder {r.work}")
    for f in r.findings[:50]:
        print("FINDING:", f)
    print(f"crash-rounds: {0 if r.findings else 1} passed, {1 if r.findings else 0} failed")
    if not r.findings and not args.keep:
        shutil.rmtree(r.work, ignore_errors=True)
    return 1 if r.findings else 0


if __name__ == "__main__":
    sys.exit(main())
