"""Steps shared by the translation tests: translators, a policy under approval, a new version."""

from wagtail.models import WorkflowState

from policy_content.models import PolicyPage
from policy_content.workflow import ensure_policy_workflow
from tests.policy_content.factories import PolicyPageFactory
from tests.policy_content.policy_helpers import publish_change
from tests.training.factories import AuthenticatorFactory, UserFactory
from tests.translation_helpers import translate

CHANGE_SUMMARY = "Complaints are answered within two days."


def make_translator(*languages, preferred_language=None):
    user = UserFactory(
        roles=["Translators"],
        translation_languages=list(languages),
        preferred_language=preferred_language or languages[0],
    )
    return AuthenticatorFactory(user=user).user


def translated_policy_under_approval():
    """A required policy under the approval workflow, translated into Spanish at version 1."""
    policy = PolicyPageFactory(required=True)
    ensure_policy_workflow(policy.get_parent())
    spanish = translate(policy, "es")
    return policy, spanish


def publish_new_version(policy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return publish_change(policy, new_version=True, summary=CHANGE_SUMMARY)


def spanish_page(policy) -> PolicyPage:
    return PolicyPage.objects.get(translation_key=policy.translation_key, locale__language_code="es")


def workflow_state(page):
    return WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk)).first()
