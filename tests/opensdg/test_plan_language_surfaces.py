"""A plan in English and Spanish (the Open SDG fixture; Spanish has no interface catalogue):
every surface carries the plan's Spanish text beside English interface words, and nothing asks
for Chinese. The evidence edit form has a summary box per plan language; the XLSX workbook, the
data package, the PDF and the pages carry the Spanish words; the CLI speaks the plan's first
language when none is asked for."""

from __future__ import annotations

import csv
import json
import secrets
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from tests.web.server_support import PASSWORD, hidden, propose

COMMITMENT = {
    "id": "c-clinics",
    "node": "3.2.1",
    "text": {"en": "Open 50 rural clinics", "es": "Abrir 50 clínicas rurales", "translated": True},
    "due": "2026",
}
EVIDENCE_HEADER = (
    "commitment,date,outcome,summary_en,summary_es,source_agency,source_title,source_url,"
    "release_date,flags\n"
)
EVIDENCE_ROW = (
    "c-clinics,2025-03-01,in_progress,Twenty clinics opened,Se abrieron veinte clínicas,"
    "Ministry of Health,Annual report,https://health.example.org/report,2025-03-05,\n"
)
NAME_ES = "Tasa de mortalidad infantil"
NAME_EN = "Child mortality rate"
NOTICE = "The interface words on this page are in English"


@pytest.fixture
def plan(imported: Path) -> Path:
    """The imported en/es plan with a commitment and its evidence in both languages."""
    commitments = {"commitments": [COMMITMENT]}
    (imported / "commitments.yaml").write_text(
        yaml.safe_dump(commitments, allow_unicode=True), encoding="utf-8"
    )
    (imported / "evidence.csv").write_text(EVIDENCE_HEADER + EVIDENCE_ROW, encoding="utf-8")
    return imported


@pytest.fixture
def ws(plan: Path, tmp_path: Path) -> Any:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services.workspace import open_workspace

    return open_workspace(Settings(data_dir=tmp_path / "surfaces", plan=str(plan)))


def test_evidence_csv_reads_a_summary_column_per_plan_language(ws: Any, plan: Path, cli) -> None:
    found = ws.plan.commitment("c-clinics")
    assert found is not None
    [evidence] = found.evidence
    assert evidence.summary.languages() == ("en", "es")
    assert evidence.summary.get("es") == "Se abrieron veinte clínicas"
    (plan / "evidence.csv").write_text(
        EVIDENCE_HEADER.replace(",summary_es", "")
        + EVIDENCE_ROW.replace(",Se abrieron veinte clínicas", ""),
        encoding="utf-8",
    )
    result = cli("validate")
    assert result.code == 1
    assert "evidence.csv: header: missing columns: summary_es" in result.out + result.err


def test_the_evidence_form_has_a_summary_box_per_plan_language(plan: Path, tmp_path: Path) -> None:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.services import accounts, review
    from blueprint_tracker.web.app import create_app

    settings = Settings(
        data_dir=tmp_path / "server", plan=str(plan), server_mode=True,
        secret_key=secrets.token_urlsafe(40), password_profile="CHEAPEST",
    )  # fmt: skip
    app = create_app(settings)
    ws = app.state.ws
    accounts.add_user(ws, "ed", "editor", PASSWORD)
    accounts.add_user(ws, "rev", "reviewer", PASSWORD)
    editor, reviewer = TestClient(app), TestClient(app)
    for client, name in ((editor, "ed"), (reviewer, "rev")):
        page = client.get("/es/login/")
        data = {"name": name, "password": PASSWORD, "csrf_token": hidden(page.text, "csrf_token")}
        assert client.post("/es/login/", data=data, follow_redirects=False).status_code == 303

    url = "/es/edit/evidence/c-clinics/"
    form = editor.get(url).text
    assert 'name="summary_en"' in form and 'name="summary_es"' in form
    assert "summary_zh" not in form
    assert "Summary in English" in form and "Summary in Spanish" in form
    assert "c-clinics: Abrir 50 clínicas rurales" in form and NOTICE in form
    entry = {
        "date": "2025-06-30", "outcome": "completed", "summary_en": "All 50 clinics open",
        "source_agency": "Ministry of Health", "source_title": "Press release",
        "source_url": "https://health.example.org/pr", "release_date": "2025-07-01",
        "reason": "ministry release",
    }  # fmt: skip
    refused = propose(editor, url, entry)
    assert refused.status_code == 422
    assert 'id="f-summary_es"' in refused.text and "has-problem" in refused.text
    accepted = propose(editor, url, {**entry, "summary_es": "Las 50 clínicas abiertas"})
    assert accepted.status_code == 303
    [change] = review.queue(ws)
    queue = reviewer.get("/es/review/").text
    data = {"comment": "ok", "decision": "approve", "csrf_token": hidden(queue, "csrf_token")}
    assert reviewer.post(f"/es/review/{change.id}/", data=data, follow_redirects=False)
    stored = [e for e in ws.review.evidence(ws.plan.id)]
    assert [e["summary"] for e in stored] == [
        {"en": "All 50 clinics open", "es": "Las 50 clínicas abiertas"}
    ]
    page = TestClient(app).get("/es/commitments/c-clinics/").text
    assert "Las 50 clínicas abiertas" in page and "Abrir 50 clínicas rurales" in page
    assert NOTICE in page
    assert "All 50 clinics open" in TestClient(app).get("/en/commitments/c-clinics/").text


def test_the_workbook_in_spanish_has_spanish_plan_text_and_english_headings(
    ws: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from blueprint_tracker.present.reports.report_xlsx import write_xlsx

    path = tmp_path / "report-es.xlsx"
    write_xlsx(ws, path, "es")
    book = load_workbook(path)
    cells = {str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value}
    assert NAME_ES in cells and NAME_EN not in cells
    assert "Abrir 50 clínicas rurales" in cells and "Se abrieron veinte clínicas" in cells
    assert "Indicators" in book.sheetnames  # interface words: English
    assert any(c.startswith("The report's own words are in English") for c in cells)


def test_the_data_package_has_a_column_per_plan_language(ws: Any, tmp_path: Path) -> None:
    from blueprint_tracker.present.reports.datapackage import write_datapackage

    descriptor = json.loads(write_datapackage(ws, tmp_path / "pkg").read_text(encoding="utf-8"))
    assert "in English and Spanish" in descriptor["description"]
    with (tmp_path / "pkg" / "indicators.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    named = [h for h in header if h.startswith("name_")]
    assert named == ["name_en", "name_es", "name_es_translated"]
    assert not [h for h in header if "zh" in h]
    assert NAME_ES in {r["name_es"] for r in rows}
    resources = {r["name"]: r for r in descriptor["resources"]}
    fields = [f["name"] for f in resources["indicators"]["schema"]["fields"]]
    assert fields == header  # the schema says what the file holds
    with (tmp_path / "pkg" / "assessments.csv").open(encoding="utf-8") as handle:
        spanish = [r["explanation_es"] for r in csv.DictReader(handle)]
    assert any(NAME_ES in text for text in spanish)  # Spanish names in English sentences
    with (tmp_path / "pkg" / "evidence.csv").open(encoding="utf-8") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["summary_es"] == "Se abrieron veinte clínicas"


def test_the_pdf_in_spanish_carries_the_spanish_plan_text(ws: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from blueprint_tracker.present.reports.report_pdf import write_pdf

    path = tmp_path / "report-es.pdf"
    write_pdf(ws, path, "es")
    assert PdfReader(path).trailer["/Root"]["/Lang"] == "es"
    if shutil.which("pdftotext"):
        run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
        text = " ".join(run.stdout.decode("utf-8").split())
    else:
        text = " ".join("".join(p.extract_text() or "" for p in PdfReader(path).pages).split())
    assert NAME_ES in text and "Abrir 50 clínicas rurales" in text
    assert "Contents" in text  # interface words: English
    assert "have not been translated into Español yet" in text  # and it says so


def test_the_cli_speaks_the_plan_first_language_by_default(plan: Path, cli) -> None:
    result = cli("status")
    assert result.code == 0, result.err
    assert NAME_EN in result.out and NAME_ES not in result.out
    refused = cli("status", "--lang", "zh-Hant")  # catalogued, but not one of the plan's
    assert refused.code == 2 and "use one of en, es" in refused.err


def test_a_command_opens_its_workspace_once_for_the_default_language(plan: Path, cli) -> None:
    import blueprint_tracker.services.workspace as module

    opened = []
    real = module.open_workspace

    def counting(*args: Any, **kwargs: Any) -> Any:
        opened.append(1)
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "open_workspace", counting)
        assert cli("status").code == 0
        assert cli("show", "3.2.1").code == 0
    assert len(opened) == 2


def test_downloads_and_search_follow_the_plan_languages(plan: Path, tmp_path: Path) -> None:
    from blueprint_tracker.config import Settings
    from blueprint_tracker.present.reports.publications import names
    from blueprint_tracker.services.search import search
    from blueprint_tracker.web.app import create_app

    assert names(["en", "es"]) == (
        "report-en.pdf", "report-es.pdf", "report-en.xlsx", "report-es.xlsx", "datapackage.zip",
    )  # fmt: skip
    app = create_app(Settings(data_dir=tmp_path / "downloads", plan=str(plan)))
    with TestClient(app) as client:
        page = client.get("/es/data/").text
        assert "report-es.xlsx" in page
        workbook = client.get("/downloads/report-es.xlsx")
        assert workbook.status_code == 200 and workbook.content[:2] == b"PK"
        assert client.get("/downloads/report-zh-Hant.xlsx").status_code == 404
        found = [hit["id"] for hit in search(app.state.ws, "Abrir 50")["results"]]
    assert found == ["c-clinics"]


def test_a_plan_folder_written_with_the_fixed_summary_columns_still_loads(
    imported: Path, cli
) -> None:
    """Plan folders imported before summaries followed the plan's languages hold an empty
    evidence.csv headed summary_zh,summary_en: nothing is missing from a file of no rows."""
    old = EVIDENCE_HEADER.replace("summary_en,summary_es", "summary_zh,summary_en")
    (imported / "evidence.csv").write_text(old, encoding="utf-8")
    result = cli("validate")
    assert result.code == 0, result.out + result.err
