"""Counting words."""


def word_count(text):
    """How many whitespace-separated words the text has."""
    return len(text.split())
