/* Starts rasa-webchat inside the page and patches what it leaves out for keyboard and screen reader users. */
(function () {
  "use strict";
  var config = window.INVOLVE_CONFIG || {};
  var chat = document.getElementById("chat");
  var status = document.getElementById("chat-status");

  if (!window.WebChat || !window.React) {
    status.textContent = "The chat could not load. Please refresh the page, or ask your engagement team.";
    return;
  }

  window.WebChat.default({
    selector: "#chat",
    initPayload: "/greet",
    socketUrl: config.socketUrl,
    socketPath: "/socket.io/",
    title: "Involve",
    subtitle: "Involving people in commissioning",
    embedded: true,
    showCloseButton: false,
    showFullScreenButton: false,
    hideWhenNotConnected: false,
    inputTextFieldHint: "Type your question or answer",
    connectingText: "Connecting to the assistant...",
    params: { storage: "session" },
    customComponent: window.InvolveMatrix.CustomMessage,
    customMessageDelay: function () { return config.messageDelayMs || 300; }
  }, chat);

  /* rasa-webchat draws quick replies as plain divs and its input without a label; fix each new node as it appears. */
  function makePressable(element) {
    if (element.dataset.involvePressable) return;
    element.dataset.involvePressable = "1";
    element.setAttribute("role", "button");
    element.setAttribute("tabindex", "0");
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        element.click();
      }
    });
  }

  function label(selector, text) {
    chat.querySelectorAll(selector).forEach(function (element) {
      if (!element.getAttribute("aria-label")) element.setAttribute("aria-label", text);
    });
  }

  function patch() {
    if (status && chat.querySelector(".rw-conversation-container")) {
      status.remove();
      status = null;
    }
    label(".rw-new-message", "Your message");
    label(".rw-send", "Send");
    chat.querySelectorAll(".rw-messages-container").forEach(function (log) {
      if (log.getAttribute("role") !== "log") {
        log.setAttribute("role", "log");
        log.setAttribute("aria-live", "polite");
        log.setAttribute("aria-label", "Conversation");
      }
    });
    chat.querySelectorAll("div.rw-reply").forEach(makePressable);
  }

  new MutationObserver(patch).observe(chat, { childList: true, subtree: true });
  patch();
})();
