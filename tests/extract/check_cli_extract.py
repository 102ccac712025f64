"""Runs `citecard extract --json` on the summit articles and a saved HTML page and checks what
the issue promises: the JSON shape, quote text equal to the bytes at its offsets, speakers, and
plain text written by --text-out for the HTML page."""
import json, pathlib, subprocess, sys, tempfile

binary, data = sys.argv[1], pathlib.Path(sys.argv[2])
articles = sorted((data / "gold" / "articles").glob("*.txt"))
with tempfile.TemporaryDirectory() as out_dir:
    page = data / "extract" / "saved_page.html"
    files = [str(p) for p in articles] + [str(page)]
    run = subprocess.run([binary, "extract", *files, "--json", "--text-out", out_dir],
                         capture_output=True, check=True)
    result = json.loads(run.stdout)
    assert [s["file"] for s in result["sources"]] == files, "one source per file, in order"
    for source in result["sources"]:
        path = pathlib.Path(source["file"])
        text = (pathlib.Path(out_dir) / (path.stem + ".txt")).read_bytes()
        if path.suffix == ".txt":
            assert text == path.read_bytes(), "plain text is kept byte for byte"
        for q in source["quotes"]:
            assert text[q["start"]:q["end"]].decode("utf-8") == q["text"], q
            assert q["speaker"] is None or isinstance(q["speaker"], str)
        for f in source["facts"]:
            assert text[f["start"]:f["end"]].decode("utf-8") == f["text"], f
        print(f'{path.name}: {len(source["quotes"])} quotes, {len(source["facts"])} facts')
    total = sum(len(s["quotes"]) for s in result["sources"][:5])
    assert total >= 45, f"summit quotes found: {total}"
    html = result["sources"][-1]
    assert [q["speaker"] for q in html["quotes"]] == ["Gloria Reyes", "Gloria Reyes", "Dev Patel"]

bad = subprocess.run([binary, "extract", str(data / "extract" / "invalid_utf8.txt"), "--json"],
                     capture_output=True)
assert bad.returncode == 1 and b"byte offset 17" in bad.stderr, bad.stderr
print("invalid UTF-8 refused:", bad.stderr.decode().strip())
