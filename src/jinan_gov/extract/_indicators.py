"""Indicator keys: one snake_case key per concept, the same in every document.

A key names a concept *and* its measure (``gdp`` is the level, ``gdp_growth`` its growth
rate), as the bundled tables' ``indicator`` column does. :data:`INDICATORS` lists them;
:func:`indicator_key` maps the Chinese name of a target or outcome to its key.

A name is matched after folding (traditional → simplified, full-width → half-width) and
dropping parenthesised remarks; it gets a key only when all of it is accounted for: an
optional whole-jurisdiction prefix (全省, 全社会, 地方 …), the words of one concept, and
tail words that only say how it is measured (总额, 增长, 增速, 比重 …). Anything else
(``新增有进出口权企业``, ``工业固定资产投资``, ``其中出口``) gets no key: precision matters
more than coverage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from jinan_gov.text.normalize import fold_text

__all__ = ("INDICATORS", "Indicator", "indicator_key", "indicator_measure")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator concept of :data:`INDICATORS`.

    Attributes
    ----------
    key
        Stable snake_case key, e.g. ``gdp_growth``.
    name_en
        English name.
    names_zh
        Regular expressions (simplified characters) on the Chinese name that mean the
        concept, e.g. ``生产总值|GDP``; names in traditional characters match after folding.
    measure
        ``growth`` (% change on the year before; a decline is negative), ``level`` (an
        amount), ``share`` (% of a whole), ``rate`` (another percentage level),
        ``reduction`` (a decline stated as a positive figure: 能耗下降3.2%),
        ``pp_change`` (a change in percentage points) or ``qualitative``.
    direction
        ``higher`` or ``lower`` is better, or ``neutral``.
    """

    key: str
    name_en: str
    names_zh: str
    measure: str
    direction: str


# (key, English name, concept pattern, measure, direction, prefix) — first match wins, so
# specific concepts come before general ones. prefix "any" lets anything precede the
# concept (设区市空气质量…); "whole" allows only whole-jurisdiction words.
# fmt: off
_ROWS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("population_natural_growth_rate", "Natural population growth rate",
     r"人口自然增长率",
     "rate", "neutral", "whole"),
    ("surveyed_unemployment_rate", "Surveyed urban unemployment rate",
     r"(?:城镇)?调查失业率",
     "rate", "lower", "whole"),
    ("registered_unemployment_rate", "Registered urban unemployment rate",
     r"(?:城镇)?登记失业率",
     "rate", "lower", "whole"),
    ("new_urban_jobs", "New urban jobs",
     r"城镇新增就业(?:人数|人员)?|新增城镇就业(?:人数|人员)?",
     "level", "higher", "whole"),
    ("rural_labour_transfer", "Rural labour moved into employment",
     r"(?:农村|农牧区|农业)?(?:富余)?劳动力转移就业",
     "level", "higher", "whole"),
    ("energy_emission_targets", "Energy saving and emission reduction targets",
     r"节能减排.{0,30}|.{0,12}能耗.{0,8}[和及与、].{0,12}排放.{0,12}",
     "qualitative", "higher", "any"),
    ("co2_intensity", "CO2 emissions per unit of GDP",
     r"(?:单位|万元)(?:地区|国内)?(?:生产总值|GDP)(?:二氧化碳|碳)排放(?:量|强度)?|"
     r"(?:二氧化碳|碳)排放强度|二氧化碳排放(?!总量)",
     "reduction", "higher", "whole"),
    ("energy_intensity", "Energy consumption per unit of GDP",
     r"(?:单位|万元)(?:地区|国内)?(?:生产总值|GDP)(?:能耗|能源消耗)(?:量|强度)?|能耗强度|"
     r"能源消耗强度",
     "reduction", "higher", "whole"),
    ("major_pollutant_emissions", "Major pollutant emissions",
     r"主要污染物(?:排放|减排)?(?:总量|量)?|化学需氧量(?:排放)?(?:总量|量)?|"
     r"氨氮(?:排放)?(?:总量|量)?|二氧化硫(?:排放)?(?:总量|量)?|氮氧化物(?:排放)?(?:总量|量)?|"
     r"挥发性有机物(?:排放)?(?:总量|量)?",
     "reduction", "higher", "whole"),
    ("pm25_concentration", "PM2.5 concentration",
     r"细颗粒物(?:PM2\.5)?(?:年均|平均|年平均)?浓度|PM2\.5(?:年均|平均|年平均)?浓度",
     "level", "lower", "any"),
    ("good_air_days_share", "Share of days with good air quality",
     r"空气(?:质量)?优良天数(?:比例|比率|占比)?|空气质量优良率",
     "share", "higher", "any"),
    ("surface_water_quality", "Surface water of good quality (class III or better), share",
     r"地表水.{0,12}(?:优良|达到或好于|好于|III类|Ⅲ类).{0,8}(?:比例|比率|占比)?",
     "share", "higher", "any"),
    ("national_sections_good_water_share", "National monitoring sections with good water, share",
     r"国(?:控|考)(?:地表水)?断面.{0,12}(?:优良|达到或好于|III类|Ⅲ类).{0,8}(?:比例|比率|"
     r"占比)?",
     "share", "higher", "any"),
    ("eco_environment_quality", "Quality of the ecological environment",
     r"生态环境质量",
     "qualitative", "higher", "whole"),
    ("balance_of_payments", "Balance of payments",
     r"国际收支(?:状况)?",
     "qualitative", "higher", "whole"),
    ("rd_expenditure_share", "R&D expenditure, share of GDP",
     r"(?:研发|研究与试验发展|R&D)(?:经费)?(?:投入|支出)?(?:强度|占.{0,10}比重|占.{0,10}比例|"
     r"相当于.{0,10}比例|相当于.{0,10}比重)",
     "share", "higher", "whole"),
    ("rd_expenditure_growth", "R&D expenditure, growth",
     r"(?:研发|研究与试验发展|R&D)经费(?:投入|支出)?",
     "growth", "higher", "whole"),
    ("digital_core_industry_share", "Core digital industries value added, share of GDP",
     r"数字经济核心产业增加值(?:占.{0,10}比重|占比|占.{0,10}比例)",
     "share", "higher", "whole"),
    ("digital_economy_share", "Digital economy value added, share of GDP",
     r"数字经济(?:增加值|规模)?(?:占.{0,10}比重|占比|占.{0,10}比例)",
     "share", "higher", "whole"),
    ("high_tech_output_share_change",
     "Output of high-tech industries, share of industrial output, change in percentage points",
     r"(?:规模以上|规上)?高新技术产业产值占.{0,14}比重(?=.*(?:提高|提升))",
     "pp_change", "higher", "whole"),
    ("high_tech_output_share", "Output of high-tech industries, share of industrial output",
     r"(?:规模以上|规上)?高新技术产业产值(?:占.{0,14}比重|占比)",
     "share", "higher", "whole"),
    ("new_economy_value_added_growth", "Value added of the four new economy, growth",
     r"四新经济增加值",
     "growth", "higher", "whole"),
    ("urbanization_rate_change", "Urbanisation rate, change in percentage points",
     r"(?:常住人口|户籍人口)?城镇化率(?=.*(?:提高|提升))",
     "pp_change", "higher", "whole"),
    ("urbanization_rate", "Urbanisation rate of the resident population",
     r"(?:常住人口)?城镇化率",
     "rate", "higher", "whole"),
    ("urban_disposable_income_growth", "Per-capita disposable income of urban residents, growth",
     r"城镇(?:常住)?居民(?:人均)?(?:可支配)?收入",
     "growth", "higher", "whole"),
    ("rural_disposable_income_growth", "Per-capita disposable income of rural residents, growth",
     r"农村(?:常住)?居民(?:人均)?(?:可支配|纯)?收入|农(?:牧)?民(?:人均)?(?:可支配|纯)?收入",
     "growth", "higher", "whole"),
    ("resident_disposable_income_growth", "Per-capita disposable income of residents, growth",
     r"(?:城乡|全体)?(?:常住)?居民(?:人均)?(?:可支配)?收入",
     "growth", "higher", "whole"),
    ("labour_productivity_growth", "Overall labour productivity, growth",
     r"(?:全员)?劳动生产率",
     "growth", "higher", "whole"),
    ("gdp_per_capita", "GDP per capita",
     r"人均(?:地区|国内)?生产总值|人均GDP",
     "level", "higher", "whole"),
    ("general_budget_revenue_growth", "General public budget revenue, growth",
     r"(?:地方)?(?:一般公共预算|公共财政预算|财政一般预算|一般预算|地方财政|地方级财政|"
     r"财政)收入",
     "growth", "higher", "whole"),
    ("high_tech_manufacturing_value_added_growth", "Value added of high-tech manufacturing, growth",
     r"高技术制造业增加值",
     "growth", "higher", "whole"),
    ("equipment_manufacturing_value_added_growth", "Value added of equipment manufacturing, growth",
     r"装备制造业增加值",
     "growth", "higher", "whole"),
    ("strategic_emerging_industries_output_growth",
     "Output of strategic emerging industries, growth",
     r"战略性新兴产业(?:总)?产值",
     "growth", "higher", "whole"),
    ("industrial_value_added_growth", "Value added of industry above designated size, growth",
     r"规模以上工业增加值|规上工业增加值|规模工业增加值",
     "growth", "higher", "whole"),
    ("services_value_added_growth", "Value added of services (tertiary industry), growth",
     r"服务业增加值|第三产业增加值|三产增加值",
     "growth", "higher", "whole"),
    ("agriculture_value_added_growth", "Value added of agriculture (primary industry), growth",
     r"第一产业增加值|一产增加值|农业增加值|农林牧渔业增加值",
     "growth", "higher", "whole"),
    ("secondary_industry_value_added_growth", "Value added of the secondary industry, growth",
     r"第二产业增加值|二产增加值",
     "growth", "higher", "whole"),
    ("construction_value_added_growth", "Value added of construction, growth",
     r"建筑业增加值",
     "growth", "higher", "whole"),
    ("fixed_asset_investment_growth", "Fixed-asset investment, growth",
     r"固定资产投资",
     "growth", "higher", "whole"),
    ("retail_sales_growth", "Total retail sales of consumer goods, growth",
     r"社会消费品零售(?:总额|额)|社零(?:总额)?",
     "growth", "higher", "whole"),
    ("exports_growth", "Exports, growth",
     r"(?<!进)出口",
     "growth", "higher", "whole"),
    ("foreign_trade_growth", "Total imports and exports, growth",
     r"(?:外贸|货物)?进出口|对外贸易|外贸",
     "growth", "higher", "whole"),
    ("foreign_investment_growth", "Foreign investment actually used, growth",
     r"实际(?:使用|利用)外资(?:金额)?|(?:使用|利用)外资",
     "growth", "higher", "whole"),
    ("grain_sown_area", "Grain sown area",
     r"粮食(?:播种|种植)面积",
     "level", "higher", "whole"),
    ("grain_output", "Grain output",
     r"粮食(?:总)?产量|粮食(?:总)?产能",
     "level", "higher", "whole"),
    ("gdp_growth", "GDP, growth",
     r"(?:地区|国内)?生产总值|GDP|经济(?=增长|增速)",
     "growth", "higher", "whole"),
    ("cpi_growth", "Consumer prices (CPI), change",
     r"居民消费价格(?:总水平|指数)?|CPI|消费价格(?:总水平|指数)?|物价(?:总水平)?",
     "growth", "lower", "whole"),
    ("poverty_reduction", "Rural poor lifted out of poverty",
     r"(?:农村)?贫困人口(?:脱贫)?",
     "level", "higher", "whole"),
)
# fmt: on

# Level variants of growth concepts: the key a figure of the concept gets when it is an
# amount (地区生产总值12027.5亿元 → gdp), as the bundled tables name them.
_LEVELS: dict[str, tuple[str, str]] = {
    "gdp_growth": ("gdp", "GDP"),
    "general_budget_revenue_growth": ("general_budget_revenue", "General public budget revenue"),
    "fixed_asset_investment_growth": ("fixed_asset_investment", "Fixed-asset investment"),
    "retail_sales_growth": ("retail_sales", "Total retail sales of consumer goods"),
    "foreign_trade_growth": ("foreign_trade", "Total imports and exports"),
    "exports_growth": ("exports", "Exports"),
    "foreign_investment_growth": ("foreign_investment", "Foreign investment actually used"),
    "urban_disposable_income_growth": (
        "urban_disposable_income",
        "Per-capita disposable income of urban residents",
    ),
    "rural_disposable_income_growth": (
        "rural_disposable_income",
        "Per-capita disposable income of rural residents",
    ),
    "resident_disposable_income_growth": (
        "resident_disposable_income",
        "Per-capita disposable income of residents",
    ),
    "labour_productivity_growth": ("labour_productivity", "Overall labour productivity"),
    "industrial_value_added_growth": (
        "industrial_value_added",
        "Value added of industry above designated size",
    ),
    "services_value_added_growth": ("services_value_added", "Value added of services"),
    "rd_expenditure_growth": ("rd_expenditure", "R&D expenditure"),
    "gdp_per_capita": ("gdp_per_capita", "GDP per capita"),
}
_GROWTH_OF_LEVEL: dict[str, tuple[str, str]] = {
    "gdp_per_capita": ("gdp_per_capita_growth", "GDP per capita, growth")
}

_WHOLE_PREFIX = (
    r"(?:全[省市县区国州盟旗]|全社会|全体|全口径|全年|我[省市区县]|本[省市区县]|地方|实现|完成"
    r"|预计|其中|当年|今年|年度|地区)*"
)
_TAIL = (
    r"(?:总额|总值|总量|总规模|规模|金额|额|值|量|实际|名义|现价|同口径|可比口径|可比价|可比|"
    r"按可比价格计算|同比|比上年|年均|分别|均|全年|累计|增长率|增长|增速|增幅|涨幅|上涨|下降|降低|"
    r"减少|提高|提升|达到|比重|占比|比例|比率|指数|总水平|水平|平均|浓度|强度|率|的|人均|继续|"
    r"保持|稳定|控制|实现|完成|目标|指标|任务|进一步|分别比上年|较上年)*"
)
_GROWTH_WORDS = re.compile(r"增长|增速|增幅|涨幅|上涨|增加")
_REDUCTION_WORDS = re.compile(r"下降|降低|减少|削减|压减|减排")
_CHANGE_WORDS = re.compile(r"提高|提升")
_SHARE_WORDS = re.compile(r"占|比重|比例")
_REMARK = re.compile(r"[（(][^（()）]{0,30}[）)]")
_SPACE = re.compile(r"[\s“”\"'‘’]+")


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    out: list[tuple[re.Pattern[str], str]] = []
    for key, _name, pattern, _measure, _direction, prefix in _ROWS:
        head = r".*?" if prefix == "any" else _WHOLE_PREFIX
        out.append((re.compile(rf"{head}(?:{pattern}){_TAIL}"), key))
    return tuple(out)


def _indicators() -> tuple[Indicator, ...]:
    rows: list[Indicator] = []
    for key, name_en, pattern, measure, direction, _prefix in _ROWS:
        rows.append(Indicator(key, name_en, pattern, measure, direction))
        level = _LEVELS.get(key)
        if level is not None and level[0] != key:
            rows.append(Indicator(level[0], level[1], pattern, "level", direction))
        growth = _GROWTH_OF_LEVEL.get(key)
        if growth is not None:
            rows.append(Indicator(growth[0], growth[1], pattern, "growth", direction))
    return tuple(rows)


INDICATORS: tuple[Indicator, ...] = _indicators()
"""Every indicator key, its English name, Chinese patterns, measure and direction."""

_BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
_LEVEL_UNITS = re.compile(r"元|美元|斤|吨|人|户|个(?!百分点)|家|亩|公顷|千瓦|亿|万")


def _clean(name_zh: str) -> str:
    return _SPACE.sub("", _REMARK.sub("", fold_text(name_zh)))


def indicator_key(name_zh: str, unit: str | None = None) -> str | None:
    """The key of the indicator a Chinese name means, or None when it is not in the vocabulary.

    Parameters
    ----------
    name_zh
        The name as a target or outcome states it, with its change verb
        (地区生产总值增长, 城镇调查失业率, 單位GDP能耗下降): simplified or traditional.
    unit
        The figure's unit, when known. A growth concept named without a verb is a growth
        rate with ``%`` (固定资产投资 5%) and a level with an amount (亿元, 元 …).

    Examples
    --------
    >>> indicator_key("全省地区生产总值增长"), indicator_key("地区生产总值", "亿元")
    ('gdp_growth', 'gdp')
    >>> indicator_key("城鎮調查失業率"), indicator_key("新增有进出口权企业") is None
    ('surveyed_unemployment_rate', True)
    """
    if not isinstance(name_zh, str):
        raise TypeError(f"indicator_key() expects a str name, got {type(name_zh).__name__}")
    if unit is not None and not isinstance(unit, str):
        raise TypeError(f"indicator_key() expects a str unit or None, got {type(unit).__name__}")
    return _key(name_zh[:200], unit)


@lru_cache(maxsize=8192)
def _key(name_zh: str, unit: str | None) -> str | None:
    """:func:`indicator_key` of checked arguments (names recur: a panel repeats them)."""
    name = _clean(name_zh)
    unit = None if unit is None else fold_text(unit)
    if not name:
        return None
    for pattern, key in _compiled():
        if pattern.fullmatch(name) is None:
            continue
        return _with_measure(key, name, unit)
    return None


def _with_measure(key: str, name: str, unit: str | None) -> str | None:
    """The growth or level variant of ``key`` that the name's verb and the unit point to."""
    level = _LEVELS.get(key)
    if level is None:
        return key
    growth_key = key
    if level[0] == key:  # a level concept with a growth variant (gdp_per_capita)
        growth_key = _GROWTH_OF_LEVEL.get(key, (key, ""))[0]
    if _SHARE_WORDS.search(name):
        return None  # 服务业增加值占比: a share, not in the vocabulary
    if _GROWTH_WORDS.search(name) or _REDUCTION_WORDS.search(name):
        return growth_key if unit in (None, "%", "个百分点") else None
    if unit is not None and unit.endswith("%"):
        return growth_key
    if unit is not None and _LEVEL_UNITS.search(unit):
        return level[0]
    if unit is None and _CHANGE_WORDS.search(name) is None:
        return growth_key  # a relative target (进出口高于全国): on the growth rate
    return None


def indicator_measure(key: str) -> str:
    """The measure of a key (growth, level, share, rate, reduction, pp_change, qualitative).

    >>> indicator_measure("gdp_growth"), indicator_measure("energy_intensity")
    ('growth', 'reduction')
    """
    indicator = _BY_KEY.get(key)
    if indicator is None:
        raise KeyError(f"unknown indicator key {key!r}")
    return indicator.measure


def __dir__() -> list[str]:
    return list(__all__)
