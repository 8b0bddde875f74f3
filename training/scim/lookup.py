"""The database query that narrows a SCIM filter's candidates, for the lookups identity providers make.

Identity providers look each person up before writing them (`userName eq "..."`, `externalId eq "..."`):
such a filter is answered from the rows it can match instead of every person. The filter itself is still
applied to what is found, so narrowing never changes the answer.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet
from scim2_models.path.expressions import CompareOperator, Comparison, FilterNode

__all__ = ["narrowed"]

_LOOKUPS: dict[str, dict[str, Callable[[str], Q]]] = {
    "Users": {
        # userName is case-insensitive; people added before SCIM answer to their e-mail address.
        "username": lambda value: (
            Q(scim_account__user_name__iexact=value) | Q(scim_account__isnull=True, email__iexact=value)
        ),
        "externalid": lambda value: Q(scim_account__external_id=value),
        "emails.value": lambda value: Q(email__iexact=value),
        "emails": lambda value: Q(email__iexact=value),
    },
    "Groups": {
        "displayname": lambda value: Q(display_name__iexact=value),
        "externalid": lambda value: Q(external_id=value),
    },
}


def narrowed(queryset: QuerySet, kind: str, node: FilterNode) -> QuerySet:
    """`queryset` cut down to the rows a plain `eq` comparison can match; unchanged for any other filter."""
    if not isinstance(node, Comparison) or node.op != CompareOperator.eq or not isinstance(node.value, str):
        return queryset
    path = node.attr_path
    key = f"{path.attr}.{path.sub_attr}" if path.sub_attr else path.attr
    lookup = _LOOKUPS[kind].get(key.lower())
    return queryset.filter(lookup(node.value)) if lookup else queryset
