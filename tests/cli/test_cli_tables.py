"""Tables for people: whole values to a pipe, `show` with its records, numbers and status icons
as on the pages."""

from __future__ import annotations

from pathlib import Path

from blueprint_tracker.present.labels import status_label


def test_a_pipe_gets_every_name_whole_on_one_line(data_dir: Path, cli) -> None:
    rows = cli("indicators", "--json").json()
    for lang in ("en", "zh-Hant"):
        lines = cli("indicators", "--lang", lang).out.splitlines()
        for row in rows:
            name = row["name"][lang]
            assert any(row["id"] in line and name in line for line in lines), (lang, name)
    status = cli("status", "--lang", "en").out
    assert all(row["name"]["en"] in status for row in rows)
    commitments = cli("commitments", "--json").json()
    listed = cli("commitments", "--lang", "en").out
    assert all(c["text"]["en"] in listed for c in commitments)


def test_show_an_indicator_lists_its_values_and_milestones(data_dir: Path, cli) -> None:
    data = cli("show", "1.2", "--json").json()["item"]
    out = cli("show", "1.2", "--lang", "en").out
    assert "item(s)" not in out
    lines = out.splitlines()
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in lines if "│" in line]
    for value in data["values"]:  # one row per year, the value rounded as on the page
        assert [str(value["year"]), value["display"]] in [c[:2] for c in cells], value
    assert any("2030" in line and "9,000" in line for line in lines)
    assert any("2025" in line and "5,000" in line for line in lines)
    assert "4769.218" not in out  # the raw float is for --json


def test_assess_numbers_are_named_and_rounded_as_on_the_page(
    data_dir: Path, cli, tmp_path: Path
) -> None:
    path = tmp_path / "s.csv"
    path.write_text("year,value\n2016,1\n2018,1.2\n2020,1.5\n2022,1.7\n", encoding="utf-8")
    result = cli("assess", str(path), "--target", "2", "--target-year", "2030", "--lang", "en")
    numbers = cli("assess", str(path), "--target", "2", "--target-year", "2030", "--json").json()
    assert "ratio of actual to required" in result.out and "t0" not in result.out
    assert f"{numbers['numbers']['ratio']:.3f}" in result.out
    assert str(numbers["numbers"]["ratio"]) not in result.out


def test_status_uses_the_pages_icons(data_dir: Path, cli) -> None:
    report = cli("status", "--json").json()
    out = cli("status", "--lang", "en").out
    for row in report["indicators"]:
        for milestone in row["milestones"]:
            for reading in milestone["assessments"].values():
                assert status_label(reading["status"]).icon in out
