"""The policy editor's form."""

from wagtail.admin.forms import WagtailAdminPageForm

__all__ = ["PolicyPageForm"]


class PolicyPageForm(WagtailAdminPageForm):
    """A change after a publication starts unticked, with the review date that publishing set.

    Publishing records those decisions on the page, never in its revisions, which stay as the editor
    saved them; the form reads them from the page when the latest revision is the live one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk and page.live_revision_id and page.latest_revision_id == page.live_revision_id:
            published = type(page).objects.filter(pk=page.pk).values("review_due").first()
            self.initial.update(mark_as_new_version=False, change_summary="", review_due=published["review_due"])
