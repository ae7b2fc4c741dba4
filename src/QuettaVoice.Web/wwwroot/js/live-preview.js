// Live preview for the story editor. Without JavaScript the Preview button does the same job;
// this only saves the click: after a pause in typing it asks the server for the same preview.
(() => {
  "use strict";
  const form = document.querySelector("form.story-form");
  const button = form && form.querySelector("button[data-preview]");
  if (!form || !button || !window.fetch || !window.DOMParser) {
    return;
  }

  let timer = 0;
  let latest = 0;

  const refresh = async () => {
    const request = ++latest;
    const data = new FormData(form);
    // A chosen picture is sent by the buttons, not with every pause in typing.
    data.delete("Upload");
    try {
      const response = await fetch(button.formAction, { method: "POST", body: data, credentials: "same-origin" });
      if (!response.ok || request !== latest) {
        return;
      }

      const html = await response.text();
      if (request !== latest) {
        return;
      }

      const page = new DOMParser().parseFromString(html, "text/html");
      const fresh = page.querySelector("section.preview");
      if (!fresh) {
        return;
      }

      const current = document.querySelector("section.preview");
      if (current) {
        current.replaceWith(fresh);
      } else {
        form.before(fresh);
      }
    } catch {
      // A failed refresh leaves the last preview in place; the Preview button still works.
    }
  };

  form.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 700);
  });
})();
