#!/usr/bin/env python3
"""Lists the word-list entries that the articles the project is scored on could have put there.

    python3 engine/lexicon/tools/audit.py

A word list must not be tuned to the articles the extractor is tested or evaluated on (the
summit deck's sources, tests/data/gold/articles, tests/data/extract/heldout*). For every entry of
engine/lexicon/*.txt that occurs in those articles, this prints it unless a general source
vouches for it: for the generated lists (names, places) their sources do by construction; for the
hand-written lists, an English dictionary (Debian's wamerican and wbritish) must have the word
(Kremlin, Monday and Russian are there capitalised), or the entry must be an abbreviation or
particle of general use (Sen., a.m., al-). Each printed
entry is to be removed or justified by a general source. Run by hand; not part of the build.
"""
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ARTICLES = [*ROOT.glob("decks/summit-2023/sources/*.txt"),
            *ROOT.glob("tests/data/gold/articles/*.txt"),
            *ROOT.glob("tests/data/extract/heldout*/*.txt")]
GENERATED = {"given_names_female", "given_names_male", "places", "place_phrases"}


def fold(text):
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def main():
    text = fold(" ".join(p.read_text(encoding="utf-8", errors="replace") for p in ARTICLES))
    tokens = re.findall(r"[a-z0-9][a-z0-9'.&%-]*", text)
    words = set(tokens) | {t.rstrip(".") for t in tokens}
    flat = " " + re.sub(r"[^a-z0-9.' ]+", " ", text.replace("-", " ")) + " "
    dictionary = set()
    for name in ("american-english", "british-english"):
        for line in (Path("/usr/share/dict") / name).read_text(encoding="utf-8").splitlines():
            dictionary.add(fold(line))
    flagged = 0
    for path in sorted((ROOT / "engine" / "lexicon").glob("*.txt")):
        if path.stem in GENERATED:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            entry = line.split(" = ")[0]
            found = (" " + entry + " ") in flat if " " in entry else entry in words
            if found and entry.rstrip(".") not in dictionary:
                print(f"{path.name}: {entry}")
                flagged += 1
    print(f"{flagged} entries occur in the scored articles without a dictionary entry")


if __name__ == "__main__":
    main()
