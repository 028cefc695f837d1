"""The safety engine measured on a labelled corpus: recall per category, false alarms, a confusion table.

``dev.jsonl`` to ``dev5.jsonl`` in ``tests/safety/corpus/`` are what the rules were written against, each by a
different hand (``dev3`` in the everyday spellings of texts and forums: typos, slang, no capitals; ``dev5`` risky
sentences set among everyday words, to catch a shield that silences them).
``heldout.jsonl`` to ``heldout4.jsonl`` were written by four more hands (``heldout3`` and ``heldout4`` after
lexicon version 3, by hands that saw neither the rules nor the other sentences) and never read while writing
rules: their figures are the honest estimate of how the engine does on words it has not seen.
``make eval-safety`` (``python -m tests.safety.evaluate``) prints them; ``tests/safety/test_corpus.py`` holds
CI to the floors: 95% recall and 5% false alarms on the development corpus, and on the held-out part the
floor it reached when last measured (a ratchet: it may rise, never fall).

The other languages each have a folder, ``tests/safety/corpus/<code>/`` (``es``, ``pt``, ``de``, ``ar``), with
their development parts ``dev*.jsonl`` and held-out parts ``heldout*.jsonl``, found from the folders present
(a language with no folder yet is left out). Their cases are assessed with their language (``level_of(text,
language)``); each is held to English's development thresholds, and to its own held-out floor in
``HELDOUT_FLOORS``. The figures are printed language by language, then a table of them all. Misses are printed
(``--misses``) for development parts only: nobody reads the held-out sentences.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from journal.safety.lexicons import LANGUAGES
from journal.safety.risk import assess

CORPUS = Path(__file__).resolve().parent / "corpus"
ENGLISH = "en"  # its parts are in the corpus folder itself; every other language's in a folder of its own
PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "heldout", "heldout2", "heldout3", "heldout4")
DEVELOPMENT = ("dev", "dev2", "dev3", "dev4", "dev5")
HELD_OUT = ("heldout", "heldout2", "heldout3", "heldout4")
LEVELS = ("urgent", "gentle", "none")
NEGATED_OR_PAST = {"negated", "past", "negated_or_past"}  # heldout3 files both under one name
RECALL_FLOOR = 0.95  # of risky sentences, some card (development corpus)
FALSE_ALARM_CEILING = 0.05  # of benign sentences, any card (every part)
# The held-out part's last measure, with a little room: a ratchet that catches a rule change making the engine
# worse on words it never saw. Raise these, never lower them. History: lexicon 2, heldout + heldout2: 73.9% recall,
# 6.8% false alarms; lexicon 3: 77.3% and 4.3%; with heldout3 (written after lexicon 3 by a hand that never saw the
# rules): 74.8% and 5.0%; with heldout4 (likewise): 79.3% and 5.7%. Lexicon 4 (2026-12-04, written against dev4
# too): 81.7% and 4.8% over all four held-out parts (956 sentences); with dev5's rules, narrower shields and a
# narrower rule for counting pills: 82.1% and 4.5%.
HELDOUT_FLOORS: dict[str, tuple[float, float]] = {  # language: (held-out recall floor, false alarm ceiling)
    "en": (0.79, 0.06),
    # First measure (2026-12-03), each held-out part written by a hand that saw neither the rules nor the dev
    # sentences, about 90 sentences a language: es 85.1% / 0.0%, pt 82.6% / 0.0%, de 75.6% / 2.9%, ar 83.0% / 2.8%.
    # The floors leave about one sentence of room (a risky sentence is ~2% of a part); raise them, never lower.
    "es": (0.82, 0.03),
    "pt": (0.80, 0.03),
    "de": (0.73, 0.06),
    "ar": (0.80, 0.06),
}
HELDOUT_RECALL_FLOOR, HELDOUT_FALSE_ALARM_CEILING = HELDOUT_FLOORS[ENGLISH]


@dataclass(frozen=True)
class Case:
    text: str
    label: str
    category: str
    part: str
    language: str = ENGLISH

    @property
    def group(self) -> str:
        if self.label == "none":
            return "benign"
        return "negated_or_past" if self.category in NEGATED_OR_PAST else "risky"


def folder(language: str = ENGLISH) -> Path:
    return CORPUS if language == ENGLISH else CORPUS / language


def load(part: str, language: str = ENGLISH) -> list[Case]:
    path = folder(language) / f"{part}.jsonl"
    return [
        Case(**json.loads(line), part=part, language=language)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def is_development(part: str) -> bool:
    return part.startswith("dev")


def is_held_out(part: str) -> bool:
    return part.startswith("heldout")


def languages() -> list[str]:
    """English, then every language with a corpus folder holding a part (in the order of ``LANGUAGES``)."""
    found = {path.name for path in CORPUS.iterdir() if path.is_dir() and parts(path.name)} - {ENGLISH}
    return [ENGLISH, *(code for code in LANGUAGES if code in found), *sorted(found - set(LANGUAGES))]


def parts(language: str = ENGLISH) -> list[str]:
    """A language's parts, development first: English's in ``PARTS`` order, the others' as their folder has them."""
    if language == ENGLISH:
        return [part for part in PARTS if (CORPUS / f"{part}.jsonl").exists()]
    names = sorted(path.stem for path in folder(language).glob("*.jsonl"))
    return [name for name in names if is_development(name)] + [name for name in names if is_held_out(name)]


def level_of(text: str, language: str = ENGLISH) -> str:
    return assess([text], language=language).level or "none"


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
    """Assess every case once (with its language), and count."""
    got = {case: level_of(case.text, case.language) for case in cases}
    confusion = Counter((case.label, got[case]) for case in cases)
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for case in cases:
        level = got[case]
        right = level == case.label if case.group != "risky" else level != "none"
        by_category[case.category][0] += right
        by_category[case.category][1] += 1
        if not right or (case.label == "urgent" and level != "urgent"):
            misses.append((case, level))

    def share(members: list[Case], test) -> float:
        return sum(test(got[case]) for case in members) / len(members) if members else 1.0

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


def speed(words: int = 5000, runs: int = 41, language: str = ENGLISH) -> dict[str, float]:
    """Median milliseconds to assess one entry of ``words`` words: ordinary journal prose (the demo journal's
    sentences) and the worst case, every sentence a risk or a trap (the dev corpus end to end). In another
    language, the prose is English's and the dense entry is its own dev corpus, read with its lexicon and
    English's."""
    from journal import demo

    entries = {
        "prose": _entry([*demo.OPENINGS, *demo.MIDDLES, *demo.CLOSINGS], words),
        "dense": _entry([case.text for case in load("dev", language)], words),
    }
    figures = {}
    for name, body in entries.items():
        assess([body], language=language)  # the word cache warms as it would in a running server
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            assess([body], language=language)
            times.append((time.perf_counter() - started) * 1000)
        figures[name] = sorted(times)[len(times) // 2]
    return figures


def print_speed() -> None:
    figures = speed()
    print(
        f"5,000-word entry: {figures['prose']:.2f} ms for journal prose, {figures['dense']:.2f} ms when every "
        f"sentence is a risk or a trap (medians of 41; target 5 ms)"
    )
    for language in languages()[1:]:
        if (folder(language) / "dev.jsonl").exists():
            figures = speed(language=language)
            print(
                f"  read as {language} (and English): {figures['prose']:.2f} ms for English prose, "
                f"{figures['dense']:.2f} ms for its dev corpus end to end"
            )


@dataclass
class Result:
    """One language's figures: its development and held-out parts together (None when it has none)."""

    language: str
    development: Figures | None
    held_out: Figures | None

    @property
    def ok(self) -> bool:
        return passes(self.development, self.held_out, self.language)


def evaluate(language: str, show_misses: bool = False, out=sys.stdout) -> Result:
    """Print a language's parts, its development and held-out parts together, and all; return its figures."""
    loaded = {part: load(part, language) for part in parts(language)}
    prefix = "" if language == ENGLISH else f"{language}/"
    if language != ENGLISH:
        print(f"\n######## {language}", file=out)
    for part, cases in loaded.items():
        report(
            prefix + part + (" (held out: never read while writing rules)" if is_held_out(part) else ""),
            measure(cases),
            out=out,
            show_misses=show_misses and is_development(part),
        )
    development = [case for part, cases in loaded.items() if is_development(part) for case in cases]
    held_out = [case for part, cases in loaded.items() if is_held_out(part) for case in cases]
    dev_figures = measure(development) if development else None
    held_figures = measure(held_out) if held_out else None
    several = language == ENGLISH or len([part for part in loaded if is_held_out(part)]) > 1
    if language != ENGLISH and dev_figures and len([part for part in loaded if is_development(part)]) > 1:
        report(prefix + "development, together", dev_figures, out=out)
    if held_figures and several:
        report(prefix + "held out, together", held_figures, out=out)
    report(prefix + "all", measure(development + held_out), out=out)
    return Result(language, dev_figures, held_figures)


def table(results: list[Result], out=sys.stdout) -> None:
    """Language x (dev recall, dev false alarms, held-out recall, held-out false alarms), with the floors."""

    def cell(value: float | None) -> str:
        return f"{value:8.1%}" if value is not None else f"{'-':>8}"

    print("\nlanguage   dev recall  dev f.a.  held-out recall  held-out f.a.   floors (held out)   result", file=out)
    for result in results:
        dev, held = result.development, result.held_out
        floor, ceiling = HELDOUT_FLOORS.get(result.language, (0.0, 1.0))
        print(
            f"  {result.language:8} {cell(dev and dev.recall)}   {cell(dev and dev.false_alarms)}  "
            f"{cell(held and held.recall)}         {cell(held and held.false_alarms)}       "
            f">= {floor:.0%}, <= {ceiling:.0%}   {'PASS' if result.ok else 'FAIL'}",
            file=out,
        )


def main(argv: list[str]) -> int:
    if "--speed" in argv:
        print_speed()
        return 0
    show = "--misses" in argv
    results = [evaluate(language, show_misses=show) for language in languages()]
    print()
    print_speed()
    table(results)
    ok = all(result.ok for result in results)
    print(
        "PASS" if ok else "FAIL",
        f"(development: recall >= {RECALL_FLOOR:.0%}, false alarms <= "
        f"{FALSE_ALARM_CEILING:.0%}; held out: each language's floors in HELDOUT_FLOORS)",
    )
    return 0 if ok else 1


def passes(development: Figures | None, held_out: Figures | None, language: str = ENGLISH) -> bool:
    """A language's development parts at the thresholds, and its held-out parts at their floors (a part it does
    not have yet is not held against it)."""
    floor, ceiling = HELDOUT_FLOORS.get(language, (0.0, 1.0))
    return (
        development is None or (development.recall >= RECALL_FLOOR and development.false_alarms <= FALSE_ALARM_CEILING)
    ) and (held_out is None or (held_out.recall >= floor and held_out.false_alarms <= ceiling))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
