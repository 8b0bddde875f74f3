import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page

from tests.policy_content.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db


def route(path):
    """Wagtail's routing of a path below the language prefix, as its serve view does it."""
    request = RequestFactory().get(f"/en{path}")
    return request, Page.route_for_request(request, path)


def path_of(page):
    return page.url.removeprefix("/en")


def test_a_policy_is_found_in_two_queries_below_the_home_page(home_page, django_assert_num_queries):
    policy = PolicyPageFactory()
    route(path_of(policy))  # warm Django's content types
    # The site; the active locale; the localised home; the pages on the path; the policy itself.
    with django_assert_num_queries(5):
        _request, result = route(path_of(policy))
    assert result.page == policy
    assert type(result.page).__name__ == "PolicyPage"


def test_a_routable_page_keeps_its_own_routes_below_it(home_page):
    policy = PolicyPageFactory()
    request, result = route(f"{path_of(policy)}acknowledge/")
    view, _args, _kwargs = result.args
    assert result.page == policy
    assert view.__name__ == "acknowledge"
    assert request.routable_resolver_match.url_name == "acknowledge"


def test_the_home_pages_own_routes_come_before_its_children(home_page):
    _request, result = route("/completion-record/")
    view, _args, _kwargs = result.args
    assert result.page.pk == home_page.pk
    assert view.__name__ == "completion_record"


def test_an_unknown_or_unpublished_page_is_not_found(home_page, client):
    policy = PolicyPageFactory()
    assert route(f"{path_of(policy)}no-such-page/")[1] is None
    assert route("/no-such-section/policy/")[1] is None
    policy.unpublish()
    assert route(path_of(policy))[1] is None
    assert client.get(policy.url).status_code == 404


def test_routing_a_missing_child_raises_not_found_like_wagtail(home_page):
    request = RequestFactory().get("/nowhere/")
    with pytest.raises(Http404):
        home_page.route(request, ["nowhere"])
