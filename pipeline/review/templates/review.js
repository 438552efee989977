"use strict";
(function () {
  // Clicking a fact scrolls to the segment it rests on and highlights it,
  // with a note saying which fact it is evidence for.  Without JavaScript the
  // links still work and CSS :target highlights the row.
  function showEvidence(segmentId, factText) {
    document.querySelectorAll("tr.segment.is-evidence").forEach(function (row) {
      row.classList.remove("is-evidence");
    });
    var row = document.getElementById("seg-" + segmentId);
    if (!row) { return; }
    var note = row.querySelector(".evidence-note");
    if (note) { note.textContent = factText ? "Evidence for: " + factText : ""; }
    row.classList.add("is-evidence");
    row.scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.fact");
    if (!link) { return; }
    event.preventDefault();
    history.replaceState(null, "", link.getAttribute("href"));
    showEvidence(link.dataset.segment, link.dataset.fact);
  });

  if (location.hash.indexOf("#seg-") === 0) {
    showEvidence(location.hash.slice(5), "");
  }
})();
