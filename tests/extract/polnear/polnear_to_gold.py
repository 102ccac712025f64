#!/usr/bin/env python3
"""Converts PolNeAR attribution annotations into citecard's quote gold (tests/data/gold/README.md).

PolNeAR (github.com/networkdynamics/PolNeAR) annotates every attribution in 1,008 news articles
as brat standoff: Source, Cue and Content spans joined by an Attribution event. citecard's gold
wants direct quotations only: the characters between a pair of double quotation marks, with the
speaker's most complete name. This script reads a local copy of the corpus and writes one gold
JSON per article (and a copy of the article text) into an output folder outside the repository:
the corpus texts carry no licence, so neither they nor anything derived from them is committed.

  polnear_to_gold.py POLNEAR_DIR SPLIT OUT_DIR        (SPLIT: train or dev; never test)

Rules, in the order they apply:
- Quote spans: double quotation marks (curly or straight) paired within a paragraph; an opening
  mark with no closing one runs to the paragraph's end (a quote continued in the next paragraph).
  Single-quoted spans outside double quotes (headline style) are recorded as kind "other": not
  required, not penalised. Nested quotes are not records of their own.
- A quote span belongs to the attribution whose Content covers most of its characters; a span
  covered by no Content is not speech by the annotators' judgement (scare quotes, titles, names):
  it goes to "excluded", and an extractor that reports it is charged a false alarm.
- Speaker: the Source span. Its head is the part before an appositive comma, less possessive
  names ("Clinton's director Brad Komar"). A name in the head (CoreNLP NER PERSON/ORGANIZATION
  tokens, a person preferred) is expanded to the fullest form of that name in the article (same last word, most words). A
  pronoun or a description ("the Republican nominee") is resolved through CoreNLP's coreference
  chain when the chain's representative mention contains a name; a pronoun that cannot be resolved
  so, and a quote whose attribution has no Source, is flagged: "speaker_unscored" is set and the
  quote counts for finding but not for speaker accuracy; so is a definite description ("the
  president") whose chain names nobody, and a Source span with no capital letter that is not an
  indefinite description (annotation slips such as the cue "said"). Indefinite descriptions stay as written ("a campaign
  spokesman").
- mentions: the Source text as written and the name found in it, so any form the article uses at
  the attribution scores as right.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "his", "them", "their", "its",
            "you", "me", "us", "our", "my", "hers", "theirs", "this", "that", "who", "which"}
OPEN_DOUBLE = "\u201c"
CLOSE_DOUBLE = "\u201d"


def parse_ann(path):
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("T"):
                tid, rest, *_ = line.split("\t") + [""]
                kind, _, ranges = rest.partition(" ")
                parts = []
                for r in ranges.split(";"):
                    ends = r.split()
                    if len(ends) == 2 and ends[0].isdigit() and ends[1].isdigit():
                        parts.append((int(ends[0]), int(ends[1])))
                spans[tid] = (kind, parts)
            elif line.startswith("E"):
                _, rest = line.split("\t", 1)
                roles = {}
                for item in rest.split():
                    role, _, tid = item.partition(":")
                    roles.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
                events.append(roles)
    return spans, events


def double_marks(para):
    """(offset, length, role) of each double quotation mark: role "open", "close" or "either".

    Besides curly and straight marks, two apostrophes ('') and two backticks (``) stand for a
    double mark in some outlets' archives."""
    marks, i, n = [], 0, len(para)
    while i < n:
        c = para[i]
        if para.startswith("``", i):
            marks.append((i, 2, "open"))
            i += 2
            continue
        if para.startswith("''", i):
            marks.append((i, 2, "either"))
            i += 2
            continue
        if c == OPEN_DOUBLE:
            marks.append((i, 1, "open"))
        elif c == CLOSE_DOUBLE:
            marks.append((i, 1, "close"))
        elif c == '"':
            marks.append((i, 1, "either"))
        i += 1
    return marks


def quote_spans(text):
    """(inner_start, inner_end, kind) of every top-level quoted span, paragraph by paragraph."""
    out = []
    pos = 0
    for para in text.split("\n"):
        start = pos
        pos += len(para) + 1
        opened = None
        for off, length, role in double_marks(para):
            before = para[off - 1] if off > 0 else " "
            opens = role == "open" or (role == "either" and (before.isspace() or before in "([{\u2014-"))
            if opened is None:
                if opens or role == "either":
                    opened = off + length
            elif not opens or role == "either":
                out.append((start + opened, start + off, "speech"))
                opened = None
        if opened is not None:
            out.append((start + opened, start + len(para), "speech"))  # runs on to the next
        # Single-quoted spans outside double quotes: headline style, not required.
        depth_free = [(a - start, b - start) for a, b, _ in out if a >= start]
        i = 0
        while True:
            i = para.find("\u2018", i)
            if i == -1:
                break
            j = para.find("\u2019", i + 1)
            while j != -1 and j + 1 < len(para) and para[j + 1].isalpha():
                j = para.find("\u2019", j + 1)  # an apostrophe inside a word does not close
            if j == -1:
                break
            if not any(a <= i < b for a, b in depth_free):
                out.append((start + i + 1, start + j, "other"))
            i = j + 1
    return [(a, b, k) for a, b, k in out if text[a:b].strip()]


class CoreNlp:
    """Tokens (char offsets, NER) and coreference chains from PolNeAR's CoreNLP XML."""

    def __init__(self, path):
        self.tokens = []  # (begin, end, word, ner)
        self.chains = []  # list of (representative_text, [(begin, end), ...])
        if not os.path.exists(path):
            return
        root = ET.parse(path).getroot()
        sent_tokens = []
        for sentence in root.iter("sentence"):
            toks = sentence.find("tokens")
            if toks is None:
                continue
            row = []
            for t in toks.iter("token"):
                tok = (int(t.findtext("CharacterOffsetBegin")), int(t.findtext("CharacterOffsetEnd")),
                       t.findtext("word"), t.findtext("NER"))
                row.append(tok)
                self.tokens.append(tok)
            sent_tokens.append(row)
        coref = root.find(".//coreference")
        if coref is None:
            return
        for chain in coref.findall("coreference"):
            rep, spans = None, []
            for m in chain.findall("mention"):
                s = int(m.findtext("sentence")) - 1
                a, b = int(m.findtext("start")) - 1, int(m.findtext("end")) - 1
                if s >= len(sent_tokens) or b > len(sent_tokens[s]) or a >= b:
                    continue
                span = (sent_tokens[s][a][0], sent_tokens[s][b - 1][1])
                names = [t for t in sent_tokens[s][a:b] if t[3] in ("PERSON", "ORGANIZATION")]
                spans.append((span, names))
                if m.get("representative") == "true":
                    rep = names
            self.chains.append((rep, spans))

    def names_in(self, begin, end):
        """Runs of PERSON / ORGANIZATION tokens inside [begin, end)."""
        runs, cur = [], []
        for tok in self.tokens:
            if tok[0] >= begin and tok[1] <= end and tok[3] in ("PERSON", "ORGANIZATION"):
                if cur and (cur[-1][3] != tok[3] or tok[0] - cur[-1][1] > 1):
                    runs.append(cur)
                    cur = []
                cur.append(tok)
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        return runs

    def chain_name(self, begin, end):
        """The name of the coreference chain that has a mention at [begin, end), if any."""
        for rep, spans in self.chains:
            for (a, b), _ in spans:
                if a <= begin and b >= end - 1 and (b - a) <= (end - begin) + 40:
                    best = rep if rep else None
                    if not best:
                        for _, names in spans:
                            if names and (not best or len(names) > len(best)):
                                best = names
                    return best
        return None


def run_text(text, run):
    return text[run[0][0]:run[-1][1]]


def fullest_name(text, nlp, run):
    """The longest name run in the article with the same last word as `run`."""
    last = run[-1][2].lower()
    kind = run[-1][3]
    best = run
    for other in nlp.names_in(0, len(text) + 1):
        if other[-1][2].lower() == last and other[-1][3] == kind and len(other) > len(best):
            if len(other) <= 4:
                best = other
    return run_text(text, best)


def convert_article(text, ann_path, nlp):
    spans, events = parse_ann(ann_path)
    attributions = []
    for roles in events:
        content = [p for tid in roles.get("Content", []) for p in spans.get(tid, ("", []))[1]]
        source = [p for tid in roles.get("Source", []) for p in spans.get(tid, ("", []))[1]]
        if content:
            attributions.append((content, source))
    quotes, excluded = [], []
    for a, b, kind in quote_spans(text):
        inner = text[a:b]
        best, best_cover = None, 0
        for k, (content, _) in enumerate(attributions):
            cover = sum(max(0, min(b, e) - max(a, s)) for s, e in content)
            if cover > best_cover:
                best, best_cover = k, cover
        if kind == "other":
            quotes.append({"text": inner, "speaker": None, "mentions": [], "partial": False,
                           "kind": "other"})
            continue
        if best is None or best_cover * 2 < (b - a):
            excluded.append({"text": inner, "reason": "quoted span outside every attribution"})
            continue
        content, source = attributions[best]
        record = {"text": inner, "speaker": None, "mentions": [], "kind": "speech"}
        content_text = "".join(text[s:e] for s, e in content)
        outside = content_text.replace(inner, "")
        record["partial"] = bool(re.search(r"[A-Za-z]{2,}", outside))
        if not source:
            record["speaker_unscored"] = "no source annotated"
            quotes.append(record)
            continue
        s_begin, s_end = min(s for s, _ in source), max(e for _, e in source)
        source_text = " ".join(text[s:e] for s, e in source)
        record["mentions"].append(source_text)
        # The head of the Source phrase: an appositive after a comma describes it ("Nick Merrill,
        # a Clinton campaign spokesman"), and a possessive name modifies it ("Clinton's
        # director Brad Komar").
        head_end = s_end
        comma = text.find(",", s_begin, s_end)
        if comma != -1 and any(not text.startswith(("'s", "\u2019s"), r[-1][1])
                               for r in nlp.names_in(s_begin, comma)):
            head_end = comma
        runs = [r for r in nlp.names_in(s_begin, head_end)
                if not text.startswith(("'s", "\u2019s"), r[-1][1])]
        words = re.findall(r"[A-Za-z']+", source_text.lower())
        if runs:
            run = runs[-1] if runs[-1][-1][3] == "PERSON" or len(runs) == 1 else runs[-1]
            persons = [r for r in runs if r[-1][3] == "PERSON"]
            if persons:
                run = persons[-1]
            record["mentions"].append(run_text(text, run))
            record["speaker"] = fullest_name(text, nlp, run)
        elif words and (words[0] in PRONOUNS and len(words) <= 2 or words[0] == "the"):
            rep = nlp.chain_name(s_begin, s_end)
            if rep:
                record["speaker"] = fullest_name(text, nlp, rep)
            elif words[0] in PRONOUNS:
                record["speaker_unscored"] = "pronoun not resolved by coreference"
            else:
                # "the president" with no name in its chain: the annotation does not say who,
                # so a reader's resolution can be neither confirmed nor refuted.
                record["speaker_unscored"] = "description not resolved by coreference"
        elif not re.search(r"[A-Z]", source_text) and words and words[0] not in ("a", "an"):
            # "said", "o", "one": an annotation slip (the Source span holds the cue or a stray
            # letter) or a pronoun-like word; no speaker to score against.
            record["speaker_unscored"] = "source span names nobody"
        else:
            record["speaker"] = source_text
            # The head of a phrase CoreNLP tagged no name in: what comes before an appositive, a
            # relative clause or an "of" phrase ("Yukiya Amano, director general of …").
            head = re.split(r",| \(| who | of | at ", source_text, maxsplit=1)[0].strip()
            head_words = re.findall(r"[A-Za-z']+", head.lower())
            capitalised = re.findall(r"\b[A-Z][A-Za-z'\-]+\b", head)
            if capitalised and len(capitalised) == len(head_words):
                record["speaker"] = head
                # A name CoreNLP did not tag ("PENCE:" in a transcript): the fullest person name
                # in the article with that last word, case aside.
                last = capitalised[-1].lower()
                best = None
                for run in nlp.names_in(0, len(text) + 1):
                    if run[-1][2].lower() == last and run[-1][3] == "PERSON" and len(run) <= 4:
                        if best is None or len(run) > len(best):
                            best = run
                if best:
                    record["speaker"] = run_text(text, best)
        quotes.append(record)
    return quotes, excluded


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in ("train", "dev"):
        sys.exit("usage: polnear_to_gold.py POLNEAR_DIR train|dev OUT_DIR  (the test split is "
                 "reserved for outside evaluation)")
    root, split, out = sys.argv[1:]
    data = os.path.join(root, "data", split)
    os.makedirs(out, exist_ok=True)
    anns = sorted(os.listdir(os.path.join(data, "attributions")))
    counts = {"articles": 0, "speech": 0, "unscored": 0, "excluded": 0}
    for name in sorted(os.listdir(os.path.join(data, "text"))):
        stem = name[:-4]
        candidates = [a for a in anns if a.startswith(stem + "_")]
        if not candidates:
            continue
        with open(os.path.join(data, "text", name), encoding="utf-8") as f:
            text = f.read()
        nlp = CoreNlp(os.path.join(data, "corenlp", name + ".xml"))
        quotes, excluded = convert_article(text, os.path.join(data, "attributions", candidates[0]),
                                           nlp)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(out, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump({"file": name, "quotes": quotes, "excluded": excluded}, f, indent=1,
                      ensure_ascii=False)
        counts["articles"] += 1
        counts["speech"] += sum(q["kind"] == "speech" for q in quotes)
        counts["unscored"] += sum("speaker_unscored" in q for q in quotes)
        counts["excluded"] += len(excluded)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
