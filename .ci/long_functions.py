#!/usr/bin/env python3
"""Reports the C++ functions longer than a limit, longest first.

    python3 .ci/long_functions.py [--max-lines 100] [--fail] [PATH...]   (default: engine app)

A function's length is its lines from the first line of its signature to its closing brace,
blank lines and comments included: what a reader has to hold. Lambdas and local classes count
towards the function that holds them. Functions are found by reading braces with comments and
string literals (raw strings too) removed: a brace opens a function when it follows a
parenthesised signature at namespace or class scope; namespaces, classes, enums and brace
initialisers are not functions. It is a reader's measure, not a compiler's: a macro that hides
braces would fool it (the code base has none). With --fail the exit status is 1 when a function
is over the limit and not named by --allow, so CI holds the line while the known ones wait.
"""
import argparse
import re
import sys
from pathlib import Path

SOURCE_SUFFIXES = {".cpp", ".hpp", ".h", ".cc", ".inc"}


def blank_out(text):
    """The text with comments and string/char literals replaced by spaces (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + m.group(1) + '"', i + m.end())
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j]))
            i = j
        elif c in "\"'":
            # A digit separator (1'000) is not a character literal.
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                out.append(c)
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * max(0, j - i - 2) + c)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def function_name(head):
    """The name before the parameter list of a signature, e.g. 'Collection::answer'."""
    depth = 0
    for k in range(len(head) - 1, -1, -1):
        if head[k] == ")":
            depth += 1
        elif head[k] == "(":
            depth -= 1
            if depth == 0:
                before = head[:k].rstrip()
                m = re.search(r"((?:[A-Za-z_]\w*|operator\s*\S+)(?:\s*::\s*~?[A-Za-z_]\w*)*)\s*(<[^()]*>)?$", before)
                if m and m.group(1) not in {"if", "for", "while", "switch", "catch", "return"}:
                    return re.sub(r"\s+", "", m.group(1))
    return None


def long_functions(path, limit):
    text = blank_out(path.read_text(encoding="utf-8", errors="replace"))
    stack = []  # per open brace: ("scope" | "function" | "block", start line, name)
    statement_start = 0  # index where the current declaration's text begins
    found = []
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == ";":
            if not any(kind == "function" for kind, _, _ in stack):
                statement_start = i + 1
        elif c == "{":
            inside_function = any(kind == "function" for kind, _, _ in stack)
            head = text[statement_start:i]
            kind, name = "block", None
            if not inside_function:
                words = head.split()
                if re.search(r"\b(namespace|class|struct|union|enum)\b", head) and "(" not in head:
                    kind = "scope"
                elif re.search(r"^\s*extern\s+\"\"\s*$", head):
                    kind = "scope"
                elif ")" in head and "=" not in head.split(")")[-1] and words:
                    name = function_name(head.split("->")[0] if "->" in head else head)
                    kind = "function" if name else "block"
            start = line
            if kind == "function":  # from the signature's first line
                leading = head[: len(head) - len(head.lstrip())]
                start = line - head.count("\n") + leading.count("\n")
            stack.append((kind, start, name))
            if not inside_function:
                statement_start = i + 1
        elif c == "}":
            if stack:
                kind, start, name = stack.pop()
                if kind == "function":
                    length = line - start + 1
                    if length > limit:
                        found.append((length, f"{path}:{start}", name))
            if not any(kind == "function" for kind, _, _ in stack):
                statement_start = i + 1
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["engine", "app"])
    parser.add_argument("--max-lines", type=int, default=100)
    parser.add_argument("--fail", action="store_true", help="exit 1 when a function is too long")
    parser.add_argument("--allow", action="append", default=[], metavar="NAME",
                        help="a function known to be too long, reported but not failed (repeatable)")
    args = parser.parse_args()
    files = []
    for p in map(Path, args.paths):
        files += [f for f in sorted(p.rglob("*")) if f.suffix in SOURCE_SUFFIXES] if p.is_dir() else [p]
    found = []
    for f in files:
        found += long_functions(f, args.max_lines)
    found.sort(key=lambda x: -x[0])
    for length, where, name in found:
        note = "  (allowed for now)" if name in args.allow else ""
        print(f"{length:5} lines  {name}  {where}{note}")
    print(f"{len(found)} function(s) over {args.max_lines} lines in {len(files)} files")
    new = [name for _, _, name in found if name not in args.allow]
    if args.fail and new:
        print(f"too long, split into named steps: {', '.join(new)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
