"""Readers search the demo policy and quizzes in their own language and land on the matching section."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale

from policy_content.models import PolicyPage
from quizzes.models import QuizPage
from training.models import User

pytestmark = pytest.mark.django_db

only_on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL stems words; other databases match them whole"
)


@pytest.fixture(scope="module")
def seeded_demo(module_db):
    """The demo in four languages, indexed as its pages were published."""
    with module_db.unblock():
        call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def sofia(seeded_demo, client):
    client.force_login(User.objects.get(email="sofia@example.com"))
    return client


@pytest.fixture
def eleni(seeded_demo, client):
    client.force_login(User.objects.get(email="eleni@example.com"))
    return client


def results(response) -> list[tuple[str, str]]:
    """(link, heading text) of each result on a search page."""
    found = re.findall(
        r'<h2 class="search-result__heading"><a href="([^"]+)">(.*?)</a></h2>', response.content.decode()
    )
    return [(href, re.sub(r"</?mark>", "", heading)) for href, heading in found]


def test_a_spanish_reader_finds_the_automatic_reply_rule_in_its_section(sofia):
    response = sofia.get("/es/search/", {"q": "respuesta automática"})

    assert response.status_code == 200
    assert results(response) == [
        ("/es/policies/customer-service-policy/#service-standards", "Estándares de servicio por canal")
    ]
    assert "Una <mark>respuesta</mark> <mark>automática</mark> del tipo «hemos recibido su mensaje»" in (
        response.content.decode()
    )


def test_a_greek_reader_finds_the_automatic_reply_rule_in_its_section(eleni):
    response = eleni.get("/el/search/", {"q": "αυτόματη απάντηση"})

    assert results(response) == [
        ("/el/policies/customer-service-policy/#service-standards", "Πρότυπα εξυπηρέτησης ανά κανάλι")
    ]
    assert "Μια <mark>αυτόματη</mark> <mark>απάντηση</mark> του τύπου" in response.content.decode()


@only_on_postgresql
@pytest.mark.parametrize(
    ("reader", "language", "query"),
    [("sofia", "es", "respuestas automáticas"), ("eleni", "el", "αυτόματες απαντήσεις")],
)
def test_on_postgresql_other_forms_of_the_words_find_the_rule_too(request, reader, language, query):
    response = request.getfixturevalue(reader).get(f"/{language}/search/", {"q": query})

    assert [href for href, _heading in results(response)] == [
        f"/{language}/policies/customer-service-policy/#service-standards"
    ]


def test_a_reader_finds_nothing_in_another_languages_words_when_their_own_translation_exists(sofia):
    response = sofia.get("/es/search/", {"q": "automatic reply"})

    assert results(response) == []
    assert "Ningún texto contiene todas las palabras" in response.content.decode()


def test_without_a_translation_the_reader_finds_the_source_language_section(sofia):
    spanish = Locale.objects.get(language_code="es")
    PolicyPage.objects.get(locale=spanish).unpublish()

    response = sofia.get("/es/search/", {"q": "automatic reply"})

    assert results(response) == [
        ("/en/policies/customer-service-policy/#service-standards", "Service standards per channel")
    ]
    assert '<li class="search-result" lang="en">' in response.content.decode()


def test_quizzes_are_found_by_their_title_and_introduction(sofia):
    quiz = QuizPage.objects.get(locale__language_code="es", title__icontains="escal")
    word = re.findall(r"\w{6,}", quiz.intro)[0]

    response = sofia.get("/es/search/", {"q": word})

    assert (quiz.get_url(), quiz.title) in [(href, re.sub(r"\s+", " ", title)) for href, title in results(response)]


def test_a_signed_out_visitor_finds_nothing_behind_the_sign_in(seeded_demo, client):
    response = client.get("/es/search/", {"q": "respuesta automática"})

    assert response.status_code == 200
    assert results(response) == []


def test_markup_typed_in_the_search_is_shown_as_text(sofia):
    response = sofia.get("/es/search/", {"q": "<script>alert(1)</script> respuesta"})

    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; respuesta" in response.content.decode()


def test_an_empty_search_says_what_to_type(sofia):
    response = sofia.get("/es/search/", {"q": "   "})

    assert response.status_code == 200
    assert "Escriba una o varias palabras" in response.content.decode()


@pytest.mark.parametrize("query", ["x" * 101, " ".join(["palabra"] * 11)])
def test_a_search_too_long_is_refused_with_a_reason(sofia, query):
    response = sofia.get("/es/search/", {"q": query})

    assert response.status_code == 400
    assert "La búsqueda es demasiado larga" in response.content.decode()


def test_every_front_end_page_has_a_labelled_search_box_that_works_without_scripts(sofia):
    for url in ("/es/", "/es/policies/customer-service-policy/", "/es/accounts/password/change/"):
        html = sofia.get(url, follow=True).content.decode()
        assert '<form class="site-search" role="search" method="get" action="/es/search/">' in html, url
        assert '<label for="site-search-query"' in html and 'id="site-search-query" type="search" name="q"' in html


def test_a_search_costs_the_same_queries_however_many_sections_match(sofia, django_assert_num_queries):
    sofia.get("/es/search/", {"q": "cliente"})  # the session, the site and the search configurations, once
    with django_assert_num_queries(QUERIES_PER_SEARCH) as many:
        sofia.get("/es/search/", {"q": "cliente"})
    with django_assert_num_queries(QUERIES_PER_SEARCH):
        sofia.get("/es/search/", {"q": "respuesta automática"})
    assert len(results(sofia.get("/es/search/", {"q": "cliente"}))) > 3, many


# The person and their session; the view restrictions and their groups; for policies and for quizzes, the pages
# the reader may open and the search among them; the site; the header's sections and language switcher (5).
QUERIES_PER_SEARCH = 14
