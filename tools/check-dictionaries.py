#!/usr/bin/env python3
"""Validate the dictionary files: the gazetteer (places.tsv, places-*.tsv) in depth, and the
other families (actors, titles, triggers, cues, words, furniture) for header, columns and ids.
A file's family comes from its name (`<family>.tsv` or `<family>-*.tsv`), as newsdrop loads it,
never from its header: a wrong header is reported, not skipped.

usage: tools/check-dictionaries.py [--collisions] [DIR_OR_FILE ...]

With no argument it checks the repository's dictionaries/ folder; pass
/etc/newsdrop/dictionaries.d to check a local override folder the same way.
Checks: UTF-8, `\\n` line ends, the header line, 9 tab-separated columns, id digits or x-<slug>,
ids unique within a file and across the shipped files (an override folder may repeat an id: that
replaces the row), no actor name or alias naming two actors, a known kind, a two-letter country (empty allowed), lat/lon numeric and in range
with at most 4 decimals, integer population, aliases without empty parts.
Prints every problem as FILE:LINE: message and exits 1 if there is any; prints a summary otherwise.
--collisions also lists spellings (folded) that name more than one row, as information.
"""
import argparse
import collections
import glob
import os
import re
import sys
import unicodedata

HEADER = ["id", "name", "kind", "country", "admin", "lat", "lon", "population", "aliases"]
KINDS = {"country", "admin1", "region", "city", "site", "water"}
ID_RE = re.compile(r"^(?:[0-9]+|x-[a-z0-9]+(?:-[a-z0-9]+)*)$")
NUM_RE = re.compile(r"^-?[0-9]{1,3}(?:\.[0-9]{1,4})?$")


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("ı", "i"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['`\u2018\u2019\u02bf\u02be]", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def check_file(path, errors, ids_seen, spellings):
    def err(line, msg):
        errors.append(f"{path}:{line}: {msg}")

    try:
        raw = open(path, "rb").read()
    except OSError as e:
        err(0, f"cannot read: {e.strerror}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        err(line, f"not UTF-8 (byte {e.start})")
        return None
    if "\r" in text:
        err(text[:text.index("\r")].count("\n") + 1, "carriage return: use \\n line ends")
    header_seen = False
    rows = 0
    for n, line in enumerate(text.split("\n"), 1):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if cols != HEADER:
                err(n, "first non-comment line must be the header " + "\\t".join(HEADER))
                return None
            continue
        if len(cols) != len(HEADER):
            err(n, f"{len(cols)} columns, expected {len(HEADER)} (tab-separated)")
            continue
        pid, name, kind, country, admin, lat, lon, pop, aliases = cols
        if not ID_RE.match(pid):
            err(n, f"bad id {pid!r}: digits (GeoNames id) or x-<slug>")
        elif pid in ids_seen:
            err(n, f"duplicate id {pid} (first at {ids_seen[pid]})")
        else:
            ids_seen[pid] = f"{path}:{n}"
        if not name.strip() or name != name.strip():
            err(n, "empty name or name with leading/trailing spaces")
        if kind not in KINDS:
            err(n, f"unknown kind {kind!r}: one of {', '.join(sorted(KINDS))}")
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            err(n, f"bad country {country!r}: ISO 3166-1 alpha-2 or empty")
        if kind == "country" and not country:
            err(n, "a country row needs its country code")
        for label, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
            if not NUM_RE.match(value):
                err(n, f"{label} {value!r} is not a decimal number with at most 4 decimals")
            elif abs(float(value)) > limit:
                err(n, f"{label} {value} out of range ±{limit}")
        if not re.fullmatch(r"[0-9]+", pop):
            err(n, f"population {pop!r} is not a non-negative integer")
        parts = aliases.split("|") if aliases else []
        if any(not p.strip() or p != p.strip() for p in parts):
            err(n, "empty alias or alias with leading/trailing spaces (check for '||' or a trailing '|')")
        for s in [name] + parts:
            spellings[fold(s)].add(f"{pid} {name} ({country})")
        rows += 1
    if not header_seen:
        err(1, "no header line")
        return None
    return rows


# the other families: columns in order, and how many must be present on a row
OTHER = {
    "actors": (["id", "name", "kind", "country", "affiliation", "aliases", "adjectives"], 3),
    "titles": (["id", "phrases", "actor", "from", "until"], 3),
    "triggers": (["id", "phrases", "pos", "type", "cameo", "roles", "context"], 4),
    "cues": (["id", "phrases", "kind"], 3),
    "words": (["id", "words", "list"], 3),
    "furniture": (["id", "phrases", "kind"], 3),
}


def family(path):
    base = os.path.basename(path)
    for fam in ["places"] + list(OTHER):
        if base == fam + ".tsv" or (base.startswith(fam + "-") and base.endswith(".tsv")):
            return fam
    return None


def actor_fold(s):
    """An actor spelling as newsdrop compares it, near enough: folded, without an al-/el- article."""
    return re.sub(r"^(?:al|el|ad|an|ar|as|ash|at|az) ", "", fold(s))


def check_other(path, fam, errors, ids_seen, actor_spellings):
    """Header, column counts and unique ids of a non-places dictionary file."""
    columns, minimum = OTHER[fam]

    def err(line, msg):
        errors.append(f"{path}:{line}: {msg}")

    try:
        text = open(path, "rb").read().decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        err(0, f"cannot read as UTF-8: {e}")
        return None
    header_seen = False
    rows = 0
    for n, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if line.startswith("#") or not line.strip():
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not header_seen:
            header_seen = True
            if [c.lower() for c in cols[:len(columns)]] != columns:
                err(n, "first non-comment line must be the header " + "\\t".join(columns))
                return None
            continue
        if len(cols) > len(columns):
            err(n, f"{len(cols)} columns, at most {len(columns)} expected (check for a stray tab)")
        elif len(cols) < minimum:
            err(n, f"{len(cols)} column(s), at least {minimum} expected (tab-separated)")
        elif not cols[0]:
            err(n, "empty id")
        elif cols[0] in ids_seen:
            err(n, f"duplicate id {cols[0]} (first at {ids_seen[cols[0]]})")
        else:
            ids_seen[cols[0]] = f"{path}:{n}"
        if fam == "words" and len(cols) >= 2:
            # the rule lists hold single words (newsdrop rejects a phrase there too)
            for w in cols[1].split("|"):
                if not w.strip() or " " in w.strip():
                    err(n, f"{w!r}: the word lists hold single, non-empty words")
        if fam == "actors" and len(cols) >= 2 and cols[0]:
            # a name or alias must name one actor: which row wins would otherwise be an accident
            names = [cols[1]] + ([a for a in cols[5].split("|") if a] if len(cols) > 5 else [])
            for name in names:
                key = actor_fold(name)
                other = actor_spellings.get(key)
                if other and other[0] != cols[0]:
                    err(n, f"{name!r} names both {cols[0]} and {other[0]} ({other[1]}): keep it on one row")
                else:
                    actor_spellings[key] = (cols[0], f"{path}:{n}")
        rows += 1
    if not header_seen:
        err(1, "no header line")
        return None
    return rows


def main():
    ap = argparse.ArgumentParser(description="Validate newsdrop places dictionaries.")
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--collisions", action="store_true", help="list spellings shared by several rows")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    paths = args.paths or [os.path.join(here, "..", "dictionaries")]
    groups = []   # ids must be unique within one folder; a later folder may replace them
    for p in paths:
        groups.append(sorted(glob.glob(os.path.join(p, "*.tsv"))) if os.path.isdir(p) else [p])
    errors, total = [], 0
    spellings = collections.defaultdict(set)
    checked = 0
    for folder_files in groups:
        ids_seen = collections.defaultdict(dict)
        actor_spellings = {}
        for f in folder_files:
            fam = family(f)
            if fam is None:
                print(f"{os.path.normpath(f)}: not a dictionary file newsdrop loads (name it <family>.tsv or <family>-*.tsv), skipped")
                continue
            if fam == "places":
                rows = check_file(os.path.normpath(f), errors, ids_seen[fam], spellings)
            else:
                rows = check_other(os.path.normpath(f), fam, errors, ids_seen[fam], actor_spellings)
            checked += 1
            if rows is not None:
                total += rows
    for e in errors:
        print(e, file=sys.stderr)
    if args.collisions:
        for k in sorted(spellings):
            if len(spellings[k]) > 1:
                print(f"shared spelling {k!r}: " + "; ".join(sorted(spellings[k])))
    if errors:
        print(f"check-dictionaries: {len(errors)} error(s) in {checked} file(s)", file=sys.stderr)
        return 1
    if checked == 0:
        print("check-dictionaries: no dictionary file found", file=sys.stderr)
        return 1
    print(f"check-dictionaries: {checked} file(s), {total} rows, no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
