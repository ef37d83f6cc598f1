"""Commands that read the plan: plan, show, commitments, validate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from blueprint_tracker.cli.output import (
    AsOfOption,
    JsonOption,
    LangOption,
    console,
    error_console,
    heads,
    parse_date,
    parse_lang,
    print_json,
    t,
)
from blueprint_tracker.cli.session import workspace
from blueprint_tracker.domain.marks import N_
from blueprint_tracker.errors import PlanInvalidError, Problem

COMMITMENT_HEADS = (N_("ID"), N_("Commitment"), N_("Due"), N_("Owner"), N_("Evidence"))


def plan(
    level: Annotated[str | None, typer.Option(help="Show levels down to this one.")] = None,
    lang: LangOption = "",
    as_json: JsonOption = False,
) -> None:
    """The plan as a tree: directions, strategies, goals, recommendations."""
    from blueprint_tracker.services.plan_views import plan_tree

    lang = parse_lang(lang)
    data = plan_tree(workspace().plan, level)
    if as_json:
        print_json(data)
        return
    names = {lv["id"]: t(lv["name"], lang) for lv in data["levels"]}
    root = Tree(Text(t(data["plan"]["title"], lang), style="bold"))
    branches: dict[str | None, Tree] = {None: root}
    for node in data["nodes"]:
        parent = branches.get(node["parent"], root)
        level = names.get(node["level"], node["level"])
        label = Text.assemble((f"{level} {node['id']}", "dim"), " ", t(node["title"], lang))
        branches[node["id"]] = parent.add(label)
    console().print(root)
    counts = ", ".join(f"{names[k]} {v}" for k, v in data["counts"].items())
    console().print(counts)


def show(
    item_id: Annotated[str, typer.Argument(help="A node, indicator or commitment id.")],
    lang: LangOption = "",
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Any node, indicator or commitment, with its children and links."""
    from blueprint_tracker.services.lookup import show as show_item

    lang = parse_lang(lang)
    data = show_item(workspace(), item_id, parse_date(as_of))
    if as_json:
        print_json(data)
        return
    from blueprint_tracker.cli.show_view import show_tables
    from blueprint_tracker.services.plan_views import plan_tree

    out = console()
    for table in show_tables(data["item"], lang, plan_tree(workspace().plan)["plan"]):
        out.print(table)


def commitments(
    due_before: Annotated[
        str | None, typer.Option(help="Only those due before YYYY-MM-DD.")
    ] = None,
    lang: LangOption = "",
    as_of: AsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """The plan's dated commitments with due date, owner and evidence."""
    from blueprint_tracker.services.commitments import commitment_rows

    lang = parse_lang(lang)
    ws = workspace()
    rows = commitment_rows(ws.plan, parse_date(due_before, "--due-before"), parse_date(as_of))
    if as_json:
        print_json(rows)
        return
    table = Table(*heads(COMMITMENT_HEADS, lang), show_lines=False)
    for row in rows:
        due = row["due"]
        due_text = t(due["wording"], lang) or due["text"] if due else "—"
        table.add_row(
            row["id"],
            t(row["text"], lang),
            due_text,
            t(row["owner"], lang),
            str(len(row["evidence"])),
        )
    console().print(table)


def validate(
    path: Annotated[
        Path | None, typer.Argument(help="A plan folder (default: the bundled plan).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Check a plan folder and report every problem (file, place, why)."""
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services.validation import validate_plan

    folder = path or Settings().plan_path()
    report = validate_plan(folder)
    if as_json:
        print_json(report)
        if not report["valid"]:
            raise typer.Exit(1)
        return
    if not report["valid"]:
        problems = [Problem(p["file"], p["location"], p["message"]) for p in report["problems"]]
        raise PlanInvalidError(f"{folder}: {len(problems)} problem(s)", problems)
    summary = report["summary"]
    table = Table("", "count", title=f"{summary['plan']}: valid")
    for level, count in summary["levels"].items():
        table.add_row(level, str(count))
    for key in ("indicators", "series", "commitments", "evidence", "observations"):
        table.add_row(key, str(summary[key]))
    console().print(table)
    _untranslated_warnings(summary["untranslated"])


def _untranslated_warnings(counts: dict[str, int]) -> None:
    """Texts pages show with no translation: a warning on stderr, not a problem."""
    for lang, count in counts.items():
        if count:
            error_console().print(
                f"warning: {count} text(s) shown on pages have no translation into {lang} "
                f"(translations/{lang}.yaml; blueprint validate --json lists them)",
                markup=False,
            )
