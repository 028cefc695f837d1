"""Scoring exactly as published. Pure functions: no database, no request.

PHQ-9: total 0–27, bands 0–4, 5–9, 10–14, 15–19, 20–27; any answer above 0 on
item 9 is flagged whatever the total. GAD-7: total 0–21, bands 0–4, 5–9,
10–14, 15–21. PCL-5: total 0–80, provisional cut-off 33 (31–33 in the
literature), clusters B (items 1–5), C (6–7), D (8–14), E (15–20), and the
DSM-5 provisional rule: an item rated 2 or more is endorsed; at least one B,
one C, two D and two E.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_pgettext, ngettext

from journal.measures.instruments import Instrument

ENDORSED = 2  # PCL-5: "Moderately" or more counts as a symptom present
DSM5_RULE = {"B": 1, "C": 1, "D": 2, "E": 2}
PHQ9_SELF_HARM_ITEM = 9
# The published bands' names are data (``measures.json``, compared in code); how our sentences say them, in the
# reader's language and in lower case ("12 of 27 (moderate)"), is here.
BAND_NAMES = {
    "Minimal": lazy_pgettext("questionnaire severity band", "minimal"),
    "Mild": lazy_pgettext("questionnaire severity band", "mild"),
    "Moderate": lazy_pgettext("questionnaire severity band", "moderate"),
    "Moderately severe": lazy_pgettext("questionnaire severity band", "moderately severe"),
    "Severe": lazy_pgettext("questionnaire severity band", "severe"),
}


class AnswersRefused(ValueError):
    """Answers that cannot be scored; ``problems`` names each, for the person."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Score:
    total: int
    band: str  # "" for PCL-5, which has a cut-off instead of bands
    self_harm: bool = False  # PHQ-9 item 9 above 0
    item9: int = 0  # PHQ-9 item 9's answer (0-3): 1 brings the gentle card, 2 or 3 the urgent one
    clusters: dict[str, int] = field(default_factory=dict)  # PCL-5 cluster totals
    meets_dsm5_rule: bool | None = None  # PCL-5 provisional diagnosis rule (never shown as a diagnosis)
    above_cutoff: bool | None = None  # PCL-5 total at or above 33


def read_answers(instrument: Instrument, posted: dict[str, str]) -> list[int]:
    """The item scores from ``item1`` … ``itemN``; every item answered, in range, nothing else."""
    names = {f"item{number}" for number in range(1, len(instrument.items) + 1)}
    problems = []
    extra = sorted(set(posted) - names - ({"difficulty"} if instrument.difficulty else set()))
    if extra:
        problems.append(_("Unexpected fields: %(names)s.", names=", ".join(extra)))
    missing = [number for number in range(1, len(instrument.items) + 1) if not posted.get(f"item{number}")]
    if missing:
        problems.append(
            ngettext(
                "Please answer question %(numbers)s.",
                "Please answer questions %(numbers)s.",
                len(missing),
                numbers=", ".join(str(n) for n in missing),
            )
        )
    answers = []
    for number in range(1, len(instrument.items) + 1):
        value = posted.get(f"item{number}") or ""
        if not value:
            continue
        if not (value.isascii() and value.isdigit() and 0 <= int(value) <= instrument.max_item):
            problems.append(
                _(
                    "Question %(number)s: choose one of the answers (0 to %(highest)s).",
                    number=number,
                    highest=instrument.max_item,
                )
            )
            continue
        answers.append(int(value))
    if problems:
        raise AnswersRefused(problems)
    return answers


def read_difficulty(instrument: Instrument, value: str | int | None) -> int | None:
    """The unscored last question of the PHQ-9 and GAD-7: optional, and one of its answers when given."""
    if value is None or value == "":
        return None
    if instrument.difficulty is None:
        raise AnswersRefused([_("The %(name)s has no question on difficulty.", name=instrument.name)])
    if isinstance(value, str):
        value = int(value) if value.isascii() and value.isdigit() else -1
    if not 0 <= value < len(instrument.difficulty[1]):
        raise AnswersRefused([_("The last question: choose one of the answers.")])
    return value


def score(instrument: Instrument, answers: list[int]) -> Score:
    if len(answers) != len(instrument.items) or any(not 0 <= a <= instrument.max_item for a in answers):
        raise AnswersRefused([_("Every question needs one answer.")])
    total = sum(answers)
    if instrument.clusters:
        clusters = {name: sum(answers[first - 1 : last]) for name, (first, last) in instrument.clusters.items()}
        endorsed = {
            name: sum(1 for a in answers[first - 1 : last] if a >= ENDORSED)
            for name, (first, last) in instrument.clusters.items()
        }
        return Score(
            total=total,
            band="",
            clusters=clusters,
            meets_dsm5_rule=all(endorsed[name] >= need for name, need in DSM5_RULE.items()),
            above_cutoff=total >= instrument.cutoff,
        )
    band = band_of(instrument, total)
    item9 = answers[PHQ9_SELF_HARM_ITEM - 1] if instrument.key == "phq-9" else 0
    return Score(total=total, band=band, self_harm=item9 > 0, item9=item9)


def band_of(instrument: Instrument, total: int) -> str:
    """The published band a total falls in; "" for an instrument without bands (PCL-5)."""
    return next((b.label for b in instrument.bands if b.low <= total <= b.high), "")


def band_name(band: str, capital: bool = False) -> str:
    """A band as a person reads it, in the active language: "moderately severe" in a sentence, "Moderately
    severe" on its own (``capital``); a band not named here (a newer file) in its own words."""
    name = str(BAND_NAMES[band]) if band in BAND_NAMES else band.lower()
    return name[:1].upper() + name[1:] if capital else name


@dataclass(frozen=True)
class Change:
    baseline: int
    difference: int  # now - baseline (negative: fewer symptoms)
    response: bool | None = None  # PHQ-9, GAD-7: a drop of 50% or more
    remission: bool | None = None  # PHQ-9: below 5
    reliable: bool | None = None  # PCL-5: 5 points or more
    meaningful: bool | None = None  # PCL-5: 10 points or more


def change(instrument: Instrument, baseline: int, now: int) -> Change:
    """Change against the first (baseline) score, with each instrument's published thresholds."""
    drop = baseline - now
    if instrument.key == "pcl-5":
        return Change(baseline, now - baseline, reliable=drop >= 5, meaningful=drop >= 10)
    response = baseline > 0 and drop * 2 >= baseline
    remission = now < 5 if instrument.key == "phq-9" else None
    return Change(baseline, now - baseline, response=response, remission=remission)
