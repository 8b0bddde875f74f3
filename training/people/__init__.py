"""People: sign-in, two-factor authentication, the admin's user forms, the import and the log of name changes."""

__all__ = ["adapters", "admin_users", "evidence", "importing", "mfa", "name_changes"]
