#!/bin/sh
# finish-page.sh PAGE EXTRA: adds the hand-written sections of EXTRA to a page generate-manual
# wrote (before EXIT STATUS up to the marker line, the rest at the end), and for a command
# without subcommands drops the `help` entry and the `subcommand` placeholder that
# generate-manual adds for ArgumentParser's implicit help command.
set -eu
page=$1 extra=$2
awk -v extra="$extra" '
  BEGIN {
    part = 1
    while ((getline line < extra) > 0) {
      if (line ~ /END-BEFORE-EXIT-STATUS/) { part = 2; continue }
      if (line ~ /^\.\\"/) continue
      if (part == 1) before = before line "\n"; else after = after line "\n"
    }
  }
  /^\.Sh "?EXIT STATUS"?$/ { printf "%s", before }
  { print }
  END { printf "%s", after }
' "$page" > "$page.tmp"
# only the implicit help command: remove it and the synopsis placeholder
if [ "$(grep -c '^\.It Em ' "$page.tmp")" = 1 ] && grep -q '^\.It Em help$' "$page.tmp"; then
    awk '
      /^\.Ar subcommand$/ { next }
      /^\.It Em help$/ { skip = 1; next }
      skip && /^\.Bl / { depth++; next }
      skip && /^\.El$/ && depth > 0 { depth--; next }
      skip && depth == 0 && (/^\.It / || /^\.El$/) { skip = 0 }
      skip { next }
      { print }
    ' "$page.tmp" > "$page.tmp2" && mv "$page.tmp2" "$page.tmp"
fi
mv "$page.tmp" "$page"
