"""The typed page data: the shape of the status report, of every page and of every API response.

Each type is a ``TypedDict`` validated by Pydantic: at run time the data stays the plain dict
the templates, the CSV writers and the reports index by key, while mypy checks the builders,
FastAPI validates every ``/api/v1`` response against it and names it in the OpenAPI document,
and the static site writes its JSON through the same type (``page_json``). Extra keys are
refused: a field a page gains is declared here first.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired

from pydantic import ConfigDict, TypeAdapter, with_config
from typing_extensions import TypedDict

STRICT = ConfigDict(extra="forbid")

# --- values -------------------------------------------------------------------------------

#: a number behind an assessment (a rate, a year, a flag, an interval) or None when unknown
Number = bool | int | float | str | list[float] | None

LangText = dict[str, str | bool]
"""Plan text in each language it is written in (the plan's BCP 47 tags, in its order) and
``translated``: the text is our translation, not the official wording."""

Explanation = dict[str, str]
"""Words in each language: ``{language: words}`` (the plan's languages)."""

StatusCounts = dict[str, int]  # status code -> how many


@with_config(STRICT)
class Counts(TypedDict):
    """Counts of each status, for indicator milestones and for commitments."""

    indicators: StatusCounts
    commitments: StatusCounts


# --- figures ------------------------------------------------------------------------------


@with_config(STRICT)
class ObservationSource(TypedDict):
    agency: str
    title: str
    url: str
    table: str
    tier: str  # one of domain.series.TIERS (official_release ... third_party)
    copy_url: str  # where an agency's table was read, when it was read from a copy


@with_config(STRICT)
class ObservationData(TypedDict):
    """One stored release of one figure of a base series, with its provenance."""

    id: int | None
    series: str
    period: str
    value: float
    unit: str
    flags: list[str]
    source: ObservationSource
    release_date: str
    note: str
    dimensions: dict[str, str]


@with_config(STRICT)
class Vintage(ObservationData):
    """A release with its number among the releases of the same figure."""

    vintage: int
    superseded: bool


@with_config(STRICT)
class ValueData(TypedDict):
    """An indicator's value for a year and the figures it was computed from."""

    year: int
    value: float
    display: str
    released: str
    basis: str
    flags: list[str]
    inputs: list[ObservationData]


@with_config(STRICT)
class PlanMilestone(TypedDict):
    year: int
    value: float
    comparator: str
    tolerance: float


@with_config(STRICT)
class IndicatorBase(TypedDict):
    """An indicator's definition and its values as known on a date."""

    id: str
    name: LangText
    group: LangText | None
    unit: LangText
    direction: str
    decimals: int
    formula: str
    fallback: str | None
    projection: str
    measures: list[str]
    published: dict[str, float]
    definition_note: LangText | None
    latest: ValueData | None
    values: list[ValueData]


@with_config(STRICT)
class IndicatorSummary(IndicatorBase):
    """An indicator with the milestones the plan sets."""

    milestones: list[PlanMilestone]


# --- peer economies -----------------------------------------------------------------------


@with_config(STRICT)
class PeerSource(TypedDict):
    """Where a peer figure was published (for the plan's own economy: title, URL and tier)."""

    title: str
    url: str
    tier: str
    agency: NotRequired[str]
    table: NotRequired[str]
    copy_url: NotRequired[str]


@with_config(STRICT)
class PeerRow(TypedDict):
    """One economy's latest figure (year None: no figure found, a gap)."""

    economy: str
    name: LangText | None
    year: int | None
    value: float | None
    display: str | None
    released: str | None
    source: PeerSource | None
    note: str
    home: NotRequired[bool]
    basis: NotRequired[str]
    tiers: NotRequired[list[str]]


@with_config(STRICT)
class PeerPoint(TypedDict):
    economy: str
    name: LangText | None
    year: int
    value: float
    home: NotRequired[bool]


@with_config(STRICT)
class PeerContext(TypedDict):
    """A measure with an international definition that is not a plan indicator, for the plan's
    economy (row with ``home``) and its peers, each figure from a stated source."""

    id: str
    name: LangText | None
    unit: LangText | None
    note: LangText | None
    latest: list[PeerRow]
    gaps: list[str]
    over_time: list[PeerPoint]


@with_config(STRICT)
class PeerComparison(TypedDict):
    """The plan's economy beside its peers (context only), or why the indicator is left out
    (with, where the peers file has one, a context measure on a common definition)."""

    compared: bool
    context: NotRequired[list[PeerContext]]
    why: NotRequired[LangText | None]
    note: NotRequired[LangText | None]
    latest: NotRequired[list[PeerRow]]
    gaps: NotRequired[list[str]]
    over_time: NotRequired[list[PeerPoint]]


@with_config(STRICT)
class ShownIndicator(IndicatorSummary):
    """An indicator as ``blueprint show`` gives it: its summary and its peers."""

    peers: PeerComparison | None


# --- assessments --------------------------------------------------------------------------


@with_config(STRICT)
class Reading(TypedDict):
    """One method's reading of one milestone."""

    status: str
    verdict: str
    numbers: dict[str, Number]
    explanation: Explanation
    long_term: NotRequired[Reading]


@with_config(STRICT)
class Pace(TypedDict):
    required_cagr_from_latest: float | None
    required_slope_from_latest: float | None
    cagr_actual: float | None
    slope_actual: float | None


@with_config(STRICT)
class MilestoneStatus(TypedDict):
    """A milestone on an indicator card: the headline status and every method's reading."""

    year: int | None
    target: float | None
    comparator: str | None
    headline: str | None
    headline_method: str | None
    headline_split: bool
    assessments: dict[str, Reading]
    disagree: bool
    pace: Pace | None


@with_config(STRICT)
class Sentence(TypedDict):
    """Where the indicator stands against one milestone, as data the presentation words:
    ``kind`` is met, missed, on_pace, too_slow, not_within, wrong_way or no_data."""

    kind: str
    year: int | None
    target: float | None
    latest_year: int | None
    latest_value: float | None
    rate_kind: str
    needed: float | None
    t0: NotRequired[int]
    t1: NotRequired[int]
    rate: NotRequired[float]
    method: NotRequired[str | None]
    horizon: NotRequired[int]
    reach: NotRequired[int]


@with_config(STRICT)
class Travel(TypedDict):
    """Direction of travel: the latest value against the one before it."""

    way: str
    since: int
    good: bool | None
    previous: str


@with_config(STRICT)
class IndicatorCard(IndicatorSummary):
    """An indicator with its statuses, as the overview and the indicator page show it."""

    stale: bool | None
    expected_release: str | None
    statuses: list[MilestoneStatus]
    sentences: list[Sentence]
    travel: Travel | None


# --- commitments --------------------------------------------------------------------------


@with_config(STRICT)
class EvidenceSource(TypedDict):
    agency: str
    title: str
    url: str


@with_config(STRICT)
class EvidenceData(TypedDict):
    """Something that happened on a commitment, with its source and release date."""

    date: str
    outcome: str
    summary: LangText | None
    source: EvidenceSource
    release_date: str
    flags: list[str]


@with_config(STRICT)
class Due(TypedDict):
    """A due date at its precision ("by mid-2024"): the wording and the range it covers."""

    text: str
    precision: str
    kind: str
    start: str
    end: str
    wording: LangText | None


@with_config(STRICT)
class CommitmentMilestone(TypedDict):
    series: str
    value: float
    comparator: str
    year: int | None


@with_config(STRICT)
class CommitmentData(TypedDict):
    """A commitment: its wording, due date, owner, evidence and place in the plan."""

    id: str
    node: str
    ref: str
    title: LangText | None
    text: LangText
    due: Due | None
    owner: LangText | None
    milestone: CommitmentMilestone | None
    evidence: list[EvidenceData]
    path: list[str]


@with_config(STRICT)
class GroupOption(TypedDict):
    id: str
    title: LangText


@with_config(STRICT)
class CommitmentRow(CommitmentData):
    """A commitment on the commitments page: its group, status and the evidence that decided
    it."""

    group: GroupOption | None
    status: str | None
    deciding_evidence: list[EvidenceData]
    due_year: int | None


# --- the status report --------------------------------------------------------------------


@with_config(STRICT)
class Headline(TypedDict):
    """The one status a reader sees first for a milestone, by the plan's rule."""

    status: str | None
    method: str | None
    verdict: str
    disagree: bool
    split: bool
    rule: str


@with_config(STRICT)
class HeadlineRule(TypedDict):
    rule: str
    method: str
    fallback: list[str]


@with_config(STRICT)
class AssessedMilestone(TypedDict):
    year: int
    target: float
    comparator: str
    tolerance: float
    assessments: dict[str, Reading]
    disagree: bool
    headline: Headline
    pace: Pace


@with_config(STRICT)
class ProgressReading(TypedDict):
    """One configured progress reading (Open SDG's ``progress_calculation_options`` item) of
    the ``breakdown`` line (or the total) of ``series``, by every method."""

    series: str
    direction: Literal["increase", "decrease"]
    target: float | None
    target_year: int
    base_year: int
    limit: float | None
    breakdown: dict[str, str]
    selection: dict[str, str]  # the series' fixed attributes (its definition's selection)
    assessments: dict[str, Reading]


@with_config(STRICT)
class ProgressOverall(TypedDict):
    score: float | None
    status: str | None


@with_config(STRICT)
class IndicatorStatus(IndicatorBase):
    """An indicator in the status report: its values, staleness and assessed milestones."""

    milestones: list[AssessedMilestone]
    stale: bool
    expected_release: str | None
    next_period: str | None
    progress: list[ProgressReading]  # the plan's configured progress readings (Open SDG)
    progress_overall: ProgressOverall | None


@with_config(STRICT)
class CommitmentStatus(CommitmentData):
    """A commitment in the status report (evidence indexes the commitment's evidence list)."""

    status: str
    due_end: str | None
    deciding_evidence: list[int]


@with_config(STRICT)
class StatusReport(TypedDict):
    """Every indicator milestone by each method, every commitment's status, counts, roll-ups."""

    as_of: str | None
    evaluation_date: str
    methods: list[str]
    headline_method: str
    headline_rule: HeadlineRule
    indicators: list[IndicatorStatus]
    commitments: list[CommitmentStatus]
    counts: Counts
    rollup: dict[str, Counts]


# --- the plan -----------------------------------------------------------------------------


@with_config(STRICT)
class MissionItem(TypedDict):
    id: str
    text: LangText


@with_config(STRICT)
class DevelopmentGoal(TypedDict):
    id: str
    year: int
    text: LangText


@with_config(STRICT)
class PlanHeader(TypedDict):
    id: str
    title: LangText
    publisher: LangText | None
    published: str
    source_url: str | None
    baseline_year: int
    languages: list[str]  # the plan's languages (pages, static site, switcher)
    vision: LangText | None
    mission: list[MissionItem]
    development_goals: list[DevelopmentGoal]
    agencies: dict[str, LangText]  # agencies.yaml: stored agency name -> its name per language
    #: translations/<lang>.yaml: language -> {a note, source title, table or ref as stored -> words}
    translations: dict[str, dict[str, str]]


@with_config(STRICT)
class Level(TypedDict):
    id: str
    name: LangText


@with_config(STRICT)
class NodeData(TypedDict):
    id: str
    level: str
    parent: str | None
    depth: int
    ref: str
    title: LangText
    body: LangText | None
    children: list[str]


@with_config(STRICT)
class NodeCommitment(TypedDict):
    id: str
    title: LangText | None  # the short title (plan data), when the plan gives one
    text: LangText
    status: str | None
    due: Due | None


@with_config(STRICT)
class NodeIndicator(TypedDict):
    id: str
    name: LangText


@with_config(STRICT)
class PlanNode(NodeData):
    """A node of the plan page with its commitments, indicators and status roll-up."""

    commitments: list[NodeCommitment]
    indicators: list[NodeIndicator]
    rollup: Counts | None


@with_config(STRICT)
class PlanTree(TypedDict):
    plan: PlanHeader
    levels: list[Level]
    counts: dict[str, int]
    nodes: list[NodeData]


@with_config(STRICT)
class PlanPage(TypedDict):
    """The plan page: the header and the node tree with status roll-ups."""

    plan: PlanHeader
    levels: list[Level]
    counts: dict[str, int]
    nodes: list[PlanNode]
    edition: str
    has_status: bool


@with_config(STRICT)
class NodeLinks(NodeData):
    """A plan node with its ancestors and the ids of its commitments and indicators."""

    ancestors: list[str]
    commitments: list[str]
    indicators: list[str]


@with_config(STRICT)
class NodePage(NodeLinks):
    """One plan node with its ancestors, links and roll-up."""

    rollup: Counts | None


@with_config(STRICT)
class Shown(TypedDict):
    """Any id: a plan node, an indicator or a commitment."""

    kind: Literal["node", "indicator", "commitment"]
    item: NodeLinks | ShownIndicator | CommitmentData


# --- changes and the overview -------------------------------------------------------------


@with_config(STRICT)
class FigureChange(TypedDict):
    indicator: str
    name: LangText
    year: int
    display: str
    released: str
    previous: str | None
    kind: str


@with_config(STRICT)
class EvidenceChange(EvidenceData):
    commitment: str
    title: LangText | None
    text: LangText


@with_config(STRICT)
class TargetChange(TypedDict):
    indicator: str
    name: LangText | None
    year: int
    before: str | None
    after: str


@with_config(STRICT)
class CommitmentChange(TypedDict):
    commitment: str
    title: LangText | None
    text: LangText
    before: str | None
    after: str


@with_config(STRICT)
class StatusChanges(TypedDict):
    method: str | None
    targets: list[TargetChange]
    commitments: list[CommitmentChange]


@with_config(STRICT)
class Changes(TypedDict):
    """What differs between this edition and the one a quarter before it."""

    since: str
    until: str
    figures: list[FigureChange]
    evidence: list[EvidenceChange]
    statuses: StatusChanges


@with_config(STRICT)
class OverviewPage(TypedDict):
    """The overview: status counts, indicator cards and the changes since the last edition."""

    edition: str
    as_of: str | None
    has_status: bool
    plan: PlanHeader
    levels: list[Level]
    level_counts: dict[str, int]
    counts: Counts | None
    headline_method: str
    indicators: list[IndicatorCard]
    commitment_count: int
    changes: Changes


# --- indicators ---------------------------------------------------------------------------


@with_config(STRICT)
class IndicatorsPage(TypedDict):
    """Every indicator with its latest value and statuses."""

    edition: str
    has_status: bool
    indicators: list[IndicatorCard]


@with_config(STRICT)
class SeriesDef(TypedDict):
    id: str
    name: LangText
    unit: LangText
    frequency: str
    release_lag_months: int
    definition: LangText | None
    third_party: bool


@with_config(STRICT)
class PathPoint(TypedDict):
    year: int
    value: float


@with_config(STRICT)
class BreakdownDimension(TypedDict):
    name: str  # e.g. "Sex"
    categories: list[str]  # e.g. ["Female", "Male"], in the order the figures first name them


@with_config(STRICT)
class BreakdownPoint(TypedDict):
    year: int
    period: str
    value: float


@with_config(STRICT)
class ComponentPoint(TypedDict):
    """One component's figure for one year (the latest release known)."""

    series: str
    year: int
    value: float


@with_config(STRICT)
class BreakdownLine(TypedDict):
    key: str  # the breakdown as sorted JSON; "" for the total line
    dimensions: dict[str, str]
    values: list[BreakdownPoint]


@with_config(STRICT)
class Breakdowns(TypedDict):
    """The latest figures of the indicator's series by breakdown (Open SDG's disaggregations):
    the total line first, then each breakdown the figures carry."""

    series: str
    dimensions: list[BreakdownDimension]
    lines: list[BreakdownLine]


@with_config(STRICT)
class IndicatorPage(TypedDict):
    """One indicator: values, statuses, every release of its series and the target path."""

    edition: str
    as_of: str | None
    has_status: bool
    indicator: IndicatorCard
    series: list[SeriesDef]
    vintages: list[Vintage]
    target_path: list[PathPoint]
    baseline_year: int
    breakdowns: Breakdowns | None
    components: list[SeriesDef]
    component_values: list[ComponentPoint]
    progress: list[ProgressReading]  # the plan's configured progress readings (Open SDG)
    progress_overall: ProgressOverall | None
    peers: PeerComparison | None


# --- commitments page ---------------------------------------------------------------------


@with_config(STRICT)
class CommitmentFilters(TypedDict):
    status: str | None
    under: str | None
    owner: str | None
    due_year: int | None


@with_config(STRICT)
class FilterOptions(TypedDict):
    group_level: Level | None
    groups: list[GroupOption]
    statuses: list[str]
    owners: list[LangText]
    due_years: list[int]


@with_config(STRICT)
class PathNode(TypedDict):
    id: str
    level: LangText | None
    title: LangText


@with_config(STRICT)
class CommitmentPage(TypedDict):
    """One commitment: wording, due date, status, deciding evidence and its place in the plan."""

    edition: str
    commitment: CommitmentRow
    path: list[PathNode]


@with_config(STRICT)
class CommitmentsPage(TypedDict):
    """Commitments with due date, status and evidence, filtered; and the filters offered."""

    edition: str
    has_status: bool
    counts: StatusCounts | None
    filters: CommitmentFilters
    options: FilterOptions
    total: int
    commitments: list[CommitmentRow]


# --- data, sources, search, updates -------------------------------------------------------


@with_config(STRICT)
class SourceRow(TypedDict):
    agency: str
    title: str
    url: str
    tier: str
    copy_url: str
    series: list[str]
    figures: int
    latest_release: str


@with_config(STRICT)
class SourcesPage(TypedDict):
    """The publications every figure comes from."""

    edition: str
    sources: list[SourceRow]


@with_config(STRICT)
class SeriesCoverage(TypedDict):
    id: str
    name: LangText
    unit: LangText
    third_party: bool
    figures: int
    first_year: int | None
    last_year: int | None
    missing_years: list[int]
    latest_release: str | None


@with_config(STRICT)
class IndicatorGap(TypedDict):
    indicator: str
    name: LangText
    missing_years: list[int]
    stale: bool | None
    expected_release: str | None


@with_config(STRICT)
class TierCount(TypedDict):
    """How many stored figures behind one indicator come from each source tier."""

    indicator: str
    name: LangText
    counts: dict[str, int]


@with_config(STRICT)
class NotOfficialFigure(TypedDict):
    """A figure that rests on a media report or a third party, and why it stays."""

    series: str
    period: str
    value: float
    tier: str
    title: str
    url: str
    release_date: str
    reason: str  # other_vintage (an official figure of another release exists) or no_official


@with_config(STRICT)
class DataPage(TypedDict):
    """Sources, series coverage, gaps and the plan's data notes (Markdown, per language)."""

    edition: str
    sources: list[SourceRow]
    tiers: list[str]
    tier_counts: list[TierCount]
    not_official: list[NotOfficialFigure]
    series: list[SeriesCoverage]
    gaps: list[IndicatorGap]
    notes: dict[str, str]


@with_config(STRICT)
class StatusBadge(TypedDict):
    year: int | None
    status: str | None


@with_config(STRICT)
class SearchItem(TypedDict):
    """A plan item, indicator or commitment a search can find (``folded``: the text it is
    matched in, kept in the index and left out of results)."""

    kind: str
    id: str
    level: NotRequired[LangText | None]
    node: NotRequired[str]
    title: LangText | None
    body: LangText | None
    statuses: list[StatusBadge]
    folded: NotRequired[str]


@with_config(STRICT)
class SearchResults(TypedDict):
    """Substring search in both languages."""

    query: str
    total: int
    results: list[SearchItem]


@with_config(STRICT)
class FigureEntry(TypedDict):
    kind: Literal["figure"]
    id: str
    date: str
    indicator: str
    name: LangText
    year: int
    display: str
    previous: str | None
    change: str


@with_config(STRICT)
class EvidenceEntry(TypedDict):
    kind: Literal["evidence"]
    id: str
    date: str
    commitment: str
    text: LangText
    summary: LangText | None
    source: EvidenceSource


@with_config(STRICT)
class Updates(TypedDict):
    """Figures and evidence released in the year before the edition, newest first."""

    plan: str
    title: LangText
    since: str
    until: str
    entries: list[FigureEntry | EvidenceEntry]


@with_config(STRICT)
class StatusWord(TypedDict):
    """One status code as every page, report and the CLI show it: its one label in each
    language, its icon and its tone (good, fair, poor, bad or unknown; the ``verdict``)."""

    code: str
    kind: Literal["assessment", "commitment"]
    label: Explanation
    icon: str
    tone: Literal["good", "fair", "poor", "bad", "unknown"]


@with_config(STRICT)
class StatusVocabulary(TypedDict):
    """Every status code of every method and of commitments, and the word for no status."""

    statuses: list[StatusWord]
    not_assessed: StatusWord


def adapter(kind: Any) -> TypeAdapter[Any]:
    return _ADAPTERS.get(kind) or _ADAPTERS.setdefault(kind, TypeAdapter(kind))


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def page_json(kind: Any, data: Any) -> Any:
    """``data`` checked against the page type ``kind`` and made JSON-ready (as the API sends it)."""
    checked = adapter(kind)
    return checked.dump_python(checked.validate_python(data), mode="json")
