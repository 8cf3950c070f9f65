"""Altair charts for the Kwaliteitskompas, built from ``compass.CompassView`` (plain data):
shown in the app and rendered to PNG (vl-convert) for the report.

Every builder takes the ``language`` of its words (titles, legends, tooltips, the status
words): the page passes the viewer's, the exports keep the default, Dutch. What people
wrote (result titles, indicator and partner names) is shown as written; numbers and
amounts keep the Dutch format in every language."""

from __future__ import annotations

import math

import altair as alt

from kompas import formats, i18n
from kompas.compass.rules import (
    STATUS_NO_DATA,
    STATUS_OFF_TRACK,
    STATUS_ON_TRACK,
    STATUS_REACHED,
    STATUS_STORY,
)
from kompas.compass.view import NO_PARTNER, CompassView, IndicatorView

# Colours meet WCAG AA (≥ 3:1 for graphics) on white; shapes repeat the status for
# people who cannot tell the colours apart.
STATUS_COLORS = {
    STATUS_REACHED: "#1f5f8b",
    STATUS_ON_TRACK: "#2e7d32",
    STATUS_OFF_TRACK: "#c62828",
    STATUS_NO_DATA: "#6b6b6b",
    STATUS_STORY: "#7b4f9d",
}
STATUS_SHAPES = {
    STATUS_REACHED: "diamond",
    STATUS_ON_TRACK: "circle",
    STATUS_OFF_TRACK: "triangle-down",
    STATUS_NO_DATA: "square",
    STATUS_STORY: "cross",
}
BUDGET_COLOR = "#1f5f8b"
GAP_COLOR = "#c62828"
FONT_SIZE = 15
ROW_HEIGHT = 40
LABEL_WIDTH = 420


SMALL_LABEL_WIDTH = 220  # the names beside a budget bar in a half-width chart
BAR_SIZE = 22  # one or two bars stay bars, not blocks


def money_ticks(top: float) -> list[float]:
    """Axis values in euro from 0 to ``top``: at most four, a round step (1, 2 or 5 times
    a power of ten), so one small budget never gives '€ 0, € 1, € 1'."""
    if top <= 0:
        return [0]
    base = 10 ** (math.floor(math.log10(top)) - 1)
    step = next(base * f for f in (1, 2, 5, 10, 20, 50, 100) if top / (base * f) <= 3)
    step = max(step, 1)  # whole euros on the axis; smaller amounts show at the bar
    return [i * step for i in range(int(top // step) + 1)]


# '€ 2.000', '€ 2,5 mln' (the chart's locale puts the Dutch separators in)
MONEY_LABEL = (
    "datum.value >= 1000000 ? '€ ' + format(datum.value / 1000000, ',.1~f') + ' mln' "
    ": '€ ' + format(datum.value, ',.0f')"
)


def _money_x(top: float, *, title: str | None) -> alt.X:
    """The budget axis: round ticks in euro, or no axis at all when nothing has a budget."""
    if top <= 0:
        return alt.X("budget:Q", title=None, scale=alt.Scale(domain=[0, 1]), axis=None)
    domain = top * 1.4  # room for the amount beside the longest bar
    return alt.X(
        "budget:Q",
        title=title,
        scale=alt.Scale(domain=[0, domain], nice=False),
        axis=alt.Axis(labelExpr=MONEY_LABEL, values=money_ticks(domain), grid=True),
    )


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _status(status: str, language: str) -> str:
    """The status word shown in a chart (legend, tooltip)."""
    return i18n.label("compass_status", status, language)


def _status_scale(language: str) -> alt.Scale:
    return alt.Scale(
        domain=[_status(s, language) for s in STATUS_COLORS], range=list(STATUS_COLORS.values())
    )


def _shape_scale(language: str) -> alt.Scale:
    return alt.Scale(
        domain=[_status(s, language) for s in STATUS_SHAPES], range=list(STATUS_SHAPES.values())
    )


NL_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "time": {
        "dateTime": "%a %e %B %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": list(formats.MONTHS),
        "shortMonths": [
            "jan",
            "feb",
            "mrt",
            "apr",
            "mei",
            "jun",
            "jul",
            "aug",
            "sep",
            "okt",
            "nov",
            "dec",
        ],
    },
}


def _configure(chart, label_width: int = LABEL_WIDTH):
    return (
        chart.configure(locale=NL_LOCALE)
        # no ARIA descriptions of axes and legends: Vega writes them in English ("X-axis
        # titled …"); the text beside every chart says the same in Dutch
        .configure_axis(
            labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelLimit=label_width, aria=False
        )
        .configure_legend(
            labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, orient="bottom", aria=False
        )
        .configure_title(fontSize=FONT_SIZE + 3, anchor="start")
        .configure_view(strokeWidth=0)
    )


def _wrap(text: str, width: int = 28, lines: int = 2) -> str:
    """Break a title into at most ``lines`` lines joined by '|' (split again by labelExpr)."""
    out, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = _short(out[-1] + " …", width)
    return "|".join(_short(x, width + 4) for x in out)


def _result_labels(view: CompassView) -> list[str]:
    """Unique y labels of at most two lines, in display order (duplicates get a number)."""
    labels, seen = [], {}
    for rv in view.results:
        label = _wrap(rv.title.replace("|", "/"))
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return labels


def results_inputs_chart(
    view: CompassView, *, width: int = 900, language: str = i18n.DEFAULT
) -> alt.Chart:
    """Results versus inputs, one row per result: left the progress of each indicator
    (0% = nulmeting, 100% = streefwaarde, colour and shape = status), right the budget
    that reaches the result, with 'geen activiteit' where nothing contributes."""
    # about 30% for the result titles, 42% progress, 28% budget
    left, right = _results_inputs_parts(view, int(width * 0.42), int(width * 0.26), language)
    return _configure(alt.hconcat(left, right, spacing=14), label_width=int(width * 0.3))


def _results_inputs_parts(view: CompassView, left_width, right_width, language: str) -> tuple:
    def t(key: str, **values: object) -> str:
        return i18n.text(f"compass.chart_{key}", language, **values)

    labels = _result_labels(view)
    not_linked = t("not_linked")
    order = labels + (
        [not_linked] if any(rid is None for rid, _, _ in view.budget_per_result) else []
    )
    points, bars = [], []
    slots = max([len(rv.indicators) for rv in view.results] + [1])
    row_height = max(ROW_HEIGHT, 24 * slots + 12)
    for label, rv in zip(labels, view.results):
        for slot, iv in enumerate(rv.indicators):
            pct = None if iv.progress is None else round(iv.progress * 100, 1)
            if pct is None:
                pct = 100.0 if iv.status == STATUS_REACHED else 0.0
            points.append(
                {
                    "resultaat": label,
                    "indicator": iv.name,
                    "naam": _short(iv.name, 30),
                    "slot": slot,
                    "status": _status(iv.status, language),
                    "voortgang": pct,
                    "waarden": _values_text(iv, language),
                }
            )
        bars.append(
            {
                "resultaat": label,
                "budget": rv.budget_cents / 100,
                "bedrag": formats.money_short(rv.budget_cents)
                if rv.activity_ids
                else t("no_activity"),
                "gat": not rv.activity_ids,
            }
        )
    for rid, _title, cents in view.budget_per_result:
        if rid is None:
            bars.append(
                {
                    "resultaat": not_linked,
                    "budget": cents / 100,
                    "bedrag": formats.money_short(cents),
                    "gat": True,
                }
            )
    height = max(len(order), 1) * row_height
    y = alt.Y(
        "resultaat:N",
        sort=order,
        title=None,
        scale=_band(order),
        axis=alt.Axis(labelExpr="split(datum.label, '|')", labelPadding=6),
    )
    offset = alt.YOffset("slot:O", scale=alt.Scale(paddingOuter=0.3))
    left_base = (
        alt.Chart(alt.Data(values=points))
        if points
        else alt.Chart(
            alt.Data(
                values=[
                    {
                        "resultaat": order[0] if order else "",
                        "voortgang": 0,
                        "status": _status(STATUS_NO_DATA, language),
                        "indicator": "",
                        "waarden": "",
                        "slot": 0,
                        "naam": "",
                    }
                ]
            )
        )
    )
    band = (
        alt.Chart(alt.Data(values=[{"x": 0, "x2": 100}]))
        .mark_rect(color="#eef3f7")
        .encode(x=alt.X("x:Q"), x2="x2:Q")
    )
    target = (
        alt.Chart(alt.Data(values=[{"x": 100}]))
        .mark_rule(color="#333", strokeDash=[4, 3])
        .encode(x="x:Q")
    )
    dots = left_base.mark_point(size=260, filled=True, opacity=0.9 if points else 0).encode(
        x=alt.X(
            "voortgang:Q",
            title=t("progress_axis"),
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(values=[0, 25, 50, 75, 100], labelExpr="datum.value + '%'"),
        ),
        y=y,
        yOffset=offset,
        color=alt.Color("status:N", scale=_status_scale(language), title=t("status")),
        shape=alt.Shape("status:N", scale=_shape_scale(language), title=t("status")),
        tooltip=[
            alt.Tooltip("indicator:N", title=t("indicator")),
            alt.Tooltip("status:N", title=t("status")),
            alt.Tooltip("waarden:N", title=t("values")),
        ],
    )
    names = left_base.mark_text(fontSize=FONT_SIZE - 3, color="#222", opacity=1 if points else 0)
    names_right = (
        names.transform_filter("datum.voortgang <= 50")
        .mark_text(align="left", dx=13, fontSize=FONT_SIZE - 2, color="#222")
        .encode(x="voortgang:Q", y=y, yOffset=offset, text="naam:N")
    )
    names_left = (
        names.transform_filter("datum.voortgang > 50")
        .mark_text(align="right", dx=-13, fontSize=FONT_SIZE - 2, color="#222")
        .encode(x="voortgang:Q", y=y, yOffset=offset, text="naam:N")
    )
    left = alt.layer(band, target, dots, names_right, names_left).properties(
        width=left_width, height=height, title=t("results_title")
    )
    right_base = alt.Chart(
        alt.Data(values=bars or [{"resultaat": "", "budget": 0, "bedrag": "", "gat": False}])
    )
    max_budget = max([b["budget"] for b in bars] + [0])
    bar = right_base.mark_bar(height=min(row_height * 0.5, 28)).encode(
        x=_money_x(max_budget, title=t("budget_axis")),
        y=alt.Y("resultaat:N", sort=order, title=None, axis=None, scale=_band(order)),
        color=alt.condition("datum.gat", alt.value(GAP_COLOR), alt.value(BUDGET_COLOR)),
        tooltip=[
            alt.Tooltip("resultaat:N", title=t("result")),
            alt.Tooltip("bedrag:N", title=t("budget")),
        ],
    )
    text = right_base.mark_text(align="left", dx=6, fontSize=FONT_SIZE, fontWeight="bold").encode(
        x="budget:Q",
        y=alt.Y("resultaat:N", sort=order, axis=None, scale=_band(order)),
        text="bedrag:N",
        color=alt.condition("datum.gat", alt.value(GAP_COLOR), alt.value("#222")),
    )
    right = alt.layer(bar, text).properties(
        width=right_width, height=height, title=t("inputs_title")
    )
    return left, right


def _band(order: list[str]) -> alt.Scale:
    return alt.Scale(domain=order, type="band", paddingInner=0.15, paddingOuter=0.1)


def _values_text(iv: IndicatorView, language: str = i18n.DEFAULT) -> str:
    unit = f" {iv.unit}" if iv.unit else ""
    latest = iv.latest.value if iv.latest is not None else None
    return i18n.text(
        "compass.chart_values_text",
        language,
        baseline=formats.smart_number(iv.baseline_value),
        latest=formats.smart_number(latest),
        target=formats.smart_number(iv.target_value),
        unit=unit,
    )


def budget_per_result_chart(
    view: CompassView, *, width: int = 520, language: str = i18n.DEFAULT
) -> alt.Chart | None:
    """Bars of the budget per result; None when no activity has a budget yet (the page
    says so in a sentence instead of drawing an empty axis)."""
    not_linked = i18n.text("compass.chart_not_linked", language)
    rows = [
        {
            "resultaat": _short(not_linked if rid is None else title),
            "budget": cents / 100,
            "bedrag": formats.money_short(cents),
        }
        for rid, title, cents in view.budget_per_result
    ]
    return _budget_bars(rows, "resultaat", "budget_per_result", width, language)


def budget_per_partner_chart(
    view: CompassView, *, width: int = 520, language: str = i18n.DEFAULT
) -> alt.Chart | None:
    """Bars of the budget per partner; None when there is no budget yet."""
    no_partner = i18n.text("compass.chart_no_partner", language)
    rows = [
        {
            "partner": _short(no_partner if name == NO_PARTNER else name),
            "budget": cents / 100,
            "bedrag": formats.money_short(cents),
        }
        for name, cents in view.budget_per_partner
    ]
    return _budget_bars(rows, "partner", "budget_per_partner", width, language)


def _budget_bars(
    rows: list[dict], field: str, title: str, width: int, language: str
) -> alt.Chart | None:
    """``title``: the key of the chart's title (``compass.chart_<title>``); the tooltip
    names the bar by ``compass.chart_tooltip_<field>``."""

    def t(key: str) -> str:
        return i18n.text(f"compass.chart_{key}", language)

    max_budget = max([r["budget"] for r in rows] + [0])
    if max_budget <= 0:
        return None
    order = [r[field] for r in rows]
    base = alt.Chart(alt.Data(values=rows))
    y = alt.Y(f"{field}:N", sort=order, title=None)
    bar = base.mark_bar(color=BUDGET_COLOR, size=BAR_SIZE).encode(
        x=_money_x(max_budget, title=t("budget_axis")),
        y=y,
        tooltip=[
            alt.Tooltip(f"{field}:N", title=t(f"tooltip_{field}")),
            alt.Tooltip("bedrag:N", title=t("budget")),
        ],
    )
    text = base.mark_text(align="left", dx=6, fontSize=FONT_SIZE - 1).encode(
        x="budget:Q", y=y, text="bedrag:N"
    )
    return _configure(
        alt.layer(bar, text).properties(
            width=width, height=max(len(rows), 2) * ROW_HEIGHT, title=t(title)
        ),
        label_width=SMALL_LABEL_WIDTH,
    )
