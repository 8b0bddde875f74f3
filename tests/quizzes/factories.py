"""Factories for quizzes: the quiz library and quizzes under the home page, published as editors do, and attempts."""

import factory
import wagtail_factories

from quizzes.demo import bank_data
from quizzes.demo_content import ANGRY_CUSTOMERS
from quizzes.models import ConversationPage, QuizAttempt, QuizIndexPage, QuizPage
from tests.policy_content.factories import days_ago, site_home
from tests.training.factories import UserFactory


class QuizIndexPageFactory(wagtail_factories.PageFactory):
    """The quiz library under the home page, published once (reused when it exists)."""

    class Meta:
        model = QuizIndexPage
        django_get_or_create = ("parent", "slug")

    parent = factory.LazyFunction(site_home)
    title = "Quizzes"
    slug = "quizzes"

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        index = super()._create_instance(model_class, parent, kwargs)
        index.save_revision().publish()
        return index


def _question_bank(quiz) -> list:
    anchors = {anchor for anchor, _heading in quiz.policy.section_anchors()} if quiz.policy else set()
    return bank_data(quiz.questions or ANGRY_CUSTOMERS["questions"], policy_anchors=anchors)


class QuizPageFactory(wagtail_factories.PageFactory):
    """The demo's angry-customers quiz (or `questions=[...]` from the demo data), published unless `publish=False`."""

    class Meta:
        model = QuizPage

    class Params:
        questions = None

    parent = factory.SubFactory(QuizIndexPageFactory)
    title = "Angry customers"
    slug = factory.Sequence(lambda n: f"quiz-{n}")
    intro = ANGRY_CUSTOMERS["intro"]
    pass_mark = 75
    attempts_allowed = 3
    policy = None
    question_bank = factory.LazyAttribute(_question_bank)

    @classmethod
    def _create(cls, model_class, *args, publish=True, **kwargs):
        kwargs.setdefault("live", not publish)
        quiz = super()._create(model_class, *args, **kwargs)
        if publish:
            quiz.save_revision().publish()
        return model_class.objects.get(pk=quiz.pk)


class QuizAttemptFactory(factory.django.DjangoModelFactory):
    """A submitted attempt scoring `percent`, taken `age` days ago; `in_progress=True` leaves it unsubmitted."""

    class Meta:
        model = QuizAttempt

    class Params:
        age = 1
        in_progress = factory.Trait(percent=None, passed=None, submitted_at=None)

    user = factory.SubFactory(UserFactory)
    quiz = factory.SubFactory(QuizPageFactory)
    language = "en"
    snapshot = factory.LazyFunction(lambda: {"questions": []})  # the shape every served attempt has
    answers = factory.LazyFunction(dict)
    percent = 100
    score = factory.LazyAttribute(lambda o: o.percent or 0)
    max_score = 100
    passed = factory.LazyAttribute(lambda o: o.percent >= o.quiz.pass_mark)
    started_at = factory.LazyAttribute(lambda o: days_ago(o.age))
    submitted_at = factory.LazyAttribute(lambda o: o.started_at)


# Conversation scenarios ----------------------------------------------------------------------

SMALL_CONVERSATION = {
    "steps": [
        {
            "key": "opening",
            "customer": "",
            "tone": "angry",
            "options": [
                ("I'm sorry; let me look at your order now.", "listening", 2, "You acknowledged and acted.", "purpose"),
                ("That's not my department.", "lost", 0, "Passing the buck loses the customer.", "complaints"),
            ],
        },
        {
            "key": "listening",
            "customer": "Fine. It's order 1234.",
            "tone": "frustrated",
            "options": [
                ("The refund left today; you'll have it by Friday.", "resolved", 2, "A clear date.", ""),
                ("I'll pass this to my supervisor.", "escalated", 1, "Escalation works but was not needed.", ""),
            ],
        },
    ],
    "endings": [
        {
            "key": "resolved",
            "outcome": "resolved",
            "customer": "Thank you.",
            "explanation": "Resolved at first contact.",
        },
        {"key": "escalated", "outcome": "escalated", "customer": "OK.", "explanation": "A supervisor took over."},
        {"key": "lost", "outcome": "lost", "customer": "Goodbye.", "explanation": "The customer hung up."},
    ],
}


def _conversation_steps(page) -> list:
    from quizzes.conversation_demo import stream_data

    anchors = {anchor for anchor, _heading in page.policy.section_anchors()} if page.policy else set()
    return stream_data(page.script or SMALL_CONVERSATION, policy_anchors=anchors)


class ConversationPageFactory(wagtail_factories.PageFactory):
    """A small conversation (or `script=` in the demo's plain shape), published unless `publish=False`."""

    class Meta:
        model = ConversationPage

    class Params:
        script = None

    parent = factory.SubFactory(QuizIndexPageFactory)
    title = "A late refund"
    slug = factory.Sequence(lambda n: f"conversation-{n}")
    intro = "A customer calls about a refund."
    channel = factory.LazyAttribute(lambda o: o.script["channel"] if o.script else "phone")
    opening_message = factory.LazyAttribute(
        lambda o: o.script["opening"] if o.script else "Where is my refund? I've waited three weeks!"
    )
    pass_mark = 75
    attempts_allowed = 3
    policy = None
    steps = factory.LazyAttribute(_conversation_steps)

    @classmethod
    def _create(cls, model_class, *args, publish=True, **kwargs):
        kwargs.setdefault("live", not publish)
        page = super()._create(model_class, *args, **kwargs)
        if publish:
            page.save_revision().publish()
        return model_class.objects.get(pk=page.pk)
