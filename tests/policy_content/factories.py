"""Factories for the policy library: pages placed under the home page the migrations create, versions, acknowledgements."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from policy_content.acknowledgements import record_acknowledgement
from policy_content.choices import SignatureMethod
from policy_content.evidence_chain import sha256_hex
from policy_content.models import Acknowledgement, FrozenText, PolicyIndexPage, PolicyPage, PolicyVersion
from tests.training.factories import RequirementFactory, UserFactory

# The smallest bytes a scan check takes for a PDF.
SCAN_PDF = b"%PDF-1.4\n% a scanned paper sign-off\n%%EOF\n"


def days_ago(n: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=n)


def site_home():
    """The home page of the default Site, as the migrations create it: every test page lives below it."""
    return Site.objects.get(is_default_site=True).root_page.specific


def policy_body_data(*, complaint_days="five"):
    """A small policy body: a Markdown section, a standards table and an always/never list."""
    return [
        (
            "section",
            {
                "heading": "Purpose",
                "anchor": "purpose",
                "body": "We help every customer with **respect** and patience.",
            },
        ),
        (
            "service_standards",
            {
                "heading": "Service standards",
                "anchor": "service-standards",
                "intro": "",
                "channels": [
                    {"channel": "Chat", "first_response": "Under 2 minutes", "resolution": "", "hours": ""},
                    {"channel": "E-mail", "first_response": "Within one working day", "resolution": "", "hours": ""},
                ],
                "note": "",
            },
        ),
        (
            "section",
            {
                "heading": "Complaints",
                "anchor": "complaints",
                "body": f"1. Log it.\n2. Acknowledge it in writing within {complaint_days} working days.",
            },
        ),
    ]


class PolicyIndexPageFactory(wagtail_factories.PageFactory):
    """The policy library under the home page (one per parent and slug: reused when it exists)."""

    class Meta:
        model = PolicyIndexPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(site_home)
    title = "Policies"
    slug = "policies"


class PolicyPageFactory(wagtail_factories.PageFactory):
    """A policy in the library, published by `user` (version 1, now) unless `publish=False`.

    `required=True` makes acknowledging it a training requirement of everyone in a team;
    `versions=(400, 20)` records versions published that many days ago instead (oldest first).
    """

    class Meta:
        model = PolicyPage
        skip_postgeneration_save = True

    parent = factory.SubFactory(PolicyIndexPageFactory)
    title = factory.Sequence(lambda n: f"Policy {n}")
    slug = factory.Sequence(lambda n: f"policy-{n}")
    summary = "What this policy is for."
    policy_owner = "Head of Customer Service"
    body = factory.LazyFunction(policy_body_data)

    @classmethod
    def _create(cls, model_class, *args, publish=True, user=None, required=False, versions=(), **kwargs):
        kwargs.setdefault("live", not publish and bool(versions))
        page = super()._create(model_class, *args, **kwargs)
        if publish:
            page.save_revision(user=user).publish()
        for age in versions:
            PolicyVersionFactory(policy=page, age=age)
        if required:
            RequirementFactory(page=page)
        return model_class.objects.get(pk=page.pk)


class PolicyVersionFactory(factory.django.DjangoModelFactory):
    """The policy's next version, recorded as published `age` days ago."""

    class Meta:
        model = PolicyVersion

    class Params:
        age = 0

    policy = factory.SubFactory(PolicyPageFactory, publish=False)
    number = factory.LazyAttribute(
        lambda o: (o.policy.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    )
    published_at = factory.LazyAttribute(lambda o: days_ago(o.age))
    change_summary = factory.LazyAttribute(lambda o: f"Version {o.number}")


class AcknowledgementFactory(factory.django.DjangoModelFactory):
    """A person's signed acknowledgement of a version, `age` days ago; `paper=True` for a paper sign-off
    recorded by someone else, with a scan."""

    class Meta:
        model = Acknowledgement

    class Params:
        age = 0
        paper = factory.Trait(
            method=SignatureMethod.PAPER,
            recorded_by=factory.SubFactory(UserFactory),
            signed_on=factory.LazyAttribute(lambda o: timezone.localdate(o.acknowledged_at)),
            remark="Signed at the induction session.",
            scan=factory.LazyFunction(lambda: ContentFile(SCAN_PDF, name=f"{sha256_hex(SCAN_PDF)}.pdf")),
            scan_sha256=sha256_hex(SCAN_PDF),
            ip_address=None,
            user_agent="",
        )

    user = factory.SubFactory(UserFactory)
    version = factory.LazyFunction(lambda: PolicyPageFactory().current_version)
    acknowledged_at = factory.LazyAttribute(lambda o: days_ago(o.age))
    language = "en"
    statement = "I confirm that I have read this policy."
    typed_name = factory.LazyAttribute(lambda ack: ack.user.get_full_name())
    ip_address = "127.0.0.1"
    user_agent = "pytest"


def policy_edit_form_data(page, *, body=None, **overrides) -> dict:
    """What the admin's page editor posts for `page`, with `body` (block type, value) pairs and overrides."""
    stream = []
    for block_type, value in body or policy_body_data():
        value = dict(value)
        if block_type == "service_standards":
            value["channels"] = streamfield([("item", row) for row in value["channels"]])
        stream.append((block_type, value))
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield(stream),
        "policy_owner": page.policy_owner,
        "acknowledgement_required": "on",
        "change_summary": "",
    }
    return nested_form_data({**data, **overrides})


def sign(person, version, **overrides) -> Acknowledgement:
    """`person` acknowledges `version` through the product's own path, as read in English."""
    signature = {
        "statement": "I confirm.",
        "typed_name": person.name,
        "language": "en",
        "ip_address": "10.0.0.1",
        "user_agent": "pytest",
        "text": FrozenText.objects.get(version=version, language="en"),
        **overrides,
    }
    return record_acknowledgement(user=person, version=version, **signature)[0]
