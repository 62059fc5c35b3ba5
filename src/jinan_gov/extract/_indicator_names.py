"""English names and the better direction of the indicators that target paragraphs name.

The glossary covers the indicators that recur in Chinese plans and government
work reports; a name it does not know gets no English name (null), never a
guess. Patterns are tried in order, so the specific ones (研发 … 占生产总值)
come before the general ones (生产总值).
"""

from __future__ import annotations

import re

__all__ = ("direction_of", "english_name")

# (pattern on the Chinese name, English concept); the change (growth …) is added after.
_GLOSSARY: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), english)
    for pattern, english in (
        (r"调查失业率", "Surveyed urban unemployment rate"),
        (r"登记失业率", "Registered urban unemployment rate"),
        (r"城镇新增就业|新增城镇就业", "New urban jobs"),
        (r"劳动力转移就业", "Rural labour moved into employment"),
        (r"居民消费价格|CPI|物价", "Consumer prices"),
        (r"单位.{0,12}?(?:二氧化碳|碳排放)|碳排放强度", "CO2 emissions per unit of GDP"),
        (r"单位.{0,12}?能耗|能耗强度|能源消耗强度", "Energy consumption per unit of GDP"),
        (r"细颗粒物|PM2\.?5", "PM2.5 concentration"),
        (r"空气质量优良天数", "Share of days with good air quality"),
        (r"研发.{0,20}?(?:占|比例|比重|强度)|研发投入强度", "R&D expenditure, share of GDP"),
        (r"研发", "R&D expenditure"),
        (r"数字经济核心产业", "Core digital industries value added, share of GDP"),
        (r"数字经济.{0,8}?占", "Digital economy value added, share of GDP"),
        (r"城镇化率", "Urbanisation rate of the resident population"),
        (r"城镇.{0,4}?居民.{0,6}?可支配收入", "Per-capita disposable income of urban residents"),
        (r"农村.{0,4}?居民.{0,6}?可支配收入", "Per-capita disposable income of rural residents"),
        (r"居民.{0,6}?(?:可支配)?收入", "Per-capita disposable income of residents"),
        (r"全员劳动生产率", "Overall labour productivity"),
        (r"一般公共预算收入|地方财政收入", "General public budget revenue"),
        (
            r"规模以上工业增加值|规上工业增加值|规模工业增加值",
            "Value added of industry above designated size",
        ),
        (r"服务业增加值|三产增加值|第三产业增加值", "Value added of services (tertiary industry)"),
        (r"一产增加值|第一产业增加值|农业增加值", "Value added of agriculture (primary industry)"),
        (r"二产增加值|第二产业增加值", "Value added of the secondary industry"),
        (r"建筑业增加值", "Value added of construction"),
        (r"高技术制造业增加值", "Value added of high-tech manufacturing"),
        (r"装备制造业增加值", "Value added of equipment manufacturing"),
        (r"固定资产投资", "Fixed-asset investment"),
        (r"社会消费品零售总额", "Total retail sales of consumer goods"),
        (r"进出口", "Total imports and exports"),
        (r"实际使用外资|利用外资", "Foreign investment actually used"),
        (r"粮食播种面积", "Grain sown area"),
        (r"粮食.{0,2}?产量", "Grain output"),
        (r"主要污染物", "Reduction of major pollutants"),
        (r"生产总值|GDP", "GDP"),
    )
)

_CHANGES = (
    (re.compile(r"涨幅|上涨"), "increase"),
    (re.compile(r"增长|增速|增幅"), "growth"),
    (re.compile(r"下降|降低|减少"), "reduction"),
    (re.compile(r"提高|提升"), "change"),
)
_REDUCTION = re.compile(r"下降|降低|减少|压减|削减|减排")
_LOWER_IS_BETTER = re.compile(r"失业率|价格|涨幅|CPI|物价|浓度|能耗|排放|负债率|赤字|事故|死亡率")
_NEUTRAL = re.compile(r"人口自然增长率|人口出生率")


def english_name(name_zh: str) -> str | None:
    """The English name of a common indicator, with its change, or None.

    >>> english_name("地区生产总值增长"), english_name("城镇调查失业率")
    ('GDP, growth', 'Surveyed urban unemployment rate')
    >>> english_name("乡村振兴") is None
    True
    """
    for pattern, concept in _GLOSSARY:
        match = pattern.search(name_zh)
        if match is None:
            continue
        for change_pattern, change in _CHANGES:
            if change_pattern.search(name_zh, match.end()):
                return f"{concept}, {change}"
        return concept
    return None


def direction_of(name_zh: str, qualifier: str, unit: str | None = None) -> str:
    """Whether a higher or a lower figure is better for a target.

    Quality classes (水质Ⅱ类及以上) are better the lower their number.

    >>> direction_of("城镇调查失业率", "about"), direction_of("单位GDP二氧化碳排放下降", "about")
    ('lower', 'higher')
    """
    if qualifier == "qualitative":
        return "higher"
    if unit == "类":
        return "lower"  # quality classes: Ⅰ类 is better than Ⅱ类
    if _NEUTRAL.search(name_zh):
        return "neutral"
    if qualifier in ("at_most", "cap_about"):
        return "lower"
    if _REDUCTION.search(name_zh):
        return "higher"
    if _LOWER_IS_BETTER.search(name_zh):
        return "lower"
    return "higher"


def __dir__() -> list[str]:
    return list(__all__)
