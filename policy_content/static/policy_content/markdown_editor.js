// EasyMDE options for policy Markdown on a closed network: no spell-checker dictionaries from a
// CDN and no FontAwesome; toolbar buttons carry their own text labels instead of icon fonts.
// The preview is rendered by the server with the public site's sanitiser (no raw HTML, no scripts):
// EasyMDE's own renderer would insert whatever HTML the field holds.
// Loaded on every admin page, before the editor attaches (wagtailmarkdown reads these options).
(function () {
  const script = document.currentScript;
  const previewUrl = script.dataset.previewUrl;
  const previewError = script.dataset.previewError;
  const csrfToken = () => {
    const config = document.getElementById("wagtail-config");
    return config ? JSON.parse(config.textContent).CSRF_TOKEN : "";
  };
  const requests = new WeakMap(); // the latest request of each editor's preview
  const previewRender = (text, preview) => {
    const request = (requests.get(preview) || 0) + 1;
    requests.set(preview, request);
    const latest = () => requests.get(preview) === request;
    preview.setAttribute("aria-busy", "true");
    fetch(previewUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
      body: new URLSearchParams({ text }),
    })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((html) => {
        if (latest()) preview.innerHTML = html;
      })
      .catch(() => {
        if (latest()) preview.textContent = previewError;
      })
      .finally(() => preview.removeAttribute("aria-busy"));
    return null;
  };
  window.wagtailMarkdown = window.wagtailMarkdown || {};
  const button = (name, action, icon, title) => ({ name, action: (editor) => window.EasyMDE[action](editor), icon, title });
  window.wagtailMarkdown.options = Object.assign(window.wagtailMarkdown.options || {}, {
    spellChecker: false,
    nativeSpellcheck: true,
    autoDownloadFontAwesome: false,
    status: false,
    previewRender,
    toolbar: [
      button("bold", "toggleBold", "<strong>B</strong>", "Bold"),
      button("italic", "toggleItalic", "<em>I</em>", "Italic"),
      button("heading", "toggleHeading3", "H3", "Sub-heading"),
      "|",
      button("unordered-list", "toggleUnorderedList", "•&nbsp;List", "Bulleted list"),
      button("ordered-list", "toggleOrderedList", "1.&nbsp;List", "Numbered list"),
      button("link", "drawLink", "Link", "Link"),
      "|",
      button("preview", "togglePreview", "Preview", "Preview"),
    ],
  });
})();

// wagtailmarkdown's StreamField adapter calls easymdeAttach(id) without the FontAwesome switch,
// which would let EasyMDE fetch it from a CDN: always pass false.
document.addEventListener("DOMContentLoaded", () => {
  const original = window.easymdeAttach;
  if (typeof original === "function" && !original.policyWrapped) {
    window.easymdeAttach = (id) => original(id, false);
    window.easymdeAttach.policyWrapped = true;
  }
});
