// Progressive enhancement only: every page works without this script.
(function () {
    "use strict";
    document.documentElement.classList.add("js");
    document.addEventListener("DOMContentLoaded", function () {
        var toggle = document.querySelector(".main-nav__toggle");
        var list = document.getElementById("main-nav-list");
        if (toggle && list) {
            var narrow = window.matchMedia("(max-width: 48rem)");
            var sync = function () {
                if (narrow.matches) {
                    toggle.hidden = false;
                    if (toggle.getAttribute("aria-expanded") !== "true") {
                        list.setAttribute("data-collapsed", "true");
                    }
                } else {
                    toggle.hidden = true;
                    list.removeAttribute("data-collapsed");
                }
            };
            toggle.addEventListener("click", function () {
                var open = toggle.getAttribute("aria-expanded") === "true";
                toggle.setAttribute("aria-expanded", open ? "false" : "true");
                list.setAttribute("data-collapsed", open ? "true" : "false");
            });
            narrow.addEventListener("change", sync);
            sync();
        }
        // A table wider than its frame scrolls inside it: keyboard users reach the frame with
        // Tab and scroll it with the arrow keys (WCAG 2.1.1). It is named after the table's
        // caption. Checked again when the window changes size.
        var frames = document.querySelectorAll(".table-wrap");
        var markScrollable = function () {
            Array.prototype.forEach.call(frames, function (frame) {
                var scrolls = frame.scrollWidth > frame.clientWidth + 1;
                if (scrolls && !frame.hasAttribute("data-scrollable")) {
                    var caption = frame.querySelector("caption");
                    frame.setAttribute("data-scrollable", "");
                    frame.setAttribute("tabindex", "0");
                    frame.setAttribute("role", "region");
                    frame.setAttribute(
                        "aria-label",
                        caption ? caption.textContent.trim() : frame.getAttribute("data-label") || "Tabel"
                    );
                } else if (!scrolls && frame.hasAttribute("data-scrollable")) {
                    ["data-scrollable", "tabindex", "role", "aria-label"].forEach(function (name) {
                        frame.removeAttribute(name);
                    });
                }
            });
        };
        if (frames.length) {
            markScrollable();
            window.addEventListener("resize", markScrollable);
        }
        // Move focus to the first error summary so screen-reader users hear what went wrong.
        var firstError = document.querySelector("[aria-invalid='true']");
        if (firstError) {
            firstError.focus();
        }
    });
})();
