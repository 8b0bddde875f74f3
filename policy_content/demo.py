"""The demo policy library: the customer-service policy in two versions, with acknowledgements.

The English text lives in plain data below (one dict a section) so translators can work from it.
"""

import datetime
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Page, Revision

from .acknowledgements import record_acknowledgement, statement_for
from .frozen import freeze_page
from .models import Acknowledgement, FrozenText, PolicyIndexPage, PolicyPage, PolicyVersion
from .signals import versions_recorded_by_caller
from .versions import record_publication
from .workflow import ensure_policy_workflow

__all__ = ["DEMO_ACKNOWLEDGEMENTS", "POLICY_SLUG", "policy_body", "seed_policy"]

INDEX = {"title": "Policies", "slug": "policies", "intro": "The policies every member of staff reads and follows."}
POLICY_SLUG = "customer-service-policy"
POLICY = {
    "title": "Customer service policy",
    "slug": POLICY_SLUG,
    "summary": (
        "How we treat every customer, on every channel: the values we work by, how fast we answer, "
        "how we deal with unhappy customers and complaints, and when to pass a case on. "
        "It applies to everyone who speaks or writes to customers."
    ),
    "policy_owner": "Head of Customer Service",
}
EDITOR_EMAIL = "editor@example.com"
V1_DAYS_AGO = 396  # about 13 months
V2_DAYS_AGO = 20
# The editor published version 2 with the annual review brought forward, so the demo's review report shows it.
REVIEW_IN_DAYS = 30
V2_CHANGE_SUMMARY = (
    "Social media messages now get a first reply within about an hour (was two hours). "
    "Written complaints are acknowledged within two working days (was five). "
    "New guidance on aggressive customers, and a reminder that an automatic reply is not a first response."
)
# (e-mail, version number, days ago)
DEMO_ACKNOWLEDGEMENTS = [
    ("ana@example.com", 2, 15),
    ("sofia@example.com", 2, 12),
    ("manager@example.com", 2, 18),
    ("frontdesk.manager@example.com", 2, 17),
    ("james@example.com", 1, 380),
    ("nikos@example.com", 1, 290),
]


def _section(anchor, heading, body):
    return ("section", {"anchor": anchor, "heading": heading, "body": body})


PURPOSE = _section(
    "purpose",
    "Purpose and scope",
    "This policy sets out the service every customer can expect from us and what we expect of each other "
    "to deliver it. It applies to everyone who deals with customers: the contact centre, the front desk, "
    "team leaders and managers.\n\n"
    "Keep it close at hand. If something here is unclear, ask your manager: a rule nobody understands "
    "protects nobody.",
)
VALUES = _section(
    "values",
    "Our mission and values",
    "We want every customer to leave the conversation feeling heard, helped and respected. "
    "Five values guide how we do that:\n\n"
    "- **Respect**: courtesy for everyone, whatever their mood, background or question.\n"
    "- **Patience**: let people explain in their own way and at their own pace; never rush them.\n"
    "- **Personalisation**: use the customer's name and history; no copy-and-paste answers that miss the point.\n"
    "- **Empathy**: see the problem from the customer's side and say so.\n"
    "- **Responsiveness**: answer quickly and resolve quickly, and keep the customer informed in between.\n\n"
    "Customers come from many cultures and speak many languages. Adapt your tone, avoid jargon and slang, "
    "and never assume.",
)
COMMITMENTS = (
    "commitments",
    {
        "anchor": "commitments",
        "heading": "What we promise",
        "always": [
            "Treat customers politely and professionally",
            "Give our name and take ownership of the request",
            "Be honest when something went wrong, and say what we will do about it",
            "Handle complaints promptly and fairly",
            "Keep customers' personal information private",
        ],
        "never": [
            "Argue with a customer or raise our voice",
            "Make a promise we cannot keep",
            "Pass a customer around without explaining why and to whom",
            "Share a customer's details with anyone who has no need to know",
        ],
    },
)


def _standards(version: int):
    social = "About 60 minutes" if version >= 2 else "Within 2 hours"
    note = (
        "An automatic “we have received your message” reply is **not** a first response. The clock stops only "
        "when a person has read the message and answered it."
        if version >= 2
        else "Where a target cannot be met, tell the customer when they will hear from us."
    )
    return (
        "service_standards",
        {
            "anchor": "service-standards",
            "heading": "Service standards per channel",
            "intro": "These are the longest a customer should wait. Faster is always better.",
            "channels": [
                {
                    "channel": "Live chat",
                    "first_response": "Under 2 minutes",
                    "resolution": "In the same conversation where possible",
                    "hours": "Monday to Saturday, 8:00–20:00",
                },
                {
                    "channel": "Phone",
                    "first_response": "Under 2 minutes",
                    "resolution": "In the same call where possible",
                    "hours": "Monday to Saturday, 8:00–20:00",
                },
                {
                    "channel": "E-mail",
                    "first_response": "Within one working day",
                    "resolution": "Within 3 working days",
                    "hours": "Answered on working days",
                },
                {
                    "channel": "Social media",
                    "first_response": social,
                    "resolution": "Move to a private channel, then as for chat",
                    "hours": "Every day, 9:00–18:00",
                },
                {
                    "channel": "Front desk",
                    "first_response": "Greet within 1 minute of arrival",
                    "resolution": "During the visit where possible",
                    "hours": "Opening hours",
                },
            ],
            "note": note,
        },
    )


PROFESSIONALISM = _section(
    "professionalism",
    "Professional conduct",
    "- Introduce yourself and listen before you answer.\n"
    "- Use plain words and check the customer has understood.\n"
    "- Stay calm and polite, even when the customer is not.\n"
    "- Write as carefully as you speak: check spelling, names and reference numbers before you send.\n"
    "- Record every contact in the customer's history so a colleague can carry on without asking again.",
)


def _difficult_customers(version: int):
    text = (
        "**Unhappy customers.** Let them finish. Acknowledge how they feel (“I understand this has been "
        "frustrating”), apologise for what went wrong, and agree the next step and when it will happen. "
        "If there is a fault in our product, say so, offer a workaround, and tag the case so the customer "
        "is told when the fix arrives.\n\n"
    )
    if version >= 2:
        text += (
            "**Aggressive customers.** Stay calm and keep your voice level. Say clearly which behaviour is not "
            "acceptable and give one warning. If insults or threats continue, you may end the conversation "
            "politely and must tell your team leader straight away. At the front desk, never stay alone with a "
            "customer who threatens you: call a colleague or security. Your safety comes first."
        )
    else:
        text += (
            "**Aggressive customers.** Stay calm and ask your team leader to take over if the customer keeps "
            "shouting or insulting you."
        )
    return _section("difficult-customers", "Unhappy and aggressive customers", text)


ESCALATION = (
    "escalation_matrix",
    {
        "anchor": "escalation",
        "heading": "Escalation matrix",
        "intro": "Pass a case on as soon as you know you cannot resolve it, and tell the customer who will contact them.",
        "levels": [
            {
                "level": "1",
                "when": "Any request: you try to resolve it first.",
                "who": "Customer service agent",
                "how": "Directly with the customer",
                "within": "The first contact",
            },
            {
                "level": "2",
                "when": "The agent cannot resolve it, the customer asks for a manager, or the customer is aggressive.",
                "who": "Team leader (supervisor)",
                "how": "Warm hand-over with the case history",
                "within": "The same working day",
            },
            {
                "level": "3",
                "when": "A formal complaint, a refund above the team leader's limit, or a risk to safety or reputation.",
                "who": "Customer service manager",
                "how": "Complaint form or escalation ticket",
                "within": "1 working day",
            },
        ],
    },
)


def _complaints(version: int):
    days = "two" if version >= 2 else "five"
    return _section(
        "complaints",
        "Handling complaints",
        "A complaint is a chance to put things right and to learn. Whoever receives it follows these steps:\n\n"
        "1. Log the complaint in the complaints register at once, in the customer's own words.\n"
        "2. Pass it to the customer service manager the same day.\n"
        f"3. The manager acknowledges it in writing within {days} working days and explains what happens next.\n"
        "4. If it is not resolved within that time, the manager writes again with an update and a date for "
        "the full answer.\n"
        "5. Complaints are reviewed every month to find what we should change.",
    )


ENDING = _section(
    "ending-an-interaction",
    "Ending an interaction",
    "Before you close a conversation:\n\n"
    "- check that the customer is satisfied and has nothing else to ask;\n"
    "- summarise what was agreed and any next step;\n"
    "- thank them for contacting us;\n"
    "- invite them to come back whenever they need us.",
)
FEEDBACK = _section(
    "feedback",
    "Customer feedback",
    "We ask for feedback after every closed case. Read it: it shows problems early, before they turn into "
    "complaints. Share ideas for better service with your team leader at any time.",
)
DEFINITIONS = (
    "definitions",
    {
        "anchor": "definitions",
        "heading": "Definitions",
        "items": [
            {"term": "First response", "definition": "The first reply written or spoken by a person, not a machine."},
            {"term": "Resolution", "definition": "The customer's request is answered or their problem fixed."},
            {"term": "Complaint", "definition": "Any expression of dissatisfaction that asks for a response."},
            {"term": "Working day", "definition": "Monday to Friday, except public holidays."},
        ],
    },
)
REVIEW = _section(
    "review",
    "Review of this policy",
    "The customer service manager reviews this policy at least once a year, and sooner when the law, our "
    "services or customer feedback call for it. Every new version lists its changes in the changelog below, "
    "and every member of staff acknowledges it.",
)


def policy_body(version: int) -> list[tuple[str, dict]]:
    """The policy's sections as (block type, value) in reading order, for version 1 or 2."""
    return [
        PURPOSE,
        VALUES,
        COMMITMENTS,
        _standards(version),
        PROFESSIONALISM,
        _difficult_customers(version),
        ESCALATION,
        _complaints(version),
        ENDING,
        FEEDBACK,
        DEFINITIONS,
        REVIEW,
    ]


def _library(home_page: Page) -> PolicyIndexPage:
    index = PolicyIndexPage.objects.child_of(home_page).first()
    if index is None:
        index = PolicyIndexPage(**INDEX, show_in_menus=True, live=False)
        home_page.add_child(instance=index)
        index.save_revision().publish()
        index.refresh_from_db()
    ensure_policy_workflow(index)
    return index


def _publish(page: PolicyPage, *, user, published_at: datetime.datetime) -> None:
    revision = page.save_revision(user=user, log_action=True)
    Revision.objects.filter(pk=revision.pk).update(created_at=published_at)
    with versions_recorded_by_caller():
        revision.publish(user=None)
    page = PolicyPage.objects.get(pk=page.pk)
    record_publication(page=page, revision=revision, published_at=published_at)
    freeze_page(page=page, published_at=published_at)


def _acknowledge(policy: PolicyPage, versions: dict[int, PolicyVersion], now: datetime.datetime) -> None:
    users = {
        user.email: user for user in get_user_model().objects.filter(email__in=[e for e, _, _ in DEMO_ACKNOWLEDGEMENTS])
    }
    for email, number, days_ago in DEMO_ACKNOWLEDGEMENTS:
        user, version = users.get(email), versions.get(number)
        if user is None or version is None or Acknowledgement.objects.filter(user=user, version=version).exists():
            continue
        language = getattr(user, "preferred_language", "") or "en"
        texts = FrozenText.objects.filter(version=version).order_by("-edition")
        # The text the person read: in their language when the version was translated, else as written.
        text = texts.filter(language=language).first() or texts.filter(language=policy.locale.language_code).first()
        if text is None:
            with translation.override(language):
                statement = statement_for(page=policy, version=version)
        else:
            language, statement = text.language, text.statement
        record_acknowledgement(
            user=user,
            version=version,
            statement=statement,
            typed_name=user.get_full_name(),
            language=language,
            ip_address=None,
            user_agent="Demo data",
            text=text,
            acknowledged_at=now - datetime.timedelta(days=days_ago),
        )


@transaction.atomic
def seed_policy(home_page: Page, *, after_publish: Callable[[PolicyPage], object] | None = None) -> PolicyPage:
    """Create the policy library and the customer-service policy (versions 1 and 2). Safe to run again.

    `after_publish` runs after each version is published, as a translator would work while it is in force.
    """
    after_publish = after_publish or (lambda page: None)
    now = timezone.now()
    index = _library(home_page)
    editor = get_user_model().objects.filter(email=EDITOR_EMAIL).first()
    policy = PolicyPage.objects.child_of(index).filter(slug=POLICY_SLUG).first()
    if policy is None:
        policy = PolicyPage(**POLICY, body=policy_body(1), live=False)
        index.add_child(instance=policy)
        _publish(policy, user=editor, published_at=now - datetime.timedelta(days=V1_DAYS_AGO))
        after_publish(PolicyPage.objects.get(pk=policy.pk))
    if not policy.versions.filter(number__gte=2).exists():
        policy = PolicyPage.objects.get(pk=policy.pk)
        policy.body = policy_body(2)
        policy.mark_as_new_version = True
        policy.change_summary = V2_CHANGE_SUMMARY
        policy.review_due = timezone.localdate(now) + datetime.timedelta(days=REVIEW_IN_DAYS)
        _publish(policy, user=editor, published_at=now - datetime.timedelta(days=V2_DAYS_AGO))
        first = policy.versions.order_by("number").first()
        PolicyPage.objects.filter(pk=policy.pk).update(
            first_published_at=first.published_at if first else None,
            last_published_at=now - datetime.timedelta(days=V2_DAYS_AGO),
        )
        after_publish(PolicyPage.objects.get(pk=policy.pk))
    policy = PolicyPage.objects.get(pk=policy.pk)
    _acknowledge(policy, {version.number: version for version in policy.versions.all()}, now)
    return policy
