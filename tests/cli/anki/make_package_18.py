#!/usr/bin/env python3
"""Writes a small Anki package as Anki 2.1.50+ exports it by default: collection.anki21b, the
collection in Anki's schema 18 (note types, fields, templates and decks in tables of their own)
compressed with zstd; beside it the collection.anki2 Anki adds for older versions, holding only a
note that asks the user to update; a `meta` entry (PackageMetadata, version 3); a zstd-compressed
protobuf `media` list; and two media files named 0 and 1, zstd-compressed. Built with Python's
sqlite3 and zipfile and the `zstd` command-line tool, from Anki's published schema and package
format, independently of citecard.

usage: make_package_18.py OUT.apkg
"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

SCHEMA_18 = """
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
CREATE TABLE graves (oid integer NOT NULL, type integer NOT NULL, usn integer NOT NULL,
  PRIMARY KEY (oid, type)) WITHOUT ROWID;
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL,
  mtime_secs integer NOT NULL, val blob NOT NULL) WITHOUT ROWID;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL,
  name text NOT NULL COLLATE unicase, config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL,
  name text NOT NULL COLLATE unicase, mtime_secs integer NOT NULL, usn integer NOT NULL,
  config blob NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE unicase,
  mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE unicase, usn integer NOT NULL,
  collapsed boolean NOT NULL, config blob NULL) WITHOUT ROWID;
"""

LEGACY_SCHEMA = SCHEMA_18.split("CREATE TABLE graves")[0]

NOTETYPE_ID = 1651000000001
DECK_ID = 1651000000002
DAY_MS = 86_400_000
START_MS = 1_700_000_000_000  # 2023-11-14

# (fields in the note type's order). The note type puts Back before Front, so a reader must find
# the front by the field's name, not its position.
FIELDS = ["Back", "Front"]
NOTES = [
    ("el perro", "the dog"),
    ("la casa <i>grande</i>", "the big house"),
    ("gracias", "thank you"),
]
# (note index, day, ease, type): type 0 learning, 1 review, 2 relearning, 4 manual (no answer)
REVIEWS = [
    (0, 0, 3, 0),
    (0, 0, 3, 0),
    (0, 3, 1, 1),
    (0, 3, 3, 2),
    (1, 1, 4, 0),
    (1, 9, 3, 1),
    (2, 2, 0, 4),
]


def unicase(a, b):
    a, b = a.casefold(), b.casefold()
    return (a > b) - (a < b)


def build_18(path):
    db = sqlite3.connect(path)
    db.create_collation("unicase", unicase)
    db.executescript(SCHEMA_18)
    # Schema 18 keeps the col row's JSON columns empty: the tables below hold what they held.
    db.execute("INSERT INTO col VALUES (1, 1699920000, 0, 0, 18, 0, 0, 0, '', '', '', '', '')")
    db.execute("INSERT INTO notetypes VALUES (?, 'Basic (back first)', 0, -1, x'')", (NOTETYPE_ID,))
    for ord_, name in enumerate(FIELDS):
        db.execute("INSERT INTO fields VALUES (?, ?, ?, x'')", (NOTETYPE_ID, ord_, name))
    db.execute("INSERT INTO templates VALUES (?, 0, 'Card 1', 0, -1, x'')", (NOTETYPE_ID,))
    db.execute("INSERT INTO decks VALUES (1, 'Default', 0, -1, x'', x'')")
    db.execute("INSERT INTO decks VALUES (?, ?, 0, -1, x'', x'')",
               (DECK_ID, "Languages\x1fSpanish"))
    card_ids = []
    for i, (front, back) in enumerate(NOTES):
        nid = START_MS + i
        by_name = {"Front": front, "Back": back}
        flds = "\x1f".join(by_name[f] for f in FIELDS)
        db.execute("INSERT INTO notes VALUES (?, ?, ?, 0, -1, '', ?, ?, 0, 0, '')",
                   (nid, "g18-%d" % i, NOTETYPE_ID, flds, front))
        cid = START_MS + 100 + i
        card_ids.append(cid)
        db.execute("INSERT INTO cards VALUES (?, ?, ?, 0, 0, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, "
                   "'{}')", (cid, nid, DECK_ID, i + 1))
    for k, (note, day, ease, kind) in enumerate(REVIEWS):
        db.execute("INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, 7000, ?)",
                   (START_MS + day * DAY_MS + k * 60_000, card_ids[note], ease, kind))
    db.commit()
    db.close()


def build_legacy_notice(path):
    """The schema-11 collection Anki writes beside collection.anki21b for older versions."""
    db = sqlite3.connect(path)
    db.executescript(LEGACY_SCHEMA)
    models = '{"1": {"id": 1, "name": "Basic", "flds": [{"name": "Front"}, {"name": "Back"}]}}'
    db.execute("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, "
                "'{\"1\": {\"id\": 1, \"name\": \"Default\"}}', '{}', '{}')", (models,))
    db.execute("INSERT INTO notes VALUES (1, 'update', 1, 0, -1, '', ?, '', 0, 0, '')",
               ("Please update to the latest Anki version, then import the .colpkg/.apkg file "
                "again.\x1f",))
    db.execute("INSERT INTO cards VALUES (1, 1, 1, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')")
    db.commit()
    db.close()


def zstd(data, tmp, name):
    raw = os.path.join(tmp, name)
    with open(raw, "wb") as f:
        f.write(data)
    subprocess.run(["zstd", "-q", "-f", raw, "-o", raw + ".zst"], check=True)
    with open(raw + ".zst", "rb") as f:
        return f.read()


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(number, wire, payload):
    key = varint(number << 3 | wire)
    return key + (varint(len(payload)) + payload if wire == 2 else varint(payload))


def media_entries(files):
    """MediaEntries { repeated MediaEntry entries = 1 }; MediaEntry { name = 1; size = 2 }."""
    out = b""
    for name, data in files:
        out += field(1, 2, field(1, 2, name.encode()) + field(2, 0, len(data)))
    return out


def main():
    out = sys.argv[1]
    media = [("dog.jpg", b"\xff\xd8 not really a picture"), ("casa.mp3", b"ID3 nor a sound")]
    with tempfile.TemporaryDirectory() as tmp:
        modern = os.path.join(tmp, "collection.anki21b.sqlite")
        build_18(modern)
        legacy = os.path.join(tmp, "collection.anki2")
        build_legacy_notice(legacy)
        with open(modern, "rb") as f:
            collection = zstd(f.read(), tmp, "collection")
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            z.write(legacy, "collection.anki2")
            z.writestr("collection.anki21b", collection)
            z.writestr("meta", field(1, 0, 3))  # PackageMetadata { version: LATEST (3) }
            z.writestr("media", zstd(media_entries(media), tmp, "media"))
            for i, (_, data) in enumerate(media):
                z.writestr(str(i), zstd(data, tmp, "media%d" % i))


if __name__ == "__main__":
    main()
