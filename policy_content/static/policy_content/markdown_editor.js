// EasyMDE options for policy Markdown on a closed network: no spell-checker dictionaries from a
// CDN and no FontAwesome; toolbar buttons carry their own text labels instead of icon fonts.
// Loaded on every admin page, before the editor attaches (wagtailmarkdown reads these options).
(function () {
  window.wagtailMarkdown = window.wagtailMarkdown || {};
  const button = (name, action, icon, title) => ({ name, action: (editor) => window.EasyMDE[action](editor), icon, title });
  window.wagtailMarkdown.options = Object.assign(window.wagtailMarkdown.options || {}, {
    spellChecker: false,
    nativeSpellcheck: true,
    autoDownloadFontAwesome: false,
    status: false,
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
