// Media steps: when the learner plays to the end, save the step as done (same form as the
// "mark done" button, sent in the background). Without JavaScript the button still works.
(function () {
  "use strict";
  function init() {
    var form = document.querySelector("[data-complete-form]");
    var status = document.getElementById("step-status");
    document.querySelectorAll("[data-media-step]").forEach(function (media) {
      media.addEventListener("ended", function () {
        if (!form || media.dataset.saved) { return; }
        media.dataset.saved = "1";
        fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: { "Accept": "application/json" },
          credentials: "same-origin"
        }).then(function (r) { return r.json(); }).then(function (data) {
          if (status && data.ok) {
            status.textContent = "Deze stap is klaar en bewaard.";
            status.classList.remove("visually-hidden");
            status.classList.add("alert", "alert--success");
            if (data.course_complete && form.dataset.completedText) {
              // The last required step: say so, and lead to the certificate.
              var link = document.createElement("a");
              link.href = form.dataset.courseUrl + "#voortgang";
              link.textContent = form.dataset.completedText;
              status.appendChild(document.createTextNode(" "));
              status.appendChild(link);
            }
          }
        }).catch(function () { media.dataset.saved = ""; });
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else { init(); }
})();
