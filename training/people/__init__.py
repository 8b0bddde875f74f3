"""People: sign-in adaptation, the admin's user forms and the people import."""

__all__ = ["adapters", "admin_users", "evidence", "importing"]
