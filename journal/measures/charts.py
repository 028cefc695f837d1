"""Charts as data: scores and check-ins over time against treatment sessions, for server-rendered SVG.

Geometry only (no markup): ``templates/measures/_chart.html`` draws it with
classes the stylesheet colours, so the page needs no inline style or script
and works without JavaScript. Every chart also carries its points for a text
summary and a data table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from journal.timezones import format_local

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28  # margins for the axis labels


@dataclass(frozen=True)
class Point:
    at: datetime
    value: int
    x: float
    y: float
    label: str  # what the point's tooltip and table row say


@dataclass(frozen=True)
class Stripe:
    """A shaded range of values (a band), from y_top to y_bottom."""

    label: str
    y: float
    height: float
    css: str


@dataclass(frozen=True)
class Marker:
    """A treatment session: a vertical line at its date."""

    x: float
    label: str


@dataclass
class Chart:
    title: str
    low: int
    high: int
    start: datetime
    end: datetime
    points: list[Point] = field(default_factory=list)
    stripes: list[Stripe] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # y axis: (y, label)
    months: list[tuple[float, str]] = field(default_factory=list)  # x axis: (x, label)
    line: str = ""  # the polyline's points attribute
    guide: tuple[float, str] | None = None  # a horizontal line with a label (PCL-5's cut-off)
    title_lang: str | None = None  # "en" for a questionnaire's own title, kept in its published wording
    width: int = WIDTH
    height: int = HEIGHT

    def x_of(self, moment: datetime) -> float:
        span = (self.end - self.start).total_seconds() or 1
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (moment - self.start).total_seconds() / span, 1)

    def y_of(self, value: float) -> float:
        return round(TOP + (HEIGHT - TOP - BOTTOM) * (self.high - value) / ((self.high - self.low) or 1), 1)


def time_chart(
    title: str,
    low: int,
    high: int,
    values: list[tuple[datetime, int, str]],
    sessions: list[tuple[datetime, str]],
    start: datetime,
    end: datetime,
    *,
    bands: Sequence[tuple[int, int, str]] = (),
    guide: tuple[int, str] | None = None,
    step: int = 5,
    title_lang: str | None = None,
) -> Chart:
    """A chart of ``values`` (moment, value, label) from ``start`` to ``end``, sessions marked."""
    chart = Chart(title, low, high, start, max(end, start + timedelta(days=1)), title_lang=title_lang)
    for index, (band_low, band_high, label) in enumerate(bands):
        top, bottom = (
            chart.y_of(band_high + 0.5 if band_high < high else high),
            chart.y_of(band_low - 0.5 if band_low > low else low),
        )
        chart.stripes.append(Stripe(label, top, round(bottom - top, 1), f"band band-{index}"))
    for moment, value, label in sorted(values):
        chart.points.append(Point(moment, value, chart.x_of(moment), chart.y_of(value), label))
    chart.line = " ".join(f"{p.x},{p.y}" for p in chart.points)
    chart.markers = [Marker(chart.x_of(moment), label) for moment, label in sessions if start <= moment <= end]
    chart.ticks = [(chart.y_of(value), str(value)) for value in range(low, high + 1, step)]
    month = datetime(start.year, start.month, 1, tzinfo=start.tzinfo)
    while month <= chart.end:
        if month >= start:
            chart.months.append((chart.x_of(month), format_local(month, "UTC", "%b")))  # in the page's language
        month = datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=start.tzinfo)
    if guide is not None:
        chart.guide = (chart.y_of(guide[0]), guide[1])
    return chart
