"""The SCIM 2.0 endpoints: bearer token checked first, bodies read and written with scim2-models."""

from __future__ import annotations

import json
from functools import wraps

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from pydantic import ValidationError
from scim2_models import (
    Context,
    Error,
    InvalidFilterException,
    InvalidSyntaxException,
    InvalidValueException,
    ListResponse,
    NotFoundException,
    NotImplementedException,
    PatchOp,
    ResponseParameters,
    SCIMException,
    ScimFilter,
    ScimPolicy,
    SearchRequest,
    UnauthorizedException,
)

from .groups import delete_group, group_resource, groups, write_group
from .lookup import narrowed
from .people import person_resource, remove_person, visible_people, write_person
from .resources import MAX_RESULTS, Group, User, resource_types, schemas, service_provider_config
from .tokens import client_for_token

CONTENT_TYPE = "application/scim+json"

# Attributes this service does not keep (phone numbers, addresses...) are ignored rather than refused, and
# PATCH requests are read as Microsoft Entra writes them: identity providers send them all the time.
POLICY = ScimPolicy(
    unknown=ScimPolicy.Unknown.ignore,
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)
# Resolving against a URLconf without language prefixes keeps LocaleMiddleware from turning a SCIM 404
# into a redirect to /en/scim/...
SCIM_URLCONF = "training.scim.root_urls"


def _json(payload: dict, status: int = 200, **headers) -> HttpResponse:
    response = HttpResponse(json.dumps(payload), status=status, content_type=CONTENT_TYPE)
    for name, value in headers.items():
        response[name] = value
    return response


def _error(exc: SCIMException) -> HttpResponse:
    response = _json(exc.to_error().model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE), status=exc.status)
    if exc.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="scim"'
    return response


def scim_endpoint(*methods: str):
    """Authenticate the client's bearer token, allow `methods`, answer every failure with a SCIM error."""

    def decorate(view):
        @csrf_exempt
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            request.urlconf = SCIM_URLCONF
            with POLICY:
                return _answer(view, methods, request, *args, **kwargs)

        return wrapped

    return decorate


def _answer(view, methods: tuple[str, ...], request, *args, **kwargs) -> HttpResponse:
    client = client_for_token(request.headers.get("Authorization", ""))
    try:
        if client is None:
            raise UnauthorizedException(detail="A valid bearer token is required.")
        if request.method not in methods:
            return _json(Error(status=405, detail="Method not allowed.").model_dump(), status=405)
        request.scim_client = client
        return view(request, *args, **kwargs)
    except SCIMException as exc:
        return _error(exc)
    except ValidationError as exc:
        return _error(InvalidValueException(detail=str(exc.errors()[0].get("msg", "invalid value"))))
    except ValueError as exc:  # a value the models cannot take, e.g. in a PATCH operation
        return _error(InvalidValueException(detail=str(exc)))


def _body(request) -> dict:
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidSyntaxException(detail="The body is not JSON.") from exc
    if not isinstance(body, dict):
        raise InvalidSyntaxException(detail="The body must be a JSON object.")
    return body


def _locator(request):
    root = request.build_absolute_uri(reverse("scim:root"))
    return lambda kind, pk: f"{root}{kind}/{pk}"


def _parameters(request, source: dict | None = None) -> ResponseParameters:
    source = source if source is not None else request.GET
    values = {key: source.get(key) for key in ("attributes", "excludedAttributes") if source.get(key)}
    return ResponseParameters.model_validate(values)


def _dump(resource, request, *, context=Context.RESOURCE_QUERY_RESPONSE, parameters=None) -> dict:
    return resource.model_dump(scim_ctx=context, response_parameters=parameters or _parameters(request))


def _page(values: dict) -> tuple[int, int]:
    try:
        start = max(int(values.get("startIndex") or 1), 1)
        count = min(max(int(values.get("count") if values.get("count") is not None else MAX_RESULTS), 0), MAX_RESULTS)
    except (TypeError, ValueError) as exc:
        raise InvalidValueException(detail="startIndex and count must be integers.") from exc
    return start, count


# Resource kinds: the model, how to list and read them, how to write, replace and remove them.
KINDS = {
    "Users": {
        "model": User,
        "queryset": visible_people,
        "read": lambda obj, locate: person_resource(obj, locate=locate),
        "write": lambda resource, obj, client: write_person(resource, person=obj, client=client).person,
        "remove": lambda obj, client: remove_person(obj, client=client),
    },
    "Groups": {
        "model": Group,
        "queryset": groups,
        "read": lambda obj, locate: group_resource(obj, locate=locate),
        "write": lambda resource, obj, client: write_group(resource, group=obj, client=client),
        "remove": lambda obj, client: delete_group(obj, client=client),
    },
}


def _list(request, kind: str, values: dict, parameters: ResponseParameters) -> HttpResponse:
    spec = KINDS[kind]
    locate = _locator(request)
    objects = spec["queryset"]()
    scim_filter = None
    if values.get("filter"):
        try:
            scim_filter = ScimFilter[spec["model"]](values["filter"])
        except (ValueError, SCIMException, ValidationError) as exc:
            raise InvalidFilterException(detail=str(exc)) from exc
        objects = narrowed(objects, kind, scim_filter.ast)
    resources = [spec["read"](obj, locate) for obj in objects]
    if scim_filter is not None:
        resources = [resource for resource in resources if scim_filter.match(resource)]
    start, count = _page(values)
    page = resources[start - 1 : start - 1 + count]
    answer = ListResponse[spec["model"]](
        total_results=len(resources), start_index=start, items_per_page=len(page), resources=page
    )
    return _json(answer.model_dump(scim_ctx=Context.SEARCH_RESPONSE, response_parameters=parameters))


def _get_object(kind: str, pk: str):
    obj = KINDS[kind]["queryset"]().filter(pk=int(pk)).first() if pk.isdigit() else None
    if obj is None:
        raise NotFoundException(detail=f"{kind}/{pk} not found.")
    return obj


def _collection(kind: str):
    @scim_endpoint("GET", "POST")
    def view(request):
        spec = KINDS[kind]
        if request.method == "GET":
            return _list(request, kind, request.GET, _parameters(request))
        resource = spec["model"].model_validate(_body(request), scim_ctx=Context.RESOURCE_CREATION_REQUEST)
        obj = spec["write"](resource, None, request.scim_client)
        obj = _get_object(kind, str(obj.pk))
        answer = spec["read"](obj, _locator(request))
        return _json(
            _dump(answer, request, context=Context.RESOURCE_CREATION_RESPONSE), 201, Location=answer.meta.location
        )

    return view


def _search(kind: str):
    @scim_endpoint("POST")
    def view(request):
        search = SearchRequest.model_validate(_body(request), scim_ctx=Context.SEARCH_REQUEST)
        values = {"filter": search.filter, "startIndex": search.start_index, "count": search.count}
        return _list(request, kind, values, search)

    return view


def _item(kind: str):
    @scim_endpoint("GET", "PUT", "PATCH", "DELETE")
    def view(request, pk):
        spec = KINDS[kind]
        obj = _get_object(kind, pk)
        client = request.scim_client
        if request.method == "DELETE":
            spec["remove"](obj, client)
            return HttpResponse(status=204)
        if request.method == "PUT":
            resource = spec["model"].model_validate(_body(request), scim_ctx=Context.RESOURCE_REPLACEMENT_REQUEST)
            spec["write"](resource, obj, client)
        elif request.method == "PATCH":
            patch = PatchOp[spec["model"]].model_validate(_body(request), scim_ctx=Context.RESOURCE_PATCH_REQUEST)
            resource = spec["read"](obj, _locator(request))
            if patch.patch(resource):
                spec["write"](resource, obj, client)
        answer = spec["read"](_get_object(kind, pk), _locator(request))
        return _json(_dump(answer, request), Location=answer.meta.location)

    return view


@scim_endpoint("GET")
def service_provider_config_view(request):
    return _json(service_provider_config().model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE))


def _discovery(objects, kind: str):
    @scim_endpoint("GET")
    def view(request, pk=None):
        items = objects()
        if pk is not None:
            found = next((item for item in items if item.id == pk), None)
            if found is None:
                raise NotFoundException(detail=f"{kind}/{pk} not found.")
            return _json(found.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE))
        answer = ListResponse[type(items[0])](
            total_results=len(items), start_index=1, items_per_page=len(items), resources=items
        )
        return _json(answer.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE))

    return view


users = _collection("Users")
user = _item("Users")
users_search = _search("Users")
groups_view = _collection("Groups")
group = _item("Groups")
groups_search = _search("Groups")
resource_types_view = _discovery(resource_types, "ResourceTypes")
schemas_view = _discovery(schemas, "Schemas")


@scim_endpoint("POST")
def root_search(request):
    raise NotImplementedException(detail="Search across resource types is not supported; search /Users or /Groups.")


@scim_endpoint("GET", "POST", "PUT", "PATCH", "DELETE")
def not_found(request, rest=""):
    raise NotFoundException(detail="No such SCIM endpoint.")
