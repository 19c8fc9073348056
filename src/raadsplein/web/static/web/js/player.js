// Outside video players (web/includes/player.html): the page shows a placeholder; only when
// the visitor presses the button is the provider's frame made, so nothing is sent to the
// provider before that. Without JavaScript the link to the provider's own page remains.
(function () {
  "use strict";
  function load(placeholder) {
    var frame = document.createElement("iframe");
    frame.className = "player-embed__frame";
    frame.src = placeholder.dataset.embedSrc;
    frame.title = placeholder.dataset.embedTitle || "Video";
    frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    frame.setAttribute("allowfullscreen", "");
    // Our pages send no referrer elsewhere; the providers' players refuse to play without one.
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.tabIndex = -1;
    placeholder.replaceChildren(frame);
    placeholder.classList.add("player-embed--loaded");
    frame.focus();
  }
  function init() {
    document.querySelectorAll("[data-player-embed]").forEach(function (placeholder) {
      var button = placeholder.querySelector("[data-player-load]");
      if (!button) { return; }
      button.hidden = false;
      button.addEventListener("click", function () { load(placeholder); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else { init(); }
})();
