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
        // Move focus to the first error summary so screen-reader users hear what went wrong.
        var firstError = document.querySelector("[aria-invalid='true']");
        if (firstError) {
            firstError.focus();
        }
    });
})();
