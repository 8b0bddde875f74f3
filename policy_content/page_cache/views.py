"""How a view lets the page cache keep what it rendered."""


def cacheable(response):
    """Mark a rendered page as one the personal page cache may keep: everything on it is a fact the
    invalidation tracks (pages, requirements, settings, the reader's records) or a date."""
    response.page_cache = True
    return response
