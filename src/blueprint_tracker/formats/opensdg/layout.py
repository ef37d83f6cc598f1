"""Names and columns of the Open SDG data layout (open-sdg/sdg-build conventions)."""

from __future__ import annotations

import re

CONFIG_FILE = "config_data.yml"
#: the language of a repository whose config_data.yml names none (Open SDG's own default)
DEFAULT_LANGUAGE = "en"
DATA_DIR = "data"
META_DIRS = ("indicator-config", "meta")
TRANSLATIONS_DIR = "translations"
DATA_FILE_RE = re.compile(r"^indicator_(?P<id>[0-9A-Za-z]+(?:-[0-9A-Za-z]+)+)\.csv$")
YEAR, VALUE, SERIES, UNITS = "Year", "Value", "Series", "Units"
FOOTNOTE = "COMMENT_OBS"
#: columns that are neither a breakdown nor carried: observation attributes and codes
IGNORED = ("GeoCode", "OBS_STATUS", "UNIT_MULT", "UNIT_MEASURE", "Progress")
SPECIAL = (YEAR, VALUE, SERIES, UNITS, FOOTNOTE, *IGNORED)
YEAR_RE = re.compile(r"^(?P<first>\d{4})(?:\.0)?(?:-(?P<second>\d{4}))?$")
DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR = 2015, 2030  # ProgressMeasure.py defaults


def data_file(file_id: str) -> str:
    return f"{DATA_DIR}/indicator_{file_id}.csv"


def file_id_of(indicator_id: str) -> str:
    """``1.2.1`` → ``1-2-1`` (the id in file names and translation keys)."""
    return indicator_id.replace(".", "-")


def indicator_id_of(file_id: str) -> str:
    """``1-2-1`` → ``1.2.1``."""
    return file_id.replace("-", ".")
