"""Role nouns learned from a training corpus, for models/position_heads.txt.

    python scripts/role_nouns.py ../shared/bench/nerel-train.jsonl

Prints the lemmas of animate nouns that head a POSITION span in the corpus and, of all their uses in its
texts, stand inside a POSITION span at least --min-share of the time (and at least --min-uses times), less
the words models/position_heads.txt already has. Only lemmas are printed: nothing of the corpus is copied.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.morph import parses  # noqa: E402
from extractor.positions import position_heads  # noqa: E402

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
NOT_ROLES = {"донна"}  # also a given name: "Донна Каран" would read as a title and its holder


def role_nouns(path: str, min_share: float = 0.6, min_uses: int = 2) -> list[str]:
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    heads = Counter()
    for d in docs:
        for e in d["entities"]:
            if e["type"] != "POSITION":
                continue
            for w in WORD.findall(e["text"]):
                p = parses(w.lower())[0]
                if p.tag.POS == "NOUN" and "anim" in p.tag:
                    heads[p.normal_form] += 1
                    break
    uses, inside = Counter(), Counter()
    for d in docs:
        text = d["text"]
        covered = bytearray(len(text) + 1)
        for e in d["entities"]:
            if e["type"] == "POSITION":
                covered[e["start"]:e["end"]] = b"\x01" * (e["end"] - e["start"])
        for m in WORD.finditer(text):
            lemma = parses(m.group().lower())[0].normal_form
            if lemma in heads:
                uses[lemma] += 1
                inside[lemma] += covered[m.start()]
    known = position_heads() | NOT_ROLES
    return sorted(w for w in heads
                  if w not in known and uses[w] >= min_uses and inside[w] / uses[w] >= min_share)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--min-share", type=float, default=0.6)
    ap.add_argument("--min-uses", type=int, default=2)
    args = ap.parse_args()
    print("\n".join(role_nouns(args.corpus, args.min_share, args.min_uses)))


if __name__ == "__main__":
    main()
