"""Lay out a journal as a PDF with ReportLab's platypus.

The input is plain data (``JournalExport``), already decrypted and chosen by
``journal.export.gather``; this module only typesets it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from journal.export.charts import drawing
from journal.export.fonts import FontSet, paragraph_markup
from journal.export.shaping import needs_shaping
from journal.measures.progress import Progress

PAGE_SIZES = {"a4": A4, "letter": LETTER}
INK = colors.HexColor("#23262b")
MUTED = colors.HexColor("#535a63")
ACCENT = colors.HexColor("#2f5d62")
SOFT = colors.HexColor("#e3eeec")
CONFIDENTIAL = "Confidential — contains health information"


@dataclass
class ExportReply:
    author: str
    when: str
    text: str


@dataclass(frozen=True)
class ExportPicture:
    """A picture of an entry: its size, and how to get it, decrypted, when the page is drawn."""

    load: Callable[[], bytes]
    width: int
    height: int


class _Picture(Flowable):
    """A picture scaled to fit, decrypted only while its page is drawn (a journal may hold hundreds)."""

    def __init__(self, picture: ExportPicture, max_width: float, max_height: float) -> None:
        super().__init__()
        scale = min(max_width / picture.width, max_height / picture.height, 1.0)
        self.picture, self.width, self.height = picture, picture.width * scale, picture.height * scale
        self.hAlign = "LEFT"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(ImageReader(io.BytesIO(self.picture.load())), 0, 0, self.width, self.height, mask="auto")


@dataclass
class ExportEntry:
    key: str
    title: str
    when: str
    answers: list[tuple[str | None, str]]
    checkin: list[tuple[str, str]] = field(default_factory=list)
    after_effects: list[str] = field(default_factory=list)
    after_effects_note: str = ""
    tags: list[str] = field(default_factory=list)
    replies: list[ExportReply] = field(default_factory=list)
    pictures: list[ExportPicture] = field(default_factory=list)


@dataclass
class ExportGroup:
    key: str
    heading: str
    details: str = ""
    intention: str = ""
    entries: list[ExportEntry] = field(default_factory=list)


@dataclass
class JournalExport:
    title: str
    patient_name: str
    date_range: str
    generated: str
    groups: list[ExportGroup]
    page_size: str = "a4"
    author: str = "Integration Journal"
    progress: Progress = field(default_factory=Progress)  # the Progress section, when there is one
    compact: bool = False  # a short document (the safety plan): no cover or contents, so it fits one or two pages


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        def style(name, **kw):
            return ParagraphStyle(
                name, **{"fontName": fonts.body, "fontSize": 10.5, "leading": 15, "textColor": INK, **kw}
            )

        self.body = style("body", spaceAfter=6)
        self.rtl = style("rtl", spaceAfter=6, alignment=TA_RIGHT)
        self.small = style("small", fontSize=8.5, leading=11, textColor=MUTED)
        self.cover_title = ParagraphStyle(
            "cover",
            fontName=fonts.sans_bold,
            fontSize=28,
            leading=34,
            textColor=ACCENT,
            alignment=TA_CENTER,
            spaceAfter=18,
        )
        self.cover_line = ParagraphStyle(
            "coverline", fontName=fonts.sans, fontSize=13, leading=19, textColor=INK, alignment=TA_CENTER, spaceAfter=6
        )
        self.cover_note = ParagraphStyle(
            "covernote", parent=self.cover_line, fontSize=11, textColor=colors.HexColor("#a3282a")
        )
        self.toc_title = ParagraphStyle("toctitle", fontName=fonts.sans_bold, fontSize=18, leading=24, spaceAfter=12)
        self.group = ParagraphStyle(
            "group", fontName=fonts.sans_bold, fontSize=16, leading=21, textColor=ACCENT, spaceBefore=6, spaceAfter=4
        )
        self.group_meta = ParagraphStyle(
            "groupmeta", fontName=fonts.sans, fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=6
        )
        self.entry = ParagraphStyle(
            "entry", fontName=fonts.sans_bold, fontSize=13, leading=17, spaceBefore=14, spaceAfter=2, textColor=INK
        )
        self.prompt = ParagraphStyle(
            "prompt", fontName=fonts.sans_bold, fontSize=10, leading=14, textColor=ACCENT, spaceBefore=6, spaceAfter=2
        )
        self.reply = ParagraphStyle("reply", parent=self.body, fontSize=9.5, leading=13.5, leftIndent=10)
        self.toc_levels = [
            ParagraphStyle("toc0", fontName=fonts.sans_bold, fontSize=10, leading=12),
            ParagraphStyle("toc1", fontName=fonts.body, fontSize=9.5, leading=12),
        ]


class _JournalDoc(BaseDocTemplate):
    """Records each heading's page and adds it to the PDF outline as it is placed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.headings: list[tuple[int, str, int]] = []

    def afterFlowable(self, flowable) -> None:
        heading = getattr(flowable, "toc", None)
        if heading is None:
            return
        level, text, key = heading
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level == 0)
        self.headings.append((level, text, self.page))


class _DeferredCanvas(Canvas):
    """Keeps every page until the end, when page furniture and the contents can be drawn.

    The contents need the page of every heading, known only after layout; its
    pages are reserved (blank) up front and filled in here, so the journal is
    laid out once instead of the two or three passes of ``multiBuild``.
    """

    def __init__(self, *args, finish=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._finish = finish

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._finish(self, total)
            super().showPage()
        super().save()


TOC_LINE = 15  # points per line of the contents
PICTURE_MAX_HEIGHT = 110 * mm


def _shaping(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """The style, or its twin that has HarfBuzz shape the words (export.shaping): only for text that needs it,
    since ReportLab's shaping path lays out every word more slowly."""
    if not needs_shaping(text):
        return style
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def _user_paragraph(text: str, style: ParagraphStyle, fonts: FontSet, prefix: str = "") -> Paragraph:
    """One line of user text (a title, a prompt, a tag list), escaped, in the fonts and shaping it needs."""
    return Paragraph(prefix + _safe(text, fonts, style), _shaping(text, style))


def _heading(text: str, style: ParagraphStyle, level: int, key: str, fonts: FontSet) -> Paragraph:
    markup, _ = paragraph_markup(text, fonts, base=style.fontName, size=style.fontSize, width=10_000)
    paragraph = Paragraph(markup, _shaping(text, style))
    paragraph.toc = (level, text, key)
    return paragraph


def _text(text: str, style: ParagraphStyle, rtl_style: ParagraphStyle, fonts: FontSet, width: float) -> list[Paragraph]:
    """User text as paragraphs: blank lines separate paragraphs, single line breaks are kept."""
    flowables = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if not block.strip():
            continue
        markup, rtl = paragraph_markup(block, fonts, base=style.fontName, size=style.fontSize, width=width)
        flowables.append(Paragraph(markup, rtl_style if rtl else _shaping(block, style)))
    return flowables


def _safe(text: str, fonts: FontSet, style: ParagraphStyle) -> str:
    return paragraph_markup(text, fonts, base=style.fontName, size=style.fontSize, width=10_000)[0]


def _one_line(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_pdf(export: JournalExport, fonts: FontSet) -> bytes:
    """Typeset the journal in a single layout pass and return the PDF bytes."""
    size = PAGE_SIZES.get(export.page_size, A4)
    margin, top, bottom = 20 * mm, 24 * mm, 20 * mm
    width, height = size[0] - 2 * margin, size[1] - top - bottom
    styles = _Styles(fonts)
    buffer = io.BytesIO()
    doc = _JournalDoc(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=top,
        bottomMargin=bottom,
        title=export.title,
        author=export.author,
        subject=f"{export.title}: {export.date_range}",
        creator="Integration Journal",
        keywords="confidential, health information",
    )
    frame = Frame(margin, bottom, width, height, id="body")
    doc.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("pages", [frame])])

    per_page = int(height // TOC_LINE) - 3
    if export.compact:
        story: list = [_user_paragraph(f"{export.patient_name} · generated {export.generated}", styles.small, fonts)]
        toc_pages = 0
    else:
        story = [Spacer(1, size[1] * 0.22), _user_paragraph(export.title, styles.cover_title, fonts)]
        for line in (export.patient_name, export.date_range, f"Generated {export.generated}"):
            story.append(_user_paragraph(line, styles.cover_line, fonts))
        story += [Spacer(1, 24), Paragraph(CONFIDENTIAL, styles.cover_note), NextPageTemplate("pages"), PageBreak()]
        # Reserve the contents pages: one line per session and per entry, titles cut to one line.
        lines = sum(1 + len(group.entries) for group in export.groups) + (1 if export.progress else 0)
        toc_pages = max(1, -(-lines // per_page))
        for _ in range(toc_pages):
            story += [Spacer(1, 1), PageBreak()]

    if export.progress:
        story.append(_heading("Progress", styles.group, 0, "progress", fonts))
        story.append(
            Paragraph(
                "Questionnaire scores and check-ins over the last year, with the sessions marked "
                "(dashed lines). Shaded bands are the questionnaires' published ranges. A "
                "questionnaire is not a diagnosis.",
                styles.group_meta,
            )
        )
        for chart in export.progress.charts:
            story.append(CondPageBreak(80 * mm))
            story.append(_user_paragraph(chart.title, styles.group_meta, fonts))
            story.append(drawing(chart, width, fonts.sans))
            latest = f"Latest: {chart.points[-1].label}." + (
                f" First here: {chart.points[0].label}." if len(chart.points) > 1 else ""
            )
            story.append(_user_paragraph(latest, styles.body, fonts))
        if export.progress.effects:
            story += _after_effects_table(export.progress.effects, styles, fonts, width)
        story.append(PageBreak())

    for group in export.groups:
        story.append(CondPageBreak(60 * mm))
        story.append(_heading(group.heading, styles.group, 0, group.key, fonts))
        if group.details:
            story.append(_user_paragraph(group.details, styles.group_meta, fonts))
        if group.intention:
            story.append(Paragraph("<b>Intention</b>", styles.group_meta))
            story += _text(group.intention, styles.body, styles.rtl, fonts, width)
        for entry in group.entries:
            story += _entry_flowables(entry, styles, fonts, width)

    def contents(canvas: Canvas, index: int) -> None:
        chunk = doc.headings[index * per_page : (index + 1) * per_page]
        y = size[1] - top
        if index == 0:
            title = Paragraph("Contents", styles.toc_title)
            title.wrapOn(canvas, width, TOC_LINE * 3)
            title.drawOn(canvas, margin, y - TOC_LINE * 2)
        y -= TOC_LINE * 3
        for level, text, page in chunk:
            style = styles.toc_levels[level]
            line = _user_paragraph(_one_line(text), style, fonts)
            line.wrapOn(canvas, width - 20 * mm, TOC_LINE)
            line.drawOn(canvas, margin + (0 if level == 0 else 6 * mm), y)
            canvas.setFont(fonts.sans, 9)
            canvas.drawRightString(size[0] - margin, y + 3, str(page))
            y -= TOC_LINE

    def finish(canvas: Canvas, total: int) -> None:
        page = canvas.getPageNumber()
        if page == 1 and not export.compact:
            return  # the cover stays clean
        if 0 <= page - 2 < toc_pages:
            contents(canvas, page - 2)
        canvas.saveState()
        canvas.setFont(fonts.sans, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(margin, size[1] - 14 * mm, _one_line(f"{export.title} · {export.patient_name}", 80))
        canvas.drawRightString(size[0] - margin, size[1] - 14 * mm, CONFIDENTIAL)
        canvas.drawCentredString(size[0] / 2, 11 * mm, f"page {page} of {total}")
        canvas.restoreState()

    doc.build(story, canvasmaker=lambda *a, **k: _DeferredCanvas(*a, finish=finish, **k))
    return buffer.getvalue()


def _after_effects_table(rows, styles, fonts: FontSet, width: float) -> list:
    """After-effects per session, as on the Progress page: which ones, on how many days."""
    cell = styles.small
    data = [[Paragraph("<b>Session</b>", cell), Paragraph("<b>After-effects (days)</b>", cell)]]
    for row in rows:
        effects = "; ".join(f"{label}: {days} day{'s' if days != 1 else ''}" for label, days in row.effects)
        data.append([_user_paragraph(row.session, cell, fonts), _user_paragraph(effects, cell, fonts)])
    table = Table(data, colWidths=[width * 0.45, width * 0.55], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 1), (-1, -1), SOFT),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [CondPageBreak(30 * mm), Paragraph("After-effects by session", styles.group_meta), table]


def _entry_flowables(entry: ExportEntry, styles: _Styles, fonts: FontSet, width: float) -> list:
    head = [_heading(entry.title, styles.entry, 1, entry.key, fonts), Paragraph(entry.when, styles.small)]
    body: list = []
    for prompt, text in entry.answers:
        if not text.strip():
            continue
        if prompt:
            body.append(_user_paragraph(prompt, styles.prompt, fonts))
        body += _text(text, styles.body, styles.rtl, fonts, width)
    for picture in entry.pictures:
        body += [Spacer(1, 4), _Picture(picture, width, PICTURE_MAX_HEIGHT)]
    if entry.checkin:
        table = Table([[label, value] for label, value in entry.checkin], colWidths=[55 * mm, 30 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.sans, 8.5),
                    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                    ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.white),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        body += [Spacer(1, 4), table]
    if entry.after_effects:
        body.append(_user_paragraph(", ".join(entry.after_effects), styles.small, fonts, "<b>After-effects:</b> "))
    if entry.after_effects_note:
        body += _text(entry.after_effects_note, styles.small, styles.small, fonts, width)
    if entry.tags:
        body.append(_user_paragraph(", ".join(entry.tags), styles.small, fonts, "<b>Tags:</b> "))
    for reply in entry.replies:
        body.append(Spacer(1, 4))
        body.append(_user_paragraph(f"{reply.author} · {reply.when}", styles.small, fonts))
        body += _text(reply.text, styles.reply, styles.reply, fonts, width - 10)
    # Keep an entry's heading with the start of its text.
    return [KeepTogether(head + body[:1]), *body[1:]]
