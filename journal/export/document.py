"""Lay out a journal as a PDF with ReportLab's platypus.

The input is plain data (``JournalExport``), already decrypted and chosen by
``journal.export.gather``; this module only typesets it, in the export's language (``locale``, its
reader's): the words it adds (headings, labels, "page 2 of 9") are translated, and a right-to-left
language (Arabic) gets a mirrored page: labels and headings right-aligned, the contents' page numbers and
the tables' first column on the left, the page header swapped. Text a person wrote keeps its own direction.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext, pgettext
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
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
from journal.export.fonts import FontSet, paragraph_markup, visual
from journal.export.shaping import needs_shaping
from journal.i18n import DEFAULT_LOCALE, is_right_to_left, speaking
from journal.measures.progress import Progress

PAGE_SIZES = {"a4": A4, "letter": LETTER}
INK = colors.HexColor("#23262b")
MUTED = colors.HexColor("#535a63")
ACCENT = colors.HexColor("#2f5d62")
SOFT = colors.HexColor("#e3eeec")
CONFIDENTIAL = _l("Confidential — contains health information")


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

    def __init__(self, picture: ExportPicture, max_width: float, max_height: float, align: str = "LEFT") -> None:
        super().__init__()
        scale = min(max_width / picture.width, max_height / picture.height, 1.0)
        self.picture, self.width, self.height = picture, picture.width * scale, picture.height * scale
        self.hAlign = align

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
    locale: str = DEFAULT_LOCALE  # the reader's language: the words the document adds, and its direction


class _Styles:
    """The document's styles. Labels and headings follow the document's direction (``rtl``: right-aligned);
    what a person wrote follows its own (``text``)."""

    def __init__(self, fonts: FontSet, rtl: bool = False) -> None:
        self.right_to_left = rtl
        along = TA_RIGHT if rtl else TA_LEFT
        start_indent = "rightIndent" if rtl else "leftIndent"

        def style(name, **kw):
            return ParagraphStyle(
                name,
                **{"fontName": fonts.body, "fontSize": 10.5, "leading": 15, "textColor": INK, "alignment": along, **kw},
            )

        self.body = style("body", spaceAfter=6)
        self.small = style("small", fontSize=8.5, leading=11, textColor=MUTED)
        self.small_bold = ParagraphStyle("smallbold", parent=self.small, fontName=fonts.bold)
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
        self.toc_title = ParagraphStyle(
            "toctitle", fontName=fonts.sans_bold, fontSize=18, leading=24, spaceAfter=12, alignment=along
        )
        self.group = ParagraphStyle(
            "group",
            fontName=fonts.sans_bold,
            fontSize=16,
            leading=21,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=4,
            alignment=along,
        )
        self.group_meta = ParagraphStyle(
            "groupmeta", fontName=fonts.sans, fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=6, alignment=along
        )
        self.group_meta_bold = ParagraphStyle("groupmetabold", parent=self.group_meta, fontName=fonts.sans_bold)
        self.entry = ParagraphStyle(
            "entry",
            fontName=fonts.sans_bold,
            fontSize=13,
            leading=17,
            spaceBefore=14,
            spaceAfter=2,
            textColor=INK,
            alignment=along,
        )
        self.prompt = ParagraphStyle(
            "prompt",
            fontName=fonts.sans_bold,
            fontSize=10,
            leading=14,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=2,
            alignment=along,
        )
        self.reply = ParagraphStyle("reply", parent=self.body, fontSize=9.5, leading=13.5, **{start_indent: 10})
        self.toc_levels = [
            ParagraphStyle("toc0", fontName=fonts.sans_bold, fontSize=10, leading=12, alignment=along),
            ParagraphStyle("toc1", fontName=fonts.body, fontSize=9.5, leading=12, alignment=along),
        ]
        self._twins: dict[tuple[str, int], ParagraphStyle] = {}

    def text(self, style: ParagraphStyle, rtl: bool) -> ParagraphStyle:
        """The style for a paragraph a person wrote: aligned to its own direction (``rtl``), in either document."""
        alignment = TA_RIGHT if rtl else TA_LEFT
        if style.alignment == alignment:
            return style
        key = (style.name, alignment)
        if key not in self._twins:
            self._twins[key] = ParagraphStyle(f"{style.name}-{alignment}", parent=style, alignment=alignment)
        return self._twins[key]


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
    """One line of text in its own direction (a questionnaire's English title; a list after its bold label in a
    left-to-right document), escaped, in the fonts and shaping it needs. Most lines are ``_label``."""
    return Paragraph(prefix + _safe(text, fonts, style), _shaping(text, style))


def _label(text: str, style: ParagraphStyle, fonts: FontSet, styles: _Styles, width: float = 10_000) -> Paragraph:
    """A line in the document's own direction: words it adds (a label, a sentence with a name or a date in it),
    or a short line a person wrote that it places (a title, a prompt, tags). Escaped, in the fonts and shaping it
    needs, and in a right-to-left document read from the right whatever its first word. ``width`` is needed for
    a line long enough to wrap (right-to-left lines are put in order one by one)."""
    text = str(text)
    base_dir = "R" if styles.right_to_left else None
    markup, _rtl = paragraph_markup(
        text, fonts, base=style.fontName, size=style.fontSize, width=width, base_dir=base_dir
    )
    return Paragraph(markup, _shaping(text, style))


def _heading(text: str, style: ParagraphStyle, level: int, key: str, fonts: FontSet, styles: _Styles) -> Paragraph:
    """A heading, in the document's direction (``_label``), in the contents and the PDF's outline."""
    base_dir = "R" if styles.right_to_left else None
    markup, _ = paragraph_markup(text, fonts, base=style.fontName, size=style.fontSize, width=10_000, base_dir=base_dir)
    paragraph = Paragraph(markup, _shaping(text, style))
    paragraph.toc = (level, text, key)
    return paragraph


def _text(text: str, style: ParagraphStyle, styles: _Styles, fonts: FontSet, width: float) -> list[Paragraph]:
    """User text as paragraphs: blank lines separate paragraphs, single line breaks are kept. Each paragraph is
    aligned to its own direction (right for one that starts in Arabic or Hebrew), in either document."""
    flowables = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        if not block.strip():
            continue
        markup, rtl = paragraph_markup(block, fonts, base=style.fontName, size=style.fontSize, width=width)
        flowables.append(
            Paragraph(markup, styles.text(style, rtl) if rtl else _shaping(block, styles.text(style, rtl)))
        )
    return flowables


def _safe(text: str, fonts: FontSet, style: ParagraphStyle) -> str:
    return paragraph_markup(text, fonts, base=style.fontName, size=style.fontSize, width=10_000)[0]


def _one_line(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_pdf(export: JournalExport, fonts: FontSet) -> bytes:
    """Typeset the journal in a single layout pass, in its reader's language, and return the PDF bytes."""
    with speaking(export.locale):
        return _build_pdf(export, fonts, is_right_to_left(export.locale))


def _build_pdf(export: JournalExport, fonts: FontSet, rtl: bool) -> bytes:
    size = PAGE_SIZES.get(export.page_size, A4)
    margin, top, bottom = 20 * mm, 24 * mm, 20 * mm
    width, height = size[0] - 2 * margin, size[1] - top - bottom
    styles = _Styles(fonts, rtl)
    base_dir = "R" if rtl else None
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
        keywords=_("confidential, health information"),
        lang=export.locale.replace("_", "-"),
    )
    frame = Frame(margin, bottom, width, height, id="body")
    doc.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("pages", [frame])])

    per_page = int(height // TOC_LINE) - 3
    if export.compact:
        line = _("%(name)s · generated %(date)s", name=export.patient_name, date=export.generated)
        story: list = [_label(line, styles.small, fonts, styles, width)]
        toc_pages = 0
    else:
        story = [Spacer(1, size[1] * 0.22), _label(export.title, styles.cover_title, fonts, styles, width)]
        for line in (export.patient_name, export.date_range):
            story.append(_label(line, styles.cover_line, fonts, styles, width))
        story.append(_label(_("Generated %(date)s", date=export.generated), styles.cover_line, fonts, styles, width))
        story += [
            Spacer(1, 24),
            _label(CONFIDENTIAL, styles.cover_note, fonts, styles, width),
            NextPageTemplate("pages"),
            PageBreak(),
        ]
        # Reserve the contents pages: one line per session and per entry, titles cut to one line.
        lines = sum(1 + len(group.entries) for group in export.groups) + (1 if export.progress else 0)
        toc_pages = max(1, -(-lines // per_page))
        for _page in range(toc_pages):
            story += [Spacer(1, 1), PageBreak()]

    if export.progress:
        story.append(_heading(_("Progress"), styles.group, 0, "progress", fonts, styles))
        story.append(
            _label(
                _(
                    "Questionnaire scores and check-ins over the last year, with the sessions marked "
                    "(dashed lines). Shaded bands are the questionnaires' published ranges. A "
                    "questionnaire is not a diagnosis."
                ),
                styles.group_meta,
                fonts,
                styles,
                width,
            )
        )
        for chart in export.progress.charts:
            story.append(CondPageBreak(80 * mm))
            title = str(chart.title)
            # A questionnaire's own title stays in its published (English) wording, and reads left to right.
            own = styles.text(styles.group_meta, False) if chart.title_lang == "en" else styles.group_meta
            story.append(_user_paragraph(title, own, fonts))
            story.append(drawing(chart, width, fonts.sans))
            if len(chart.points) > 1:
                latest = _(
                    "Latest: %(latest)s. First here: %(first)s.",
                    latest=chart.points[-1].label,
                    first=chart.points[0].label,
                )
            else:
                latest = _("Latest: %(latest)s.", latest=chart.points[-1].label)
            story.append(_label(latest, styles.body, fonts, styles, width))
        if export.progress.effects:
            story += _after_effects_table(export.progress.effects, styles, fonts, width)
        story.append(PageBreak())

    for group in export.groups:
        story.append(CondPageBreak(60 * mm))
        story.append(_heading(group.heading, styles.group, 0, group.key, fonts, styles))
        if group.details:
            story.append(_label(group.details, styles.group_meta, fonts, styles, width))
        if group.intention:
            story.append(_label(_("Intention"), styles.group_meta_bold, fonts, styles))
            story += _text(group.intention, styles.body, styles, fonts, width)
        for entry in group.entries:
            story += _entry_flowables(entry, styles, fonts, width)

    contents_title = _("Contents")
    confidential = str(CONFIDENTIAL)

    def contents(canvas: Canvas, index: int) -> None:
        chunk = doc.headings[index * per_page : (index + 1) * per_page]
        y = size[1] - top
        if index == 0:
            title = _label(contents_title, styles.toc_title, fonts, styles, width)
            title.wrapOn(canvas, width, TOC_LINE * 3)
            title.drawOn(canvas, margin, y - TOC_LINE * 2)
        y -= TOC_LINE * 3
        for level, text, page in chunk:
            style = styles.toc_levels[level]
            line = _label(_one_line(text), style, fonts, styles)
            line.wrapOn(canvas, width - 20 * mm, TOC_LINE)
            indent = 0 if level == 0 else 6 * mm
            canvas.setFont(fonts.sans, 9)
            if rtl:  # mirrored: the titles end at the right margin, the page numbers on the left
                line.drawOn(canvas, margin + 20 * mm - indent, y)
                canvas.drawString(margin, y + 3, str(page))
            else:
                line.drawOn(canvas, margin + indent, y)
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
        running = visual(_one_line(f"{export.title} · {export.patient_name}", 80), base_dir)
        if rtl:  # the running title at the start of the line, on the right
            canvas.drawRightString(size[0] - margin, size[1] - 14 * mm, running)
            canvas.drawString(margin, size[1] - 14 * mm, visual(confidential, base_dir))
        else:
            canvas.drawString(margin, size[1] - 14 * mm, running)
            canvas.drawRightString(size[0] - margin, size[1] - 14 * mm, confidential)
        footer = _("page %(page)d of %(total)d", page=page, total=total)
        canvas.drawCentredString(size[0] / 2, 11 * mm, visual(footer, base_dir))
        canvas.restoreState()

    doc.build(story, canvasmaker=lambda *a, **k: _DeferredCanvas(*a, finish=finish, **k))
    return buffer.getvalue()


def _table_row(cells: list, rtl: bool) -> list:
    """A table's row, its first column on the right in a right-to-left document."""
    return cells[::-1] if rtl else cells


def _after_effects_table(rows, styles, fonts: FontSet, width: float) -> list:
    """After-effects per session, as on the Progress page: which ones, on how many days."""
    cell, head, rtl = styles.small, styles.small_bold, styles.right_to_left
    data = [
        _table_row(
            [_label(_("Session"), head, fonts, styles), _label(_("After-effects (days)"), head, fonts, styles)], rtl
        )
    ]
    for row in rows:
        effects = pgettext("list separator", "; ").join(
            ngettext("%(label)s: %(num)d day", "%(label)s: %(num)d days", days, label=str(label))
            for label, days in row.effects
        )
        cells = [
            _label(row.session, cell, fonts, styles, width * 0.4),
            _label(effects, cell, fonts, styles, width * 0.5),
        ]
        data.append(_table_row(cells, rtl))
    table = Table(
        data,
        colWidths=_table_row([width * 0.45, width * 0.55], rtl),
        hAlign="RIGHT" if rtl else "LEFT",
        repeatRows=1,
    )
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
    return [CondPageBreak(30 * mm), _label(_("After-effects by session"), styles.group_meta, fonts, styles), table]


def _labelled(label: str, value: str, styles: _Styles, fonts: FontSet, width: float) -> Paragraph:
    """A short list after its label ("Tags: calm, sleep"): the label bold; in a right-to-left document the two
    read as one line from the right (plain, as a bold run cannot be kept through the reordering)."""
    if styles.right_to_left:
        return _label(f"{label} {value}", styles.small, fonts, styles, width)
    return _user_paragraph(value, styles.small, fonts, f"<b>{_safe(label, fonts, styles.small)}</b> ")


def _entry_flowables(entry: ExportEntry, styles: _Styles, fonts: FontSet, width: float) -> list:
    rtl = styles.right_to_left
    head = [
        _heading(entry.title, styles.entry, 1, entry.key, fonts, styles),
        _label(entry.when, styles.small, fonts, styles, width),
    ]
    body: list = []
    for prompt, text in entry.answers:
        if not text.strip():
            continue
        if prompt:
            body.append(_label(prompt, styles.prompt, fonts, styles, width))
        body += _text(text, styles.body, styles, fonts, width)
    for picture in entry.pictures:
        body += [Spacer(1, 4), _Picture(picture, width, PICTURE_MAX_HEIGHT, "RIGHT" if rtl else "LEFT")]
    if entry.checkin:
        base_dir = "R" if rtl else None
        table = Table(
            [_table_row([visual(str(label), base_dir), value], rtl) for label, value in entry.checkin],
            colWidths=_table_row([55 * mm, 30 * mm], rtl),
            hAlign="RIGHT" if rtl else "LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.sans, 8.5),
                    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                    ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.white),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("ALIGN", (0, 0), (-1, -1), "RIGHT" if rtl else "LEFT"),
                ]
            )
        )
        body += [Spacer(1, 4), table]
    if entry.after_effects:
        body.append(
            _labelled(
                _("After-effects:"), pgettext("list separator", ", ").join(entry.after_effects), styles, fonts, width
            )
        )
    if entry.after_effects_note:
        body += _text(entry.after_effects_note, styles.small, styles, fonts, width)
    if entry.tags:
        body.append(_labelled(_("Tags:"), pgettext("list separator", ", ").join(entry.tags), styles, fonts, width))
    for reply in entry.replies:
        body.append(Spacer(1, 4))
        body.append(_label(f"{reply.author} · {reply.when}", styles.small, fonts, styles, width))
        body += _text(reply.text, styles.reply, styles, fonts, width - 10)
    # Keep an entry's heading with the start of its text.
    return [KeepTogether(head + body[:1]), *body[1:]]
