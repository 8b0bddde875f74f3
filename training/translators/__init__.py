"""Keeping policy translations up to date: who may translate, the tasks a new version opens, and their notices."""
