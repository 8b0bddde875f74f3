"""Every foundation page answers 200 for the right person and a redirect or 403 for the wrong one."""

import pytest

LOGIN = "/en/accounts/login/"
ROLES = ["employee", "manager", "editor", "compliance", "superuser"]


def client_for(client, request, who: str):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


@pytest.mark.django_db
def test_root_redirects_to_the_default_language(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es", "pt", "el"])
def test_home_page_invites_visitors_to_sign_in(client, home_page, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'href="/{language}/accounts/login/"' in html
    assert "Signed in as" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("who", ROLES)
def test_home_page_greets_every_signed_in_person(client, request, home_page, who):
    person = request.getfixturevalue(who)
    client.force_login(person)

    response = client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Signed in as" in html
    assert 'action="/en/accounts/logout/"' in html
    assert f'href="{LOGIN}"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "shows_admin_link"), [("employee", False), ("manager", True), ("editor", True)])
def test_header_links_to_the_admin_only_for_those_who_may_open_it(client, request, who, shows_admin_link):
    client_for(client, request, who)

    html = client.get("/en/").content.decode()

    assert ('href="/admin/"' in html) is shows_admin_link


@pytest.mark.django_db
def test_unknown_page_is_not_found(client, employee):
    client.force_login(employee)

    assert client.get("/en/no-such-page/").status_code == 404


@pytest.mark.django_db
def test_admin_sends_visitors_to_sign_in(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/admin/"


@pytest.mark.django_db
def test_admin_turns_an_employee_away_to_the_login_page_with_a_reason(client, employee):
    client.force_login(employee)

    response = client.get("/admin/")

    # Wagtail redirects a signed-in person without access_admin to its login URL (allauth's) with a message.
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/admin/"
    page = client.get(response["Location"])
    assert page.status_code == 200, "the login page shows itself to a signed-in person instead of looping"
    assert "You do not have permission to access the admin." in page.content.decode()


@pytest.mark.django_db
def test_admin_refuses_employee_ajax_with_403(client, employee):
    client.force_login(employee)

    response = client.get("/admin/", headers={"x-requested-with": "XMLHttpRequest"})

    assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["manager", "editor", "compliance", "superuser"])
def test_admin_opens_for_admin_roles(client, request, who):
    client_for(client, request, who)

    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_page_explorer_opens_for_editors(client, request, home_page, who):
    client_for(client, request, who)

    assert client.get(f"/admin/pages/{home_page.pk}/").status_code == 200
    assert client.get(f"/admin/pages/{home_page.pk}/edit/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["manager", "compliance"])
def test_page_editing_is_refused_to_managers_and_compliance(client, request, home_page, who):
    client_for(client, request, who)

    response = client.get(f"/admin/pages/{home_page.pk}/edit/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


SNIPPET_LISTINGS = ["/admin/people/", "/admin/teams/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", SNIPPET_LISTINGS)
def test_people_and_teams_open_for_the_superuser(client, superuser, url):
    client.force_login(superuser)

    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", SNIPPET_LISTINGS)
@pytest.mark.parametrize("who", ["manager", "editor", "compliance"])
def test_people_and_teams_are_refused_to_other_admin_roles(client, request, url, who):
    client_for(client, request, who)

    response = client.get(url)

    # Wagtail sends a person who may use the admin but not this area back to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", SNIPPET_LISTINGS)
@pytest.mark.parametrize("who", ["anonymous", "employee"])
def test_people_and_teams_send_others_to_sign_in(client, request, url, who):
    client_for(client, request, who)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={url}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/users/", "/admin/groups/"])
@pytest.mark.parametrize("who", ["manager", "editor", "compliance"])
def test_user_and_group_admin_is_the_superusers_alone(client, request, superuser, url, who):
    client_for(client, request, who)
    assert client.get(url).status_code == 302

    client.force_login(superuser)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", *ROLES])
def test_health_check_answers_everyone(client, request, who):
    client_for(client, request, who)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_check_accepts_only_get(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_liveness_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]
