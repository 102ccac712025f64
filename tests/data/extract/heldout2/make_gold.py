"""Writes the hand-annotated gold for the second held-out set (run once; output committed).

Written after the extractor's first version scored the summit gold and the first held-out set,
and before any change made because of these articles: they test the rules as they stood.
"""
import json, pathlib

HERE = pathlib.Path(__file__).parent

def q(text, speaker, mentions, partial=False, kind="speech"):
    return {"text": text, "speaker": speaker, "mentions": mentions, "partial": partial, "kind": kind}

GOLD = {
    "airline_strike.txt": {
        "quotes": [
            q("We did not want to get here, but the company left us no choice,", "Rui Tavares", ["union president Rui Tavares"]),
            q("Our members have not had a real raise since 2019.", "Rui Tavares", ["Tavares"]),
            q("fair and generous.", "a spokesperson for Meridian Air", ["Meridian Air", "spokesperson"], True),
            q("Nobody wins when families are stuck in airports.", "Helena Duarte", ["She", "Transport Minister Helena Duarte"]),
            q("They could have told us yesterday,", "Sofia Martins", ["she"]),
            q("will not negotiate under threat.", "Paulo Reis", ["Chief Executive Paulo Reis"], True),
        ],
        "excluded": [],
    },
    "flood_warning.txt": {
        "quotes": [
            q("This is a life-threatening situation,", "Karen Liu", ["Karen Liu"]),
            q("If you are told to leave, leave.", "Karen Liu", ["Karen Liu"]),
            q("as ready as we can be.", "Tim Walsh", ["the governor", "Gov. Tim Walsh"], True),
            q("My father built this place,", "Ed Brandt", ["Brandt"]),
            q("I'm not leaving it to the water.", "Ed Brandt", ["Brandt"]),
            q("We learned in '97,", "Maria Gonzalez", ["she"]),
            q("You don't wait.", "Maria Gonzalez", ["she"]),
        ],
        "excluded": [
            {"text": "flood of the century", "reason": "so-called"},
            {"text": "Ready Ashford", "reason": "name of an app"},
        ],
    },
    "mars_sample.txt": {
        "quotes": [
            q("tantalising but not proof of life.", "A team of scientists", ["they"], True),
            q("What we are seeing is chemistry that, on Earth, is very often associated with biology,", "Amara Okonkwo", ["lead author Dr. Amara Okonkwo"]),
            q("But there are non-biological ways to make these molecules, and we have to rule them out.", "Amara Okonkwo", ["Okonkwo"]),
            q("Organic does not mean biological,", "Steven Park", ["Park"]),
            q("We have found organics in meteorites for fifty years.", "Steven Park", ["Park"]),
            q("shows exactly why we need to bring these samples home.", "Nicola Fox", ["Fox"], True),
            q("That is the next, and much harder, step,", "Jean-Luc Moreau", ["Moreau", "he"]),
        ],
        "excluded": [
            {"text": "Cheyava Falls,", "reason": "nickname of a rock sample"},
        ],
    },
}

for name, gold in GOLD.items():
    text = (HERE / name).read_text(encoding="utf-8")
    for item in gold["quotes"] + gold["excluded"]:
        assert item["text"] in text, (name, item["text"])
    out = {"file": name, **gold}
    (HERE / (name[:-4] + ".json")).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(name, len(gold["quotes"]), "quotes")
