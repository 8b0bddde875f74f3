"""factory_boy factories for the project's records, one per model."""

import datetime

import factory
from allauth.mfa.totp.internal.auth import generate_totp_secret
from allauth.mfa.utils import encrypt
from django.contrib.auth.models import Group

from training.models import Team, User


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    name = factory.Faker("name")
    job_title = "Support agent"
    start_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=365))
    preferred_language = "en"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or "correct-horse-battery")
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))


class AuthenticatorFactory(factory.django.DjangoModelFactory):
    """An authenticator app set up for a person, as allauth's activation stores it."""

    class Meta:
        model = "mfa.Authenticator"

    user = factory.SubFactory(UserFactory)
    type = "totp"
    data = factory.LazyFunction(lambda: {"secret": encrypt(generate_totp_secret())})


class RequirementFactory(factory.django.DjangoModelFactory):
    """Everyone in a team owes the page, counted from two months ago."""

    class Meta:
        model = "training.Requirement"

    active_from = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=60))


# policy_content ---------------------------------------------------------------------------------


def _default_home():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


class PolicyIndexPageFactory(factory.django.DjangoModelFactory):
    """The policy library under the home page (one per parent: reused when it exists)."""

    class Meta:
        model = "policy_content.PolicyIndexPage"

    title = "Policies"
    slug = "policies"

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or _default_home()
        existing = model_class.objects.child_of(parent).first()
        if existing is not None:
            return existing
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        return page


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


class PolicyPageFactory(factory.django.DjangoModelFactory):
    """A policy page; `publish=True` publishes it, which creates version 1."""

    class Meta:
        model = "policy_content.PolicyPage"

    title = factory.Sequence(lambda n: f"Policy {n}")
    slug = factory.Sequence(lambda n: f"policy-{n}")
    summary = "What this policy is for."
    policy_owner = "Head of Customer Service"
    body = factory.LazyFunction(policy_body_data)

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, user=None, required=False, **kwargs):
        """`required=True` makes acknowledging it a training requirement of everyone in a team."""
        parent = parent or PolicyIndexPageFactory()
        page = model_class(live=False, **kwargs)
        parent.add_child(instance=page)
        if publish:
            page.save_revision(user=user).publish()
        if required:
            RequirementFactory(page=page)
        return model_class.objects.get(pk=page.pk)


class AcknowledgementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "policy_content.Acknowledgement"

    user = factory.SubFactory(UserFactory)
    version = factory.LazyFunction(lambda: PolicyPageFactory().current_version)
    language = "en"
    statement = "I confirm that I have read this policy."
    typed_name = factory.LazyAttribute(lambda ack: ack.user.get_full_name())
    ip_address = "127.0.0.1"
    user_agent = "pytest"
