#!/usr/bin/env python3
"""A large mixed-story news corpus with its truth, for `claimdiff stories`
and `compare --by-story` at scale (issue 14).

    python3 benches/make_stories.py --stories 2000 --out target/stories-bench [--seed 1]

Writes OUT/corpus.jsonl (one article a line: outlet, title, date, text and
`story`, the true story id) and OUT/truth.csv (`line,story`, 1-based JSONL
line numbers, which is how claimdiff names a JSONL article).

Every story is one invented event of one of six kinds (a fire, a strike, a
court verdict ...), so many stories are the same kind of event with other
names and numbers, as in real news (and in ECB+); places come from a pool
of one per five stories, so a town has several stories, some of one kind. Its
facts are 8 to 12 sentences; each outlet that reports it (3 to 17, about
10 on average) keeps most of them in its own order, rewords some (synonyms,
a number written another way, now and then a number changed), adds a line
or two of its own, and writes its own headline. Dates spread the stories
over a year; an outlet publishes the same day or up to two days later.
Stdlib only, deterministic for a seed.
"""

import argparse
import json
import os
import random

SYL = ["ka", "lo", "ven", "mar", "ti", "sel", "bra", "dun", "or", "el", "va", "rik", "sto", "ne", "quin", "ha",
       "mo", "ras", "tel", "fen", "ga", "lis", "cor", "by", "wen", "ath", "ul", "pe", "dra", "min"]
FIRST = ["Anna", "Tomas", "Leila", "Marek", "Ines", "Olu", "Priya", "Joel", "Sana", "Viktor", "Mei", "Ruth",
         "Kofi", "Elena", "Dario", "Hana", "Ivo", "Noor", "Pavel", "Greta", "Luis", "Amara", "Sven", "Yusuf"]
OUTLETS = [f"{a} {b}" for a in ["Northern", "Daily", "Evening", "Coastal", "City", "National", "Valley", "Morning",
                                "Weekly", "Harbour"]
           for b in ["Herald", "Post", "Times", "Courier", "Ledger", "Wire"]]

KINDS = {
    "fire": (["Fire at {org} {place} warehouse", "{place} blaze injures {n1}"], [
        "A fire broke out at a {org} warehouse in {place} early on {day}, injuring {n1} workers.",
        "Firefighters from {place2} needed {n2} hours to bring the blaze under control.",
        "{person}, a spokesperson for {org}, said the cause was not yet known.",
        "Police closed the {road} road while crews fought the fire.",
        "About {n3} people were evacuated from nearby homes.",
        "The warehouse stored textiles and plastics, officials said.",
        "Two of the injured were taken to {place} General Hospital in a serious condition.",
        "The regional fire chief, {person2}, praised the crews for stopping the fire from spreading.",
        "{org} said it would cooperate fully with the investigation.",
        "Residents described a column of black smoke visible from {place2}.",
        "Damage was estimated at {n4} million euros.",
        "An inspection last year had found faulty wiring at the site, according to records seen by reporters.",
    ]),
    "strike": (["{org} workers in {place} walk out", "Strike halts {org} in {place}"], [
        "About {n3} workers at {org} in {place} walked off the job on {day} over pay and safety.",
        "The union leader, {person}, said the strike would last until the company met its demands.",
        "{org} said the walkout was illegal and urged staff to return.",
        "Talks between the two sides broke down after {n2} weeks.",
        "The company offered a pay rise of {n1} percent, which the union rejected.",
        "Production at the {place} plant has stopped entirely.",
        "Regional minister {person2} called on both sides to resume negotiations.",
        "Pickets gathered outside the main gate on the {road} road.",
        "The strike is the first at {org} in {n4} years.",
        "Suppliers in {place2} said they were already losing orders.",
        "Police said the protest was peaceful.",
    ]),
    "verdict": (["{person} convicted in {place} fraud case", "Court in {place} rules on {org} fraud"], [
        "A court in {place} convicted {person}, a former director of {org}, of fraud on {day}.",
        "The judge sentenced {person} to {n1} years in prison.",
        "Prosecutors said {n4} million euros had been diverted from {org} accounts.",
        "Defence lawyer {person2} said the verdict would be appealed.",
        "The trial lasted {n2} weeks and heard from {n3} witnesses.",
        "Investors who lost money welcomed the ruling.",
        "{org} said it had since changed its accounting procedures.",
        "The case began after an audit in {place2} found irregularities.",
        "Two other former managers were acquitted.",
        "The court ordered the seizure of a villa near {place2}.",
    ]),
    "quake": (["Earthquake strikes near {place}", "{place} quake kills {n1}"], [
        "A magnitude {mag} earthquake struck near {place} on {day}, killing at least {n1} people.",
        "The quake was felt as far away as {place2}.",
        "Rescue teams searched collapsed buildings through the night, {person} of the civil protection agency said.",
        "About {n3} people spent the night in tents and sports halls.",
        "The epicentre was {n2} kilometres below the surface, seismologists said.",
        "Several aftershocks followed, the strongest of magnitude {mag2}.",
        "Governor {person2} declared a state of emergency in the region.",
        "Schools in {place} will stay closed for the rest of the week.",
        "The {road} road was cut by landslides.",
        "Damage to homes was estimated at {n4} million euros.",
        "The region last suffered a major earthquake decades ago.",
    ]),
    "bridge": (["{place} bridge closed after cracks found", "Cracks shut {road} bridge in {place}"], [
        "Engineers closed the {road} bridge in {place} on {day} after finding {n1} cracked cables.",
        "Commuters face detours of up to {n2} minutes, the transport office said.",
        "The bridge carries about {n3} vehicles a day.",
        "Transport minister {person} promised a full structural survey.",
        "The bridge, built by {org}, opened {n4} years ago.",
        "Ferry operators in {place2} added extra sailings.",
        "{person2}, an engineer who inspected the bridge, said the cracks were spreading.",
        "Freight companies warned of higher costs.",
        "The closure is expected to last at least a month.",
        "Local shops said trade had fallen since the closure.",
    ]),
    "election": (["{person} wins {place} mayoral race", "{place} elects {person} as mayor"], [
        "{person} won the mayoral election in {place} on {day} with {n1} percent of the vote.",
        "Turnout was {n2} percent, officials said.",
        "The defeated incumbent, {person2}, conceded late in the evening.",
        "{person} promised to build {n3} new homes and to fix the {road} road.",
        "The campaign was dominated by rents and public transport.",
        "Supporters celebrated in the main square of {place}.",
        "{person} is backed by the {org} movement.",
        "The result ends {n4} years of rule by the same party.",
        "Observers from {place2} reported no irregularities.",
        "The new mayor takes office next month.",
    ]),
}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYNONYMS = [("said", "stated"), ("about", "around"), ("people", "residents"), ("workers", "employees"),
            ("officials", "authorities"), ("urged", "called on"), ("injuring", "hurting"), ("killing", "leaving dead")]
OWN_LINES = ["Our reporter at the scene described the mood as tense.", "This story is developing and will be updated.",
             "Readers can send tips to our newsroom.", "Similar events have drawn criticism in recent years.",
             "Local officials did not respond to requests for comment.", "The full statement was published online."]


def name(rng, syllables=(2, 3)):
    return "".join(rng.choice(SYL) for _ in range(rng.randint(*syllables))).capitalize()


def story(rng, k, day0, places):
    kind = rng.choice(sorted(KINDS))
    heads, facts = KINDS[kind]
    slots = {
        # Places come from a shared pool: a town has several stories, some
        # of the same kind (two fires in one town, months apart).
        "place": rng.choice(places), "place2": rng.choice(places), "org": name(rng) + rng.choice([" Group", " Holdings", " Works", ""]),
        "person": f"{rng.choice(FIRST)} {name(rng)}", "person2": f"{rng.choice(FIRST)} {name(rng)}",
        "road": name(rng, (2, 2)), "day": rng.choice(DAYS), "n1": rng.randint(2, 60), "n2": rng.randint(2, 40),
        "n3": rng.randint(100, 9000), "n4": rng.randint(2, 90), "mag": f"{rng.uniform(4.5, 7.5):.1f}",
        "mag2": f"{rng.uniform(3.5, 5.0):.1f}",
    }
    # The first fact is the lead (what happened); the others a sample.
    chosen = [facts[0]] + rng.sample(facts[1:], min(len(facts) - 1, rng.randint(7, 11)))
    return {"id": f"T{k + 1}", "kind": kind, "heads": heads, "facts": chosen, "slots": slots,
            "day": day0 + rng.randint(0, 364)}


def fmt_number(rng, n):
    if isinstance(n, int) and n >= 1000 and rng.random() < 0.5:
        return f"{n:,}"
    return str(n)


def article(rng, s, outlet):
    slots = dict(s["slots"])
    for key in ("n1", "n2", "n3", "n4"):
        if rng.random() < 0.08:  # an outlet that has another figure
            slots[key] = slots[key] + rng.randint(1, 5)
        slots[key] = fmt_number(rng, slots[key])
    first = s["facts"][0]
    rest = [f for f in s["facts"][1:] if rng.random() < 0.8]
    rng.shuffle(rest)
    sentences = []
    for f in [first] + rest:
        text = f.format(**slots)
        for a, b in SYNONYMS:
            if f" {a} " in text and rng.random() < 0.3:
                text = text.replace(f" {a} ", f" {b} ", 1)
        sentences.append(text)
    for _ in range(rng.randint(0, 2)):
        sentences.insert(rng.randint(1, len(sentences)), rng.choice(OWN_LINES))
    paragraphs = ["\n".join(sentences[i:i + 2]) for i in range(0, len(sentences), 2)]
    title = rng.choice(s["heads"]).format(**slots)
    return {"outlet": outlet, "title": title, "text": "\n\n".join(paragraphs)}


def date(day):
    import datetime

    return (datetime.date(2025, 1, 1) + datetime.timedelta(days=day)).isoformat()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=2000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    places = sorted({name(rng) for _ in range(max(20, args.stories // 5))})
    stories = [story(rng, k, 0, places) for k in range(args.stories)]
    items = []
    for s in stories:
        for outlet in rng.sample(OUTLETS, rng.randint(3, 17)):
            a = article(rng, s, outlet)
            a["date"] = date(s["day"] + rng.choice([0, 0, 0, 1, 1, 2]))
            a["story"] = s["id"]
            items.append(a)
    rng.shuffle(items)
    with open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8") as f, \
            open(os.path.join(args.out, "truth.csv"), "w", encoding="utf-8") as t:
        t.write("line,story\n")
        for i, a in enumerate(items, 1):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
            t.write(f"{i},{a['story']}\n")
    print(f"{len(items)} articles in {len(stories)} stories -> {args.out}")


if __name__ == "__main__":
    main()
