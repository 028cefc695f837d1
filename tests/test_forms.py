import pytest
from markupsafe import Markup
from wtforms import Form
from wtforms import SelectField as WTFormsSelectField

from journal.forms import SelectField, options

CHOICES = [("", "All"), ("a&b", "Tom & Jerry"), ('"quoted"', "<script>alert(1)</script>"), ("café", "Café")]


class Ours(Form):
    pick = SelectField("Pick", choices=options(CHOICES))


class Theirs(Form):
    pick = WTFormsSelectField("Pick", choices=options(CHOICES))


@pytest.mark.parametrize("chosen", ["", "a&b", '"quoted"', "café"])
def test_the_quick_select_draws_what_wtforms_draws(chosen):
    ours, theirs = Ours(data={"pick": chosen}), Theirs(data={"pick": chosen})
    assert ours.pick(class_="wide") == theirs.pick(class_="wide")


def test_the_quick_select_escapes_values_and_labels():
    html = Ours(data={"pick": '"quoted"'}).pick()
    assert isinstance(html, Markup)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<option selected value="&#34;quoted&#34;">' in html
    assert '<option value="a&amp;b">Tom &amp; Jerry</option>' in html
