"""Keep allauth's e-mail records in step with people created or changed outside sign-up."""

from allauth.account.models import EmailAddress
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile

from .models import User


@receiver(post_save, sender=User)
def record_trusted_email(sender, instance: User, raw=False, update_fields=None, **kwargs):
    """People made by an admin, an import or the demo have an address the company vouches for.

    Sign-up goes through allauth, which records the address unverified and
    sends the confirmation mail; the adapter marks those users to skip this.
    When an admin changes someone's address, the old one stops signing them in
    and is free to be given to someone else.
    """
    if raw or getattr(instance, "_via_signup", False) or not instance.email:
        return
    if update_fields is not None and "email" not in update_fields:
        return
    addresses = EmailAddress.objects.filter(user=instance)
    current = addresses.filter(email__iexact=instance.email).first()
    if current is not None:
        if not current.primary:
            addresses.filter(primary=True).update(primary=False)
            current.primary = True
            current.save(update_fields=["primary"])
        return
    addresses.filter(primary=True).delete()
    EmailAddress.objects.create(user=instance, email=instance.email, verified=True, primary=True)


@receiver(post_save, sender=User)
def admin_speaks_the_preferred_language(sender, instance: User, raw=False, **kwargs):
    """The Wagtail admin reads its language from its own profile; keep it equal to the person's choice."""
    if raw:
        return
    profile = UserProfile.get_for_user(instance)
    if profile.preferred_language != instance.preferred_language:
        profile.preferred_language = instance.preferred_language
        profile.save(update_fields=["preferred_language"])
