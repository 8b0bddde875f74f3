// "Print" buttons on printable records (kept out of inline handlers for a strict CSP).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
