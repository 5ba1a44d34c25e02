#!/usr/bin/env python3
"""An independent reader of a newsdrop data folder.

It knows docs/store-format.md and nothing of the Swift code: it parses the JSONL segments, the
.idx commit marks and the archive packs itself, and reports every way they break the format's
promises. Used by crash-rounds.py and fault-rounds.py; runnable alone:

    python3 tools/reliability/journal_check.py DATA_DIR

Exit 0 when the folder is whole, 1 with one line per problem otherwise.
"""
import hashlib
import json
import os
import struct
import sys

_CRC_TABLE = []


def crc32c(data: bytes) -> int:
    """CRC-32C (Castagnoli), reflected, as the .idx entries hold it."""
    if not _CRC_TABLE:
        for i in range(256):
            c = i
            for _ in range(8):
                c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
            _CRC_TABLE.append(c)
    crc = 0xFFFFFFFF
    for b in data:
        crc = _CRC_TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


class Journal:
    """What the data folder holds: records in order, units, problems found."""

    def __init__(self, data_dir: str):
        self.data_dir = data_dir
        self.problems: list[str] = []
        self.records: list[dict] = []
        self.units: list[list[dict]] = []
        self.notes: list[str] = []
        self._read()

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def _read(self) -> None:
        jdir = os.path.join(self.data_dir, "journal")
        if not os.path.isdir(jdir):
            self.problem(f"{jdir}: no journal folder")
            return
        segments = sorted(n for n in os.listdir(jdir) if n.endswith(".jsonl"))
        expected_seq = 1
        for name in segments:
            path = os.path.join(jdir, name)
            first = int(name[:-6])
            if first != expected_seq:
                self.problem(f"{path}: segment starts at seq {first}, expected {expected_seq}")
            with open(path, "rb") as f:
                data = f.read()
            entries = self._read_index(path[:-6] + ".idx", first)
            # Units as the JSONL says they are.
            pos = 0
            units: list[tuple[int, int, list[dict]]] = []  # (offset, end, records)
            current: list[dict] = []
            current_start = 0
            want_events = 0
            while pos < len(data):
                nl = data.find(b"\n", pos)
                if nl < 0:
                    self.problem(f"{path}: torn line at byte {pos} (no newline) after a clean stop")
                    break
                line = data[pos:nl]
                try:
                    rec = json.loads(line.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError) as e:
                    self.problem(f"{path}: byte {pos}: not a JSON line ({e})")
                    pos = nl + 1
                    continue
                if not isinstance(rec, dict) or "seq" not in rec or "kind" not in rec:
                    self.problem(f"{path}: byte {pos}: line without seq/kind")
                    pos = nl + 1
                    continue
                if rec["seq"] != expected_seq:
                    self.problem(f"{path}: byte {pos}: seq {rec['seq']}, expected {expected_seq}")
                    expected_seq = rec["seq"]
                expected_seq += 1
                self.records.append(rec)
                if rec["kind"] == "event":
                    if want_events == 0:
                        self.problem(f"{path}: byte {pos}: event line seq {rec['seq']} outside an article's unit")
                    else:
                        art = current[0]
                        n = len(current)
                        if rec.get("article") != art["id"] or rec.get("id") != f"{art['id']}-{n}":
                            self.problem(f"{path}: byte {pos}: event {rec.get('id')} does not belong to article {art['id']} as #{n}")
                        current.append(rec)
                        want_events -= 1
                        if want_events == 0:
                            units.append((current_start, nl + 1, current))
                            current = []
                    pos = nl + 1
                    continue
                if want_events:
                    self.problem(f"{path}: byte {pos}: unit of article seq {current[0]['seq']} is missing {want_events} event lines")
                    units.append((current_start, pos, current))
                    want_events = 0
                current = [rec]
                current_start = pos
                if rec["kind"] == "article":
                    want_events = int(rec.get("events", 0))
                if want_events == 0:
                    units.append((current_start, nl + 1, current))
                    current = []
                pos = nl + 1
            if want_events:
                self.problem(f"{path}: the last article (seq {current[0]['seq']}) is missing {want_events} event lines")
            self.units.extend(u[2] for u in units)
            self._check_index(path, data, units, entries)

    def _read_index(self, path: str, first: int) -> list[tuple]:
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except FileNotFoundError:
            self.problem(f"{path}: missing")
            return []
        if len(raw) < 16 or raw[:8] != b"NDJIDX1\n":
            self.problem(f"{path}: bad header")
            return []
        (hfirst,) = struct.unpack_from("<Q", raw, 8)
        if hfirst != first:
            self.problem(f"{path}: header first seq {hfirst}, file name says {first}")
        if (len(raw) - 16) % 32:
            self.problem(f"{path}: {len(raw) - 16} entry bytes, not a multiple of 32 (torn entry after a clean stop)")
        out = []
        for off in range(16, len(raw) - 31, 32):
            offset, length, crc, fseq, lines, kind = struct.unpack_from("<QIIQIB", raw, off)
            out.append((offset, length, crc, fseq, lines, kind, off))
        return out

    def _check_index(self, path: str, data: bytes, units, entries) -> None:
        kinds = {"article": 1, "duplicate": 2, "rejected": 3}
        if len(entries) != len(units):
            self.problem(f"{path}: {len(units)} units in the data, {len(entries)} index entries")
        prev_end = 0
        for (start, end, recs), entry in zip(units, entries):
            offset, length, crc, fseq, lines, kind, at = entry
            where = f"{path[:-6]}.idx entry at byte {at}"
            if offset != prev_end:
                self.problem(f"{where}: offset {offset} does not follow the previous unit's end {prev_end}")
            if (offset, offset + length) != (start, end):
                self.problem(f"{where}: locates bytes {offset}..{offset + length}, the unit is {start}..{end}")
            if crc32c(data[offset:offset + length]) != crc:
                self.problem(f"{where}: CRC-32C mismatch")
            if fseq != recs[0]["seq"] or lines != len(recs) or kind != kinds.get(recs[0]["kind"]):
                self.problem(f"{where}: seq/lines/kind {fseq}/{lines}/{kind} but unit is {recs[0]['seq']}/{len(recs)}/{recs[0]['kind']}")
            prev_end = offset + length
        if units and units[-1][1] != len(data):
            self.problem(f"{path}: {len(data) - units[-1][1]} bytes after the last unit")

    def check_archive(self) -> None:
        """Each article's bytes are in its pack entry and hash to its hash."""
        for rec in self.records:
            if rec.get("kind") != "article":
                continue
            loc = rec.get("archive") or {}
            path = os.path.join(self.data_dir, "archive", "%08d.pack" % loc.get("pack", 0))
            try:
                with open(path, "rb") as f:
                    f.seek(loc.get("offset", 0))
                    head = f.read(8)
                    if len(head) != 8 or head[:4] != b"NDA1":
                        self.problem(f"{path}: no entry at {loc.get('offset')} for seq {rec['seq']}")
                        continue
                    (n,) = struct.unpack("<I", head[4:])
                    body = f.read(n)
            except OSError as e:
                self.problem(f"{path}: {e}")
                continue
            digest = hashlib.sha256(body).hexdigest()
            if "sha256:" + digest != rec.get("hash") or digest[:16] != rec.get("id") or len(body) != rec.get("bytes"):
                self.problem(f"{path}@{loc.get('offset')}: bytes do not match article seq {rec['seq']}")

    def dispositions(self) -> dict:
        """file name → list of (kind, record) for article/duplicate/rejected lines."""
        out: dict = {}
        for rec in self.records:
            if rec.get("kind") in ("article", "duplicate", "rejected"):
                out.setdefault(rec.get("file"), []).append(rec)
        return out

    def check_expected(self, expected: dict, rejected_dir=None) -> None:
        """Every dropped file exactly once, as expected, and no record for anything else.

        expected: file name -> ("text", sha256 hex) or ("rejected", reason). With rejected_dir,
        a rejected file must also have been moved there (under its name or name.N).
        """
        disp = self.dispositions()
        for name, (family, detail) in expected.items():
            recs = disp.get(name, [])
            if len(recs) != 1:
                self.problem(f"{name!r}: {len(recs)} records {[r['kind'] for r in recs]}, expected exactly one")
                continue
            rec = recs[0]
            if family == "text":
                if rec["kind"] not in ("article", "duplicate") or rec.get("hash") != "sha256:" + detail:
                    self.problem(f"{name!r}: {rec['kind']} {rec.get('hash')} {rec.get('reason')}, expected the article of sha256:{detail[:16]}...")
            elif rec["kind"] != "rejected" or rec.get("reason") != detail:
                self.problem(f"{name!r}: {rec['kind']} {rec.get('reason')}, expected rejected {detail}")
            elif rejected_dir is not None and not any(e == name or e.startswith(name + ".") for e in os.listdir(rejected_dir)):
                self.problem(f"{name!r}: rejected but not in {rejected_dir}")
        for name in disp:
            if name not in expected:
                self.problem(f"{name!r}: a record for a file never dropped")

    def check_dedup(self) -> None:
        """The first line with given bytes is the article; later ones are duplicates of it."""
        first: dict = {}
        for rec in self.records:
            k = rec.get("kind")
            if k == "article":
                if rec["hash"] in first:
                    self.problem(f"article seq {rec['seq']} repeats the bytes of seq {first[rec['hash']]}")
                first.setdefault(rec["hash"], rec["seq"])
            elif k == "duplicate":
                if first.get(rec["hash"]) != rec.get("first_seq"):
                    self.problem(f"duplicate seq {rec['seq']} points at {rec.get('first_seq')}, the article is {first.get(rec['hash'])}")


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: journal_check.py DATA_DIR", file=sys.stderr)
        return 2
    j = Journal(sys.argv[1])
    j.check_archive()
    j.check_dedup()
    for p in j.problems:
        print(p)
    print(f"{len(j.records)} records, {len(j.units)} units, {len(j.problems)} problems")
    return 1 if j.problems else 0


if __name__ == "__main__":
    sys.exit(main())
