"""Readers' search: policy sections and quiz introductions in the reader's language."""
