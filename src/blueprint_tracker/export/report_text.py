"""The report's own words in both languages (status, method and flag names come from the web's
Babel catalogue through ``web.labels``, so the dashboard and the report use the same words)."""

from __future__ import annotations

from typing import Any

TEXT: dict[str, tuple[str, str]] = {
    "report": ("進度報告", "Progress report"),
    "edition": ("版本日期", "Edition"),
    "as_of_note": (
        "本報告只採用{date}或之前已公布的數字和證據。",
        "This report uses only figures and evidence released on or before {date}.",
    ),
    "today_note": (
        "本報告採用{date}已公布的所有數字和證據。",
        "This report uses every figure and all evidence released by {date}.",
    ),
    "publisher": ("計劃發布機構", "Plan published by"),
    "published": ("計劃發布日期", "Plan published on"),
    "plan_source": ("計劃原文", "Plan text"),
    "produced": (
        "由 Blueprint Tracker 按公開方法計算；各數字均附來源。",
        "Computed by Blueprint Tracker with published methods; every figure has its source.",
    ),
    "contents": ("目錄", "Contents"),
    "summary": ("摘要", "Summary"),
    "indicator_counts": (
        "指標目標的狀況（按{method}）",
        "Indicator targets by status ({method})",
    ),
    "commitment_counts": ("承諾的狀況", "Commitments by status"),
    "status": ("狀況", "Status"),
    "count": ("數目", "Count"),
    "most_behind": ("最落後的指標目標", "Indicator targets most behind"),
    "overdue": ("已逾期的承諾", "Commitments overdue"),
    "none": ("沒有。", "None."),
    "disagree_note": (
        "各方法的結論並不一致的目標共 {n} 個；詳見各指標頁。",
        "The methods disagree on {n} target(s); see each indicator's page.",
    ),
    "sections": ("按{level}劃分的進度", "Progress by {level}"),
    "commitments": ("承諾", "Commitments"),
    "indicators": ("指標", "Indicators"),
    "no_commitments": ("本部分沒有承諾。", "No commitments in this part."),
    "no_indicators": ("沒有指標量度本部分。", "No indicator measures this part."),
    "id": ("編號", "ID"),
    "commitment": ("承諾", "Commitment"),
    "due": ("期限", "Due"),
    "latest_evidence": ("最新證據", "Latest evidence"),
    "no_evidence": ("未有證據", "No evidence yet"),
    "indicator": ("指標", "Indicator"),
    "latest": ("最新數值", "Latest value"),
    "target": ("目標", "Target"),
    "indicator_pages": ("指標詳情", "Indicators in detail"),
    "unit": ("單位", "Unit"),
    "formula": ("計算方法", "Formula"),
    "direction": ("方向", "Direction"),
    "increase": ("愈高愈好", "higher is better"),
    "decrease": ("愈低愈好", "lower is better"),
    "definition": ("定義說明", "Definition note"),
    "status_by_method": ("各方法的評估", "Status by each method"),
    "milestone": ("目標年份", "Target year"),
    "method": ("方法", "Method"),
    "explanation": ("說明", "Explanation"),
    "pace": ("所需增長", "Required pace"),
    "pace_line": (
        "{year}年目標：由最新數值起每年需增長 {needed}（至今每年 {done}）。",
        "Target for {year}: needs {needed} a year from the latest value (so far {done} a year).",
    ),
    "pace_linear": (
        "{year}年目標：由最新數值起每年需增加 {needed}（至今每年 {done}）。",
        "Target for {year}: needs {needed} more each year from the latest value "
        "(so far {done} a year).",
    ),
    "pace_none": ("未能計算所需增長。", "The required pace cannot be computed."),
    "stale": (
        "數據已過預期發布時間：{period}年的數字預計於{date}前公布。",
        "Newer data was expected by now: figures for {period} were due by {date}.",
    ),
    "no_value": ("尚未有數值。", "No value is available yet."),
    "disagree": ("各方法結論不同", "The methods disagree"),
    "values_sources": ("數值及來源", "Values and their sources"),
    "year": ("年份", "Year"),
    "value": ("數值", "Value"),
    "released": ("公布日期", "Released"),
    "basis": ("基礎", "Basis"),
    "source": ("來源", "Source"),
    "inputs": ("所用數字及來源", "Figures used and their sources"),
    "flags": ("標記", "Flags"),
    "computed": ("按公式計算", "computed"),
    "published_basis": ("公布數字", "published"),
    "methodology": ("附錄一：評估方法", "Annex 1: Methodology"),
    "sources_annex": ("附錄二：數據來源", "Annex 2: Sources"),
    "agency": ("機構", "Agency"),
    "publication": ("刊物", "Publication"),
    "tables": ("表", "Tables"),
    "figures": ("數字數目", "Figures"),
    "releases": ("公布日期", "Releases"),
    "page": ("第 {n} 頁", "Page {n}"),
    "status_codes": ("狀況及其含義", "Statuses and what they mean"),
    "good": ("進度良好", "good"),
    "fair": ("需要留意", "fair"),
    "poor": ("落後", "poor"),
    "unknown": ("未能評估", "unknown"),
    "verdict": ("類別", "Kind"),
}

METHOD_NOTES: dict[str, tuple[str, str]] = {
    "eurostat": (
        "以最近五年的實際年均增長率，與由該段期間起點達到目標所需的年均增長率相比（比率 R）。"
        "R ≥ 0.95 為顯著進展，0.60 至 0.95 為溫和進展，0 至 0.60 為進展不足，R < 0 為偏離目標。"
        "最新數值已達標者為已達標。",
        "Compares the actual compound annual growth over the last five years with the growth "
        "needed from the start of that window to reach the target (ratio R). R ≥ 0.95 is "
        "significant progress, 0.60–0.95 moderate, 0–0.60 insufficient, R < 0 moving away. "
        "A latest value that already meets the target is target met.",
    ),
    "statcan": (
        "Open SDG（加拿大統計局）採用的方法：以計劃基準年起的實際年均增長率，與基準年起達標所需的"
        "年均增長率相比，門檻同為 0.95、0.60 及 0，並給出 -5 至 5 的分數。",
        "The measure used by Open SDG (Statistics Canada): actual compound annual growth since "
        "the plan's base year over the growth needed from the base year to the target, with "
        "the same thresholds 0.95, 0.60 and 0, and a score from -5 to 5.",
    ),
    "escap": (
        "聯合國亞太經社會的預期進展：按基準年至今的增長速度推算目標年份的數值，預期進展 AP = "
        "（推算值 − 基準值）／（目標 − 基準值）。AP ≥ 1 為進度良好，0 至 1 為需要加快，"
        "AP < 0 為需要扭轉趨勢。此為本報告的主要方法。",
        "UN ESCAP's anticipated progress: the value in the target year is projected at the pace "
        "since the base year; AP = (projection − base) / (target − base). AP ≥ 1 is on track, "
        "0–1 needs to accelerate, AP < 0 the trend needs reversing. This is the report's "
        "headline method.",
    ),
    "trend": (
        "以觀察年份的對數（或線性）趨勢作最小二乘法擬合，推算至目標年份並給出預測區間，"
        "再計算達標的機率，以「極有可能」至「極不可能」等字眼表達。",
        "An ordinary least squares trend of the logarithm (or the level) over the observed "
        "years, projected to the target year with a prediction interval; the probability of "
        "meeting the target is put in words from very likely to very unlikely.",
    ),
}

GENERAL_NOTES: tuple[tuple[str, str], ...] = (
    (
        "每個指標以公式由官方基本數列計算；數字保留每次公布的版本，「截至某日」的報告只用當日"
        "已公布的版本。",
        "Each indicator is computed by a formula from official base series; every release of a "
        "figure is kept, and a report as of a date uses only the releases known on that date.",
    ),
    (
        "每個目標年份分別以四種方法評估，並排列出；各方法結論不同時照實顯示，不作平均。",
        "Each target year is assessed by four methods, shown side by side; where they disagree "
        "the disagreement is shown, never averaged.",
    ),
    (
        "所需增長：由最新數值起，每年需要的複合增長率（計數類指標則為每年增加量），"
        "與至今的實際增長並列。",
        "Required pace: the compound annual growth (for counts, the yearly increase) needed "
        "from the latest value to reach the target, next to the growth achieved so far.",
    ),
    (
        "數據過期：預期應已公布較新數字而尚未有時，另外標示，與狀況分開。",
        "Stale data: when a newer figure was due by its usual publication lag and is missing, "
        "this is flagged separately from the status.",
    ),
    (
        "承諾的狀況按其期限（連同其精確度，如「2024年年中」即 2024 年 6 月 30 日）、評估日期"
        "及證據判斷：已完成、逾期完成、進行中、未開始、已逾期、沒有近期證據。",
        "A commitment's status follows from its due date (at its precision: 'mid-2024' ends on "
        "30 June 2024), the evaluation date and the evidence: done, done late, in progress, not "
        "started, overdue, no recent evidence.",
    ),
    (
        "上層（目標、策略、方向）的進度以各狀況的數目表示，從不平均成單一顏色。",
        "Progress of higher levels (goals, strategies, directions) is given as counts of each "
        "status, never averaged into one colour.",
    ),
)


def tr(key: str, lang: str, **values: Any) -> str:
    """The report text ``key`` in ``lang``, with ``{name}`` fields filled in."""
    zh, en = TEXT[key]
    return (zh if lang == "zh-Hant" else en).format(**values)


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh-Hant" else pair[1]


def t(value: dict[str, Any] | None, lang: str) -> str:
    """A bilingual text dict in ``lang`` (Chinese when the English is missing)."""
    if not value:
        return ""
    return str(value.get(lang) or value.get("zh-Hant") or "")
