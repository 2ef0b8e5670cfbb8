// The progress page of a running job: follow its Server-Sent Events, reload when it is over (then the result,
// or the error, is shown by the server).
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  var id = box.getAttribute("data-job-id");
  function update(s) {
    document.getElementById("job-done").textContent = s.done;
    document.getElementById("job-stage").textContent = s.stage && s.status === "running" ? " (now: " + s.stage + ")" : "";
    var pct = Math.round(100 * (s.progress || 0));
    document.getElementById("job-bar").style.width = pct + "%";
    box.querySelector("[role=progressbar]").setAttribute("aria-valuenow", pct);
  }
  if (!window.EventSource) { setTimeout(function () { location.reload(); }, 800); return; }
  var source = new EventSource("/api/jobs/" + encodeURIComponent(id) + "/events");
  source.addEventListener("progress", function (ev) {
    var s = JSON.parse(ev.data);
    update(s);
    if (s.status !== "running") { source.close(); location.reload(); }
  });
  source.onerror = function () { source.close(); setTimeout(function () { location.reload(); }, 1500); };
})();
