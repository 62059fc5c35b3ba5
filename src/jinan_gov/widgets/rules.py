"""The Work Rules explorer: search, read an article, list facts, compute deadlines.

:func:`rules_explorer` builds the widgets; every output (:func:`search_html`,
:func:`article_html`, :func:`facts_html`, :func:`deadline_html`) is a plain function that
returns HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

import ipywidgets as widgets
import polars as pl

from jinan_gov import rules
from jinan_gov.errors import CalendarNotPublishedError
from jinan_gov.rules import select_facts
from jinan_gov.schemas import FACT_KINDS, MEETINGS
from jinan_gov.widgets import _html
from jinan_gov.workdays import add_working_days, day_kind, holiday_name

__all__ = (
    "KIND_LABELS",
    "RulesExplorer",
    "article_html",
    "deadline_html",
    "deadline_options",
    "facts_html",
    "facts_table",
    "rules_explorer",
    "search_html",
)

KIND_LABELS: Final[Mapping[str, str]] = {
    "meeting": "会议 meetings",
    "time_limit": "时限 time limits",
    "frequency": "频次 frequencies",
    "length_limit": "篇幅 length limits",
    "signature": "签发 who signs",
    "silence": "逾期 silence and delay",
}
"""A bilingual label for each kind of Work Rules fact."""

_MEETING_LABELS: Final[Mapping[str, str]] = {
    "plenary": "全体会议 plenary",
    "executive": "常务会议 executive",
    "mayor_office": "市长办公会议 mayor's office",
    "special_topic": "专题会议 special topic",
}
_WEEKDAYS = ("Mon 周一", "Tue 周二", "Wed 周三", "Thu 周四", "Fri 周五", "Sat 周六", "Sun 周日")
facts_table = select_facts
"""The facts of one kind and/or about one meeting: :func:`jinan_gov.rules.select_facts`."""

_DAY_STYLES: Final[Mapping[str, tuple[str, str]]] = {
    "working": ("#d9f0d3", "working day 工作日"),
    "makeup": ("#9ecae1", "make-up working day 调休上班"),
    "weekend": ("#eeeeee", "weekend 周末"),
    "holiday": ("#fdae6b", "public holiday 法定假日"),
}
_SEARCH_HINT = (
    "Ask in Chinese or English, e.g. 会签文件一般应在几个工作日内回复? or "
    "'How often does the executive meeting meet?'"
)


def search_html(query: str, limit: int = 5) -> str:
    """Ranked articles for a question, as an HTML table (a hint for an empty query).

    >>> "第五十条" in search_html("会签 工作日")
    True
    >>> "No article matches" in search_html("zzzz")
    True
    """
    if not query.strip():
        return _html.message(_SEARCH_HINT)
    found = rules.search(query, limit=limit)
    if found.is_empty():
        return _html.message(f"No article matches {query.strip()!r}. 没有匹配的条文。")
    rows = [
        [
            _html.td(str(rank), numeric=True),
            _html.td(_html.bilingual(row["label_zh"], f"Art. {row['article_no']}")),
            _html.td(_html.esc(row["title_en"])),
            _html.td(f'<span class="jg-quote">{_html.esc(row["snippet"])}</span>'),
            _html.td(f"{row['score']:.1f}", numeric=True),
        ]
        for rank, row in enumerate(found.iter_rows(named=True), start=1)
    ]
    return _html.html_table(
        ("#", "条 article", "title", "摘录 snippet", "score"), rows, scroll=False
    )


def article_html(ref: int | str) -> str:
    """One article of the Work Rules: chapter, English title and summary, Chinese text.

    >>> page = article_html(39)
    >>> "第三十九条" in page and "会议制度" in page and "Meetings" in page
    True
    """
    art = rules.article(ref)
    paragraphs = "".join(f"<p>{_html.esc(line)}</p>" for line in art.text.splitlines())
    facts = rules.facts().filter(article_no=art.number)
    listed = "".join(
        f"<li>{_html.esc(row['subject_zh'])} · {_html.en(row['detail_en'])}</li>"
        for row in facts.iter_rows(named=True)
    )
    facts_part = f"<p><b>Facts from this article 本条要点</b></p><ul>{listed}</ul>" * bool(listed)
    return (
        f'{_html.CSS}<div class="jg-article">'
        f'<p class="jg-en">第{art.chapter_no}章 {_html.esc(art.chapter_title_zh)} · '
        f"Chapter {art.chapter_no}: {_html.esc(art.chapter_title_en)}</p>"
        f"<h4>{_html.esc(art.label_zh)} · Article {art.number}: {_html.esc(art.title_en)}</h4>"
        f'<p class="jg-en"><i>{_html.esc(art.summary_en)}</i></p>'
        f"{paragraphs}{facts_part}</div>"
    )


def facts_html(facts: pl.DataFrame) -> str:
    """An HTML table of Work Rules facts (rows of :func:`jinan_gov.rules.facts`)."""
    header = ("条 article", "kind", "事项 subject", "who 谁", "figure 数字", "detail · 原文")
    return _html.frame_table(
        facts, header, _fact_cells, empty="No fact matches these filters. 没有符合条件的规定。"
    )


def _fact_cells(row: dict[str, Any]) -> list[str]:
    who = _html.bilingual(row["who_zh"], row["who_en"]) if row["who_zh"] else ""
    figure = _html.esc(row["figure_zh"] or "")
    for detail in (row["period"], row["hedge"]):
        if detail:
            figure += f"<br>{_html.en(detail.replace('_', ' '))}"
    label = rules.article(row["article_no"]).label_zh
    return [
        _html.td(_html.bilingual(label, f"Art. {row['article_no']}")),
        _html.td(_html.esc(KIND_LABELS[row["kind"]])),
        _html.td(_html.bilingual(row["subject_zh"], row["subject_en"])),
        _html.td(who),
        _html.td(figure),
        _html.td(f"{_html.esc(row['detail_en'])}<br>{_quote(row['quote'])}"),
    ]


def _quote(text: str) -> str:
    return f"<span class='jg-quote'>“{_html.esc(text)}”</span>"


def deadline_options() -> list[tuple[str, str]]:
    """Dropdown options for the deadline calculator: the time limits counted in days.

    Each is ``(label, fact_id)``; the last, ``("…", "")``, stands for a custom number of
    working days.

    >>> [fact_id for _, fact_id in deadline_options()]
    ['meeting_documents_issue_working_days', 'countersign_reply_working_days', '']
    """
    limits = rules.facts().filter(
        pl.col("kind") == "time_limit", pl.col("unit").is_in(["working_days", "days"])
    )
    options = [
        (f"{row['figure_zh']} · {row['subject_en']} (Art. {row['article_no']})", row["fact_id"])
        for row in limits.iter_rows(named=True)
    ]
    return [*options, ("自定义 Custom number of working days", "")]


def _day_strip(start: dt.date, due: dt.date) -> str:
    """One coloured cell per day after ``start`` up to ``due``, with a legend."""
    cells = []
    day = start + dt.timedelta(days=1)
    while day <= due:
        kind, holiday = day_kind(day), holiday_name(day)
        color, title = _DAY_STYLES[kind]
        label = f"{day:%m-%d}<br>{_WEEKDAYS[day.weekday()][:3]}"
        if holiday:
            label += f"<br>{_html.esc(holiday)}"
        cells.append(
            f'<span class="jg-day" style="background:{color}" title="{_html.esc(title)}">'
            f"{label}</span>"
        )
        day += dt.timedelta(days=1)
    legend = " ".join(
        f'<span class="jg-day" style="background:{color}">{_html.esc(title)}</span>'
        for color, title in _DAY_STYLES.values()
    )
    return f"<div>{''.join(cells)}</div><div>{legend}</div>"


def deadline_html(start: dt.date | None, fact_id: str = "", working_days: int = 5) -> str:
    """The due date of a time limit of the Work Rules, as HTML; never raises for bad dates.

    Parameters
    ----------
    start
        The day the clock starts (the day itself never counts); ``None`` asks for a date.
    fact_id
        A time-limit fact (see :func:`deadline_options`), or ``""`` to count
        ``working_days`` working days.
    working_days
        The number of working days when ``fact_id`` is ``""``.

    Returns
    -------
    str
        The due date with the days counted, or a message: no date picked, a year whose
        official calendar is not published (e.g. 2030), a negative count.

    Examples
    --------
    >>> "2023-05-09" in deadline_html(dt.date(2023, 4, 28), "countersign_reply_working_days")
    True
    >>> "not published" in deadline_html(dt.date(2030, 1, 2), "", 3)
    True
    """
    if start is None:
        return _html.message("Pick a start date. 请选择起始日期。")
    if fact_id:
        fact = rules.facts().filter(fact_id=fact_id).row(0, named=True)
        what = f"{fact['figure_zh']} · {fact['subject_en']}"
        source = (
            f"<p class='jg-en'>{rules.article(fact['article_no']).label_zh} · "
            f"Art. {fact['article_no']} · {_html.esc(fact['detail_en'])}</p>"
            f"<p class='jg-quote'>“{_html.esc(fact['quote'])}”</p>"
        )
    else:
        if working_days < 0:
            return _html.message(
                f"The number of working days must be 0 or more, got {working_days}."
            )
        what = f"{working_days} working days 个工作日"
        source = ""
    try:
        due = rules.due_date(fact_id, start) if fact_id else add_working_days(start, working_days)
    except CalendarNotPublishedError as error:
        return _html.message(
            f"China's official working-day calendar is not published for this period, so no "
            f"due date is given (官方节假日安排尚未公布): {error}"
        )
    strip = _day_strip(start, due) if (due - start).days <= 62 else ""
    return (
        f"{_html.CSS}<p class='jg-summary'>"
        f"Due 截止: {due.isoformat()} ({_WEEKDAYS[due.weekday()]})</p>"
        f"<p>{_html.esc(what)}, counted from the day after {start.isoformat()} "
        f"({_WEEKDAYS[start.weekday()]}) on China's official calendar (weekends and public "
        f"holidays skipped, make-up working days counted).</p>{source}{strip}"
    )


@dataclass(eq=False)
class RulesExplorer:
    """The widgets of :func:`rules_explorer`; displays as :attr:`container` (three tabs).

    Set ``query.value`` (search; the top hit opens in the article viewer),
    ``article_no.value`` (1-76), ``fact_kind.value``/``meeting.value`` (fact filters),
    ``start.value`` (a ``datetime.date``), ``limit.value`` (a fact id, ``""`` for custom) or
    ``working_days.value``: the matching HTML output follows.
    """

    query: widgets.Text
    results: widgets.HTML
    article_no: widgets.IntSlider
    article: widgets.HTML
    fact_kind: widgets.Dropdown
    meeting: widgets.Dropdown
    facts: widgets.HTML
    start: widgets.DatePicker
    limit: widgets.Dropdown
    working_days: widgets.BoundedIntText
    due: widgets.HTML
    container: widgets.Tab

    def search(self, change: object = None) -> None:
        """Run the search box's query; open the top hit in the article viewer."""
        query = str(self.query.value)
        self.results.value = search_html(query)
        if query.strip():
            found = rules.search(query, limit=1)
            if not found.is_empty():
                self.article_no.value = int(found["article_no"][0])

    def show_article(self, change: object = None) -> None:
        """Show the article the viewer's slider points at."""
        self.article.value = article_html(int(self.article_no.value))

    def filter_facts(self, change: object = None) -> None:
        """List the facts of the chosen kind and meeting."""
        self.facts.value = facts_html(facts_table(self.fact_kind.value, self.meeting.value))

    def compute_due(self, change: object = None) -> None:
        """Compute the due date of the chosen limit from the chosen start."""
        fact_id = str(self.limit.value)
        if fact_id:
            value = rules.facts().filter(fact_id=fact_id)["value"].item()
            self.working_days.value = int(value)
        self.working_days.disabled = bool(fact_id)
        self.due.value = deadline_html(self.start.value, fact_id, int(self.working_days.value))

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return _html.display_bundle(self.container, kwargs, self.static_html())

    def static_html(self) -> str:
        """The explorer as it stands, as static HTML: one section per tab."""
        tabs = (
            ("检索 Search", self.results.value + self.article.value),
            ("要点 Facts", self.facts.value),
            ("期限 Deadlines", self.due.value),
        )
        return "".join(f"<h4>{title}</h4>{html}" for title, html in tabs)


def rules_explorer(
    query: str = "会签文件一般应在几个工作日内回复?", start: dt.date | None = None
) -> RulesExplorer:
    """Explore the Work Rules: search, read, list facts, compute deadlines.

    Parameters
    ----------
    query
        The initial search (Chinese or English).
    start
        The initial start of the deadline calculator (default 2023-04-28, the Friday before
        the 2023 May Day break).

    Returns
    -------
    RulesExplorer
        Tabs "Search" (``query`` → ``results``, ``article_no`` → ``article``),
        "Facts" (``fact_kind``, ``meeting`` → ``facts``) and "Deadlines" (``start``,
        ``limit``, ``working_days`` → ``due``).
    """
    style = {"description_width": "9em"}
    line: dict[str, Any] = {
        "continuous_update": False,
        "style": style,
        "layout": widgets.Layout(width="46em"),
    }
    options = deadline_options()
    explorer = RulesExplorer(
        query=widgets.Text(
            value=query, placeholder=_SEARCH_HINT, description="检索 Search", **line
        ),
        results=widgets.HTML(),
        article_no=widgets.IntSlider(value=1, min=1, max=76, description="条 Article", **line),
        article=widgets.HTML(),
        fact_kind=widgets.Dropdown(
            options=[("全部 All kinds", "")] + [(KIND_LABELS[k], k) for k in FACT_KINDS],
            value="meeting",
            description="类别 Kind",
            style=style,
        ),
        meeting=widgets.Dropdown(
            options=[("全部 All meetings", "")] + [(_MEETING_LABELS[m], m) for m in MEETINGS],
            value="",
            description="会议 Meeting",
            style=style,
        ),
        facts=widgets.HTML(),
        start=widgets.DatePicker(
            value=start or dt.date(2023, 4, 28), description="起始 Start", style=style
        ),
        limit=widgets.Dropdown(
            options=options,
            value=options[1][1],
            description="时限 Limit",
            style=style,
            layout=line["layout"],
        ),
        working_days=widgets.BoundedIntText(
            value=5, min=0, max=250, description="工作日 Days", style=style
        ),
        due=widgets.HTML(),
        container=widgets.Tab(),
    )
    explorer.container.children = [
        widgets.VBox([explorer.query, explorer.results, explorer.article_no, explorer.article]),
        widgets.VBox([widgets.HBox([explorer.fact_kind, explorer.meeting]), explorer.facts]),
        widgets.VBox(
            [explorer.start, explorer.limit, explorer.working_days, explorer.due],
        ),
    ]
    explorer.container.titles = (
        "检索 Search",
        "要点 Facts",
        "期限 Deadlines",
    )
    explorer.container.add_class("jg-rules-explorer")
    explorer.query.observe(explorer.search, names="value")
    explorer.article_no.observe(explorer.show_article, names="value")
    _html.observe(explorer.filter_facts, explorer.fact_kind, explorer.meeting)
    _html.observe(explorer.compute_due, explorer.start, explorer.limit, explorer.working_days)
    explorer.show_article()
    explorer.search()
    explorer.filter_facts()
    explorer.compute_due()
    return explorer


def __dir__() -> list[str]:
    return list(__all__)
