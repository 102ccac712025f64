#!/usr/bin/env python3
"""Writes an Anki package (.apkg) of one hostile kind, as a user might be sent one: packages that
once crashed citecard, filled its memory or left half an import behind.

usage: hostile_package.py KIND OUT.apkg

KIND is one of:
  zip64-huge       a 200-byte zip whose zip64 header says its collection is 2^45 bytes
  bomb             a collection that unpacks to 300 MB of zeros (about 300 KB packed)
  lying-header     a collection whose headers say 1,000 bytes and that unpacks to 8 MB
  big-field        a note whose field is 20 MB (the package is a few KB)
  invalid-utf8     notes with bytes that are not UTF-8 and a &#xD800; entity in their fields
  impossible-time  a review log with an answer at id INT64_MAX beside real answers
  bad-choices      a multiple-choice note whose choices miss its answer
  repeated-choices a multiple-choice note whose choices repeat
  escapes          notes whose text holds ESC and BEL sequences (retitle, recolour the terminal)
  not-sqlite       a collection.anki2 that is not an SQLite file
"""
import json
import os
import sqlite3
import struct
import sys
import tempfile
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_package  # noqa: E402  (Anki's schema 11, from the same folder)

MODEL_ID = 1342697561419
DECK_ID = 1700000000000
START_MS = 1_700_000_000_000


def collection(path, notes, fields=("Front", "Back"), reviews=()):
    """notes: list of field lists; reviews: (note index, id, ease, type)."""
    db = sqlite3.connect(path)
    db.executescript(make_package.SCHEMA)
    model = {"id": MODEL_ID, "name": "Hostile", "type": 0, "sortf": 0,
             "flds": [{"name": f, "ord": i} for i, f in enumerate(fields)],
             "tmpls": [{"name": "Card 1", "ord": 0, "qfmt": "{{Front}}", "afmt": "{{Back}}"}]}
    decks = {"1": {"id": 1, "name": "Default"}, str(DECK_ID): {"id": DECK_ID, "name": "Hostile"}}
    db.execute("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')",
               (json.dumps({str(MODEL_ID): model}), json.dumps(decks)))
    for i, note in enumerate(notes):
        flds = b"\x1f".join(f if isinstance(f, bytes) else f.encode() for f in note)
        # As bytes cast to TEXT, so bytes that are not UTF-8 reach the reader as they are.
        db.execute("INSERT INTO notes VALUES (?, ?, ?, 0, -1, '', CAST(? AS TEXT), '', 0, 0, '')",
                   (START_MS + i, "guid%d" % i, MODEL_ID, flds))
        db.execute("INSERT INTO cards VALUES (?, ?, ?, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                   (START_MS + 100 + i, START_MS + i, DECK_ID))
    for note, rid, ease, kind in reviews:
        db.execute("INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, 6000, ?)",
                   (rid, START_MS + 100 + note, ease, kind))
    db.commit()
    db.close()


def package(out, notes, **kw):
    with tempfile.TemporaryDirectory() as tmp:
        col = os.path.join(tmp, "collection.anki2")
        collection(col, notes, **kw)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(col, "collection.anki2")
            z.writestr("media", "{}")


def zip64_huge(out):
    name = b"collection.anki2"
    data = b"\x03\x00"  # an empty deflate stream
    huge = 1 << 45
    extra = struct.pack("<HHQQ", 1, 16, huge, len(data))
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF,
                        len(name), len(extra)) + name + extra + data
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0, 0, 0xFFFFFFFF,
                          0xFFFFFFFF, len(name), len(extra), 0, 0, 0, 0, 0) + name + extra
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local), 0)
    with open(out, "wb") as f:
        f.write(local + central + end)


def bomb(out):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("collection.anki2", "w", force_zip64=True) as entry:
            chunk = bytes(1 << 20)
            for _ in range(300):
                entry.write(chunk)


def lying_header(out):
    payload = bytes(8 << 20)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("collection.anki2", payload)
    raw = bytearray(open(out, "rb").read())
    # The uncompressed size, in the local header (offset 22) and the central one (offset 24).
    struct.pack_into("<I", raw, 22, 1000)
    central = raw.rfind(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, 1000)
    open(out, "wb").write(bytes(raw))


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "zip64-huge":
        zip64_huge(out)
    elif kind == "bomb":
        bomb(out)
    elif kind == "lying-header":
        lying_header(out)
    elif kind == "big-field":
        package(out, [["Front", "x" * (20 << 20)]])
    elif kind == "invalid-utf8":
        package(out, [[b"Caf\xe9 \xff\xfe?", b"ok"], ["Entity &#xD800; here", "&#0; and &#x110000;"]])
    elif kind == "impossible-time":
        package(out, [["Q1", "A1"], ["Q2", "A2"]],
                reviews=[(0, START_MS, 3, 0), (0, START_MS + 86_400_000, 3, 1),
                         (1, 9223372036854775807, 3, 1)])
    elif kind == "bad-choices":
        package(out, [["Which?", "Right", "Wrong one<br>Wrong two"]],
                fields=("Front", "Back", "Choices"))
    elif kind == "repeated-choices":
        package(out, [["Which?", "Right", "Right<br>Other<br>Other"]],
                fields=("Front", "Back", "Choices"))
    elif kind == "escapes":
        package(out, [["Title \x1b]0;pwned\x07 here", "Red \x1b[31mtext\x1b[0m"],
                      ["Bell \x07 and C1 \u009b2J", "plain"]])
    elif kind == "not-sqlite":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("collection.anki2", "this is not an SQLite database, only some text " * 20)
    else:
        sys.exit("unknown kind " + kind)


if __name__ == "__main__":
    main()
