"""My training: progress bar, items by urgency, the next step, latest results, the completion record."""

import re

from wagtail.models import Locale

from tests.quizzes.factories import QuizAttemptFactory
from training.choices import Status


def test_visitors_see_the_sign_in_invitation(client, world, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    assert "Sign in to start your training" in response.content.decode()
    assert "dashboard" not in response.context


def test_visitors_are_told_what_the_site_is_in_their_language(client, world, home_page):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    home_page.copy_for_translation(spanish).save_revision().publish()

    html = client.get("/es/").content.decode()

    assert "Practicar situaciones reales" in html
    assert "Practise real situations" not in html
    assert "La política de atención al cliente de la empresa" in html


def test_progress_bar_is_accessible_and_matches_the_standing(client, world, home_page):
    client.force_login(world.sofia)
    html = client.get(home_page.url).content.decode()
    bar = re.search(r'<div class="progress" role="progressbar"[^>]*>', html).group(0)
    assert 'aria-valuenow="50"' in bar
    assert 'aria-valuemin="0"' in bar and 'aria-valuemax="100"' in bar
    assert 'aria-labelledby="progress-label"' in bar
    assert "1 of 2 items done" in html


def test_items_are_listed_by_urgency_with_status_and_due_date(client, world, home_page):
    client.force_login(world.james)
    response = client.get(home_page.url)
    items = response.context["dashboard"].items
    assert [(item.title, item.status) for item in items] == [
        ("Angry customers", Status.OVERDUE),
        ("Customer service policy", Status.REACKNOWLEDGE),
    ]
    html = response.content.decode()
    assert html.index("Angry customers") < html.index("Customer service policy")
    assert "Re-acknowledgement needed" in html
    assert "You acknowledged version 1; version 2 is now current." in html


def test_the_next_step_is_one_button_to_the_most_urgent_item(client, world, home_page):
    client.force_login(world.james)
    html = client.get(home_page.url).content.decode()
    buttons = re.findall(r'<a class="button button--primary" href="([^"]+)">\s*([^<]+?)\s*</a>', html)
    assert buttons == [(world.quiz.url, "Take the quiz: Angry customers")]


def test_latest_results_show_scores_and_acknowledgements(client, world, home_page):
    client.force_login(world.ana)
    response = client.get(home_page.url)
    results = response.context["dashboard"].latest_results
    assert [(result.kind, result.title) for result in results] == [
        ("policy", "Customer service policy"),
        ("quiz", "Angry customers"),
        ("policy", "Customer service policy"),
    ]
    assert "Angry customers: 90%" in response.content.decode()


def test_titles_and_links_follow_the_readers_language(client, world, home_page):
    spanish = Locale.objects.get(language_code="es")
    home_es = home_page.copy_for_translation(spanish)
    home_es.save_revision().publish()
    quiz_es = world.quiz.copy_for_translation(spanish, copy_parents=True)
    quiz_es.title = "Clientes enfadados"
    quiz_es.save_revision().publish()
    client.force_login(world.tom)
    response = client.get(home_es.url)
    titles = {item.title: item.url for item in response.context["dashboard"].items}
    assert titles["Clientes enfadados"] == quiz_es.url
    # Untranslated items fall back to the source page.
    assert titles["Customer service policy"] == world.policy.url


def test_completion_record_is_offered_only_when_everything_is_done(client, world, home_page):
    record_url = home_page.url + "completion-record/"
    client.force_login(world.james)
    response = client.get(record_url)
    assert response.status_code == 302
    assert response["Location"] == home_page.url

    QuizAttemptFactory(user=world.sofia, quiz=world.quiz, percent=100, age=0)
    client.force_login(world.sofia)
    dashboard = client.get(home_page.url)
    assert dashboard.context["dashboard"].all_done
    assert record_url in dashboard.content.decode()

    record = client.get(record_url)
    assert record.status_code == 200
    html = record.content.decode()
    assert "Sofía Martín" in html
    assert "Version 2" in html
    assert "Best score 100%" in html
    assert "data-print" in html


def test_completion_record_needs_sign_in(client, world, home_page):
    response = client.get(home_page.url + "completion-record/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_someone_who_owes_nothing_is_told_so(client, world, home_page, editor):
    client.force_login(editor)
    html = client.get(home_page.url).content.decode()
    assert "Nothing is required of you at the moment." in html
    assert 'role="progressbar"' not in html


def test_dashboard_query_count_does_not_grow_with_records(client, world, home_page, django_assert_num_queries):
    client.force_login(world.ana)
    client.get(home_page.url)
    # Routing (site, locale, home), view restrictions, session and user, the standing (requirements and
    # records), latest results, due refreshers, menu sections, permissions, the language switcher, and the team name
    # and job title in the reader's language.
    with django_assert_num_queries(27):
        client.get(home_page.url)
