"""Commitments the government changed or dropped (issue 13, tracker point 4): evidence with the
outcome `modified` or `not_pursued` gives the statuses Modified and Not pursued on the tracker
(counts, filter, badge) and on the commitment's own page, in both languages, with the evidence
that decided it. The bundled plan has no such evidence yet, so a copy of it gets two rows."""

from __future__ import annotations

import csv
import shutil

import pytest

from blueprint_tracker.config import BUNDLED_PLANS

ROWS = [
    {
        "commitment": "c-rpg-places", "date": "2026-03-01", "outcome": "modified",
        "summary_zh": "目標改為2026/27學年達到7200個學額。",
        "summary_en": "The target moved to 7,200 places in the 2026/27 school year.",
        "source_agency": "University Grants Committee", "source_title": "Test notice",
        "source_url": "https://www.ugc.edu.hk/", "release_date": "2026-03-01", "flags": "",
    },
    {
        "commitment": "c-cyberport-5", "date": "2026-04-01", "outcome": "not_pursued",
        "summary_zh": "政府宣布不再推行。",
        "summary_en": "The government said it would not go ahead.",
        "source_agency": "Cyberport", "source_title": "Test notice",
        "source_url": "https://www.cyberport.hk/", "release_date": "2026-04-01", "flags": "",
    },
]  # fmt: skip


@pytest.fixture(scope="module")
def changed_client(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from blueprint_tracker.config import Settings
    from blueprint_tracker.web.app import create_app

    folder = tmp_path_factory.mktemp("plan") / "hk"
    shutil.copytree(BUNDLED_PLANS / "hk-itb-2022", folder)
    evidence = folder / "evidence.csv"
    with evidence.open(encoding="utf-8", newline="") as handle:
        fields = csv.DictReader(handle).fieldnames
    with evidence.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=fields or list(ROWS[0])).writerows(ROWS)
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), plan=str(folder))
    with TestClient(create_app(settings)) as client:
        yield client


def test_the_tracker_counts_filters_and_marks_modified_and_dropped_commitments(
    changed_client,
) -> None:
    page = changed_client.get("/en/commitments/").text
    assert '<option value="MODIFIED">Modified</option>' in page
    assert '<option value="NOT_PURSUED">Not pursued</option>' in page
    modified = changed_client.get("/en/commitments/?status=MODIFIED").text
    assert modified.count('class="commitment"') == 1 and 'id="c-rpg-places"' in modified
    assert "The target moved to 7,200 places" in modified  # the evidence that decided it
    dropped = changed_client.get("/zh-hant/commitments/?status=NOT_PURSUED").text
    assert dropped.count('class="commitment"') == 1 and "不再推行" in dropped
    assert "政府宣布不再推行。" in dropped


def test_a_modified_commitment_s_page_says_so_with_its_evidence(changed_client) -> None:
    en = changed_client.get("/en/commitments/c-rpg-places/").text
    assert 'data-status="MODIFIED"' in en and "The target moved to 7,200 places" in en
    zh = changed_client.get("/zh-hant/commitments/c-rpg-places/").text
    assert "已修改" in zh and "目標改為2026/27學年達到7200個學額。" in zh
