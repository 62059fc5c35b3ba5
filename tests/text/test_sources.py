from __future__ import annotations

import datetime as dt

import pandera.errors
import polars as pl
import pytest

import jinan_gov
from jinan_gov import (
    QuoteNotFoundError,
    UnknownDocumentError,
    appointments,
    documents,
    locate_quote,
    quote_in_source,
    raw_text,
    source_text,
)
from jinan_gov.schemas import AppointmentSchema, DocumentSchema


def test_documents_table() -> None:
    docs = documents()
    DocumentSchema.validate(docs)
    assert docs.height == 3
    assert docs["doc_id"].to_list() == ["plan_2023", "work_rules_2023", "counsellors_2023"]
    assert docs["issued_on"].to_list() == [
        dt.date(2023, 5, 2),
        dt.date(2023, 5, 6),
        dt.date(2023, 5, 8),
    ]
    assert docs.schema["issued_on"] == pl.Date


@pytest.mark.parametrize("table", [documents, appointments])
def test_every_quote_is_in_its_document(table: object) -> None:
    frame = table()  # type: ignore[operator]
    for doc_id, quote in frame.select("doc_id", "quote").iter_rows():
        assert quote_in_source(doc_id, quote), (doc_id, quote)


def test_titles_and_issue_dates_are_in_the_source() -> None:
    for row in documents().iter_rows(named=True):
        text = source_text(row["doc_id"])
        lines = text.splitlines()
        # the notice's title (issuer line + 关于…的通知 line) sits right above the number
        number_line = lines.index(row["doc_no"])
        assert "".join(lines[:number_line]) == row["title_zh"]
        attachment = row["attachment_title_zh"]
        if attachment is not None:
            # the attachment's title is a line of its own after the notice
            assert attachment in lines[number_line:]
            assert f"《{attachment}》" in text
        issued = row["issued_on"]
        assert f"({issued.year}年{issued.month}月{issued.day}日印发)" in text


def test_one_title_convention_and_both_titles() -> None:
    docs = documents()
    titles = dict(docs.select("doc_id", "title_zh").iter_rows())
    assert titles == {
        "plan_2023": "济南市人民政府关于印发济南市2023年国民经济和社会发展计划的通知",
        "work_rules_2023": "济南市人民政府关于印发济南市人民政府工作规则的通知",
        "counsellors_2023": "济南市人民政府关于聘任市政府参事的通知",
    }
    assert docs["attachment_title_zh"].to_list() == [
        "济南市2023年国民经济和社会发展计划",
        "济南市人民政府工作规则",
        None,
    ]
    assert all(title.startswith("Notice of") for title in docs["title_en"])
    assert docs["attachment_title_en"].null_count() == 1


def test_schema_rejects_a_notice_title_that_does_not_match_its_attachment() -> None:
    docs = documents()
    swapped = docs.with_columns(title_zh=pl.col("attachment_title_zh").fill_null("x的通知"))
    attachment_elsewhere = docs.with_columns(
        attachment_title_zh=pl.col("attachment_title_zh").reverse()
    )
    for bad in (swapped, attachment_elsewhere):
        with pytest.raises(pandera.errors.SchemaErrors, match="notice_titles_name"):
            DocumentSchema.validate(bad, lazy=True)


def test_appointments() -> None:
    frame = appointments()
    AppointmentSchema.validate(frame)
    assert frame["name_zh"].to_list() == ["辛全龙", "石万鹏", "张子信"]
    assert set(frame["doc_id"]) == {"counsellors_2023"}


def test_documents_partition_the_raw_text() -> None:
    texts = [source_text(d) for d in documents()["doc_id"]]
    assert texts[0].startswith("济南市人民政府\n关于印发济南市2023年国民经济和社会发展计划的通知")
    assert texts[1].endswith("(2023年5月6日印发)")
    assert "确定聘任辛全龙、石万鹏、张子信为济南市人民政府参事" in texts[2]
    joined_cjk = sum(len(t) for t in texts)
    assert joined_cjk < len(raw_text())
    # page headers are gone, the articles keep their ideographic-space labels
    assert all("济南市人民政府公报" not in t for t in texts)
    assert sum(t.count("条\u3000") for t in texts) >= 76


def test_locate_quote_normalises_the_quote_and_reports_position() -> None:
    location = locate_quote("plan_2023", "新建高 标 准 农 田 27.5 万 亩")
    text = source_text("plan_2023")
    assert text[location.start : location.end] == "新建高标准农田27.5万亩"
    assert location.occurrences == 1
    assert text.splitlines()[location.paragraph - 1].count("新建高标准农田27.5万亩") == 1


@pytest.mark.parametrize("bad", ["nope", "", "PLAN_2023", 4, None])
def test_unknown_document_lists_valid_ids(bad: object) -> None:
    with pytest.raises(UnknownDocumentError, match="plan_2023") as info:
        source_text(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, LookupError)


def test_unknown_document_suggests_close_match() -> None:
    with pytest.raises(LookupError, match="did you mean 'plan_2023'"):
        source_text("plan_2032")


@pytest.mark.parametrize("quote", ["新建高标准农田28万亩", "地区生产总值12027.6亿元", "   "])
def test_quote_not_in_document_is_not_found(quote: str) -> None:
    assert not quote_in_source("plan_2023", quote)
    with pytest.raises(QuoteNotFoundError):
        locate_quote("plan_2023", quote)


def test_quote_from_another_document_is_not_found() -> None:
    assert quote_in_source("counsellors_2023", "辛全龙")
    assert not quote_in_source("plan_2023", "辛全龙")


@pytest.mark.parametrize(
    ("doc_id", "query", "expected"),
    [
        # traditional characters
        ("work_rules_2023", "會簽文件", "会签文件"),
        # full-width digits and a full-width percent sign
        ("plan_2023", "增长３.１％", "增长3.1%"),
        # full-width Latin letters
        ("plan_2023", "ＮＩＯ Ｈｏｕｓｅ", "NIO House"),
        # an ideographic space where the source has none, and none where it has one
        ("plan_2023", "新建\u3000高标准农田", "新建高标准农田"),
    ],
)
def test_locate_quote_folds_unicode_forms(doc_id: str, query: str, expected: str) -> None:
    location = locate_quote(doc_id, query)
    assert location.quote == expected
    assert source_text(doc_id)[location.start : location.end] == expected
    assert quote_in_source(doc_id, query)


def test_quote_copied_across_a_paragraph_break_is_found() -> None:
    text = source_text("work_rules_2023")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("第三十九条"))
    before, after = lines[index - 1], lines[index]
    copied = before[-12:] + "\n" + after[:15]
    location = locate_quote("work_rules_2023", copied)
    assert location.quote == copied
    assert location.paragraph == index
    assert text[location.start : location.end] == copied
    assert quote_in_source("work_rules_2023", before[-5:] + "\n\n" + after[:5])


def test_folding_does_not_make_a_wrong_figure_match() -> None:
    assert not quote_in_source("plan_2023", "增长３.２％")
    assert not quote_in_source("work_rules_2023", "會簽文書")


def test_quote_must_be_text() -> None:
    with pytest.raises(TypeError, match="quote must be str"):
        locate_quote("plan_2023", 12027.5)  # type: ignore[arg-type]


def test_loaders_are_cached_and_validated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    documents()
    appointments()

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(DocumentSchema, "validate", fail)
    monkeypatch.setattr(AppointmentSchema, "validate", fail)
    assert documents().height == 3
    assert jinan_gov.appointments().height == 3
