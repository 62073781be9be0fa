"""Load the seeded boards' rule sets from ``renewals/data/*.yaml``, idempotently.

Used by the data migration (with its historical models) and by ``manage.py
load_renewal_rules`` (``seed_demo`` calls it). A version already stored is left as staff
edited it; only missing rule sets and versions are added, so running it twice changes
nothing.
"""

import datetime
from pathlib import Path
from typing import Any

import yaml

from . import engine

DATA_DIR = Path(__file__).resolve().parent / "data"


def rule_set_files() -> list[dict[str, Any]]:
    """Every seeded rule set, read and checked (a bad file stops with its name)."""
    out = []
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for version in data["versions"]:
            try:
                engine.rules_from_dict(version["rules"])
            except engine.RulesError as error:
                raise engine.RulesError(f"{path.name}: {error}") from error
        out.append(data)
    return out


def _effective(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def load_rule_sets(*, rule_set_model=None, version_model=None) -> int:
    """Add missing rule sets and versions; returns how many versions were added."""
    if rule_set_model is None or version_model is None:
        from .models import RuleSet, RuleVersion

        rule_set_model, version_model = RuleSet, RuleVersion
    added = 0
    for data in rule_set_files():
        rule_set, created = rule_set_model.objects.get_or_create(
            key=data["key"],
            defaults={
                "board": data["board"],
                "credential_name": data["credential"],
                "source_note": " ".join(data["source"].split()),
            },
        )
        # Set once, when the rule set is added (staff may change it later). The first
        # migration's historical model has no such field: migration 0002 sets it there.
        qualifies = data.get("qualifies_supervisors", False)
        if created and qualifies and hasattr(rule_set, "qualifies_supervisors"):
            rule_set_model.objects.filter(pk=rule_set.pk).update(qualifies_supervisors=True)
        for order, version in enumerate(data["versions"]):
            _, created = version_model.objects.get_or_create(
                rule_set=rule_set,
                effective_from=_effective(version["effective_from"]),
                defaults={
                    "rules": version["rules"],
                    "note": version.get("note", ""),
                    "sort_order": order,
                },
            )
            added += created
    return added
