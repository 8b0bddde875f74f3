"""Wagtail's chooser widgets start themselves with an inline script, which the Content-Security-Policy
refuses. Rendered here, they leave a marker instead (what to call, with which arguments) that the
static policy_content/admin_choosers.js starts."""

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

__all__ = ["install", "render_chooser_with_marker"]


def _start_spec(widget: BaseChooser, id_: str, name: str, value_data) -> dict:
    if isinstance(widget, AdminTaskChooser):
        return {"call": "createTaskChooser", "args": [id_]}
    return {"construct": widget.js_constructor, "args": [id_, widget.get_js_init_options(id_, name, value_data)]}


def render_chooser_with_marker(self: BaseChooser, name, value, attrs=None, renderer=None) -> SafeString:
    """BaseChooser.render with the script's call in a data attribute rather than inline."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as exc:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from exc
    value_data = self.get_value_data(value)
    return format_html(
        '{}<span hidden data-admin-chooser-start="{}"></span>',
        self.render_html(name, value_data, attrs),
        json.dumps(_start_spec(self, id_, name, value_data)),
    )


def install() -> None:
    BaseChooser.render = render_chooser_with_marker
