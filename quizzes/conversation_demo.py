"""Conversation scenarios from plain data: the StreamField value of their steps, and the demo pages."""

from typing import Any

__all__ = ["DEMO_PATHS", "play_path", "seed_conversation_attempts", "seed_conversations", "stream_data"]


def stream_data(conversation: dict[str, Any], *, policy_anchors: set[str]) -> list[tuple[str, dict]]:
    """The StreamField value of a conversation's steps and endings; unknown policy anchors are left out."""
    blocks: list[tuple[str, dict]] = []
    for step in conversation["steps"]:
        blocks.append(
            (
                "step",
                {
                    "key": step["key"],
                    "customer_says": step["customer"],
                    "tone": step["tone"],
                    "options": [
                        {
                            "text": text,
                            "leads_to": leads_to,
                            "score": score,
                            "feedback": feedback,
                            "policy_section": section if section in policy_anchors else "",
                        }
                        for text, leads_to, score, feedback, section in step["options"]
                    ],
                },
            )
        )
    for ending in conversation["endings"]:
        blocks.append(
            (
                "ending",
                {
                    "key": ending["key"],
                    "outcome": ending["outcome"],
                    "customer_says": ending["customer"],
                    "explanation": ending["explanation"],
                },
            )
        )
    return blocks


# (person, conversation slug, the key each reply leads to, days ago): paths to every kind of ending.
DEMO_PATHS = [
    ("ana@example.com", "late-refund-call", ["checking", "closing", "resolved"], 12),
    ("james@example.com", "late-refund-call", ["angrier", "lost"], 9),
    ("james@example.com", "overheating-heater-chat", ["threat", "handover", "escalated"], 8),
    ("tom@example.com", "late-refund-call", ["angrier", "escalated"], 3),
    ("sofia@example.com", "closing-an-email-thread", ["reopened", "confirm", "resolved"], 6),
    ("nikos@example.com", "overheating-heater-chat", ["safe", "handover", "escalated"], 5),
    ("beatriz@example.com", "overheating-heater-chat", ["safe", "broken-promise"], 4),
    ("eleni@example.com", "closing-an-email-thread", ["waiting", "lost"], 1),
]


def seed_conversations(index, *, policy) -> list:
    """The three demo conversations beside the quizzes; those already there are kept."""
    from .conversation_demo_content import CONVERSATIONS
    from .models import ConversationPage

    anchors = {anchor for anchor, _heading in policy.section_anchors()} if policy else set()
    pages = []
    for spec in CONVERSATIONS:
        page = ConversationPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if page is None:
            page = ConversationPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                topic=spec["topic"],
                channel=spec["channel"],
                opening_message=spec["opening"],
                policy=policy,
                pass_mark=spec["pass_mark"],
                attempts_allowed=spec["attempts_allowed"],
                steps=stream_data(spec, policy_anchors=anchors),
                live=False,
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            page.refresh_from_db()
        pages.append(page)
    return pages


def play_path(attempt, targets: list[str], *, now) -> None:
    """Choose, at each step, the reply that leads to the next key of `targets`."""
    from .conversation_taking import choose_reply, position_of

    snapshot = attempt.snapshot
    keys = {node_id: data["key"] for part in ("steps", "endings") for node_id, data in snapshot[part].items()}
    for target in targets:
        step = position_of(snapshot, attempt.turns.order_by("number")).step
        option = next(option for option in step["options"] if keys.get(option["target"]) == target)
        choose_reply(attempt=attempt, step_id=step["id"], option_id=option["id"], now=now)


def seed_conversation_attempts(pages: list) -> None:
    """Past plays along different paths, each in the person's language where the conversation is translated."""
    import datetime

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.utils import timezone, translation
    from wagtail.models import Locale

    from .conversation_taking import start_conversation
    from .models import ConversationAttempt

    by_slug = {page.slug: page for page in pages}
    people = {user.email: user for user in get_user_model().objects.filter(email__in={row[0] for row in DEMO_PATHS})}
    now = timezone.now()
    for email, slug, targets, days_ago in DEMO_PATHS:
        user, page = people.get(email), by_slug[slug]
        if user is None or ConversationAttempt.objects.filter(user=user, conversation=page).exists():
            continue
        locale = Locale.objects.filter(language_code=user.preferred_language or settings.LANGUAGE_CODE).first()
        read = (page.get_translation_or_none(locale) if locale else None) or page
        when = now - datetime.timedelta(days=days_ago)
        with translation.override(read.locale.language_code):
            attempt = start_conversation(
                conversation=read,
                user=user,
                language=read.locale.language_code,
                now=when - datetime.timedelta(minutes=4),
            )
        play_path(attempt, targets, now=when)
