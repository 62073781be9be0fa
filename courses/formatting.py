from decimal import Decimal


def format_hours(value: Decimal) -> str:
    """2.50 -> "2.5", 10.00 -> "10", 0.25 -> "0.25"."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"
