// Start page: collect pasted texts, uploaded files (their names become the labels) and URLs, start one job,
// follow its progress (Server-Sent Events, polling as the fallback) and open the result. The two buttons stay
// disabled while a job runs, so a double click cannot send the work twice.
(function () {
  "use strict";
  var pasted = document.getElementById("pasted");
  var tpl = document.getElementById("article-tpl");
  var buttons = [document.getElementById("analyze"), document.getElementById("compare")];
  function addArticle() { pasted.appendChild(tpl.content.cloneNode(true)); }
  addArticle();
  document.getElementById("add-article").addEventListener("click", addArticle);
  function busy(on) { buttons.forEach(function (b) { b.disabled = on; }); }
  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () {
        var isHtml = /\.html?$/i.test(file.name) || file.type === "text/html";
        var item = isHtml ? {html: r.result} : {text: r.result};
        item.source = file.name;
        resolve(item);
      };
      r.onerror = function () { reject(new Error("cannot read " + file.name)); };
      r.readAsText(file);
    });
  }
  async function collect() {
    var items = [];
    pasted.querySelectorAll(".pasted-article").forEach(function (el) {
      var text = el.querySelector(".text").value;
      if (text.trim()) {
        var item = {text: text};
        var title = el.querySelector(".title").value.trim();
        var outlet = el.querySelector(".outlet").value.trim();
        if (title) item.title = title;
        if (outlet) item.outlet = outlet;
        items.push(item);
      }
    });
    for (const f of document.getElementById("files").files) items.push(await readFile(f));
    document.getElementById("urls").value.split(/\s+/).filter(Boolean).forEach(function (u) { items.push({url: u}); });
    return items;
  }
  function show(text, isError) {
    document.getElementById("status").hidden = false;
    var el = document.getElementById("status-text");
    el.textContent = text;
    el.className = isError ? "error" : "";
  }
  function bar(fraction) {
    var pct = Math.round(100 * fraction);
    document.getElementById("bar").style.width = pct + "%";
    document.querySelector("#status [role=progressbar]").setAttribute("aria-valuenow", pct);
  }
  async function run(mode) {
    if (buttons[0].disabled) return;
    busy(true);
    try {
      var articles = await collect();
      if (!articles.length) { show("Nothing to analyse: paste text, choose files or give URLs.", true); busy(false); return; }
      bar(0);
      show("Sending " + articles.length + (articles.length === 1 ? " article…" : " articles…"));
      var resp = await fetch("/api/jobs", {method: "POST", headers: {"content-type": "application/json"},
                                           body: JSON.stringify({mode: mode, articles: articles})});
      var body = await resp.json().catch(function () { return {}; });
      if (!resp.ok) { show(body.error ? body.error.message : "request failed (" + resp.status + ")", true); busy(false); return; }
      watch(body.id);
    } catch (err) {
      show(String(err.message || err), true);
      busy(false);
    }
  }
  // One job state -> the bar and the status line; true when the job is over.
  function update(id, job) {
    bar(job.progress || 0);
    if (job.status === "done") { show("Done."); window.location.href = "/jobs/" + id; return true; }
    if (job.status === "error") { show(job.error.message, true); busy(false); return true; }
    var stage = job.stage ? " (" + job.stage + ")" : "";
    show("Analysed " + job.done + " of " + job.total + (job.total === 1 ? " article" : " articles") + stage + "…");
    return false;
  }
  function watch(id) {
    if (!window.EventSource) { poll(id); return; }
    var source = new EventSource("/api/jobs/" + encodeURIComponent(id) + "/events");
    source.addEventListener("progress", function (ev) { if (update(id, JSON.parse(ev.data))) source.close(); });
    source.onerror = function () { source.close(); poll(id); };
  }
  async function poll(id) {
    var resp = await fetch("/api/jobs/" + encodeURIComponent(id));
    var job = await resp.json();
    if (!resp.ok) { show(job.error ? job.error.message : "job lost", true); busy(false); return; }
    if (!update(id, job)) setTimeout(function () { poll(id); }, 400);
  }
  buttons[0].addEventListener("click", function () { run("analyze"); });
  buttons[1].addEventListener("click", function () { run("compare"); });
})();
