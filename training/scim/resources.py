"""The SCIM resources this service keeps, as scim2-models classes: only the attributes it stores.

The published schemas are made from these classes, so an identity provider (and scim2-tester) is
told exactly which attributes round-trip: a person's e-mail, name, job title, active flag
and team (the enterprise extension's department); a group's name and members.
"""

from typing import Annotated

from pydantic import EmailStr, Field
from scim2_models import (
    URN,
    AuthenticationScheme,
    Bulk,
    CaseExact,
    ChangePassword,
    ComplexAttribute,
    ETag,
    Extension,
    Filter,
    Mutability,
    Patch,
    Reference,
    Required,
    Resource,
    ResourceType,
    ServiceProviderConfig,
    Sort,
    Uniqueness,
)

__all__ = [
    "MAX_RESULTS",
    "Department",
    "Group",
    "GroupMember",
    "User",
    "resource_types",
    "schemas",
    "service_provider_config",
]

MAX_RESULTS = 200


class Name(ComplexAttribute):
    formatted: str | None = None
    family_name: str | None = None
    given_name: str | None = None


class Email(ComplexAttribute):
    value: Annotated[EmailStr | None, Required.true] = None


class GroupMembership(ComplexAttribute):
    value: Annotated[str | None, Mutability.read_only, CaseExact.true] = None
    ref: Annotated[Reference["Group"] | None, Mutability.read_only] = Field(
        None, serialization_alias="$ref", validation_alias="$ref"
    )
    display: Annotated[str | None, Mutability.read_only] = None


class Department(Extension):
    """The enterprise extension, reduced to what names a person's team."""

    __schema__ = URN("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")

    department: str | None = None


class User(Resource[Department]):
    """A person. userName is the identity provider's sign-in name; the e-mail address is how they sign in here."""

    __schema__ = URN("urn:ietf:params:scim:schemas:core:2.0:User")

    user_name: Annotated[str | None, Uniqueness.server, Required.true] = None
    name: Name | None = None
    title: str | None = None
    active: bool | None = None
    # People sign in with their e-mail address: one is required.
    emails: Annotated[list[Email] | None, Required.true] = None
    groups: Annotated[list[GroupMembership] | None, Mutability.read_only] = None


class GroupMember(ComplexAttribute):
    value: Annotated[str | None, Mutability.immutable, CaseExact.true] = None
    ref: Annotated[Reference["User"] | None, Mutability.immutable] = Field(
        None, serialization_alias="$ref", validation_alias="$ref"
    )
    type: Annotated[str | None, Mutability.immutable] = Field(None, examples=["User"])


class Group(Resource):
    """A group of the identity provider; named like a team or a role, it maps its members onto it."""

    __schema__ = URN("urn:ietf:params:scim:schemas:core:2.0:Group")

    display_name: Annotated[str | None, Required.true] = None
    members: list[GroupMember] | None = None


def service_provider_config() -> ServiceProviderConfig:
    """What this service supports: PATCH and filters; no bulk, sorting, e-tags or password changes."""
    return ServiceProviderConfig(
        patch=Patch(supported=True),
        bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
        filter=Filter(supported=True, max_results=MAX_RESULTS),
        change_password=ChangePassword(supported=False),
        sort=Sort(supported=False),
        etag=ETag(supported=False),
        authentication_schemes=[
            AuthenticationScheme(
                type=AuthenticationScheme.Type.oauthbearertoken,
                name="Bearer token",
                description="A token made for each provisioning client in the admin.",
                primary=True,
            )
        ],
    )


def resource_types() -> list[ResourceType]:
    return [ResourceType.from_resource(User), ResourceType.from_resource(Group)]


def schemas() -> list:
    return [User.to_schema(), Department.to_schema(), Group.to_schema()]
