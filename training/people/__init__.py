"""People: sign-in and the client's address, two-factor authentication, the admin's user forms, the import and the log of name changes."""

__all__ = [
    "adapters",
    "admin_users",
    "client_ip",
    "evidence",
    "importing",
    "mfa",
    "mfa_changes",
    "people_file",
    "person_changes",
]
