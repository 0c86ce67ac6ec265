/* Offers the bot's "plan_export" custom payload as two downloads: the plan in Markdown and as a printable page.
 * data: links rather than blob: ones, so nothing needs revoking and the page's CSP is not involved. */
(function (global) {
  "use strict";
  var h = global.React.createElement;

  function dataLink(type, text) {
    return "data:" + type + ";charset=utf-8," + encodeURIComponent(text);
  }

  function exportPanel(plan) {
    var name = plan.filename || "engagement-plan";
    return h("div", { className: "plan-export", "data-testid": "plan-export", role: "group", "aria-label": "Download your plan" },
      h("a", { className: "plan-download", href: dataLink("text/markdown", plan.markdown || ""), download: name + ".md" },
        "Download the plan (Markdown)"),
      h("a", { className: "plan-download", href: dataLink("text/html", plan.html || ""), download: name + ".html" },
        "Download a printable page (HTML)"));
  }

  global.InvolvePlan = { exportPanel: exportPanel };
})(window);
