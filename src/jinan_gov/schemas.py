"""Pandera schemas for every table the library returns: the data dictionary.

Each column carries a ``description``; every model is ``strict`` so a column
that is not documented here cannot slip into a returned frame.
"""

from __future__ import annotations

import datetime as dt

import pandera.polars as pa
import polars as pl

__all__ = (
    "AppointmentSchema",
    "DocumentSchema",
)

DOC_IDS = ("plan_2023", "work_rules_2023", "counsellors_2023")


class _Strict(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = False


class DocumentSchema(_Strict):
    """One row per official document in the bundled gazette issue."""

    doc_id: str = pa.Field(
        unique=True, isin=DOC_IDS, description="Stable English id of the document."
    )
    doc_no: str = pa.Field(
        unique=True, description="Official document number, e.g. 济政发〔2023〕4号."
    )
    title_zh: str = pa.Field(description="Title in Chinese, as printed.")
    title_en: str = pa.Field(description="Title in English (our translation).")
    issuer_zh: str = pa.Field(description="Issuing authority in Chinese.")
    issuer_en: str = pa.Field(description="Issuing authority in English.")
    issued_on: dt.date = pa.Field(description="Date the document was issued (印发).")
    gazette_zh: str = pa.Field(description="Gazette issue that published the document (Chinese).")
    gazette_en: str = pa.Field(description="Gazette issue that published the document (English).")
    quote: str = pa.Field(
        description="Verbatim substring of the normalised document proving the row."
    )


class AppointmentSchema(_Strict):
    """Government counsellors (市政府参事) appointed by 济政字〔2023〕25号."""

    name_zh: str = pa.Field(unique=True, description="Name of the appointee, as printed.")
    name_pinyin: str = pa.Field(description="Hanyu Pinyin romanisation of the name (ours).")
    position_zh: str = pa.Field(description="Position appointed to, in Chinese.")
    position_en: str = pa.Field(description="Position appointed to, in English.")
    doc_id: str = pa.Field(isin=DOC_IDS, description="Document that makes the appointment.")
    appointed_on: dt.date = pa.Field(description="Date of the appointing notice.")
    quote: str = pa.Field(
        description="Verbatim substring of the normalised document naming the appointee."
    )

    @pa.dataframe_check
    @classmethod
    def quote_names_appointee(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """The quote must contain the appointee's name."""
        return data.lazyframe.select(pl.col("quote").str.contains(pl.col("name_zh"), literal=True))
