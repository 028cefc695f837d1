"""The yardstick for throughput: bare Flask rendering a 20-item Jinja template.

Served by ``make bench`` with ``gunicorn --chdir benchmarks bare_app:app``,
exactly like the journal app (2 sync workers), so the ratio of the two
requests-per-second figures says what the journal adds on top of Flask.
"""

from __future__ import annotations

from datetime import date, timedelta

from flask import Flask, render_template
from jinja2 import DictLoader

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<main>
  <h1>{{ title }}</h1>
  <ol class="entries">
  {% for item in items %}
    <li class="entry">
      <h2><a href="/entries/{{ item.id }}">{{ item.title }}</a></h2>
      <p class="meta"><time datetime="{{ item.day.isoformat() }}">{{ item.day.strftime("%A %d %B %Y") }}</time>
        {% for tag in item.tags %}<span class="tag">{{ tag }}</span>{% endfor %}</p>
      <p>{{ item.excerpt|truncate(160) }}</p>
    </li>
  {% endfor %}
  </ol>
</main>
</body>
</html>
"""

ITEMS = [
    {
        "id": number,
        "title": f"Entry number {number}: a quieter mind",
        "day": date(2026, 1, 1) + timedelta(days=number),
        "tags": ["family", "sleep"][: 1 + number % 2],
        "excerpt": "I went for a long walk by the canal and let my thoughts drift. " * 4,
    }
    for number in range(20)
]

app = Flask(__name__)
app.jinja_loader = DictLoader({"items.html": PAGE})


@app.get("/")
def items():
    return render_template("items.html", title="Your entries", items=ITEMS)
