"""Three matplotlib charts of who gets quoted; each is one call that returns the Figure.

    >>> from quotelens import plots
    >>> plots.quotes_per_speaker(result)          # doctest: +SKIP
    >>> plots.speaker_type_share(corpus_frame)    # doctest: +SKIP
    >>> plots.quotes_per_role(corpus_frame)       # doctest: +SKIP

``data`` is a ``Result``, a list of them, or a DataFrame from ``Result.to_dataframe()`` or
``attribute_many()`` (its error rows are left out). Bars are coloured by speaker type with the
Okabe-Ito colours of the widget palette, so the three charts read together. Across a corpus,
speakers are grouped by canonical name: two different people with the same name are counted as one.
Long names and roles are wrapped on at most two lines and cut with "…" on the chart only; the
DataFrame keeps them whole. Counts have whole-number ticks; shares run from 0 to 100%.
"""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from .needs import need
from .palette import load_palette

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

TYPES = ("person", "organization", "anonymous", "unknown")
_TYPE_SLOT = {"person": 4, "organization": 0, "anonymous": 6}  # blue, orange, reddish purple (palette.json)
UNKNOWN_SPEAKER = "(unknown speaker)"
NO_ROLE = "(no role stated)"
# A bar label of at most two lines of 28 characters keeps the bars at least half the 7.5-inch
# figure's width at the default 10-point font (checked by eye on docs/img/plot-*.png).
LABEL_WIDTH = 28
LABEL_LINES = 2


def short_label(text: str, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A chart label: wrapped at ``width`` on at most ``lines`` lines, the rest cut with "…"."""
    wrapped = textwrap.wrap(" ".join(str(text).split()), width, break_on_hyphens=False) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        last = wrapped[-1][: width - 1].rstrip()
        wrapped[-1] = last + "…"
    return "\n".join(wrapped)


def type_color(speaker_type: str) -> str:
    palette = load_palette()
    return palette["colours"][_TYPE_SLOT.get(speaker_type, palette["unknown_index"])]["hex"]


def quote_frame(data: Any) -> "pd.DataFrame":
    """Any accepted input -> a DataFrame of quote rows only (error rows dropped)."""
    pd = need("pandas", "quotelens.plots")

    from .results import QUOTE_COLUMNS, Result

    if isinstance(data, Result):
        return data.to_dataframe()
    if isinstance(data, pd.DataFrame):
        missing = {"speaker", "speaker_type", "role"} - set(data.columns)
        if missing:
            raise ValueError(f"the DataFrame lacks column(s) {', '.join(sorted(missing))}")
        return data[data["quote_id"].notna()] if "quote_id" in data.columns else data
    if isinstance(data, Iterable):
        frames = [r.to_dataframe().assign(doc_id=str(i)) for i, r in enumerate(data)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(QUOTE_COLUMNS))
    raise TypeError(f"plots take a Result, a list of Results or a DataFrame, not {type(data).__name__}")


def _figure(height: float):
    plt = need("matplotlib.pyplot", "quotelens.plots")
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(7.5, height), layout="constrained")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: 0, 2, 4, never 2.5
    plt.close(fig)  # returned, not also drawn by pyplot's inline hook: notebooks show it once
    return fig, ax


def _height(bars: int) -> float:
    """Inches: room for a two-line label per bar, plus the title and the axis."""
    return 1.3 + 0.42 * max(1, bars)


def _count_bars(ax: Any, labels: Sequence[str], counts: Sequence[int], colors: Sequence[str]) -> None:
    """Horizontal count bars, largest on top, each with its count; one bar per label even when two
    labels shorten alike (bars sit at positions, not at category names)."""
    positions = range(len(labels))
    ax.barh(list(positions), list(counts), color=list(colors))
    ax.set_yticks(list(positions), [short_label(label) for label in labels])
    for y, n in zip(positions, counts):
        ax.text(n, y, f" {n}", va="center")
    ax.set_xlim(0, max(counts) * 1.12 + 0.5)  # room for the count after the longest bar
    ax.set_xlabel("quotes")
    ax.spines[["top", "right"]].set_visible(False)


def _empty(fig: "Figure", ax: Any, title: str) -> "Figure":
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, "no quotes", ha="center", va="center", transform=ax.transAxes)
    return fig


def _type_legend(ax: Any, types: Iterable[str]) -> None:
    from matplotlib.patches import Patch

    present = [t for t in TYPES if t in set(types)]
    ax.legend(handles=[Patch(color=type_color(t), label=t) for t in present], title="speaker type",
              loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)


def quotes_per_speaker(data: Any, top: int = 15) -> "Figure":
    """Horizontal bars: the ``top`` most quoted speakers, quotes without a speaker as one bar."""
    frame = quote_frame(data)
    fig, ax = _figure(_height(min(top, frame["speaker"].nunique(dropna=False))))
    title = "Quotes per speaker"
    if frame.empty:
        return _empty(fig, ax, title)
    names = frame["speaker"].fillna(UNKNOWN_SPEAKER)
    types = frame["speaker_type"].fillna("unknown")
    counts = names.value_counts().head(top)
    kind_of = dict(zip(names, types))
    labels = list(counts.index)[::-1]
    _count_bars(ax, labels, [int(n) for n in counts.values][::-1], [type_color(kind_of[n]) for n in labels])
    ax.set_title(title if len(counts) == names.nunique() else f"{title} (top {top})")
    _type_legend(ax, [kind_of[n] for n in labels])
    return fig


def speaker_type_share(data: Any) -> "Figure":
    """Share of quotes by speaker type: person, organization, anonymous, unknown (not attributed)."""
    frame = quote_frame(data)
    fig, ax = _figure(2.4)
    title = "Share of quotes by speaker type"
    if frame.empty:
        return _empty(fig, ax, title)
    from matplotlib.ticker import MultipleLocator, PercentFormatter

    counts = frame["speaker_type"].fillna("unknown").value_counts()
    types = [t for t in TYPES if counts.get(t, 0)][::-1]
    shares = [100 * counts[t] / counts.sum() for t in types]
    ax.barh(types, shares, color=[type_color(t) for t in types])
    for y, (t, share) in enumerate(zip(types, shares)):
        # past the axis end if need be (clip_on=False; the layout makes room), so the axis stops at 100%
        ax.text(share, y, f" {share:.0f}% ({counts[t]})", va="center", clip_on=False)
    ax.set_xlim(0, 100)  # a share: the whole is 100%, never more
    ax.xaxis.set_major_locator(MultipleLocator(25))
    ax.xaxis.set_major_formatter(PercentFormatter(100, decimals=0))
    ax.set_xlabel(f"share of {int(counts.sum())} quotes")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def quotes_per_role(data: Any, top: int = 15) -> "Figure":
    """Horizontal bars: the roles speakers are quoted in ("spokesman", "Foreign Minister", ...)."""
    frame = quote_frame(data)
    fig, ax = _figure(_height(min(top, frame["role"].nunique(dropna=False))))
    title = "Quotes per speaker role"
    if frame.empty:
        return _empty(fig, ax, title)
    roles = frame["role"].fillna(NO_ROLE)
    counts = roles.value_counts().head(top)
    labels = list(counts.index)[::-1]
    _count_bars(ax, labels, [int(n) for n in counts.values][::-1],
                [type_color("unknown" if label == NO_ROLE else "person") for label in labels])
    ax.set_title(title if len(counts) == roles.nunique() else f"{title} (top {top})")
    return fig
