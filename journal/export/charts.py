"""The Progress charts drawn for the PDF, from the same geometry the web page uses (``measures.charts``)."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from journal.export.fonts import visual
from journal.measures.charts import Chart

BANDS = ["#cfe8d5", "#e6efc4", "#f6e7b8", "#f4d3b5", "#eec0bd"]
INK = colors.HexColor("#2b2b2b")
SESSION = colors.HexColor("#3d5a80")
GUIDE = colors.HexColor("#aa3333")
DOTS_UP_TO = 60


def drawing(chart: Chart, width: float, font: str) -> Drawing:
    """The chart scaled to ``width`` points; SVG's y grows downwards, ReportLab's upwards. Its labels (in the
    reader's language) are drawn joined and in visual order when they are Arabic or Hebrew."""
    scale = width / chart.width
    height = chart.height * scale

    def x(value: float) -> float:
        return value * scale

    def y(value: float) -> float:
        return height - value * scale

    art = Drawing(width, height)
    right = chart.width - 12
    for index, stripe in enumerate(chart.stripes):
        art.add(
            Rect(
                x(44),
                y(stripe.y + stripe.height),
                x(right - 44),
                stripe.height * scale,
                strokeColor=None,
                fillColor=colors.HexColor(BANDS[index % len(BANDS)]),
                fillOpacity=0.6,
            )
        )
    for tick_y, label in chart.ticks:
        art.add(Line(x(44), y(tick_y), x(right), y(tick_y), strokeColor=colors.HexColor("#dddddd"), strokeWidth=0.5))
        art.add(
            String(x(38), y(tick_y) - 3, visual(str(label)), fontName=font, fontSize=7, textAnchor="end", fillColor=INK)
        )
    for month_x, label in chart.months:
        art.add(String(x(month_x), 3, visual(str(label)), fontName=font, fontSize=7, fillColor=INK))
    if chart.guide:
        art.add(
            Line(
                x(44),
                y(chart.guide[0]),
                x(right),
                y(chart.guide[0]),
                strokeColor=GUIDE,
                strokeWidth=0.8,
                strokeDashArray=[4, 2],
            )
        )
    for marker in chart.markers:
        art.add(
            Line(
                x(marker.x),
                y(12),
                x(marker.x),
                y(chart.height - 28),
                strokeColor=SESSION,
                strokeWidth=0.8,
                strokeDashArray=[3, 2],
            )
        )
    if len(chart.points) > 1:
        art.add(
            PolyLine(
                [coordinate for p in chart.points for coordinate in (x(p.x), y(p.y))], strokeColor=INK, strokeWidth=1.2
            )
        )
    if len(chart.points) <= DOTS_UP_TO:  # a long series reads as its line; hundreds of dots only cost time
        for point in chart.points:
            art.add(Circle(x(point.x), y(point.y), 2.2, fillColor=INK, strokeColor=None))
    return art
