// Signalen: the report form's live hints (personal data, similar signals) and focus on an
// error summary. The form works without this script: the server checks the same on sending.
(function () {
    "use strict";

    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }

    var form = document.querySelector("[data-signal-form]");
    if (!form || !window.fetch || !window.FormData) {
        return;
    }
    var fields = form.querySelectorAll("[data-signal-text]");
    var privacy = form.querySelector("[data-privacy-live]");
    var similar = form.querySelector("[data-similar-live]");
    var timer = null;
    var last = "";

    function load(url, target) {
        var body = new FormData();
        body.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
        body.append("title", form.elements.title.value);
        body.append("description", form.elements.description.value);
        // POST, not GET: what is typed may hold personal data and must not end up in logs.
        return fetch(url, {method: "POST", body: body, credentials: "same-origin"})
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                if (html !== null) {
                    target.innerHTML = html;
                }
            })
            .catch(function () {});
    }

    function check() {
        var text = form.elements.title.value + "\n" + form.elements.description.value;
        if (text === last) {
            return;
        }
        last = text;
        load(form.dataset.privacyUrl, privacy);
        load(form.dataset.similarUrl, similar);
    }

    Array.prototype.forEach.call(fields, function (field) {
        field.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(check, 600);
        });
    });
})();
