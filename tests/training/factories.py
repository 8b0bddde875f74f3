"""Factories for the training app's records: people, teams, their authenticator apps and requirements."""

import datetime

import factory
from allauth.mfa.totp.internal.auth import generate_totp_secret
from allauth.mfa.utils import encrypt
from django.contrib.auth.models import Group
from django.utils import timezone

from training.models import Requirement, Team, User


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A person who started a year ago; `roles=[...]` puts them in those groups."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    name = factory.Faker("name")
    job_title = "Support agent"
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))
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
    """Everyone in a team owes the page, counted from two months ago; `teams=[...]` names the teams."""

    class Meta:
        model = Requirement
        skip_postgeneration_save = True

    active_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        if create and extracted:
            self.teams.set(extracted)
