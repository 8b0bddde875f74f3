import datetime

from policy_content.comparison import compare_sections
from policy_content.section_changes import changed_anchors
from quizzes.recheck_rules import PassFacts, VersionFacts, lapsed_sections, recheck_owed

T0 = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def at(days: int) -> datetime.datetime:
    return T0 + datetime.timedelta(days=days)


V1 = VersionFacts(1, 1, at(0), frozenset())
V2 = VersionFacts(2, 2, at(10), frozenset({"complaints", "purpose"}))
BANK = frozenset({"complaints", "escalation"})


def test_changed_anchors_are_the_sections_changed_added_or_removed():
    old = [("purpose", "Purpose", ["Be kind."]), ("complaints", "Complaints", ["Five days."])]
    new = [("purpose", "Purpose", ["Be kind."]), ("complaints", "Complaints", ["Two days."]), ("new", "New", ["x"])]
    assert changed_anchors(compare_sections(old, new)) == {"complaints", "new"}
    assert changed_anchors(compare_sections(old, old)) == frozenset()


def test_only_sections_covered_changed_and_still_asked_about_lapse():
    assert lapsed_sections(covered={"complaints", "escalation"}, changed={"complaints", "purpose"}, bank=BANK) == {
        "complaints"
    }


def test_nothing_is_owed_without_a_pass_of_the_whole_quiz():
    assert recheck_owed(passes=[], versions=[V1, V2], bank_sections=BANK) is None


def test_a_pass_after_the_new_version_owes_nothing():
    passes = [PassFacts(at(12), frozenset({"complaints"}))]
    assert recheck_owed(passes=passes, versions=[V1, V2], bank_sections=BANK) is None


def test_a_pass_before_a_version_changing_its_sections_owes_a_recheck_of_those_sections_only():
    passes = [PassFacts(at(5), frozenset({"complaints", "escalation"}))]
    owed = recheck_owed(passes=passes, versions=[V1, V2], bank_sections=BANK)
    assert owed is not None
    assert (owed.version_id, owed.version_number, owed.sections) == (2, 2, {"complaints"})


def test_a_version_changing_only_sections_the_pass_did_not_cover_owes_nothing():
    passes = [PassFacts(at(5), frozenset({"escalation"}))]
    assert recheck_owed(passes=passes, versions=[V1, V2], bank_sections=BANK) is None


def test_passing_the_recheck_restores_credit_until_a_later_version_changes_a_covered_section():
    passes = [
        PassFacts(at(5), frozenset({"complaints", "escalation"})),
        PassFacts(at(11), frozenset({"complaints"}), 2),
    ]
    assert recheck_owed(passes=passes, versions=[V1, V2], bank_sections=BANK) is None
    v3 = VersionFacts(3, 3, at(20), frozenset({"escalation"}))
    owed = recheck_owed(passes=passes, versions=[V1, V2, v3], bank_sections=BANK)
    assert owed is not None and (owed.version_number, owed.sections) == (3, {"escalation"})


def test_changes_of_several_versions_since_the_pass_add_up_to_the_latest_version():
    v3 = VersionFacts(3, 3, at(20), frozenset({"escalation"}))
    passes = [PassFacts(at(5), frozenset({"complaints", "escalation"}))]
    owed = recheck_owed(passes=passes, versions=[V1, V2, v3], bank_sections=BANK)
    assert owed is not None and (owed.version_id, owed.sections) == (3, {"complaints", "escalation"})
