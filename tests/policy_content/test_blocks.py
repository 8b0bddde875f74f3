import pytest
from django.utils import translation
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from policy_content.blocks import CommitmentsBlock, PolicyBodyBlock, anchor_for
from tests.policy_content.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def test_blank_anchor_defaults_from_the_heading():
    block = PolicyBodyBlock()
    value = block.to_python([{"type": "section", "value": {"heading": "Ending an interaction", "body": "x"}}])
    cleaned = block.clean(value)
    assert cleaned[0].value["anchor"] == "ending-an-interaction"


def test_duplicate_anchors_are_refused():
    block = PolicyBodyBlock()
    value = block.to_python(
        [
            {"type": "section", "value": {"heading": "Complaints", "anchor": "complaints", "body": "a"}},
            {"type": "section", "value": {"heading": "More complaints", "anchor": "complaints", "body": "b"}},
        ]
    )
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_always_never_needs_at_least_one_item():
    block = CommitmentsBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"heading": "Promises", "anchor": "", "always": [], "never": []}))
    with translation.override("en"):
        assert "at least one" in str(error.value.block_errors["always"])


def test_anchor_for_non_latin_heading_falls_back():
    assert anchor_for("Ορισμοί") == "section"


def test_section_anchors_in_reading_order_and_linkable(client, employee):
    page = PolicyPageFactory()
    assert page.section_anchors() == [
        ("purpose", "Purpose"),
        ("service-standards", "Service standards"),
        ("complaints", "Complaints"),
    ]
    client.force_login(employee)
    html = client.get(page.url).content.decode()
    for anchor, _heading in page.section_anchors():
        assert f'id="{anchor}"' in html
        assert f'href="#{anchor}"' in html
