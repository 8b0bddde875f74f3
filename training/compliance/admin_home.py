"""The admin home of people who follow training: their teams at a glance, and the way to each report."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.ui.components import Component

from .report_queries import team_summaries_of
from .reports import can_view_reports, people_in_scope, sees_all_teams, teams_in_scope
from .standings_table import refresh

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
    people = people_in_scope(user)
    refresh(people)
    team_names = dict(teams_in_scope(user).values_list("pk", "name"))
    return TeamTrainingPanel(summaries=team_summaries_of(people, team_names=team_names, today=timezone.localdate()))
