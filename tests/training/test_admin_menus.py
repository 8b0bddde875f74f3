"""Admin menu labels follow each reader's language, not the first visitor's."""

from tests.training.factories import AuthenticatorFactory, UserFactory


def admin_in(language):
    return AuthenticatorFactory(user=UserFactory(is_superuser=True, is_staff=True, preferred_language=language)).user


def test_menu_labels_built_by_wagtail_follow_each_readers_language(client, db):
    client.force_login(admin_in("es"))
    spanish = client.get("/admin/").content.decode()
    client.force_login(admin_in("en"))
    english = client.get("/admin/").content.decode()

    assert "Traducciones" in spanish
    assert "Novedades de Wagtail" in spanish
    assert "Traducciones" not in english
    assert "Novedades de Wagtail" not in english
    assert "What&#x27;s new in Wagtail" in english or "What's new in Wagtail" in english
