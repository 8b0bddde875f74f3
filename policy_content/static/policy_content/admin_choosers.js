// Wagtail's date, date-time and time inputs and its choosers start with an inline script, which the
// Content-Security-Policy refuses; the project's widget templates (templates/wagtailadmin/widgets) and
// policy_content/chooser_markers.py leave a marker instead, and this starts each widget once, also in
// parts of a page that are replaced after it loaded. Only Wagtail's own starters can be named.
(function () {
  const STARTERS = { date: "initDateChooser", datetime: "initDateTimeChooser", time: "initTimeChooser" };
  const CHOOSERS = ["Chooser", "PageChooser", "ImageChooser", "DocumentChooser", "SnippetChooser", "createTaskChooser"];
  const startChoosers = () => {
    document.querySelectorAll("[data-admin-chooser-start]:not([data-admin-chooser-started])").forEach((marker) => {
      const spec = JSON.parse(marker.dataset.adminChooserStart);
      const name = spec.construct || spec.call;
      const starter = CHOOSERS.includes(name) ? window[name] : undefined;
      if (typeof starter !== "function") return;
      marker.dataset.adminChooserStarted = "";
      if (spec.construct) {
        new starter(...spec.args);
      } else {
        starter(...spec.args);
      }
    });
  };
  const start = () => {
    startChoosers();
    document.querySelectorAll("[data-admin-chooser]:not([data-admin-chooser-started])").forEach((marker) => {
      const starter = window[STARTERS[marker.dataset.adminChooser]];
      if (typeof starter !== "function") return;
      marker.dataset.adminChooserStarted = "";
      starter(marker.dataset.adminChooserFor, JSON.parse(marker.dataset.adminChooserConfig));
    });
  };
  const watch = () => {
    start();
    const added = (records) => records.some((record) => record.addedNodes.length);
    new MutationObserver((records) => added(records) && start()).observe(document.body, { childList: true, subtree: true });
  };
  // Start once every script of the page has run but before Wagtail's Stimulus controllers connect
  // (on DOMContentLoaded): a chooser must find its dropdown's buttons where the template put them.
  if (document.readyState === "loading") {
    const onInteractive = () => {
      if (document.readyState === "loading") return;
      document.removeEventListener("readystatechange", onInteractive);
      watch();
    };
    document.addEventListener("readystatechange", onInteractive);
  } else {
    watch();
  }
})();
