"""Keep allauth's e-mail records in step with people created outside sign-up."""

from allauth.account.models import EmailAddress
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import User


@receiver(post_save, sender=User)
def record_trusted_email(sender, instance: User, raw=False, **kwargs):
    """People made by an admin, an import or the demo have an address the company vouches for.

    Sign-up goes through allauth, which records the address unverified and
    sends the confirmation mail; the adapter marks those users to skip this.
    """
    if raw or getattr(instance, "_via_signup", False) or not instance.email:
        return
    existing = EmailAddress.objects.filter(user=instance, email__iexact=instance.email).first()
    if existing:
        return
    EmailAddress.objects.filter(user=instance, primary=True).update(primary=False)
    EmailAddress.objects.create(user=instance, email=instance.email, verified=True, primary=True)
