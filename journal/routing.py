"""URL converters."""

from werkzeug.routing import IntegerConverter

DB_INT_MAX = 2**31 - 1


class DbIdConverter(IntegerConverter):
    """An integer id that fits the database's integer column; anything larger is a 404, not a 500."""

    def __init__(self, url_map, **kwargs) -> None:
        super().__init__(url_map, min=1, max=DB_INT_MAX)
