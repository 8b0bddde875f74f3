// Conversation scenarios: send a reply without reloading the page. Without this script the form posts as usual.
// New messages are appended to the chat log (a live region), so screen readers read the customer's answer.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest(".chat__reply");
  if (!form || !window.fetch || !window.DOMParser) return;
  event.preventDefault();
  const data = new FormData(form);
  if (event.submitter && event.submitter.name) data.set(event.submitter.name, event.submitter.value);
  const container = document.querySelector("[data-conversation]");
  container.classList.add("chat--busy");
  form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
  try {
    const response = await fetch(form.action, { method: "POST", body: data, credentials: "same-origin" });
    const next = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-conversation]");
    if (!next) {
      window.location.assign(response.url);
      return;
    }
    const log = container.querySelector(".chat");
    const incoming = next.querySelectorAll(".chat > li");
    for (let index = log.children.length; index < incoming.length; index += 1) {
      log.appendChild(document.importNode(incoming[index], true));
    }
    container.querySelectorAll("[role=alert]").forEach((alert) => alert.remove());
    const alert = next.querySelector("[role=alert]");
    if (alert) container.prepend(document.importNode(alert, true));
    const reply = document.importNode(next.querySelector(".chat__reply"), true);
    form.replaceWith(reply);
    container.classList.remove("chat--busy");
    const legend = reply.querySelector("legend");
    if (log.lastElementChild) log.lastElementChild.scrollIntoView({ block: "nearest" });
    const firstOption = reply.querySelector("button");
    if (firstOption) firstOption.focus({ preventScroll: true });
    else if (legend) legend.focus();
  } catch (error) {
    window.location.reload();
  }
});
