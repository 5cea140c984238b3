// artikel100: interactions on top of pages that work without JavaScript.
// - Letter page: clicking a highlight shows its fact(s) in a popover (the side list's items, cloned);
//   clicking a fact's "show in the text" scrolls to its words and marks every segment of its spans.
// - Letter page, assessment: a link to a cited sentence ("show in the text") marks every piece of it and
//   scrolls there; without JavaScript the same link reloads the page with the sentence marked.
// - Upload status: polls the job and opens the letter when it is stored.
(function () {
  "use strict";

  function markFact(id) {
    document.querySelectorAll(".a100-hl--marked").forEach(function (el) { el.classList.remove("a100-hl--marked"); });
    document.querySelectorAll(".a100-fact--current").forEach(function (el) { el.classList.remove("a100-fact--current"); });
    var first = null;
    document.querySelectorAll("a.a100-hl").forEach(function (el) {
      var ids = (el.getAttribute("data-facts") || "").split(" ");
      if (ids.indexOf(String(id)) >= 0) {
        el.classList.add("a100-hl--marked");
        if (!first) { first = el; }
      }
    });
    var fact = document.getElementById("fact-" + id);
    if (fact) { fact.classList.add("a100-fact--current"); }
    return first;
  }

  function setupLetter() {
    var popover = document.getElementById("a100-popover");
    if (!popover) { return; }
    var body = document.getElementById("a100-popover-body");
    var lastTrigger = null;

    function closePopover() {
      popover.hidden = true;
      if (lastTrigger) { lastTrigger.focus(); lastTrigger = null; }
    }

    popover.querySelector(".a100-popover__close").addEventListener("click", closePopover);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && !popover.hidden) { closePopover(); } });

    document.querySelectorAll("a.a100-hl").forEach(function (el) {
      el.addEventListener("click", function (ev) {
        ev.preventDefault();
        var ids = (el.getAttribute("data-facts") || "").split(" ").filter(Boolean);
        while (body.firstChild) { body.removeChild(body.firstChild); }
        ids.forEach(function (id) {
          var fact = document.getElementById("fact-" + id);
          if (fact) {
            var copy = fact.cloneNode(true);
            copy.removeAttribute("id");
            copy.querySelectorAll("[id]").forEach(function (x) { x.removeAttribute("id"); });
            copy.querySelectorAll("[data-goto]").forEach(function (x) { x.setAttribute("href", "#fact-" + id); x.textContent = x.getAttribute("data-list-label") || x.textContent; x.removeAttribute("data-goto"); });
            body.appendChild(copy);
          }
        });
        markFact(ids[0]);
        var rect = el.getBoundingClientRect();
        popover.hidden = false;
        var left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 12);
        popover.style.left = Math.max(8, left) + "px";
        popover.style.top = (window.scrollY + rect.bottom + 6) + "px";
        lastTrigger = el;
        popover.querySelector(".a100-popover__close").focus();
      });
    });

    document.querySelectorAll("[data-goto]").forEach(function (link) {
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        var first = markFact(link.getAttribute("data-goto"));
        if (first) {
          first.scrollIntoView({ behavior: "smooth", block: "center" });
          first.focus({ preventScroll: true });
          history.replaceState(null, "", "#" + (first.id || ""));
        }
      });
    });

    document.querySelectorAll("a[data-mark]").forEach(function (link) {
      link.addEventListener("click", function (ev) {
        var id = link.getAttribute("data-mark");
        var parts = [];
        document.querySelectorAll("[data-marks]").forEach(function (el) {
          if ((el.getAttribute("data-marks") || "").split(" ").indexOf(id) >= 0) { parts.push(el); }
        });
        if (!parts.length) { return; }  // not on this page: follow the link
        ev.preventDefault();
        document.querySelectorAll(".a100-mk--marked").forEach(function (el) { el.classList.remove("a100-mk--marked"); });
        parts.forEach(function (el) { el.classList.add("a100-mk--marked"); });
        var first = parts[0];
        if (!first.hasAttribute("tabindex") && first.tagName !== "A") { first.setAttribute("tabindex", "-1"); }
        first.scrollIntoView({ behavior: "smooth", block: "center" });
        first.focus({ preventScroll: true });
      });
    });

    var hit = document.getElementById("treffer");
    if (hit) { hit.scrollIntoView({ block: "center" }); }
  }

  function setupJob() {
    var box = document.getElementById("a100-job");
    if (!box) { return; }
    var id = box.getAttribute("data-job");
    function poll() {
      fetch("/api/jobs/" + encodeURIComponent(id), { headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          if (job.state === "done" && job.letter_url) { window.location.assign(job.letter_url); }
          else if (job.state === "failed") { window.location.reload(); }
          else { window.setTimeout(poll, 1000); }
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    }
    window.setTimeout(poll, 500);
  }

  document.addEventListener("DOMContentLoaded", function () { setupLetter(); setupJob(); });
})();
