// Tooltips reachable by keyboard and touch, not only by mouse hover: every element with a title gets its text in
// data-tip, becomes focusable, and shows the text in a bubble on focus, hover or tap (Escape or a tap elsewhere
// hides it). The bubble is announced through aria-describedby.
(function () {
  "use strict";
  var tip = document.createElement("div");
  tip.className = "np-tip";
  tip.id = "np-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var current = null;
  function show(el) {
    current = el;
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    tip.style.left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4)) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    el.setAttribute("aria-describedby", "np-tip");
  }
  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    tip.hidden = true;
  }
  document.querySelectorAll("[title]").forEach(function (el) {
    if (el.closest("head") || !el.getAttribute("title")) return;
    el.setAttribute("data-tip", el.getAttribute("title"));
    el.removeAttribute("title");
    if (!el.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.tabIndex = 0;
    el.addEventListener("focus", function () { show(el); });
    el.addEventListener("blur", hide);
    el.addEventListener("mouseenter", function () { show(el); });
    el.addEventListener("mouseleave", function () { if (document.activeElement !== el) hide(); });
    el.addEventListener("click", function () { if (current === el) return; show(el); });
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
  document.addEventListener("touchstart", function (ev) {
    if (current && !current.contains(ev.target)) hide();
  }, {passive: true});
})();
