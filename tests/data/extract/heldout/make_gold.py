"""Writes the hand-annotated gold for the held-out articles (run once; output committed).

The annotations below were written with the articles, before the extractor existed, so the
held-out scores are not tuned to them. The script only checks each quote occurs verbatim.
"""
import json, pathlib

HERE = pathlib.Path(__file__).parent

def q(text, speaker, mentions, partial=False, kind="speech"):
    return {"text": text, "speaker": speaker, "mentions": mentions, "partial": partial, "kind": kind}

GOLD = {
    "council_bike_lanes.txt": {
        "quotes": [
            q("This is the most important safety decision we’ve made in a decade,", "Anita Ruiz", ["Councilor Anita Ruiz"]),
            q("People are dying on these streets, and we finally have the votes to do something about it.", "Anita Ruiz", ["Councilor Anita Ruiz"]),
            q("You are taking away the front door of my shop,", "Tom Becker", ["bakery owner Tom Becker"]),
            q("a compromise nobody loves.", "Mark Dion", ["Mayor Mark Dion"], True),
            q("We heard the merchants,", "Mark Dion", ["he"]),
            q("We are not going to pretend their concerns are imaginary.", "Mark Dion", ["he"]),
            q("The staff report came out on Friday,", "James Whitfield", ["Whitfield"]),
            q("Nobody could read 212 pages over a weekend and make an informed choice.", "James Whitfield", ["Whitfield"]),
            q("a long-overdue step toward streets that work for everyone.", "The Bicycle Coalition of Maine", ["Bicycle Coalition of Maine"], True),
            q("Every month I treat cyclists who were hit by drivers who never saw them. Protected lanes are not a luxury.", "Helen Cho", ["Dr. Helen Cho"]),
            q("They are the difference between a broken wrist and a funeral.", "Helen Cho", ["Dr. Helen Cho"]),
        ],
        "excluded": [
            {"text": "Safe Streets Now", "reason": "slogan printed on buttons, no speaker"},
            {"text": "road diet", "reason": "so-called: a scare quote"},
        ],
    },
    "striker_transfer.txt": {
        "quotes": [
            q("I'm very happy to be here. Hamburg is a club with a huge history and I want to help write the next chapter,", "Kwame Osei", ["Osei"]),
            q("exactly the profile we were looking for", "Lena Hoffmann", ["Hamburg sporting director Lena Hoffmann"], True),
            q("Kwame is quick, he's strong in the air and he works for the team,", "Lena Hoffmann", ["she"]),
            q("We've followed him since his days in Accra.", "Lena Hoffmann", ["she"]),
            q("grown so much", "Roberto De Zerbi", ["Brighton manager Roberto De Zerbi"], True),
            q("We don't sell players because we have to,", "Paul Barber", ["Barber"]),
            q("We sell when the offer is right for everyone.", "Paul Barber", ["Barber"]),
            q("the right step at the right time", "Otto Addo", ["Black Stars coach Otto Addo"], True),
        ],
        "excluded": [
            {"text": "The Train", "reason": "nickname given by fans"},
            {"text": "Welcome Home, Kwame", "reason": "title of a video"},
        ],
    },
    "court_drag_ruling.txt": {
        "quotes": [
            q("fails to give ordinary people fair notice of what conduct is prohibited.", "the 6th U.S. Circuit Court of Appeals", ["6th U.S. Circuit Court of Appeals"], True),
            q("A performer cannot be expected to guess whether a wig, a song or a costume will land them in jail,", "Karen Moore", ["Moore"]),
            q("substituted its own policy preferences for those of the people of Tennessee.", "Amul Thapar", ["he"], True),
            q("We respectfully disagree with today's ruling and will continue to defend the law,", "Jonathan Skrmetti", ["Skrmetti"]),
            q("adult cabaret entertainment", None, [], True, "other"),
            q("Today the court told Tennessee what we have said all along,", "Melissa Stewart", ["the group's attorney, Melissa Stewart"]),
            q("This law was never about protecting children. It was about erasing us.", "Melissa Stewart", ["Melissa Stewart"]),
            q("The people of Tennessee elected us to protect kids, and that is what we did.", "Jack Johnson", ["State Sen. Jack Johnson"]),
            q("a victory for the First Amendment.", "The American Civil Liberties Union", ["ACLU"], True),
            q("It's not over,", "Melissa Stewart", ["Stewart"]),
            q("But tonight, we dance.", "Melissa Stewart", ["Stewart"]),
        ],
        "excluded": [
            {"text": "culture war", "reason": "what conservatives call: a dubbing, not speech"},
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
