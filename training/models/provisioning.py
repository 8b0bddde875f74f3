"""Provisioning from an identity provider over SCIM: its clients, its view of people, its groups."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

__all__ = ["DirectoryGroup", "ScimAccount", "ScimClient", "ScimClientQuerySet"]


class ScimClientQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked=False)


class ScimClient(models.Model):
    """An identity provider allowed to provision people; it authenticates with a bearer token shown once."""

    name = models.CharField(
        _("name"), max_length=120, unique=True, help_text=_("Which identity provider this is, e.g. “Entra ID”.")
    )
    # SHA-256 of the token: the token is 256 random bits, so a plain digest cannot be reversed.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked = models.BooleanField(
        _("revoked"),
        default=False,
        help_text=_("A revoked client's token is refused at once. Create a new client to give it a new token."),
    )

    objects = ScimClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("provisioning client")
        verbose_name_plural = _("provisioning clients")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ScimAccount(models.Model):
    """What the identity provider knows a person by, beside the person's own record."""

    person = models.OneToOneField(
        "training.User", verbose_name=_("person"), on_delete=models.CASCADE, related_name="scim_account"
    )
    user_name = models.CharField(_("user name"), max_length=254)
    external_id = models.CharField(_("external id"), max_length=254, blank=True)
    given_name = models.CharField(_("given name"), max_length=150, blank=True)
    family_name = models.CharField(_("family name"), max_length=150, blank=True)
    # Whether the identity provider sent a full name and an active flag (it may leave either unassigned).
    formatted_name = models.CharField(_("full name as sent"), max_length=150, blank=True)
    active_assigned = models.BooleanField(default=True)
    department = models.CharField(_("department"), max_length=120, blank=True)
    # Deleted by the identity provider: the person stays, inactive, with their records; SCIM answers 404.
    removed_at = models.DateTimeField(_("removed by the identity provider"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("provisioned account")
        verbose_name_plural = _("provisioned accounts")
        constraints = [models.UniqueConstraint(Lower("user_name"), name="scim_user_name_ci_unique")]

    def __str__(self):
        return self.user_name


class DirectoryGroup(models.Model):
    """A group of the identity provider; one named like a team or a role gives its members that team or role."""

    display_name = models.CharField(_("name"), max_length=254)
    external_id = models.CharField(_("external id"), max_length=254, blank=True)
    members = models.ManyToManyField(
        "training.User", verbose_name=_("members"), blank=True, related_name="directory_groups"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("directory group")
        verbose_name_plural = _("directory groups")
        ordering = ["display_name", "pk"]

    def __str__(self):
        return self.display_name
