"""The admin home of people who follow training: their teams at a glance, and the way to each report."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.ui.components import Component

from ..models import TrainingSettings
from .loader import load_requirements, load_standings
from .reports import build_rows, can_view_reports, people_in_scope, sees_all_teams, team_summaries, teams_in_scope

__all__ = ["TeamTrainingPanel", "team_training_panel"]


class TeamTrainingPanel(Component):
    name = "team_training"
    order = 50
    template_name = "training/admin/team_training_panel.html"

    class Media:
        css = {"all": ["css/training_reports.css"]}

    def __init__(self, summaries):
        self.summaries = summaries

    def get_context_data(self, parent_context):
        return {
            "summaries": self.summaries,
            "reports": [
                (gettext("Team compliance"), reverse("training_reports:team")),
                (gettext("Policy acknowledgements"), reverse("training_reports:acknowledgements")),
                (gettext("Quiz results"), reverse("training_reports:quiz_results")),
            ],
        }


def team_training_panel(user) -> TeamTrainingPanel | None:
    """A manager's teams, summarised; Compliance, who reads every team, gets the reports without the sums."""
    if not can_view_reports(user):
        return None
    if sees_all_teams(user):
        return TeamTrainingPanel(summaries=None)
    settings = TrainingSettings.load()
    standings = load_standings(people_in_scope(user), requirements=load_requirements(settings=settings))
    rows = build_rows(
        standings.values(),
        team_names=dict(teams_in_scope(user).values_list("pk", "name")),
        today=timezone.localdate(),
        new_hire_window_days=settings.new_hire_window_days,
    )
    return TeamTrainingPanel(summaries=team_summaries(rows))
