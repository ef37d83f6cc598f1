// Blueprint Tracker: renders the chart, and (on the static site) filters and searches locally.
(function () {
  "use strict";

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function renderChart() {
    renderSpec("chart-spec", "chart");
    var peers = document.getElementById("peers-box");
    if (peers) {  // drawn when opened (a closed disclosure has no width to fit the chart to)
      peers.addEventListener("toggle", function () {
        if (peers.open && !document.querySelector("#peers-chart svg")) {
          renderSpec("peers-spec", "peers-chart");
        }
      });
    }
  }

  function renderSpec(specId, targetId) {
    var spec = readJson(specId);
    if (!spec || typeof window.vegaEmbed !== "function") { return; }
    window.vegaEmbed("#" + targetId, spec, {
      // CSP-safe: Vega's expression interpreter (no eval) and no injected <style> elements
      actions: false, renderer: "svg", ast: true, defaultStyle: false,
      tooltip: { disableDefaultStyle: true }
    }).then(function (result) {
      document.getElementById(targetId).setAttribute("data-rendered", "true");
      if (targetId === "chart") { offerDownloads(result.view); }
      var svg = document.querySelector("#" + targetId + " svg");
      if (svg) { svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false"); }
      return result;
    });
  }

  // PNG and SVG of the chart as drawn (made in the browser from the same specification)
  function offerDownloads(view) {
    [["png", "chart-png"], ["svg", "chart-svg"]].forEach(function (pair) {
      var link = document.getElementById(pair[1]);
      if (!link) { return; }
      view.toImageURL(pair[0], pair[0] === "png" ? 2 : 1).then(function (url) {
        link.href = url;
        link.hidden = false;
      });
    });
  }

  function fillCiteUrl() {
    document.querySelectorAll(".cite-url").forEach(function (el) {
      el.textContent = window.location.href.split("#")[0];
    });
    document.querySelectorAll(".embed-code").forEach(function (el) {  // an absolute address
      var src = new URL(el.dataset.embed, window.location.href).href;
      el.textContent = '<iframe src="' + src + '" width="640" height="520" title="' +
        el.dataset.title.replace(/"/g, "&quot;") + '"></iframe>';
    });
  }

  function renderComponents() {
    var spec = readJson("components-spec");
    if (!spec || typeof window.vegaEmbed !== "function") { return; }
    window.vegaEmbed("#components", spec, {
      actions: false, renderer: "svg", ast: true, defaultStyle: false,
      tooltip: { disableDefaultStyle: true }
    }).then(function () {
      var svg = document.querySelector("#components svg");
      if (svg) { svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false"); }
      document.getElementById("components").setAttribute("data-rendered", "true");
    });
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)[ds]/g, function (_, key) { return String(values[key]); });
  }

  function filterCommitments(event) {
    var form = document.getElementById("commitment-filters");
    if (!form) { return; }
    if (event) { event.preventDefault(); }
    var want = {
      status: form.elements.status.value, under: form.elements.under.value,
      owner: form.elements.owner.value, year: form.elements.due_year.value
    };
    var items = document.querySelectorAll("li.commitment");
    var shown = 0;
    items.forEach(function (li) {
      var keep = (!want.status || li.dataset.status === want.status) &&
        (!want.under || li.dataset.path.split(" ").indexOf(want.under) >= 0) &&
        (!want.owner || li.dataset.owner === want.owner) &&
        (!want.year || li.dataset.dueYear === want.year);
      li.hidden = !keep;
      if (keep) { shown += 1; }
    });
    document.querySelectorAll(".commitment-group").forEach(function (group) {
      group.hidden = !group.querySelector("li.commitment:not([hidden])");
    });
    var count = document.getElementById("commitment-count");
    count.textContent = format(count.dataset.template, { shown: shown, total: items.length });
  }

  function matches(entry, needle) {
    return entry.text.indexOf(needle) >= 0;
  }

  // the same fold as services/search.py: width, case, spaces and hyphens, simplified characters
  function fold(value, chars) {
    var flat = value.normalize("NFKC").toLowerCase().replace(/[\s\-\u2010-\u2015_\u00b7\u30fb]+/g, "");
    return Array.from(flat).map(function (c) { return (chars && chars[c]) || c; }).join("");
  }

  function runSearch() {
    var index = readJson("search-index");
    var labels = readJson("search-labels");
    if (!index) { return; }
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var input = document.getElementById("q");
    input.value = query;
    var needle = fold(query.trim(), readJson("search-chars"));
    if (!needle) { return; }
    var hits = index.filter(function (entry) { return matches(entry, needle); });
    var box = document.getElementById("results");
    box.textContent = "";
    var p = document.createElement("p");
    p.id = "result-count";
    p.textContent = format(labels.count, { n: hits.length, q: query });
    box.appendChild(p);
    var ul = document.createElement("ul");
    ul.className = "results";
    var template = document.getElementById("result-template");
    hits.forEach(function (hit) {
      var li = template.content.firstElementChild.cloneNode(true);
      li.dataset.kind = hit.kind;
      li.querySelector(".kind").textContent = hit.level || labels[hit.kind];
      var a = li.querySelector("a");
      a.href = hit.href;
      a.textContent = hit.title;
      (hit.badges || []).forEach(function (b) {
        var wrap = document.createElement("span");
        wrap.className = "result-status";
        if (b.year) { wrap.textContent = b.year + labels.colon; }
        var badge = document.createElement("span");
        badge.className = "status status-" + b.tone;
        badge.dataset.status = b.code || "";
        var icon = document.createElement("span");
        icon.className = "icon";
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = b.icon;
        badge.appendChild(icon);
        badge.appendChild(document.createTextNode(" " + b.word));
        wrap.appendChild(badge);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(wrap);
      });
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  // scorecard: sort by a column (indicator order, latest year, or a target's status, worst first)
  function sortScorecard(event) {
    var button = event.target.closest("button.sort");
    if (!button) { return; }
    var table = button.closest("table");
    var th = button.closest("th");
    var key = button.dataset.sort;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.sort(function (a, b) {
      var x = Number(a.dataset[key]), y = Number(b.dataset[key]);
      return (ascending ? x - y : y - x) || Number(a.dataset.order) - Number(b.dataset.order);
    });
    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    table.querySelectorAll("thead th").forEach(function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  // a language switch keeps the query (search words, filters) on the static site too
  function keepQueryOnSwitch() {
    if (!window.location.search) { return; }
    document.querySelectorAll("a[data-lang-switch]").forEach(function (a) {
      if (a.href.indexOf("?") < 0) { a.href = a.href + window.location.search; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderChart();
    var box = document.getElementById("components-box");
    if (box) {  // drawn when opened (a closed disclosure has no width to fit the chart to)
      box.addEventListener("toggle", function () {
        if (box.open && !document.querySelector("#components svg")) { renderComponents(); }
      });
    }
    keepQueryOnSwitch();
    fillCiteUrl();
    var scorecard = document.getElementById("scorecard");
    if (scorecard) { scorecard.addEventListener("click", sortScorecard); }
    var form = document.getElementById("commitment-filters");
    if (form && document.body.dataset.static === "true") {
      form.addEventListener("submit", filterCommitments);
      form.addEventListener("change", filterCommitments);
      var params = new URLSearchParams(window.location.search);
      ["status", "under", "owner", "due_year"].forEach(function (name) {
        var value = params.get(name);
        if (value && name === "status") { value = value.trim().toUpperCase(); }  // as the server
        if (value && form.elements[name]) { form.elements[name].value = value; }
      });
      if (window.location.search) { filterCommitments(); }
    }
    runSearch();
  });
})();
