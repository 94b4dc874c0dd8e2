// The index page: draws the charts (vega-embed, from the bundle beside this file) and the
// table of articles (window.WARTA_ARTICLES, from data/articles.js): searched, sorted and paged
// here, in the browser. Cells are written with textContent, never as HTML. The table's state
// (search, sort, page) is kept in the address's #fragment, so "back" from an article returns to it.
"use strict";

(function () {
  const PAGE_SIZE = 50;
  const data = window.WARTA_ARTICLES;
  const columns = data.columns;
  const numeric = new Set(data.numeric);
  const rows = data.rows;
  const nameColumn = columns.indexOf("name");
  const haystacks = rows.map((row) => row.slice(0, nameColumn).join("\u0001").toLowerCase());
  const state = { query: "", sort: 0, descending: false, page: 0 };
  let shown = rows.map((_, index) => index);

  function readHash() {
    const params = new URLSearchParams(window.location.hash.slice(1));
    state.query = params.get("q") || "";
    const sort = Number.parseInt(params.get("s") || "0", 10);
    state.sort = sort >= 0 && sort < nameColumn ? sort : 0;
    state.descending = params.get("d") === "1";
    state.page = Math.max(0, Number.parseInt(params.get("p") || "0", 10) || 0);
  }

  function writeHash() {
    const params = new URLSearchParams();
    if (state.query) params.set("q", state.query);
    if (state.sort) params.set("s", String(state.sort));
    if (state.descending) params.set("d", "1");
    if (state.page) params.set("p", String(state.page));
    const hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : window.location.pathname);
  }

  function compare(a, b) {
    const column = state.sort;
    const x = rows[a][column];
    const y = rows[b][column];
    let order = numeric.has(columns[column]) ? x - y : String(x).localeCompare(String(y));
    if (order === 0) order = a - b;
    return state.descending ? -order : order;
  }

  function select() {
    const words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
    shown = [];
    for (let index = 0; index < rows.length; index += 1) {
      if (words.every((word) => haystacks[index].includes(word))) shown.push(index);
    }
    shown.sort(compare);
  }

  function cell(tag, text, className) {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return element;
  }

  function draw() {
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const body = document.getElementById("articles-body");
    const fragment = document.createDocumentFragment();
    for (const index of shown.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE)) {
      const row = rows[index];
      const line = document.createElement("tr");
      const first = document.createElement("td");
      const link = cell("a", row[0]);
      link.href = "articles/" + encodeURIComponent(row[nameColumn]) + ".html";
      first.appendChild(link);
      line.appendChild(first);
      for (let column = 1; column < nameColumn; column += 1) {
        line.appendChild(cell("td", String(row[column]), numeric.has(columns[column]) ? "number" : ""));
      }
      fragment.appendChild(line);
    }
    body.replaceChildren(fragment);
    document.getElementById("articles-status").textContent =
      shown.length + " of " + rows.length + " articles · page " + (state.page + 1) + " of " + pages;
    document.getElementById("page-previous").disabled = state.page === 0;
    document.getElementById("page-next").disabled = state.page >= pages - 1;
    for (const header of document.querySelectorAll("#articles th")) {
      const column = Number(header.dataset.column);
      header.setAttribute("aria-sort", column !== state.sort ? "none" : state.descending ? "descending" : "ascending");
    }
    writeHash();
  }

  function setUp() {
    readHash();
    const search = document.getElementById("articles-search");
    search.value = state.query;
    let timer = 0;
    search.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        state.query = search.value;
        state.page = 0;
        select();
        draw();
      }, 120);
    });
    for (const header of document.querySelectorAll("#articles th")) {
      header.addEventListener("click", () => {
        const column = Number(header.dataset.column);
        state.descending = column === state.sort ? !state.descending : numeric.has(columns[column]);
        state.sort = column;
        select();
        draw();
      });
    }
    document.getElementById("page-previous").addEventListener("click", () => {
      state.page -= 1;
      draw();
    });
    document.getElementById("page-next").addEventListener("click", () => {
      state.page += 1;
      draw();
    });
    select();
    draw();
  }

  function drawCharts() {
    const specs = JSON.parse(document.getElementById("chart-specs").textContent);
    const options = { actions: false, mode: "vega-lite", renderer: "svg" };
    return Promise.all(
      Object.entries(specs).map(([key, spec]) => window.vegaEmbed("#chart-" + key, spec, options)),
    );
  }

  setUp();
  const loaded = new Promise((resolve) => window.addEventListener("load", resolve));
  // Ready: the page has loaded, its table and every chart are drawn (the benchmark waits for this).
  Promise.all([loaded, drawCharts()]).then(() => {
    document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
    document.documentElement.dataset.ready = "true";
  });
})();
