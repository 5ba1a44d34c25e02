"""newsdrop's name folding (Sources/NewsdropExtraction/NameFolding.swift), ported for the tools.

The dictionary tools must compare spellings the way the extractor does: "Sirya" (an alternate
name GeoNames gives a Turkish village) and "Syria" differ as strings but fold to one key, so the
village would be a candidate wherever an article names Syria. `fold` gives the same key as
`NameFolding.fold` for Latin-script names: case, diacritics and apostrophes dropped, the words'
article particles (al, el, ad, ash, ul…) dropped unless the name is nothing else, then per word
the glued article (Albukamal), Abu/Abou/Albu/Bou/Abo → bu, the transliteration pairs (o/ou/oo → u,
gh/kh/ck/q → k, ph → f, dh → d, e/y → i, ai → i) and doubled letters collapsed; the words are
joined without separators ("Abu Kamal" and "Albukamal" both give "bukamal").
"""
import re
import unicodedata

_APOSTROPHES = "'`\u2019\u2018\u02bf\u02be\u02bc\u00b4\u2032"


def _is_particle(w):
    if len(w) == 2:
        return (w[0] in "ae" and w[1] in "ldstzr") or (w[0] == "u" and w[1] in "ld")
    return len(w) == 3 and w[0] in "ae" and w[1:] == "sh"


def _fold_word(p):
    """NameFolding.foldLowerCaseWord on one lower-case ASCII word."""
    if not p:
        return p
    start = 0
    if len(p) >= 7 and p[0] == "a" and p[1] == "l" and p[2] >= "a":
        start = 2  # glued article: albukamal -> bukamal
    elif p in ("abu", "bou", "abo", "abou", "albu"):
        p = "bu"
    out = []
    a_before_i = False
    i = start
    while i < len(p):
        c = p[i]
        nx = p[i + 1] if i + 1 < len(p) else ""
        o, step = c, 1
        if c == "o":
            o = "u"
            if nx in ("u", "o"):
                step = 2
        elif c == "g" and nx == "h":
            o, step = "k", 2
        elif c == "k" and nx == "h":
            step = 2
        elif c == "c" and nx == "k":
            o, step = "k", 2
        elif c == "p" and nx == "h":
            o, step = "f", 2
        elif c == "d" and nx == "h":
            step = 2
        elif c == "q":
            o = "k"
        elif c in "ey":
            o = "i"
        if not out or out[-1] != o:
            if o == "i" and out and out[-1] == "a":
                a_before_i = True
            out.append(o)
        i += step
    if not a_before_i or len(out) <= 2:
        return "".join(out)
    d, e, j = out, [], 0
    while j < len(d):
        if d[j] == "a" and j + 1 < len(d) and d[j + 1] == "i" and len(d) > 2:
            e.append("i")
            j += 2
            continue
        if not e or e[-1] != d[j]:
            e.append(d[j])
        j += 1
    return "".join(e)


def _raw_words(s):
    """The words of a name as the extractor gathers them: letters and digits (any script), an
    apostrophe inside a word dropped (Qa'ani), a possessive 's ending the word."""
    s = re.sub("[" + _APOSTROPHES + "]s(?![^\\W_])", " ", s)
    s = re.sub("[" + _APOSTROPHES + "]", "", s)
    s = unicodedata.normalize("NFC", s)
    return [w for w in re.split(r"[\W_]+", s) if w]


def _letters(w):
    """A word's folded letters: case and diacritics dropped (dotless i → i, ß → ss), letters
    without a decomposition (ə, ł) kept lower-cased."""
    w = unicodedata.normalize("NFKD", w.replace("ı", "i").replace("ß", "ss"))
    return "".join(c for c in w if not unicodedata.combining(c) and c.isalnum()).lower()


def fold(s):
    """The comparison key newsdrop gives a name."""
    ws = _raw_words(s)
    # the particle test sees the word as written: "Aş" (with a cedilla) is no "as"
    kept = [w for w in ws if not (w.isascii() and _is_particle(w.lower()))] if len(ws) > 1 else ws
    return "".join(_fold_word(_letters(w)) for w in (kept or ws))


if __name__ == "__main__":
    # one name per line on stdin, its fold per line on stdout (NameFoldingTests compares them
    # with the Swift fold)
    import sys
    for line in sys.stdin:
        print(fold(line.rstrip("\n")))
