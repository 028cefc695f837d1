"""Database models, one module per domain."""

from journal.models.user import Role, User

__all__ = ["Role", "User"]
