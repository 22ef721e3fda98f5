/* Briefing pages in the browser: sortable, filterable tables and a name for the search dialog.
 *
 * Every generated <table class="briefing-table" data-sortable> gets:
 * - header buttons, so sorting is reachable with Tab and operable with Enter or Space;
 *   tablesort keeps aria-sort on the sorted header, which screen readers announce;
 * - a labelled filter box that hides rows not containing the typed text, with a polite
 *   live count of the rows shown;
 * - a focusable, labelled region that scrolls sideways on narrow screens.
 * Without JavaScript the tables stay complete and readable (the CSS scrolls them).
 *
 * The theme's search overlay has role="dialog" but no name; screen readers then announce
 * an anonymous dialog, so it is named after its purpose.
 */
(function () {
  "use strict";

  var counter = 0;

  function label(table) {
    // The nearest heading before the table names it for the filter and the scroll region.
    var node = table;
    while (node && node !== document.body) {
      var prev = node.previousElementSibling;
      while (prev) {
        if (/^H[1-6]$/.test(prev.tagName)) {
          return prev.textContent.replace(/\s*¶\s*$/, "").trim();
        }
        prev = prev.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "table";
  }

  function sortButtons(table) {
    var head = table.tHead;
    if (!head || !head.rows.length) return;
    var cells = head.rows[head.rows.length - 1].cells;
    for (var i = 0; i < cells.length; i++) {
      var th = cells[i];
      if (th.getAttribute("data-sort-method") === "none") continue;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "briefing-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
    }
  }

  function afterSortInit(table) {
    // tablesort makes each header cell a tab stop; the buttons already are, so drop the
    // cells from the tab order to avoid two stops per column.
    var cells = table.tHead ? table.tHead.querySelectorAll("th") : [];
    for (var i = 0; i < cells.length; i++) {
      if (cells[i].querySelector("button.briefing-sort")) cells[i].removeAttribute("tabindex");
    }
  }

  function filterBox(table, name, id) {
    var box = document.createElement("div");
    box.className = "briefing-filter";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "briefing-filter-" + id;
    input.setAttribute("autocomplete", "off");
    input.placeholder = "Filter rows";
    var lab = document.createElement("label");
    lab.htmlFor = input.id;
    lab.textContent = "Filter " + name;
    var status = document.createElement("span");
    status.className = "briefing-filter-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.appendChild(lab);
    box.appendChild(input);
    box.appendChild(status);

    var rows = table.tBodies.length ? table.tBodies[0].rows : [];
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var hit = !needle || rows[i].textContent.toLowerCase().indexOf(needle) !== -1;
        rows[i].hidden = !hit;
        if (hit) shown++;
      }
      status.textContent = needle ? shown + " of " + rows.length + " rows shown" : "";
    });
    return box;
  }

  function enhance(table) {
    if (table.getAttribute("data-briefing-enhanced")) return;
    table.setAttribute("data-briefing-enhanced", "1");
    var id = ++counter;
    var name = label(table);

    var scroll = document.createElement("div");
    scroll.className = "briefing-scroll";
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-label", name + " (scrolls sideways)");
    scroll.tabIndex = 0;
    table.parentNode.insertBefore(scroll, table);
    scroll.appendChild(table);
    if (table.tBodies.length && table.tBodies[0].rows.length > 1) {
      scroll.parentNode.insertBefore(filterBox(table, name, id), scroll);
      if (typeof window.Tablesort === "function" && table.tHead) {
        sortButtons(table);
        new window.Tablesort(table);
        afterSortInit(table);
      }
    }
  }

  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.hasAttribute("aria-label") && !dialog.hasAttribute("aria-labelledby")) {
      dialog.setAttribute("aria-label", "Search");
    }
  }

  function run() {
    nameSearchDialog();
    var tables = document.querySelectorAll("table.briefing-table[data-sortable]");
    for (var i = 0; i < tables.length; i++) enhance(tables[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
