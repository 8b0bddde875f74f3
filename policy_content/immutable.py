"""Evidence records: created once, then never changed nor deleted by the application."""

from django.db import models

__all__ = ["ImmutableModel", "ImmutableQuerySet", "ImmutableRecordError"]


class ImmutableRecordError(Exception):
    """Raised when code tries to change or delete evidence."""


class ImmutableQuerySet(models.QuerySet):
    """Bulk changes would bypass save(): refuse them too."""

    def update(self, **kwargs):
        raise ImmutableRecordError(f"{self.model._meta.verbose_name_plural} cannot be changed.")

    def delete(self):
        raise ImmutableRecordError(f"{self.model._meta.verbose_name_plural} cannot be deleted.")


class ImmutableModel(models.Model):
    """Created once, then never saved again nor deleted by the application."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError(f"A {self._meta.verbose_name} cannot be changed once recorded.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(f"A {self._meta.verbose_name} cannot be deleted.")
