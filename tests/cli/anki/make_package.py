#!/usr/bin/env python3
"""Writes a small Anki package (.apkg) as Anki 2.1 exports it with "Support older Anki versions":
collection.anki2 in Anki's schema 11, with Basic notes (one of them with a reversed card), a review
log and a `media` list. Written from Anki's published schema, independently of citecard's writer,
so citecard's reader is tested on a file it did not make.

usage: make_package.py OUT.apkg
"""
import json
import os
import sqlite3
import sys
import tempfile
import zipfile

SCHEMA = """
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL,
  time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
"""

MODEL_ID = 1342697561419
DECK_ID = 1700000000000
DAY_MS = 86_400_000
START_MS = 1_700_000_000_000  # 2023-11-14

NOTES = [
    # (front, back): HTML as Anki's editor stores it
    ("Capital of <b>Chile</b>?", "Santiago"),
    ("Largest planet", "Jupiter &amp; its moons"),
    ("Line one<br>line two", "Both lines"),
]

# (card index, day, ease, type): type 0 learning, 1 review, 4 manual (not an answer)
REVIEWS = [
    (0, 0, 3, 0),
    (0, 1, 3, 1),
    (0, 4, 1, 1),
    (0, 5, 3, 2),
    (1, 0, 4, 0),
    (1, 2, 0, 4),
]


def build(path):
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    model = {
        "id": MODEL_ID, "name": "Basic (and reversed card)", "type": 0, "sortf": 0,
        "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}],
        "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"},
                  {"name": "Card 2", "ord": 1, "qfmt": "{{Back}}", "afmt": "{{Front}}"}],
    }
    decks = {"1": {"id": 1, "name": "Default"},
             str(DECK_ID): {"id": DECK_ID, "name": "Geography::Capitals"}}
    db.execute("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')",
               (json.dumps({str(MODEL_ID): model}), json.dumps(decks)))
    card_ids = []
    for i, (front, back) in enumerate(NOTES):
        nid = START_MS + i
        db.execute("INSERT INTO notes VALUES (?, ?, ?, 0, -1, '', ?, ?, 0, 0, '')",
                   (nid, "guid%d" % i, MODEL_ID, front + "\x1f" + back, front))
        cid = START_MS + 100 + i
        card_ids.append(cid)
        db.execute("INSERT INTO cards VALUES (?, ?, ?, 0, 0, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                   (cid, nid, DECK_ID, 10 + i))
    # The first note's reversed card: a second card of the same note, due first, so a reader
    # must pick a note's card by its template (ord 0), not by where it is in the queue.
    db.execute("INSERT INTO cards VALUES (?, ?, ?, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')",
               (START_MS + 200, START_MS, DECK_ID))
    for k, (card, day, ease, kind) in enumerate(REVIEWS):
        db.execute("INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, 6000, ?)",
                   (START_MS + day * DAY_MS + k, card_ids[card], ease, kind))
    db.commit()
    db.close()


def main():
    out = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        collection = os.path.join(tmp, "collection.anki2")
        build(collection)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(collection, "collection.anki2")
            z.writestr("media", "{}")


if __name__ == "__main__":
    main()
