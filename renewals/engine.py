"""The renewal rules engine: one pure function that judges a holder's cycle.

Nothing here touches the database, the clock or settings. Every surface (the holder's
"Keep my credential" screen, the coordinator's queue, reminders, the clinic roster, the
benchmark) builds the same inputs and calls ``evaluate``, so they can never disagree.

Rules arrive as a plain dict (a rule version's JSON, seeded from ``renewals/data/*.yaml``)
and are read once by ``rules_from_dict``, which refuses anything it does not understand
with a message naming the field, so a staff member's typo is caught when they save.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import enum
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from core.dates import long_date

ZERO = Decimal("0")
HALF = Decimal("0.5")


class RulesError(ValueError):
    """A rule version's data cannot be read; the message names the field."""


class Anchor(enum.StrEnum):
    CERTIFICATION = "certification"
    CALENDAR_YEAR = "calendar_year"
    BIRTHDAY = "birthday"


class Status(enum.StrEnum):
    NOT_YET_OPEN = "not_yet_open"
    GAP_OPEN = "gap_open"
    READY = "ready"
    GRACE = "grace"
    LATE = "late"
    LAPSED = "lapsed"
    INACTIVE = "inactive"


STATUS_LABELS = {
    Status.NOT_YET_OPEN: "Renewal not open yet",
    Status.GAP_OPEN: "Renewal due: hours still missing",
    Status.READY: "Ready to renew",
    Status.GRACE: "Expired: renewal still possible",
    Status.LATE: "Expired: late renewal window",
    Status.LAPSED: "Lapsed",
    Status.INACTIVE: "Inactive",
}


class Format(enum.StrEnum):
    LIVE = "live"
    ONLINE = "online"
    SELF_STUDY = "self_study"


# --- rules --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class CategoryRule:
    key: str
    label: str
    min_hours: Decimal = ZERO
    # At least this many separate activities in the category (Georgia: one ethics
    # training every year).
    min_activities: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class RecencyRule:
    """``hours`` in ``category`` within the last ``years`` before expiry, whatever cycle
    they fell in (Washington: 3 h suicide prevention once every 6 years)."""

    category: str
    label: str
    hours: Decimal
    years: int


@dataclasses.dataclass(frozen=True, slots=True)
class Cap:
    """At most ``max_hours`` count from activities of this format (or category)."""

    max_hours: Decimal
    format: str = ""
    category: str = ""
    label: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Attestation:
    key: str
    label: str
    # "yes" (a box to tick) or "date" (a date, at most ``max_age_days`` old when submitted).
    kind: str = "yes"
    max_age_days: int | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Reinstatement:
    extra_hours: Decimal = ZERO
    retrain_after_days: int | None = None
    note: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class Rules:
    anchor: Anchor
    cycle_months: int
    total_hours: Decimal
    categories: tuple[CategoryRule, ...] = ()
    hours_per_year: Decimal | None = None
    cycle_months_options: tuple[int, ...] = ()
    window_opens_days_before: int | None = None
    prorate_first_cycle: bool = False
    first_cycle_exempt: bool = False
    recency: tuple[RecencyRule, ...] = ()
    caps: tuple[Cap, ...] = ()
    excluded_kinds: tuple[str, ...] = ()
    equivalences: Mapping[str, Decimal] = dataclasses.field(default_factory=dict)
    carry_over_max_hours: Decimal = ZERO
    only_after_expiry_after_lapse: bool = False
    no_reuse_kinds: tuple[str, ...] = ()
    grace_days: int = 0
    late_days: int = 0
    late_fee: bool = False
    inactive_status: bool = False
    reinstatement: Reinstatement = Reinstatement()
    attestations: tuple[Attestation, ...] = ()
    resign_ethics: bool = False
    shared_across_credentials: bool = False
    keep_records_years: int | None = None

    def category(self, key: str) -> CategoryRule | None:
        return next((c for c in self.categories if c.key == key), None)


_KNOWN = {f.name for f in dataclasses.fields(Rules)}


def _hours(value: Any, field: str) -> Decimal:
    try:
        hours = Decimal(str(value))
    except (ArithmeticError, ValueError) as error:
        raise RulesError(f"{field}: {value!r} is not a number of hours.") from error
    if not hours.is_finite() or hours < 0:
        raise RulesError(f"{field}: hours must be zero or more.")
    return hours


def _int(value: Any, field: str, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise RulesError(f"{field}: give a whole number of at least {minimum}.")
    return value


def _list(data: Mapping[str, Any], field: str) -> list:
    value = data.get(field) or []
    if not isinstance(value, list):
        raise RulesError(f"{field}: give a list.")
    return value


def _need(item: Any, field: str, *keys: str) -> Mapping[str, Any]:
    if not isinstance(item, Mapping):
        raise RulesError(f"{field}: each entry is a mapping.")
    for key in keys:
        if key not in item:
            raise RulesError(f"{field}: each entry needs {key!r}.")
    return item


def rules_from_dict(data: Mapping[str, Any]) -> Rules:
    """Read a rule version's data; ``RulesError`` names the first field that is wrong."""
    if not isinstance(data, Mapping):
        raise RulesError("The rules must be a mapping of fields.")
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise RulesError(f"Unknown field(s): {', '.join(unknown)}.")
    try:
        anchor = Anchor(data.get("anchor", "certification"))
    except ValueError as error:
        raise RulesError("anchor: certification, calendar_year or birthday.") from error
    categories = tuple(
        CategoryRule(
            key=str(c["key"]),
            label=str(c.get("label") or c["key"]),
            min_hours=_hours(c.get("min_hours", 0), f"categories.{c['key']}.min_hours"),
            min_activities=_int(c.get("min_activities", 0), f"categories.{c['key']}"),
        )
        for c in (_need(c, "categories", "key") for c in _list(data, "categories"))
    )
    total = _hours(data.get("total_hours", 0), "total_hours")
    if sum((c.min_hours for c in categories), ZERO) > total and not data.get("hours_per_year"):
        raise RulesError("total_hours: less than the category minimums add up to.")
    recency = tuple(
        RecencyRule(
            category=str(r["category"]),
            label=str(r.get("label") or r["category"]),
            hours=_hours(r["hours"], "recency.hours"),
            years=_int(r["years"], "recency.years", minimum=1),
        )
        for r in (_need(r, "recency", "category", "hours", "years") for r in _list(data, "recency"))
    )
    caps = tuple(
        Cap(
            max_hours=_hours(c["max_hours"], "caps.max_hours"),
            format=str(c.get("format", "")),
            category=str(c.get("category", "")),
            label=str(c.get("label", "")),
        )
        for c in (_need(c, "caps", "max_hours") for c in _list(data, "caps"))
    )
    for cap in caps:
        if cap.format and cap.format not in set(Format):
            raise RulesError(f"caps.format: {cap.format!r} is not live, online or self_study.")
    equivalences = data.get("equivalences") or {}
    if not isinstance(equivalences, Mapping):
        raise RulesError("equivalences: a mapping of activity kind to hours per unit.")
    attestations = tuple(
        Attestation(
            key=str(a["key"]),
            label=str(a["label"]),
            kind=str(a.get("kind", "yes")),
            max_age_days=a.get("max_age_days"),
        )
        for a in (_need(a, "attestations", "key", "label") for a in _list(data, "attestations"))
    )
    for attestation in attestations:
        if attestation.kind not in ("yes", "date"):
            raise RulesError("attestations.kind: yes or date.")
    reinstatement = data.get("reinstatement") or {}
    if not isinstance(reinstatement, Mapping):
        raise RulesError("reinstatement: a mapping.")
    hours_per_year = data.get("hours_per_year")
    window = data.get("window_opens_days_before")
    return Rules(
        anchor=anchor,
        cycle_months=_int(data.get("cycle_months", 24), "cycle_months", minimum=1),
        total_hours=total,
        categories=categories,
        hours_per_year=None if hours_per_year is None else _hours(hours_per_year, "hours_per_year"),
        cycle_months_options=tuple(
            _int(m, "cycle_months_options", minimum=1) for m in _list(data, "cycle_months_options")
        ),
        window_opens_days_before=None
        if window is None
        else _int(window, "window_opens_days_before"),
        prorate_first_cycle=bool(data.get("prorate_first_cycle", False)),
        first_cycle_exempt=bool(data.get("first_cycle_exempt", False)),
        recency=recency,
        caps=caps,
        excluded_kinds=tuple(str(k) for k in _list(data, "excluded_kinds")),
        equivalences={
            str(k): _hours(v, f"equivalences.{k}") for k, v in dict(equivalences).items()
        },
        carry_over_max_hours=_hours(data.get("carry_over_max_hours", 0), "carry_over_max_hours"),
        only_after_expiry_after_lapse=bool(data.get("only_after_expiry_after_lapse", False)),
        no_reuse_kinds=tuple(str(k) for k in _list(data, "no_reuse_kinds")),
        grace_days=_int(data.get("grace_days", 0), "grace_days"),
        late_days=_int(data.get("late_days", 0), "late_days"),
        late_fee=bool(data.get("late_fee", False)),
        inactive_status=bool(data.get("inactive_status", False)),
        reinstatement=Reinstatement(
            extra_hours=_hours(reinstatement.get("extra_hours", 0), "reinstatement.extra_hours"),
            retrain_after_days=reinstatement.get("retrain_after_days"),
            note=str(reinstatement.get("note", "")),
        ),
        attestations=attestations,
        resign_ethics=bool(data.get("resign_ethics", False)),
        shared_across_credentials=bool(data.get("shared_across_credentials", False)),
        keep_records_years=data.get("keep_records_years"),
    )


# --- cycles -------------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day (January 31 + 1 = February 28)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _birthday_in(year: int, birthday: datetime.date) -> datetime.date:
    last = calendar.monthrange(year, birthday.month)[1]
    return datetime.date(year, birthday.month, min(birthday.day, last))


@dataclasses.dataclass(frozen=True, slots=True)
class Cycle:
    """A holder's cycle: from ``starts_on`` to ``expires_on`` (the last valid day)."""

    number: int
    starts_on: datetime.date
    expires_on: datetime.date
    certified_on: datetime.date
    # Hours carried in from the previous cycle (where the rules allow it).
    carried_in: Decimal = ZERO
    # The months of this holder's cycle where the board lets the holder choose (New York).
    months: int | None = None

    @property
    def first(self) -> bool:
        return self.number == 1


def first_cycle(
    rules: Rules,
    *,
    certified_on: datetime.date,
    birthday: datetime.date | None = None,
    months: int | None = None,
) -> Cycle:
    """The first cycle after certification under the rules' anchor.

    - certification date: ``cycle_months`` from the certification date;
    - calendar year: ends on December 31; where the first cycle is exempt (Georgia: accrual
      starts the year after certification) it ends on December 31 of the certification
      year and asks for nothing;
    - birthday: ends on the holder's first birthday at least 12 months after
      certification (a shorter, prorated first cycle; Washington).
    """
    length = months or rules.cycle_months
    if rules.anchor == Anchor.CALENDAR_YEAR:
        year = certified_on.year if rules.first_cycle_exempt else certified_on.year + 1
        end = datetime.date(year, 12, 31)
    elif rules.anchor == Anchor.BIRTHDAY:
        if birthday is None:
            raise RulesError("This board's cycle ends on the holder's birthday: it is missing.")
        end = _birthday_in(certified_on.year + 1, birthday)
        if end < add_months(certified_on, 12):
            end = _birthday_in(certified_on.year + 2, birthday)
        end -= datetime.timedelta(days=1)
    else:
        end = add_months(certified_on, length) - datetime.timedelta(days=1)
    return Cycle(
        number=1, starts_on=certified_on, expires_on=end, certified_on=certified_on, months=months
    )


def _cycle_end(
    rules: Rules, start: datetime.date, length: int, *, birthday: datetime.date | None = None
) -> datetime.date:
    """The last day of a cycle of ``length`` months from ``start``: December 31 under a
    calendar-year anchor; under a birthday anchor, a cycle that does not start on the
    holder's birthday ends the day before the last birthday within that length."""
    if rules.anchor == Anchor.CALENDAR_YEAR:
        return datetime.date(start.year + max(length // 12, 1) - 1, 12, 31)
    if (
        rules.anchor == Anchor.BIRTHDAY
        and birthday is not None
        and start != _birthday_in(start.year, birthday)
    ):
        limit = add_months(start, length)
        aligned = _birthday_in(limit.year, birthday)
        if aligned > limit:
            aligned = _birthday_in(limit.year - 1, birthday)
        return aligned - datetime.timedelta(days=1)
    return add_months(start, length) - datetime.timedelta(days=1)


def reinstated_cycle(rules: Rules, cycle: Cycle, *, on: datetime.date) -> Cycle:
    """The cycle a reinstatement begins: from the day of reinstatement, for the rules' cycle
    length (to December 31 under a calendar-year anchor), with nothing carried in."""
    return Cycle(
        number=cycle.number + 1,
        starts_on=on,
        expires_on=_cycle_end(rules, on, cycle.months or rules.cycle_months),
        certified_on=cycle.certified_on,
        months=cycle.months,
    )


def next_cycle(
    rules: Rules,
    cycle: Cycle,
    *,
    carried_in: Decimal = ZERO,
    months: int | None = None,
    birthday: datetime.date | None = None,
) -> Cycle:
    """The cycle after ``cycle``: the day after it expires, for the rules' cycle length.

    Under a birthday anchor, a cycle that did not start on the holder's birthday (issued
    before they gave it) ends on the day before the last birthday within that length: from
    then on every cycle starts on the birthday, and none is longer than the board's.
    """
    start = cycle.expires_on + datetime.timedelta(days=1)
    length = months or cycle.months or rules.cycle_months
    return Cycle(
        number=cycle.number + 1,
        starts_on=start,
        expires_on=_cycle_end(rules, start, length, birthday=birthday),
        certified_on=cycle.certified_on,
        carried_in=min(carried_in, rules.carry_over_max_hours),
        months=months or cycle.months,
    )


# --- activities ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Activity:
    """One CE activity as the engine sees it (an ORM row, a form's preview, a bench row)."""

    id: int | str
    title: str
    completed_on: datetime.date
    hours: Decimal
    categories: tuple[str, ...] = ()
    format: str = Format.LIVE
    # "course" by default; "college_credit" (with ``units``), "staff_meeting", "supervision",
    # "case_management", "core_course"…: the kinds rules exclude, convert or forbid reusing.
    kind: str = "course"
    units: Decimal = ZERO
    # Already counted toward an earlier cycle (for the kinds that may not be reused).
    used_before: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class Allocation:
    activity_id: int | str
    title: str
    counted_hours: Decimal
    # Category key -> hours counted there; hours not in a category count toward the total.
    by_category: tuple[tuple[str, Decimal], ...]
    reasons: tuple[str, ...]

    @property
    def counts(self) -> bool:
        return self.counted_hours > 0


@dataclasses.dataclass(frozen=True, slots=True)
class Progress:
    key: str
    label: str
    required: Decimal
    counted: Decimal
    activities_required: int = 0
    activities_counted: int = 0

    @property
    def gap(self) -> Decimal:
        return max(self.required - self.counted, ZERO)

    @property
    def met(self) -> bool:
        return self.gap == 0 and self.activities_counted >= self.activities_required

    @property
    def percent(self) -> int:
        if self.required <= 0:
            return 100
        return min(int(self.counted * 100 / self.required), 100)


@dataclasses.dataclass(frozen=True, slots=True)
class Evaluation:
    status: Status
    cycle: Cycle
    window_opens_on: datetime.date
    grace_until: datetime.date | None
    late_until: datetime.date | None
    total: Progress
    categories: tuple[Progress, ...]
    recency: tuple[Progress, ...]
    allocations: tuple[Allocation, ...]
    carry_out: Decimal
    rules: Rules
    reinstatement: tuple[str, ...] = ()
    # Lapsed longer than the board allows to reinstate with hours alone.
    needs_retraining: bool = False

    @property
    def sentences(self) -> tuple[str, ...]:
        """The standing in plain words (built when asked: the nightly run rarely needs them)."""
        return tuple(_sentences(self, self.rules))

    @property
    def met(self) -> bool:
        return (
            self.total.met
            and all(p.met for p in self.categories)
            and all(p.met for p in self.recency)
        )

    @property
    def expired(self) -> bool:
        """Past the cycle's last valid day (in a grace or late window, lapsed or inactive)."""
        return self.status in (Status.GRACE, Status.LATE, Status.LAPSED, Status.INACTIVE)

    @property
    def reinstating(self) -> bool:
        """Past every window the board has: applying now asks to reinstate the credential."""
        return self.status in (Status.LAPSED, Status.INACTIVE)

    @property
    def can_apply(self) -> bool:
        if self.reinstating:
            return self.met and not self.needs_retraining
        return self.met and self.status in (Status.READY, Status.GRACE, Status.LATE)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def categories_required(self) -> bool:
        return any(
            p.required > 0 or p.activities_required > 0 for p in (*self.categories, *self.recency)
        )

    def gaps(self) -> dict[str, Decimal]:
        out = {"total": self.total.gap}
        out.update({p.key: p.gap for p in (*self.categories, *self.recency)})
        return out


# --- words --------------------------------------------------------------------------


def hours_words(hours: Decimal) -> str:
    value = hours.normalize()
    text = f"{value:f}"
    return f"{text} hour" if value == 1 else f"{text} hours"


def _unit(hours: Decimal) -> str:
    return "hour" if hours == 1 else "hours"


def _number(hours: Decimal) -> str:
    return f"{hours.normalize():f}"


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# --- evaluation ---------------------------------------------------------------------


def _round_half(hours: Decimal) -> Decimal:
    return (hours / HALF).quantize(Decimal("1"), rounding=ROUND_HALF_UP) * HALF


def required_total(rules: Rules, cycle: Cycle) -> Decimal:
    """The hours this cycle asks for: per year of the cycle (New York), prorated for a short
    first cycle (Washington), nothing in an exempt first cycle (Georgia)."""
    if cycle.first and rules.first_cycle_exempt:
        return ZERO
    months = cycle.months or rules.cycle_months
    total = rules.total_hours
    if rules.hours_per_year is not None:
        total = rules.hours_per_year * Decimal(months) / Decimal(12)
    if cycle.first and rules.prorate_first_cycle:
        days = (cycle.expires_on - cycle.starts_on).days + 1
        full = (add_months(cycle.starts_on, months) - cycle.starts_on).days
        if days < full:
            total = _round_half(total * Decimal(days) / Decimal(full))
    return max(total - cycle.carried_in, ZERO)


def _scale(required: Decimal, rules: Rules, cycle: Cycle) -> Decimal:
    """A category minimum in proportion to the total when the total was prorated or exempt."""
    if cycle.first and rules.first_cycle_exempt:
        return ZERO
    if rules.total_hours and cycle.first and rules.prorate_first_cycle:
        base = rules.total_hours
        return min(required, _round_half(required * required_total(rules, cycle) / base))
    return required


def window_dates(
    rules: Rules, cycle: Cycle
) -> tuple[datetime.date, datetime.date | None, datetime.date | None]:
    """When the renewal window opens, and the last day of the grace and late windows."""
    if rules.window_opens_days_before is None:
        opens = cycle.starts_on
    else:
        opens = max(
            cycle.expires_on - datetime.timedelta(days=rules.window_opens_days_before),
            cycle.starts_on,
        )
    grace = (
        cycle.expires_on + datetime.timedelta(days=rules.grace_days) if rules.grace_days else None
    )
    late_from = grace or cycle.expires_on
    late = late_from + datetime.timedelta(days=rules.late_days) if rules.late_days else None
    return opens, grace, late


def evaluate(
    rules: Rules,
    cycle: Cycle,
    activities: Iterable[Activity],
    *,
    today: datetime.date,
) -> Evaluation:
    """Judge ``cycle`` under ``rules`` on ``today``.

    ``activities`` may include the holder's history (earlier cycles): they count only for
    recency rules. Past every window the board allows, the credential is judged for
    reinstatement: hours up to today count, except where the board counts only hours
    after the expiry, and the board's extra hours are added.
    """
    opens, grace_until, late_until = window_dates(rules, cycle)
    last_day = late_until or grace_until or cycle.expires_on
    lapsed_since = cycle.expires_on if today > last_day else None
    total_required = required_total(rules, cycle)
    counting_from = cycle.starts_on
    if lapsed_since is not None and rules.only_after_expiry_after_lapse:
        counting_from = lapsed_since + datetime.timedelta(days=1)
    counting_to = max(today, cycle.expires_on) if lapsed_since else cycle.expires_on
    if lapsed_since is not None and rules.reinstatement.extra_hours:
        total_required += rules.reinstatement.extra_hours

    required = {c.key: _scale(c.min_hours, rules, cycle) for c in rules.categories}
    filled = dict.fromkeys(required, ZERO)
    activity_counts = dict.fromkeys(required, 0)
    cap_used = [ZERO for _ in rules.caps]
    history = sorted(activities, key=lambda a: (a.completed_on, str(a.id)))

    # Most constrained first: an activity in one category should fill it before one that
    # could go to several takes its place.
    def eligible_categories(activity: Activity) -> list[str]:
        return [key for key in activity.categories if key in required]

    in_cycle: list[Activity] = []
    allocations: dict[int | str, Allocation] = {}
    for activity in history:
        reasons: list[str] = []
        if activity.completed_on > today:
            reasons.append("It is dated in the future.")
        elif activity.completed_on < counting_from:
            if (
                lapsed_since is not None
                and rules.only_after_expiry_after_lapse
                and (activity.completed_on >= cycle.starts_on)
            ):
                reasons.append(f"After a lapse only hours after {long_date(lapsed_since)} count.")
            else:
                reasons.append(f"It is before this cycle began ({long_date(cycle.starts_on)}).")
        elif activity.completed_on > counting_to:
            reasons.append(f"It is after this cycle ends ({long_date(cycle.expires_on)}).")
        if activity.kind in rules.excluded_kinds:
            reasons.append(f"This board does not count {activity.kind.replace('_', ' ')}s.")
        if activity.kind in rules.no_reuse_kinds and activity.used_before:
            reasons.append("It counted toward an earlier cycle and cannot be used again.")
        if activity.hours <= 0 and not activity.units:
            reasons.append("It has no hours.")
        if reasons:
            allocations[activity.id] = Allocation(
                activity.id, activity.title, ZERO, (), tuple(reasons)
            )
        else:
            in_cycle.append(activity)

    counted_total = ZERO
    for activity in sorted(
        in_cycle, key=lambda a: (len(eligible_categories(a)) or 99, a.completed_on, str(a.id))
    ):
        notes: list[str] = []
        hours = activity.hours
        if activity.kind in rules.equivalences and activity.units:
            hours = activity.units * rules.equivalences[activity.kind]
            notes.append(
                f"{_number(activity.units)} college credit(s) count as {hours_words(hours)}."
            )
        for index, cap in enumerate(rules.caps):
            applies = (cap.format and activity.format == cap.format) or (
                cap.category and cap.category in activity.categories
            )
            if applies:
                room = max(cap.max_hours - cap_used[index], ZERO)
                if hours > room:
                    notes.append(
                        f"Only {hours_words(cap.max_hours)} of "
                        f"{cap.label or cap.format.replace('_', '-')} "
                        f"count per cycle; {hours_words(room)} of this one count."
                    )
                    hours = room
                cap_used[index] += hours
        by_category: list[tuple[str, Decimal]] = []
        left = hours
        options = eligible_categories(activity)
        for key in sorted(options, key=lambda k: -(required[k] - filled[k])):
            if left <= 0:
                break
            gap = max(required[key] - filled[key], ZERO)
            if gap <= 0:
                continue
            take = min(gap, left)
            filled[key] += take
            by_category.append((key, take))
            left -= take
        if left > 0 and options:
            # Above the minimums: the hours still count toward the total, in the first
            # category they name, so the bar shows them.
            key = next((k for k, _ in by_category), options[0])
            filled[key] += left
            by_category = [(k, h + left) if k == key else (k, h) for k, h in by_category] or [
                (key, left)
            ]
        for key in options:
            activity_counts[key] += 1
        if hours <= 0 and not notes:
            notes.append("It counts for nothing more under this board's limits.")
        counted_total += hours
        allocations[activity.id] = Allocation(
            activity.id, activity.title, hours, tuple(by_category), tuple(notes)
        )

    category_progress = tuple(
        Progress(
            key=c.key,
            label=c.label,
            required=required[c.key],
            counted=filled[c.key],
            activities_required=0
            if (cycle.first and rules.first_cycle_exempt)
            else c.min_activities,
            activities_counted=activity_counts[c.key],
        )
        for c in rules.categories
    )
    recency_progress = []
    for rule in rules.recency:
        since = add_months(cycle.expires_on, -12 * rule.years)
        done = sum(
            (
                a.hours
                for a in history
                if rule.category in a.categories
                and since < a.completed_on <= min(today, cycle.expires_on)
            ),
            ZERO,
        )
        recency_progress.append(Progress(rule.category, rule.label, rule.hours, done))
    total = Progress("total", "Total", total_required, counted_total)
    met = (
        total.met and all(p.met for p in category_progress) and all(p.met for p in recency_progress)
    )
    # An hour above the requirement may be carried into the next cycle where allowed.
    carry_out = min(max(counted_total - total_required, ZERO), rules.carry_over_max_hours)

    status = _status(
        rules,
        cycle,
        today=today,
        opens=opens,
        met=met,
        grace_until=grace_until,
        late_until=late_until,
    )
    retrain = rules.reinstatement.retrain_after_days
    needs_retraining = (
        status in (Status.LAPSED, Status.INACTIVE)
        and retrain is not None
        and (today - cycle.expires_on).days > retrain
    )
    reinstatement = _reinstatement_words(
        rules, cycle, status=status, needs_retraining=needs_retraining
    )
    evaluation = Evaluation(
        status=status,
        cycle=cycle,
        window_opens_on=opens,
        grace_until=grace_until,
        late_until=late_until,
        total=total,
        categories=category_progress,
        recency=tuple(recency_progress),
        allocations=tuple(allocations[a.id] for a in history),
        rules=rules,
        carry_out=carry_out,
        reinstatement=reinstatement,
        needs_retraining=needs_retraining,
    )
    return evaluation


def _status(
    rules: Rules,
    cycle: Cycle,
    *,
    today: datetime.date,
    opens: datetime.date,
    met: bool,
    grace_until: datetime.date | None,
    late_until: datetime.date | None,
) -> Status:
    if today <= cycle.expires_on:
        if today < opens:
            return Status.NOT_YET_OPEN
        return Status.READY if met else Status.GAP_OPEN
    if grace_until is not None and today <= grace_until:
        return Status.GRACE
    if late_until is not None and today <= late_until:
        return Status.LATE
    return Status.INACTIVE if rules.inactive_status else Status.LAPSED


def _reinstatement_words(
    rules: Rules, cycle: Cycle, *, status: Status, needs_retraining: bool
) -> tuple[str, ...]:
    if status not in (Status.LAPSED, Status.INACTIVE):
        return ()
    words = []
    r = rules.reinstatement
    ended = cycle.expires_on
    if needs_retraining:
        words.append("It has been out of date too long: you need to complete the training again.")
    elif r.extra_hours:
        words.append(
            f"To reinstate it you need {hours_words(r.extra_hours)} more on top of the usual."
        )
    if rules.only_after_expiry_after_lapse:
        words.append(f"Only hours you earn after {long_date(ended)} count toward reinstatement.")
    if r.note:
        words.append(r.note)
    return tuple(words)


def _sentences(ev: Evaluation, rules: Rules) -> list[str]:
    cycle = ev.cycle
    by = long_date(cycle.expires_on)
    missing = [p for p in (*ev.categories, *ev.recency) if p.gap > 0]
    short_activities = [p for p in ev.categories if p.gap == 0 and not p.met]
    out: list[str] = []
    if ev.total.required == 0 and not ev.categories_required:
        out.append(f"No continuing education is needed in this cycle, which ends on {by}.")
    elif ev.met:
        out.append(
            "You have all the hours you need for this cycle "
            f"({_number(ev.total.counted)} of {_number(ev.total.required)})."
        )
    else:
        parts = [f"{_number(p.gap)} more {_unit(p.gap)} of {p.label.lower()}" for p in missing]
        parts += [
            f"{p.activities_required - p.activities_counted} more {p.label.lower()} activity"
            for p in short_activities
        ]
        if ev.total.gap > 0:
            parts.append(f"{hours_words(ev.total.gap)} in total")
        deadline = by if ev.status in (Status.NOT_YET_OPEN, Status.GAP_OPEN, Status.READY) else None
        sentence = "You need " + _join(parts)
        out.append(sentence + (f" by {deadline}." if deadline else "."))
        for p in ev.categories:
            if p.required > 0 and p.gap > 0:
                out.append(
                    f"Your {p.label.lower()} hours so far: "
                    f"{_number(p.counted)} of {_number(p.required)}."
                )
    if ev.status == Status.NOT_YET_OPEN:
        out.append(f"You can apply to renew from {long_date(ev.window_opens_on)}.")
    elif ev.status == Status.READY:
        out.append(f"You can apply to renew now, until {by}.")
    elif ev.status == Status.GRACE and ev.grace_until:
        out.append(
            f"Your credential expired on {by}; "
            f"you can still renew until {long_date(ev.grace_until)}."
        )
    elif ev.status == Status.LATE and ev.late_until:
        fee = " (the board charges a late fee)" if rules.late_fee else ""
        out.append(
            f"Your credential expired on {by}; "
            f"the late renewal window{fee} closes on {long_date(ev.late_until)}."
        )
    elif ev.status in (Status.LAPSED, Status.INACTIVE):
        word = "inactive" if ev.status == Status.INACTIVE else "lapsed"
        out.append(f"Your credential expired on {by} and is now {word}.")
        out.extend(ev.reinstatement)
    return out
