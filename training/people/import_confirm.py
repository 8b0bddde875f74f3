"""An uploaded people file confirmed once: re-planned against the database as it is, applied whole, logged."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from policy_content.audit_log import register_audit_action

from ..models import PeopleImport, User
from .importing import ImportResult, PeoplePlan, apply_plan, plan_people
from .people_file import Table, check_records

IMPORT_ACTION = "training.import_people"


def plan_for(people_import: PeopleImport) -> PeoplePlan:
    """The plan of a stored upload against the database as it is now; nothing is written."""
    table = Table.from_json(people_import.table)
    return plan_people(check_records(table.header, table.records))


@dataclass(frozen=True)
class Confirmation:
    """`applied` with the result; `changed` with the new plan to preview; `gone` when already applied or expired."""

    outcome: str
    result: ImportResult | None = None
    plan: PeoplePlan | None = None


def confirm_import(pk: int, *, fingerprint: str, by: User) -> Confirmation:
    """Apply the upload if its plan is still the one previewed; only the first of two confirmations applies it."""
    with transaction.atomic():
        # The claim and the import commit together: a second confirmation waits on this row, then finds it applied.
        claimed = PeopleImport.objects.pending().of(by).filter(pk=pk).update(applied_at=timezone.now())
        if not claimed:
            return Confirmation("gone")
        people_import = PeopleImport.objects.get(pk=pk)
        plan = plan_for(people_import)
        if plan.fingerprint != fingerprint:
            transaction.set_rollback(True)
            return Confirmation("changed", plan=plan)
        result = apply_plan(plan)
        people_import.result = {
            "file_name": people_import.file_name,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "teams_created": result.teams_created,
            "skipped": len(result.errors),
        }
        # The rows are no longer needed once applied; the counts stay, here and in the log.
        people_import.table = Table(header=[], records=[]).as_json()
        people_import.save(update_fields=["result", "table"])
        log(instance=people_import, action=IMPORT_ACTION, user=by, data=people_import.result)
    return Confirmation("applied", result=result)


register_audit_action(
    IMPORT_ACTION,
    label=_("Import of people"),
    message=_(
        "Imported people from “%(file)s”: %(created)s created, %(updated)s changed, %(unchanged)s unchanged, "
        "%(skipped)s bad rows skipped"
    ),
    values=lambda data: {**data, "file": data.get("file_name", "")},
)
