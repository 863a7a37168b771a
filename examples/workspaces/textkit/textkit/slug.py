"""URL slugs from titles."""


def slugify(text):
    """Lower-case words of the text joined by hyphens."""
    return "-".join(text.lower().split())
