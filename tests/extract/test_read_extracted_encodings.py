"""Saved extracted targets are read like every user CSV: UTF-8, UTF-8 BOM, GB18030 (item 13)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from jinan_gov.errors import InvalidTargetsError
from jinan_gov.export import csv_bytes
from jinan_gov.extract import extract_targets, read_extracted_targets

REPORT = "今年主要预期目标是：地区生产总值增长6%左右；粮食产量稳定在1300万吨以上。"


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("gb18030"),
        lambda text: text.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "utf-16"],
)
def test_every_user_csv_encoding(tmp_path: Path, encode: object) -> None:
    targets = extract_targets(REPORT)
    path = tmp_path / "targets.csv"
    path.write_bytes(encode(csv_bytes(targets).decode("utf-8")))  # type: ignore[operator]
    assert read_extracted_targets(path).equals(targets)


def test_undecodable_targets_file_is_our_error(tmp_path: Path) -> None:
    path = tmp_path / "targets.csv"
    path.write_bytes(b"\xff\xfe\x00\xd8")  # a UTF-16 BOM, then a lone surrogate
    with pytest.raises(InvalidTargetsError, match="save it as UTF-8"):
        read_extracted_targets(path)
