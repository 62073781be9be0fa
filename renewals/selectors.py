"""Reading renewal standing: which rules judge a credential, its cycle, and the evaluation.

Every surface goes through ``standing_many`` (one credential is a list of one), which reads
credentials, their rule sets and versions, approved renewals and activities in a fixed
number of queries whatever the number of credentials or activities, then calls the pure
``engine.evaluate`` for each.
"""

import dataclasses
import datetime
import gc
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from certificates.models import Credential

from . import engine
from .models import CEActivity, RenewalApplication, RuleSet, RuleVersion

AT_RISK_DAYS = 60


@dataclasses.dataclass(frozen=True, slots=True)
class Standing:
    """A credential's renewal standing today: its rules, cycle and the engine's verdict."""

    credential: Credential
    rule_set: RuleSet | None
    version: RuleVersion | None
    evaluation: engine.Evaluation | None
    activities: tuple[CEActivity, ...] = ()
    open_application: RenewalApplication | None = None
    last_renewal: RenewalApplication | None = None
    # Expiry within 60 days (the roster's "renewal at risk" horizon).
    expires_soon: bool = False

    @property
    def rules(self) -> engine.Rules | None:
        return self.version.parsed() if self.version else None

    @property
    def at_risk(self) -> bool:
        """Window open, or expiry within 60 days, while the gap is not closed."""
        ev = self.evaluation
        if ev is None or ev.met or self.open_application is not None:
            return False
        window_open = ev.status in (engine.Status.GAP_OPEN, engine.Status.GRACE, engine.Status.LATE)
        return window_open or (ev.status == engine.Status.NOT_YET_OPEN and self.expires_soon)

    @property
    def readiness(self) -> str:
        """The roster's word, with no CE detail."""
        ev = self.evaluation
        if ev is None:
            return "No renewal rules"
        if self.open_application is not None:
            return "Renewal submitted"
        if ev.status in (engine.Status.LAPSED, engine.Status.INACTIVE):
            return ev.label
        return "Ready to renew" if ev.met else "Hours still missing"


def _credentials(ids: Iterable[int]):
    return (
        Credential.objects.filter(pk__in=list(ids))
        .select_related("programme__requirement_profile", "holder", "issuer")
        .prefetch_related(
            Prefetch(
                "programme__requirement_profile__renewal_rule_sets",
                queryset=RuleSet.objects.prefetch_related("versions").order_by("pk"),
            ),
            Prefetch(
                "renewal_applications",
                queryset=RenewalApplication.objects.order_by("cycle", "submitted_at"),
            ),
            Prefetch("ce_activities", queryset=CEActivity.objects.order_by("completed_on", "pk")),
        )
    )


def rule_set_of(credential: Credential) -> RuleSet | None:
    profile = credential.programme.requirement_profile
    if profile is None:
        return None
    return next(iter(profile.renewal_rule_sets.all()), None)


def rule_set_of_profile(profile) -> RuleSet | None:
    """The rule set a profile's credentials renew under, read afresh: the first created, as
    ``rule_set_of`` and the nightly path pick it."""
    return profile.renewal_rule_sets.prefetch_related("versions").order_by("pk").first()


def holder_cycle(
    *,
    issued_on: datetime.date,
    expires_on: datetime.date,
    approved: Sequence[tuple[datetime.date | None, Decimal]],
    rules: engine.Rules,
) -> engine.Cycle:
    """The cycle a credential is in: the first from its issue, or the one its last approved
    application began. ``approved`` holds each approved application's ``new_starts_on`` (the
    day after the expiry it replaced, or the day of a reinstatement) and ``carry_out``, in
    order: the holder's page passes them from rows, the nightly path from plain values."""
    if not approved:
        return engine.Cycle(
            number=1, starts_on=issued_on, expires_on=expires_on, certified_on=issued_on
        )
    starts_on, carry_out = approved[-1]
    assert starts_on is not None  # the database keeps it on every approved application
    return engine.Cycle(
        number=len(approved) + 1,
        starts_on=starts_on,
        expires_on=expires_on,
        certified_on=issued_on,
        carried_in=min(carry_out, rules.carry_over_max_hours),
    )


def engine_activities(activities: Iterable[CEActivity], cycle: engine.Cycle, rules: engine.Rules):
    """The engine's view of a credential's activities; a kind that may not be reused is
    marked when the same title was logged before this cycle began."""
    rows = list(activities)
    earlier = {a.title.casefold() for a in rows if a.completed_on < cycle.starts_on}
    return [
        a.as_engine(
            used_before=a.kind in rules.no_reuse_kinds
            and a.completed_on >= cycle.starts_on
            and a.title.casefold() in earlier
        )
        for a in rows
    ]


def judge(
    credential: Credential,
    *,
    today: datetime.date,
    extra: Iterable[engine.Activity] = (),
    exclude_id: int | None = None,
) -> Standing:
    """Judge one credential loaded by ``_credentials`` (prefetched), optionally with an
    activity not saved yet (``extra``: the "would this count?" preview) or without one
    (``exclude_id``: a move's source)."""
    rule_set = rule_set_of(credential)
    applications = list(credential.renewal_applications.all())
    activities = tuple(a for a in credential.ce_activities.all() if a.pk != exclude_id)
    open_application = next(
        (a for a in applications if a.status == RenewalApplication.Status.SUBMITTED), None
    )
    approved = [a for a in applications if a.status == RenewalApplication.Status.APPROVED]
    version = None
    evaluation = None
    if rule_set is not None:
        first_rules_version = rule_set.version_on(credential.issued_on)
        base_rules = first_rules_version.parsed() if first_rules_version else None
        if base_rules is not None:
            cycle = holder_cycle(
                issued_on=credential.issued_on,
                expires_on=credential.expires_on,
                approved=[(a.new_starts_on, a.carry_out) for a in approved],
                rules=base_rules,
            )
            version = rule_set.version_on(cycle.starts_on)
            rules = version.parsed() if version else base_rules
            items = [*engine_activities(activities, cycle, rules), *extra]
            evaluation = engine.evaluate(rules, cycle, items, today=today)
    return Standing(
        credential=credential,
        rule_set=rule_set,
        version=version,
        evaluation=evaluation,
        activities=activities,
        open_application=open_application,
        last_renewal=approved[-1] if approved else None,
        expires_soon=credential.expires_on - today <= datetime.timedelta(days=AT_RISK_DAYS),
    )


def standing_many(*, credential_ids: Iterable[int], today: datetime.date) -> dict[int, Standing]:
    """Each credential's standing, in a fixed number of queries."""
    return {c.pk: judge(c, today=today) for c in _credentials(credential_ids)}


def standing_of(*, credential_id: int, today: datetime.date) -> Standing | None:
    return standing_many(credential_ids=[credential_id], today=today).get(credential_id)


def holder_standings(*, holder, today: datetime.date) -> list[Standing]:
    """The holder's live credentials (active or suspended), each with its standing."""
    ids = (
        Credential.objects.filter(holder=holder)
        .exclude(status="revoked")
        .values_list("pk", flat=True)
    )
    standings = standing_many(credential_ids=ids, today=today)
    return sorted(standings.values(), key=lambda s: s.credential.number)


def by_holder(standings: Iterable[Standing]) -> dict[int, list[Standing]]:
    out: dict[int, list[Standing]] = defaultdict(list)
    for standing in standings:
        out[standing.credential.holder_id].append(standing)
    return out


# --- the nightly path: many credentials, no model instances ---------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Verdict:
    """A credential's renewal standing for the bulk runs (reminders, roster alerts, the
    roster's column): the engine's evaluation and a few facts, read without model rows."""

    credential_id: int
    holder_id: int
    expires_on: datetime.date
    evaluation: engine.Evaluation | None
    application_open: bool
    renewed_on: datetime.date | None
    expires_soon: bool

    @property
    def at_risk(self) -> bool:
        ev = self.evaluation
        if ev is None or ev.met or self.application_open:
            return False
        window_open = ev.status in (engine.Status.GAP_OPEN, engine.Status.GRACE, engine.Status.LATE)
        return window_open or (ev.status == engine.Status.NOT_YET_OPEN and self.expires_soon)

    @property
    def readiness(self) -> str:
        ev = self.evaluation
        if ev is None:
            return "No renewal rules"
        if self.application_open:
            return "Renewal submitted"
        if ev.status in (engine.Status.LAPSED, engine.Status.INACTIVE):
            return ev.label
        return "Ready to renew" if ev.met else "Hours still missing"


def _rule_sets_by_profile(profile_ids: set[int]) -> dict[int, RuleSet]:
    links = RuleSet.profiles.through.objects.filter(
        requirementprofile_id__in=profile_ids
    ).values_list("requirementprofile_id", "ruleset_id")
    first: dict[int, int] = {}
    for profile_id, rule_set_id in sorted(links, key=lambda link: link[1]):
        first.setdefault(profile_id, rule_set_id)
    rule_sets = RuleSet.objects.prefetch_related("versions").in_bulk(set(first.values()))
    return {profile_id: rule_sets[rule_set_id] for profile_id, rule_set_id in first.items()}


def verdicts_many(*, credential_ids: Iterable[int], today: datetime.date) -> dict[int, Verdict]:
    """Every credential's verdict in six queries, whatever their number and activities.

    The cyclic garbage collector is paused meanwhile: the run allocates hundreds of
    thousands of short-lived rows and values and no cycles, and each full collection would
    walk all of them again (the time grew faster than the holders).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _verdicts_many(credential_ids=credential_ids, today=today)
    finally:
        if collecting:
            gc.enable()


def _verdicts_many(*, credential_ids: Iterable[int], today: datetime.date) -> dict[int, Verdict]:
    ids = list(credential_ids)
    rows = list(
        Credential.objects.filter(pk__in=ids).values_list(
            "pk", "holder_id", "issued_on", "expires_on", "programme__requirement_profile_id"
        )
    )
    rule_sets = _rule_sets_by_profile({row[4] for row in rows if row[4] is not None})
    applications: dict[int, list] = defaultdict(list)
    for row in (
        RenewalApplication.objects.filter(credential_id__in=ids)
        .order_by("cycle", "submitted_at")
        .values_list("credential_id", "status", "new_starts_on", "carry_out", "decided_at")
    ):
        applications[row[0]].append(row)
    activities: dict[int, list] = defaultdict(list)
    for activity in (
        CEActivity.objects.filter(credential_id__in=ids)
        .order_by("completed_on", "pk")
        .values_list(
            "credential_id",
            "pk",
            "title",
            "completed_on",
            "hours",
            "categories",
            "format",
            "kind",
            "units",
        )
    ):
        activities[activity[0]].append(activity)
    approved_status = RenewalApplication.Status.APPROVED
    out = {}
    horizon = datetime.timedelta(days=AT_RISK_DAYS)
    for pk, holder_id, issued_on, expires_on, profile_id in rows:
        rule_set = rule_sets.get(profile_id) if profile_id is not None else None
        mine = applications.get(pk, [])
        approved = [a for a in mine if a[1] == approved_status]
        evaluation = None
        if rule_set is not None:
            base = rule_set.version_on(issued_on)
            if base is not None:
                cycle = holder_cycle(
                    issued_on=issued_on,
                    expires_on=expires_on,
                    approved=[(a[2], a[3]) for a in approved],
                    rules=base.parsed(),
                )
                starts_on = cycle.starts_on
                version = rule_set.version_on(starts_on) or base
                rules = version.parsed()
                own = activities.get(pk, [])
                earlier = {row[2].casefold() for row in own if row[3] < starts_on}
                items = [
                    engine.Activity(
                        id=row[1],
                        title=row[2],
                        completed_on=row[3],
                        hours=row[4],
                        categories=tuple(row[5] or ()),
                        format=row[6],
                        kind=row[7],
                        units=row[8],
                        used_before=row[7] in rules.no_reuse_kinds
                        and row[3] >= starts_on
                        and row[2].casefold() in earlier,
                    )
                    for row in own
                ]
                evaluation = engine.evaluate(rules, cycle, items, today=today)
        decided = approved[-1][4] if approved else None
        out[pk] = Verdict(
            credential_id=pk,
            holder_id=holder_id,
            expires_on=expires_on,
            evaluation=evaluation,
            application_open=any(a[1] == RenewalApplication.Status.SUBMITTED for a in mine),
            renewed_on=timezone.localdate(decided) if decided else None,
            expires_soon=expires_on - today <= horizon,
        )
    return out
