"""The safety engine measured on a labelled corpus: recall per category, false alarms, a confusion table.

``dev.jsonl``, ``dev2.jsonl`` and ``dev3.jsonl`` in ``tests/safety/corpus/`` are what the rules were written
against, each by a different hand (``dev3`` in the everyday spellings of texts and forums: typos, slang, no
capitals). ``heldout.jsonl``, ``heldout2.jsonl`` and ``heldout3.jsonl`` were written by three more hands
(``heldout3`` after lexicon version 3, by a hand that saw neither the rules nor the other sentences) and never read
while writing rules: their figures are the honest estimate of how the engine does on words it has not seen.
``make eval-safety`` (``python -m tests.safety.evaluate``) prints them; ``tests/safety/test_corpus.py`` holds
CI to the floors: 95% recall and 5% false alarms on the development corpus, and on the held-out part the
floor it reached when last measured (a ratchet: it may rise, never fall).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from journal.safety.risk import assess

CORPUS = Path(__file__).resolve().parent / "corpus"
PARTS = ("dev", "dev2", "dev3", "heldout", "heldout2", "heldout3")
DEVELOPMENT = ("dev", "dev2", "dev3")
HELD_OUT = ("heldout", "heldout2", "heldout3")
LEVELS = ("urgent", "gentle", "none")
NEGATED_OR_PAST = {"negated", "past", "negated_or_past"}  # heldout3 files both under one name
RECALL_FLOOR = 0.95  # of risky sentences, some card (development corpus)
FALSE_ALARM_CEILING = 0.05  # of benign sentences, any card (every part)
# The held-out part's last measure (2026-12-03, lexicon version 3, heldout + heldout2: recall 77.3%, false
# alarms 4.3%, version 2 had 73.9% and 6.8%; with heldout3, written after version 3 by a hand that never saw the
# rules: 74.8% and 5.0%, heldout3 alone 71.0% and 5.7%; the floor moved with the part it measures), with a little
# room: a ratchet that catches a rule change making the engine worse on words it never saw. Raise these, never
# lower them.
HELDOUT_RECALL_FLOOR = 0.72
HELDOUT_FALSE_ALARM_CEILING = 0.06


@dataclass(frozen=True)
class Case:
    text: str
    label: str
    category: str
    part: str

    @property
    def group(self) -> str:
        if self.label == "none":
            return "benign"
        return "negated_or_past" if self.category in NEGATED_OR_PAST else "risky"


def load(part: str) -> list[Case]:
    path = CORPUS / f"{part}.jsonl"
    return [Case(**json.loads(line), part=part) for line in path.read_text(encoding="utf-8").splitlines() if line]


def level_of(text: str) -> str:
    return assess([text]).level or "none"


@dataclass
class Figures:
    cases: int
    recall: float  # risky sentences given any card
    urgent_recall: float  # urgent-labelled sentences given the urgent card
    false_alarms: float  # benign sentences given any card
    gentle_for_negated: float  # negated or past sentences given the gentle card
    by_category: dict[str, tuple[int, int]]  # category -> (right level or, for benign, silent; total)
    confusion: dict[tuple[str, str], int]
    misses: list[tuple[Case, str]]


def measure(cases: list[Case]) -> Figures:
    """Assess every case once, and count."""
    got = {case.text: level_of(case.text) for case in cases}
    confusion = Counter((case.label, got[case.text]) for case in cases)
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for case in cases:
        level = got[case.text]
        right = level == case.label if case.group != "risky" else level != "none"
        by_category[case.category][0] += right
        by_category[case.category][1] += 1
        if not right or (case.label == "urgent" and level != "urgent"):
            misses.append((case, level))

    def share(members: list[Case], test) -> float:
        return sum(test(got[case.text]) for case in members) / len(members) if members else 1.0

    def group(name: str) -> list[Case]:
        return [case for case in cases if case.group == name]

    return Figures(
        len(cases),
        share(group("risky"), lambda level: level != "none"),
        share([case for case in cases if case.label == "urgent"], lambda level: level == "urgent"),
        share(group("benign"), lambda level: level != "none"),
        share(group("negated_or_past"), lambda level: level == "gentle"),
        {k: (v[0], v[1]) for k, v in sorted(by_category.items())},
        dict(confusion),
        misses,
    )


def report(name: str, figures: Figures, out=sys.stdout, show_misses: bool = False) -> None:
    print(f"\n== {name}: {figures.cases} sentences", file=out)
    print(f"recall (risky given a card)      {figures.recall:6.1%}   floor {RECALL_FLOOR:.0%}", file=out)
    print(f"urgent given the urgent card     {figures.urgent_recall:6.1%}", file=out)
    print(f"false alarms (benign, any card)  {figures.false_alarms:6.1%}   ceiling {FALSE_ALARM_CEILING:.0%}", file=out)
    print(f"negated or past given gentle     {figures.gentle_for_negated:6.1%}", file=out)
    print("category                    right / total", file=out)
    for category, (right, total) in figures.by_category.items():
        print(f"  {category:26} {right:4} / {total:<4} {right / total:6.1%}", file=out)
    print("confusion (rows: label, columns: engine)", file=out)
    print("            " + "".join(f"{level:>8}" for level in LEVELS), file=out)
    for label in LEVELS:
        print(f"  {label:9} " + "".join(f"{figures.confusion.get((label, got), 0):8}" for got in LEVELS), file=out)
    if show_misses:
        for case, got in figures.misses:
            print(f"  MISS {case.category:22} {case.label:>6} -> {got:6} {case.text}", file=out)


def _entry(sentences: list[str], words: int) -> str:
    pool = " ".join(sentences).split()
    return " ".join((pool * (words // len(pool) + 1))[:words])


def speed(words: int = 5000, runs: int = 41) -> dict[str, float]:
    """Median milliseconds to assess one entry of ``words`` words: ordinary journal prose (the demo journal's
    sentences) and the worst case, every sentence a risk or a trap (the dev corpus end to end)."""
    from journal import demo

    entries = {
        "prose": _entry([*demo.OPENINGS, *demo.MIDDLES, *demo.CLOSINGS], words),
        "dense": _entry([case.text for case in load("dev")], words),
    }
    figures = {}
    for name, body in entries.items():
        assess([body])  # the word cache warms as it would in a running server
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            assess([body])
            times.append((time.perf_counter() - started) * 1000)
        figures[name] = sorted(times)[len(times) // 2]
    return figures


def print_speed() -> None:
    figures = speed()
    print(
        f"5,000-word entry: {figures['prose']:.2f} ms for journal prose, {figures['dense']:.2f} ms when every "
        f"sentence is a risk or a trap (medians of 41; target 5 ms)"
    )


def main(argv: list[str]) -> int:
    if "--speed" in argv:
        print_speed()
        return 0
    show = "--misses" in argv
    parts = {part: load(part) for part in PARTS if (CORPUS / f"{part}.jsonl").exists()}
    every = [case for cases in parts.values() for case in cases]
    for part, cases in parts.items():
        report(
            part + (" (held out: never read while writing rules)" if part in HELD_OUT else ""),
            measure(cases),
            show_misses=show and part in DEVELOPMENT,
        )
    development = measure([case for case in every if case.part in DEVELOPMENT])
    held_out = measure([case for case in every if case.part in HELD_OUT])
    report("held out, together", held_out)
    report("all", measure(every))
    print()
    print_speed()
    ok = passes(development, held_out)
    print(
        "PASS" if ok else "FAIL",
        f"(development: recall >= {RECALL_FLOOR:.0%}, false alarms <= "
        f"{FALSE_ALARM_CEILING:.0%}; held out: recall >= {HELDOUT_RECALL_FLOOR:.0%}, false alarms <= "
        f"{HELDOUT_FALSE_ALARM_CEILING:.0%})",
    )
    return 0 if ok else 1


def passes(development: Figures, held_out: Figures) -> bool:
    return (
        development.recall >= RECALL_FLOOR
        and development.false_alarms <= FALSE_ALARM_CEILING
        and held_out.recall >= HELDOUT_RECALL_FLOOR
        and held_out.false_alarms <= HELDOUT_FALSE_ALARM_CEILING
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
