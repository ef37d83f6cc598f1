"""Only http(s) source and evidence addresses get in, by every path that writes them:
``blueprint import``, the plan folder's files, ``blueprint restore`` and server-mode proposals.
A ``javascript:`` address is refused with a message naming the file, row and field."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from blueprint_tracker.config import Settings
from blueprint_tracker.domain.account import Role
from blueprint_tracker.domain.web_address import web_address_problem
from blueprint_tracker.services import accounts, review
from blueprint_tracker.services.workspace import open_workspace

EVIL = "javascript:alert(document.cookie)"
HEADER = (
    "series,period,value,unit,flags,source_agency,source_title,source_url,source_table,"
    "release_date,note\n"
)
PASSWORD = "correct horse battery"


@pytest.mark.parametrize(
    "address",
    [EVIL, " JavaScript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd",
     "vbscript:msgbox", "https://", "http//example.gov", "https://exa mple.gov/"],
)  # fmt: skip
def test_only_http_and_https_addresses_with_a_host_pass(address: str) -> None:
    assert web_address_problem(address)
    assert web_address_problem("https://www.censtatd.gov.hk/en/") is None
    assert web_address_problem("HTTP://example.gov/a?b=c#d") is None


def test_import_refuses_a_javascript_address_naming_row_and_field(
    mini_plan: Path, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    path = tmp_path / "figures.csv"
    good = "gerd,2021,27827,HK$ million,,C&SD,Innovation 2021,https://x.gov/g,207,2022-12-20,\n"
    evil = f"gerd,2022,28000,HK$ million,,C&SD,Innovation 2022,{EVIL},207,2023-12-20,\n"
    path.write_text(HEADER + good + evil, encoding="utf-8")
    result = cli("import", str(path))
    assert result.code != 0
    assert "figures.csv" in result.err and "row 3" in result.err
    assert "source_url" in result.err and "https://" in result.err
    assert "Traceback" not in result.err
    ws = open_workspace(Settings())
    assert not [o for o in ws.store.latest(ws.plan.id, ["gerd"]) if o.period == "2021"]


def _validate(cli: Callable[..., Any], folder: Path) -> str:
    result = cli("validate", str(folder))
    assert result.code != 0
    text = " ".join((result.out + result.err).split())
    assert "Traceback" not in text
    return text


def test_plan_files_refuse_javascript_addresses(mini_plan: Path, cli: Callable[..., Any]) -> None:
    observations = mini_plan / "observations.csv"
    rows = observations.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace("https://example.gov/gerd2014", "javascript:void(0)")
    observations.write_text("\n".join(rows) + "\n", encoding="utf-8")
    text = _validate(cli, mini_plan)
    assert "observations.csv: row 2, column source_url" in text and "javascript" in text
    evidence = mini_plan / "evidence.csv"
    lines = evidence.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("https://example.gov/pr2", EVIL)
    evidence.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = mini_plan / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + f"source_url: '{EVIL}'\n", encoding="utf-8")
    text = _validate(cli, mini_plan)
    assert "evidence.csv" in text and "row 3" in text and "source_url" in text
    assert "plan.yaml" in text and "javascript" in text


def _tamper(original: Path, tampered: Path, table: str, column: str) -> None:
    with zipfile.ZipFile(original) as src, zipfile.ZipFile(tampered, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name == f"{table}.csv":
                rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
                rows[0][column] = rows[0][column].replace("https://x.gov/ugc", EVIL)
                rows[0][column] = rows[0][column].replace("https://example.gov/gerd2014", EVIL)
                buffer = io.StringIO()
                writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
                data = buffer.getvalue().encode("utf-8")
            out.writestr(name, data)


@pytest.mark.parametrize(
    ("table", "column"), [("observations", "source_url"), ("changes", "payload")]
)
def test_restore_refuses_a_backup_with_a_javascript_address(
    mini_plan: Path,
    tmp_path: Path,
    cli: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    table: str,
    column: str,
) -> None:
    ws = open_workspace(Settings())
    accounts.add_user(ws, "ed", Role.EDITOR, PASSWORD)
    figure = {
        "series": "gerd", "period": "2021", "value": "27827", "unit": "", "flags": "",
        "source_agency": "UGC", "source_title": "t", "source_url": "https://x.gov/ugc",
        "source_table": "", "release_date": "2022-12-20", "note": "",
    }  # fmt: skip
    review.propose(ws, accounts.authenticate(ws, "ed", PASSWORD), "observation", figure, "r", 0)
    assert cli("backup", str(tmp_path / "good.zip")).code == 0
    _tamper(tmp_path / "good.zip", tmp_path / "evil.zip", table, column)
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(tmp_path / "elsewhere"))
    result = cli("restore", str(tmp_path / "evil.zip"))
    assert result.code != 0 and "Traceback" not in result.err
    text = " ".join(result.err.split())
    assert f"{table}.csv" in text and "row 2" in text and "source_url" in text
    assert "nothing was restored" in text
    assert cli("restore", str(tmp_path / "good.zip")).code == 0  # the store was left empty


@pytest.fixture
def server_ws(mini_plan: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("BLUEPRINT_DATABASE_URL", store_url)
    ws = open_workspace(Settings())
    accounts.add_user(ws, "ed", Role.EDITOR, PASSWORD)
    return ws


@pytest.mark.parametrize("kind", ["observation", "evidence"])
def test_proposals_refuse_javascript_addresses(server_ws: Any, kind: str) -> None:
    editor = accounts.authenticate(server_ws, "ed", PASSWORD)
    payload = {
        "series": "gerd", "period": "2021", "value": "27827", "unit": "", "flags": "",
        "source_agency": "C&SD", "source_title": "Innovation", "source_url": EVIL,
        "source_table": "", "release_date": "2022-12-20", "note": "",
        "commitment": "c-places", "date": "2025-06-30", "outcome": "completed",
        "summary_zh": "學額", "summary_en": "Places",
    }  # fmt: skip
    with pytest.raises(review.EditRejectedError) as caught:
        review.propose(server_ws, editor, kind, payload, "a reason", 0)
    assert any(p.location == "source_url" and "https://" in p.message
               for p in caught.value.problems)  # fmt: skip
    assert review.queue(server_ws) == []


def test_the_edit_form_marks_a_javascript_address(mini_plan: Path, data_dir: Path) -> None:
    from blueprint_tracker.web.edit_forms import BAD_URL, evidence_spec, form_problems

    ws = open_workspace(Settings())
    spec = evidence_spec(ws, "c-places", status=False)
    for address in (EVIL, "https://", "https://a b/"):
        assert form_problems(spec, {"source_url": address})["source_url"] == [BAD_URL]
    assert "source_url" not in form_problems(spec, {"source_url": "https://x.gov/a"})
