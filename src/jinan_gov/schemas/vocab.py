"""The vocabularies of the data dictionary: ids, codes and counts, without pandera.

Every name here is public as :mod:`jinan_gov.schemas`, next to the Pandera models that use
them. This module imports nothing heavy, so the library can check a code (a qualifier, a
status, a fact kind) without importing pandera; the models are imported on first validation.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = (
    "DIRECTIONS",
    "DOC_IDS",
    "EXTRACTED_QUALIFIERS",
    "FACT_KINDS",
    "FACT_UNITS",
    "FLAGS",
    "HEDGES",
    "INDICATOR_TABLES",
    "KINDS",
    "MEASURES",
    "MEETINGS",
    "MEETING_ROLES",
    "PERIODS",
    "QUALIFIERS",
    "RULES_ARTICLE_COUNT",
    "RULES_CHAPTER_COUNT",
    "RULES_DOC_ID",
    "RULE_QUALIFIERS",
    "SIGNATURE_ROLES",
    "STATUSES",
    "TIERS",
    "TIME_LIMIT_FACTS",
    "UNIT_MULTIPLIERS",
)

# --- Documents -------------------------------------------------------------------------

DOC_IDS = ("plan_2023", "work_rules_2023", "counsellors_2023")

# --- Target attainment -----------------------------------------------------------------

Status = Literal["exceeded", "met", "missed", "not_assessable"]
"""What :func:`jinan_gov.assess` says of a target: the one definition of the status codes."""
STATUSES: tuple[Status, ...] = get_args(Status)
TIERS = ("floor", "target", "stretch")

# --- The 2023 plan's indicators -------------------------------------------------------

INDICATOR_TABLES = ("outcomes_2022", "targets_2023", "tasks_2023")
KINDS = ("outcome", "target")
MEASURES = (
    "level",  # an amount or standard at a point in time: 总额4878.1亿元, 995元/月
    "growth_rate",  # % change on the previous year; declines are negative
    "share",  # % of a whole: 占比47%, 占地区生产总值比重2.75%
    "rate",  # another percentage level: coverage, pass rate, urbanisation rate
    "pp_change",  # change in percentage points: 提高1个百分点
    "change",  # an absolute change of a level: 生均公用经费基准提高200元
    "new",  # added during the year: 新增, 新建, 完成, 培育
    "cumulative",  # a running total or stock count: 累计, 总数, 达到N家
    "rank",  # a position in a ranking: 第6位
    "qualitative",  # no figure: 完成省下达的…约束性指标
)
QUALIFIERS = (
    "plain",  # a figure with no qualifier
    "at_least",  # 以上, 不低于, 不少于
    "about",  # 左右
    "cap_about",  # 控制在…左右
    "at_most",  # 以内, 以下, 不超过, 控制在…以内
    "exceed",  # 突破, 超过, 过, …余 (more than)
    "reach",  # 达到
    "above_benchmark",  # 高于全省平均水平: relative to a benchmark, no own figure
    "in_step",  # 与经济增长同步: growth in step with a benchmark, no own figure (other reports)
    "range",  # 2—3个, 3~5个百分点: value .. value_upper
    "tiers",  # 不低于20天、目标25天、力争30天: value, value_target, value_stretch
    "strive",  # 力争: an aspiration
    "qualitative",  # no figure at all
)
DIRECTIONS = ("higher", "lower", "neutral")
FLAGS = ("suspect_unit", "suspect_value", "ambiguous")
UNIT_MULTIPLIERS = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))

# --- Targets read from any plan or work report (jinan_gov.extract) ----------------------

EXTRACTED_QUALIFIERS = tuple(qualifier for qualifier in QUALIFIERS if qualifier != "tiers")

# --- The Work Rules (济政发〔2023〕6号) ------------------------------------------------

RULES_DOC_ID = "work_rules_2023"
RULES_CHAPTER_COUNT = 13
RULES_ARTICLE_COUNT = 76
FACT_KINDS = ("meeting", "time_limit", "frequency", "length_limit", "signature", "silence")
MEETINGS = ("plenary", "executive", "mayor_office", "special_topic")
MEETING_ROLES = (
    "members",  # 组成: the meeting's members
    "convened_by",  # 召集
    "chaired_by",  # 主持
    "attendees",  # 列席/出席: people who attend without being members
    "tasks",  # 主要任务
    "decides",  # matters the meeting discusses and decides (讨论决定)
    "agenda_proposed_by",  # who proposes items (议题) for the meeting (提出)
    "agenda_set_by",  # who decides which items go on the agenda (确定)
    "leave",  # whom to ask for leave (请假) when one cannot attend
)
SIGNATURE_ROLES = (
    "signs",  # 签发, 签批, 签署, 圈阅: puts the final signature or mark on the document
    "vets",  # 审核把关, 审阅: checks the document before it is signed or issued
    "approves",  # 审定同意: must approve before the document is issued
)
FACT_UNITS = ("working_days", "days", "times", "characters", "topics", "briefings", "matters")
TIME_LIMIT_FACTS = (
    "meeting_documents_issue_working_days",
    "countersign_reply_working_days",
    "meeting_decisions_published_promptly",
    "deputy_suggestions_time_limited",
    "documents_handled_within_prescribed_limits",
    "rules_filed_promptly",
    "national_meetings_reported_in_advance",
    "invitations_requested_in_advance",
    "leave_requested_in_advance",
    "countersign_delay_agree_deadline",
)
"""The ``fact_id`` of every time limit of the Work Rules (``kind == "time_limit"`` in
:func:`jinan_gov.rules.facts`), in article order. The first two set a number of working days
and have a :func:`jinan_gov.rules.due_date`; the others set a limit without a figure (及时,
提前, 按规定时限)."""

PERIODS = ("per_month", "per_quarter", "per_year")
RULE_QUALIFIERS = ("at_most", "at_least", "about", "exactly")
HEDGES = ("generally", "in_principle")


# --- Defaults outside the data dictionary (here so the command line reads them cheaply) -----

DEFAULT_TOLERANCE = 0.05
"""Relative tolerance of a 左右 ("about") target: 6%左右 is met from 5.7 to 6.3."""

# --- Export formats (the ones jinan_gov.export writes) ---------------------------------

ExportFormat = Literal["csv", "parquet", "datapackage"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "parquet", "datapackage")


def __dir__() -> list[str]:
    return list(__all__)
