/* Draws the bot's "matrix" custom payload as a small stage x level table with the chosen cell highlighted.
 * Plain React.createElement calls: rasa-webchat renders custom messages with React, and the page has no build step. */
(function (global) {
  "use strict";
  var h = global.React.createElement;

  function plural(count) {
    return count === 1 ? "1 activity" : count + " activities";
  }

  /* On narrow screens the level names would not fit: "Consultation" becomes "Cons." for the eye only. */
  function abbreviation(name) {
    return name.length > 5 ? name.slice(0, 4) + "." : name;
  }

  function cellText(count, chosen) {
    var text = plural(count);
    return chosen ? [h("span", { key: "n", "aria-hidden": "true" }, count), h("span", { key: "t", className: "visually-hidden" }, text + ", your choice")]
      : [h("span", { key: "n", "aria-hidden": "true" }, count), h("span", { key: "t", className: "visually-hidden" }, text)];
  }

  function matrixTable(matrix) {
    var selected = matrix.selected || {};
    var header = h("tr", null,
      h("th", { scope: "col" }, h("span", { className: "visually-hidden" }, "Stage")),
      matrix.levels.map(function (level) {
        return h("th", { scope: "col", key: level.id },
          h("span", { className: "matrix-level-name" }, level.name),
          h("span", { className: "matrix-level-abbr", "aria-hidden": "true" }, abbreviation(level.name)),
          level.short ? h("span", { className: "matrix-level-short" }, level.short) : null);
      }));
    var rows = matrix.stages.map(function (stage) {
      return h("tr", { key: stage.id },
        h("th", { scope: "row" }, stage.name),
        matrix.levels.map(function (level) {
          var chosen = stage.id === selected.stage && level.id === selected.level;
          var count = (matrix.counts || {})[stage.id + "/" + level.id] || 0;
          return h("td", {
            key: level.id,
            className: chosen ? "matrix-cell matrix-cell--chosen" : "matrix-cell",
            "aria-current": chosen ? "true" : undefined
          }, cellText(count, chosen));
        }));
    });
    var caption = "Where your choice sits in the matrix" +
      (matrix.audience_name ? " for " + matrix.audience_name.toLowerCase() : "") +
      ": number of activities at each stage and level";
    return h("figure", { className: "matrix", "data-testid": "matrix" },
      h("figcaption", { "aria-hidden": "true" }, caption),
      h("div", { className: "matrix-scroll" },
        h("table", null,
          h("caption", { className: "visually-hidden" }, caption),
          h("thead", null, header),
          h("tbody", null, rows))));
  }

  /* rasa-webchat passes the whole bot message as props; anything we do not draw is left out rather than shown raw. */
  function CustomMessage(props) {
    if (props && props.custom && props.custom.matrix) {
      return matrixTable(props.custom.matrix);
    }
    if (props && props.custom && props.custom.plan_export && global.InvolvePlan) {
      return global.InvolvePlan.exportPanel(props.custom.plan_export);
    }
    return null;
  }

  global.InvolveMatrix = { matrixTable: matrixTable, CustomMessage: CustomMessage };
})(window);
