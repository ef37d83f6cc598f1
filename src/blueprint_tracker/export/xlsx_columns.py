"""The workbook's sheets and columns: which field, its heading in each language, its cell type.

A key ending in ``@`` is a bilingual text: the column holds the chosen language
(``name@`` reads ``name_zh_hant`` or ``name_en``). Kinds: ``text``, ``int``, ``number``,
``percent``, ``date``, ``bool``, ``url``, ``status`` (the status word; the code has its own
column), ``outcome``, ``flags`` and ``direction`` (words in the chosen language).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: str = "text"
    width: float = 14

    def heading(self, lang: str) -> str:
        return self.zh if lang == "zh-Hant" else self.en


@dataclass(frozen=True)
class Sheet:
    table: str  # the key in the tables the workbook is written from
    zh: str
    en: str
    columns: tuple[Column, ...]

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh-Hant" else self.en


C = Column

METHOD_STATUS = tuple(
    C(f"status_{m}", f"{zh}狀況", f"{en} status", "status", 20)
    for m, zh, en in (
        ("eurostat", "歐盟統計局方法", "Eurostat"),
        ("statcan", "Open SDG 方法", "Open SDG"),
        ("escap", "亞太經社會方法", "ESCAP"),
        ("trend", "趨勢預測", "Trend"),
    )
)

INDICATORS = Sheet(
    "milestones",
    "指標",
    "Indicators",
    (
        C("indicator", "指標編號", "Indicator", width=9),
        C("name@", "指標名稱", "Name", width=44),
        C("unit@", "單位", "Unit", width=12),
        C("direction", "方向", "Direction", "direction", 12),
        C("latest_year", "最新年份", "Latest year", "int", 10),
        C("latest_value", "最新數值", "Latest value", "number", 14),
        C("latest_released", "公布日期", "Released", "date", 12),
        C("stale", "數據過期", "Stale", "bool", 8),
        C("milestone_year", "目標年份", "Target year", "int", 10),
        C("comparator", "比較", "Comparator", width=8),
        C("target", "目標值", "Target", "number", 12),
        *METHOD_STATUS,
        C("headline_status", "主要方法狀況代碼", "Headline status code", width=20),
        C("disagree", "各方法結論不同", "Methods disagree", "bool", 10),
        C("required_cagr_from_latest", "所需年均增長", "Required annual growth", "percent", 12),
        C("cagr_actual", "至今年均增長", "Annual growth so far", "percent", 12),
        C("required_slope_from_latest", "所需每年增加", "Required yearly change", "number", 12),
        C("slope_actual", "至今每年增加", "Yearly change so far", "number", 12),
    ),
)

OBSERVATIONS = Sheet(
    "observations",
    "數據及來源",
    "Observations",
    (
        C("series", "數列", "Series", width=22),
        C("period", "期間", "Period", width=9),
        C("value", "數值", "Value", "number", 14),
        C("unit", "單位", "Unit", width=12),
        C("flags", "標記", "Flags", "flags", 14),
        C("source_agency", "來源機構", "Source agency", width=28),
        C("source_title", "刊物", "Source title", width=48),
        C("source_url", "網址", "Source URL", "url", 40),
        C("source_table", "表", "Table", width=12),
        C("release_date", "公布日期", "Release date", "date", 12),
        C("note", "備註", "Note", width=60),
    ),
)

NUMBER_COLUMNS = (
    C("t0", "起始年", "t0", "int", 7),
    C("t1", "最新年", "t1", "int", 7),
    C("base_year", "基準年", "Base year", "int", 8),
    C("x0", "起始值", "x0", "number", 12),
    C("x1", "最新值", "x1", "number", 12),
    C("cagr_actual", "實際年均增長", "Actual CAGR", "percent", 11),
    C("cagr_required", "所需年均增長", "Required CAGR", "percent", 11),
    C("ratio", "比率", "Ratio", "number", 9),
    C("slope_actual", "實際每年變化", "Actual slope", "number", 11),
    C("slope_required", "所需每年變化", "Required slope", "number", 11),
    C("score", "分數", "Score", "number", 9),
    C("progress_value", "進度值", "Progress value", "number", 10),
    C("projection", "推算值", "Projection", "number", 12),
    C("anticipated_progress", "預期進展", "Anticipated progress", "number", 11),
    C("current_status", "目前進度", "Current status", "number", 10),
    C("expected_fraction", "應有進度", "Expected fraction", "number", 10),
    C("probability", "達標機率", "Probability", "percent", 10),
    C("probability_bootstrap", "達標機率（重抽樣）", "Probability (bootstrap)", "percent", 12),
    C("bootstrap_rates", "重抽樣增長率數目", "Bootstrap rates", "number", 10),
    C("bootstrap_draws", "重抽樣次數", "Bootstrap draws", "number", 10),
    C("interval80_low", "80%區間下限", "80% low", "number", 11),
    C("interval80_high", "80%區間上限", "80% high", "number", 11),
    C("interval95_low", "95%區間下限", "95% low", "number", 11),
    C("interval95_high", "95%區間上限", "95% high", "number", 11),
    C("final_value", "最終數值", "Final value", "number", 11),
    C("required_cagr_from_latest", "由最新起所需年均增長", "Required CAGR from latest", "percent"),
    C("required_slope_from_latest", "由最新起所需每年變化", "Required slope from latest", "number"),
    C("fallback", "替代計算", "Fallback", width=9),
    C("trend_flag", "趨勢標記", "Trend flag", width=12),
    C("milestone_passed", "目標年份已過", "Milestone passed", "bool", 10),
    C("ahead_of_schedule", "進度超前", "Ahead of schedule", "bool", 10),
)

ASSESSMENTS = Sheet(
    "assessments",
    "評估",
    "Assessments",
    (
        C("indicator", "指標編號", "Indicator", width=9),
        C("milestone_year", "目標年份", "Target year", "int", 10),
        C("comparator", "比較", "Comparator", width=8),
        C("target", "目標值", "Target", "number", 12),
        C("method", "方法", "Method", width=10),
        C("headline", "主要方法", "Headline method", "bool", 9),
        C("status", "狀況代碼", "Status code", width=22),
        C("status", "狀況", "Status", "status", 20),
        C("verdict", "類別", "Verdict", width=9),
        C("disagree", "各方法結論不同", "Methods disagree", "bool", 10),
        C("explanation@", "說明", "Explanation", width=80),
        *NUMBER_COLUMNS,
    ),
)

COMMITMENTS = Sheet(
    "commitments",
    "承諾",
    "Commitments",
    (
        C("id", "編號", "ID", width=26),
        C("node", "計劃項目", "Plan item", width=14),
        C("ref", "出處", "Reference", width=24),
        C("text@", "承諾原文", "Commitment", width=70),
        C("due", "期限", "Due", width=10),
        C("due_precision", "期限精確度", "Due precision", width=10),
        C("due_kind", "期限類別", "Due kind", width=8),
        C("due_start", "期限開始", "Due period starts", "date", 12),
        C("due_end", "期限結束", "Due period ends", "date", 12),
        C("due_text@", "期限原文", "Due (wording)", width=24),
        C("owner@", "負責機構", "Owner", width=28),
        C("milestone_series", "目標數列", "Target series", width=16),
        C("milestone_value", "目標值", "Target value", "number", 12),
        C("milestone_comparator", "比較", "Comparator", width=8),
        C("milestone_year", "目標年份", "Target year", "int", 10),
        C("status", "狀況代碼", "Status code", width=14),
        C("status", "狀況", "Status", "status", 16),
        C("evidence_count", "證據數目", "Evidence items", "int", 9),
        C("deciding_evidence", "決定狀況的證據", "Deciding evidence", width=10),
    ),
)

EVIDENCE = Sheet(
    "evidence",
    "證據",
    "Evidence",
    (
        C("commitment", "承諾編號", "Commitment", width=26),
        C("number", "序號", "No.", "int", 6),
        C("date", "日期", "Date", width=12),
        C("outcome", "結果", "Outcome", "outcome", 12),
        C("summary@", "摘要", "Summary", width=80),
        C("source_agency", "來源機構", "Source agency", width=28),
        C("source_title", "來源", "Source title", width=40),
        C("source_url", "網址", "Source URL", "url", 40),
        C("release_date", "公布日期", "Release date", "date", 12),
        C("flags", "標記", "Flags", "flags", 12),
        C("deciding", "決定狀況", "Decides the status", "bool", 10),
    ),
)

SOURCES = Sheet(
    "sources",
    "來源",
    "Sources",
    (
        C("agency", "機構", "Agency", width=28),
        C("title", "刊物", "Title", width=56),
        C("url", "網址", "URL", "url", 40),
        C("tables", "表", "Tables", width=14),
        C("series", "數列", "Series", width=30),
        C("figures", "數字數目", "Figures", "int", 9),
        C("third_party", "第三方", "Third party", "bool", 9),
        C("first_release", "最早公布", "First release", "date", 12),
        C("last_release", "最近公布", "Last release", "date", 12),
    ),
)

SHEETS = (INDICATORS, OBSERVATIONS, ASSESSMENTS, COMMITMENTS, EVIDENCE, SOURCES)
