"""make bench-pdf: time the PDF export of a 300-entry journal against a bare ReportLab script.

Prints figures; it is a benchmark, not a test. Targets (issue 5): median at
most 1.5 s on a 2-core machine, at most 2x the bare script, peak memory at
most 250 MB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ENTRIES = int(os.environ.get("BENCH_ENTRIES", "300"))
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def app_for(folder: Path):
    from flask_migrate import upgrade

    from journal import create_app

    app = create_app("development", {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3"}, folder)
    with app.app_context():
        upgrade()
    return app


def bare_reportlab(export, fonts) -> bytes:
    """The same text, typeset the simplest way: one paragraph per answer, no extras."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = ParagraphStyle("b", fontName=fonts.body, fontSize=10.5, leading=15)
    head = ParagraphStyle("h", fontName=fonts.sans_bold, fontSize=13, leading=17)
    story = []
    for group in export.groups:
        story.append(Paragraph(escape(group.heading), head))
        for entry in group.entries:
            story.append(Paragraph(escape(entry.title), head))
            for prompt, text in entry.answers:
                if prompt:
                    story.append(Paragraph(escape(prompt), head))
                story.append(Paragraph(escape(text), body))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


# The "many scripts" journal: every answer mixes these (Latin, Indic, Thai, CJK, Hangul, emoji, Hebrew).
SCRIPT_SAMPLES = (
    "Crème brûlée by the window",
    "क्षत्रिय नमस्ते, हिन्दी में लिखा",
    "বাংলা ভাষা ক্ষমা",
    "தமிழ் கொண்டு வணக்கம்",
    "ภาษาไทย น้ำใจ",
    "你好世界",
    "こんにちは、日本語のテキスト",
    "안녕하세요 마음",
    "calm 🌊🌙 waves 🌿",
    "שלום עולם",
)


def seed_scripts(entries: int):
    """A patient whose every entry is written in ten scripts, through the services."""
    from journal.auth.services import create_user
    from journal.entries.content import Answer, CheckIn, EntryContent
    from journal.entries.services import create_entry
    from journal.models import EntryKind, Role

    user = create_user(
        email="scripts@example.org", display_name="Many scripts", password="a long bench password", role=Role.PATIENT
    )
    for number in range(entries):
        text = " ".join(SCRIPT_SAMPLES[(number + k) % len(SCRIPT_SAMPLES)] for k in range(12))
        create_entry(
            owner_id=user.id,
            kind=EntryKind.FREE,
            checkin=CheckIn(),
            content=EntryContent(
                title=SCRIPT_SAMPLES[number % len(SCRIPT_SAMPLES)],
                answers=[Answer(None, None, None, f"{text}\n\n{text}")],
            ),
        )
    return user


def unshaped(build):
    """The same export with HarfBuzz shaping switched off (font runs kept): what shaping itself costs."""
    from journal.export import document

    shaping = document.needs_shaping
    document.needs_shaping = lambda text: False
    try:
        return build()
    finally:
        document.needs_shaping = shaping


def median_seconds(function) -> tuple[float, object]:
    function()  # warm up: fonts, imports
    times, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def child_peak(folder: Path) -> None:
    """Run one export in this fresh process and print its peak resident memory."""
    import resource

    from journal.auth.services import find_user_by_email
    from journal.demo import DEMO_EMAIL
    from journal.export.document import build_pdf
    from journal.export.fonts import load_fonts
    from journal.export.gather import ExportOptions, patient_export

    app = app_for(folder)
    with app.app_context():
        build_pdf(patient_export(find_user_by_email(DEMO_EMAIL), ExportOptions()), load_fonts())
    print(json.dumps({"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main() -> None:
    from journal.auth.services import find_user_by_email
    from journal.demo import DEMO_EMAIL, seed_demo
    from journal.export.document import build_pdf
    from journal.export.fonts import load_fonts
    from journal.export.gather import ExportOptions, patient_export

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        app = app_for(folder)
        with app.app_context():
            seed_demo(ENTRIES)
            user = find_user_by_email(DEMO_EMAIL)
            fonts = load_fonts()
            export = patient_export(user, ExportOptions())
            words = sum(len(t.split()) for g in export.groups for e in g.entries for _, t in e.answers)
            ours, pdf = median_seconds(lambda: build_pdf(patient_export(user, ExportOptions()), fonts))
            bare, bare_pdf = median_seconds(lambda: bare_reportlab(export, fonts))
            scripts_user = seed_scripts(ENTRIES)
            scripts_export = patient_export(scripts_user, ExportOptions())
            ours_scripts, _ = median_seconds(lambda: build_pdf(patient_export(scripts_user, ExportOptions()), fonts))
            bare_scripts, _ = median_seconds(lambda: bare_reportlab(scripts_export, fonts))
            unshaped_scripts, _ = median_seconds(lambda: unshaped(lambda: build_pdf(scripts_export, fonts)))
        peak = json.loads(
            subprocess.run(
                [sys.executable, __file__, "--child", tmp], capture_output=True, text=True, check=True
            ).stdout
        )["peak_mb"]

    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    ratio = ours / bare
    print(f"journal: {ENTRIES} entries, {words:,} words of answers; {RUNS} runs each, median")
    print(
        f"export (decrypt + lay out + PDF): {ours:.3f} s  -> {pages} pages, {len(pdf) / 1e6:.1f} MB   "
        f"target <= 1.5 s: {'met' if ours <= 1.5 else 'MISSED'}"
    )
    print(f"bare ReportLab, same text:        {bare:.3f} s  -> {len(bare_pdf) / 1e6:.1f} MB")
    print(
        f"ratio to bare:                    {ratio:.2f}x                 "
        f"target <= 2x: {'met' if ratio <= 2 else 'MISSED'}"
    )
    print(
        f"peak memory (fresh process RSS):  {peak:.0f} MB               "
        f"target <= 250 MB: {'met' if peak <= 250 else 'MISSED'}"
    )
    ratio_scripts = ours_scripts / bare_scripts
    print(f"ten scripts a paragraph ({ENTRIES} entries; fallback fonts, HarfBuzz shaping, ActualText):")
    print(
        f"  export: {ours_scripts:.3f} s; the same unshaped (fallback fonts only): {unshaped_scripts:.3f} s "
        f"(shaping costs {ours_scripts / unshaped_scripts:.2f}x)"
    )
    print(f"  bare ReportLab, same text in one font (boxes for most of it): {bare_scripts:.3f} s")
    print(
        f"  ratio to bare:                  {ratio_scripts:.2f}x                 "
        f"target <= 2x: {'met' if ratio_scripts <= 2 else 'MISSED'}"
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child_peak(Path(sys.argv[2]))
    else:
        main()
