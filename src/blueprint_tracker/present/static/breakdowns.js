// Blueprint Tracker: the indicator page's breakdown selector (as Open SDG offers it). A
// checkbox per category of each dimension; the chart shows the total line and one line per
// chosen category (across dimensions: each combination of the chosen categories). No library.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var COLOURS = ["#102a43", "#d9480f", "#2b8a3e", "#5f3dc4", "#c2255c", "#1971c2", "#e67700", "#495057"];
  var BOX = { width: 640, height: 280, left: 56, right: 16, top: 16, bottom: 32 };

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function keyOf(dimensions) {
    var names = Object.keys(dimensions).sort();
    if (!names.length) { return ""; }
    var sorted = {};
    names.forEach(function (name) { sorted[name] = dimensions[name]; });
    return JSON.stringify(sorted);
  }

  // every combination of the chosen categories over the dimensions that have a choice
  function combinations(chosen) {
    var result = [{}];
    Object.keys(chosen).forEach(function (name) {
      var next = [];
      result.forEach(function (partial) {
        chosen[name].forEach(function (category) {
          var copy = Object.assign({}, partial);
          copy[name] = category;
          next.push(copy);
        });
      });
      result = next;
    });
    return result;
  }

  function chosenLines(data, form) {
    var chosen = {};
    form.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    var byKey = {};
    data.lines.forEach(function (line) { byKey[line.key] = line; });
    var lines = byKey[""] ? [byKey[""]] : [];
    if (Object.keys(chosen).length) {
      combinations(chosen).forEach(function (dims) {
        var line = byKey[keyOf(dims)];
        if (line && lines.indexOf(line) < 0) { lines.push(line); }
      });
    }
    return lines;
  }

  function label(line, words) {
    if (!line.key) { return words.total; }
    return Object.keys(line.dimensions).sort().map(function (name) {
      return name + ": " + line.dimensions[name];
    }).join("; ");
  }

  function node(name, attributes, parent) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { el.setAttribute(key, attributes[key]); });
    parent.appendChild(el);
    return el;
  }

  function scales(lines) {
    var years = [], values = [];
    lines.forEach(function (line) {
      line.values.forEach(function (v) { years.push(v.year); values.push(v.value); });
    });
    var y0 = Math.min.apply(null, years), y1 = Math.max.apply(null, years);
    var v0 = Math.min(0, Math.min.apply(null, values)), v1 = Math.max.apply(null, values);
    var w = BOX.width - BOX.left - BOX.right, h = BOX.height - BOX.top - BOX.bottom;
    return {
      x: function (year) { return BOX.left + (y1 === y0 ? w / 2 : (year - y0) / (y1 - y0) * w); },
      y: function (value) { return BOX.top + h - (v1 === v0 ? h / 2 : (value - v0) / (v1 - v0) * h); },
      years: [y0, y1], values: [v0, v1]
    };
  }

  function axes(svg, scale) {
    node("line", { x1: BOX.left, x2: BOX.width - BOX.right, y1: scale.y(scale.values[0]),
      y2: scale.y(scale.values[0]), stroke: "#888" }, svg);
    node("line", { x1: BOX.left, x2: BOX.left, y1: BOX.top, y2: BOX.height - BOX.bottom,
      stroke: "#888" }, svg);
    scale.years.forEach(function (year) {
      node("text", { x: scale.x(year), y: BOX.height - 8, "text-anchor": "middle",
        "font-size": 12 }, svg).textContent = String(year);
    });
    scale.values.forEach(function (value) {
      node("text", { x: BOX.left - 6, y: scale.y(value) + 4, "text-anchor": "end",
        "font-size": 12 }, svg).textContent = String(Math.round(value * 100) / 100);
    });
  }

  function draw(data, form, words) {
    var svg = document.getElementById("breakdown-chart");
    var legend = document.getElementById("breakdown-legend");
    var lines = chosenLines(data, form);
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    legend.textContent = "";
    if (!lines.length) { svg.hidden = true; return; }
    var scale = scales(lines);
    axes(svg, scale);
    lines.forEach(function (line, index) {
      var colour = COLOURS[index % COLOURS.length];
      var points = line.values.map(function (v) { return scale.x(v.year) + "," + scale.y(v.value); });
      var path = node("polyline", { points: points.join(" "), fill: "none", stroke: colour,
        "stroke-width": index === 0 && !line.key ? 3 : 2, "data-line": line.key }, svg);
      node("title", {}, path).textContent = label(line, words);
      var item = document.createElement("li");
      item.setAttribute("data-line", line.key);
      var swatch = document.createElement("span");
      swatch.className = "swatch swatch-" + (index % COLOURS.length);
      swatch.setAttribute("aria-hidden", "true");
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(label(line, words)));
      legend.appendChild(item);
    });
    svg.hidden = false;
    svg.setAttribute("data-lines", String(lines.length));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = readJson("breakdown-data");
    var form = document.getElementById("breakdown-form");
    if (!data || !form) { return; }
    var words = readJson("breakdown-words") || { total: "Total" };
    form.addEventListener("change", function () { draw(data, form, words); });
    draw(data, form, words);
  });
})();
