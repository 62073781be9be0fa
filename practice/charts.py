"""The weekly-hours bar chart on the practice log: where each bar and its label go.

Each week has one slot; its bar and its date label share the slot's centre, so a label can
never drift from its bar (they used to sit in a table whose first column held the row
header, which put every bar one week left of its label). Hours sent for sign-off and drafts
are stacked apart, drafts on top in a lighter pattern.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .selectors import WeekHours

SLOT = 48  # width of one week in SVG units
BAR = 28  # bar width, centred in its slot
BASELINE = 100  # y of the axis; bars grow up from here
PLOT_HEIGHT = 92  # the tallest bar
LABEL_Y = 116  # baseline of the date labels
HEIGHT = 124  # the viewBox height


@dataclass(frozen=True)
class WeekBar:
    week: WeekHours
    center: int  # x of the slot's centre: the bar's middle and the label's anchor
    x: int
    sent_y: int
    sent_height: int
    draft_y: int
    draft_height: int


@dataclass(frozen=True)
class WeekChart:
    bars: list[WeekBar]
    width: int
    height: int = HEIGHT
    baseline: int = BASELINE
    label_y: int = LABEL_Y
    bar_width: int = BAR


def week_chart(weeks: Sequence[WeekHours]) -> WeekChart:
    """Bar geometry for ``weeks``, oldest first, scaled so the busiest week fills the plot."""
    peak = max((week.hours + week.drafts for week in weeks), default=Decimal(0)) or Decimal(1)
    bars = []
    for i, week in enumerate(weeks):
        center = SLOT * i + SLOT // 2
        sent = round(PLOT_HEIGHT * week.hours / peak)
        drafts = round(PLOT_HEIGHT * (week.hours + week.drafts) / peak) - sent
        bars.append(
            WeekBar(
                week=week,
                center=center,
                x=center - BAR // 2,
                sent_y=BASELINE - sent,
                sent_height=sent,
                draft_y=BASELINE - sent - drafts,
                draft_height=drafts,
            )
        )
    return WeekChart(bars=bars, width=SLOT * len(weeks))
