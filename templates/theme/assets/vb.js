/* The site's own script (the theme's is not used): wide tables and code can be scrolled with the keyboard, the menu's
   sections open from the keyboard, and the search page searches. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;

  /* A table wider than its column scrolls sideways; keyboard users reach it with Tab (WCAG 2.1.1). The line for
     the visible cue above it is in the page from the start (empty), so that filling it moves nothing. */
  var WRAPS = ".md-typeset__scrollwrap, .md-typeset .vb-diagram";
  var CODES = ".md-typeset pre > code";

  function markBoxes(boxes, wraps) {
    var wide = [];
    for (var i = 0; i < boxes.length; i++) {  /* every width read first: one layout, not one per box */
      wide.push(boxes[i].scrollWidth > boxes[i].clientWidth + 1);
    }
    for (var j = 0; j < boxes.length; j++) {
      if (boxes[j].matches(CODES)) {  /* a code example wider than its box scrolls; Tab reaches it */
        if (wide[j]) setOnce(boxes[j], "tabindex", "0");
        else if (boxes[j] !== document.activeElement) boxes[j].removeAttribute("tabindex");
      } else {
        markScrollable(boxes[j], wraps.indexOf(boxes[j]), wide[j]);
      }
    }
  }

  function markScrollable(wrap, index, wide) {
    var chart = wrap.classList.contains("vb-diagram");
    var hint = wrap.previousElementSibling;
    if (hint === null || !hint.classList.contains("vb-rulla")) {
      hint = document.createElement("p");
      hint.className = "vb-rulla";
      hint.setAttribute("aria-hidden", "true");
      wrap.parentNode.insertBefore(hint, wrap);
    }
    /* a visible cue that some columns are out of view (radrubrikerna står kvar) */
    var text = !wide ? "" : chart ? "Bredare än skärmen: rulla i sidled för hela diagrammet \u2192"
      : "Bredare än skärmen: rulla i sidled för alla kolumner \u2192";
    if (hint.textContent !== text) hint.textContent = text;
    if (wide) {  /* the page has it reachable from the start; a table's box is named as a region too */
      setOnce(wrap, "tabindex", "0");
      if (!chart) {  /* a chart's figure keeps its own role, named by its caption */
        setOnce(wrap, "role", "region");
        setOnce(wrap, "aria-label", "Tabell " + (index + 1) + ", rulla i sidled");
      }
    } else if (wrap !== document.activeElement) {  /* narrow enough: not a stop for Tab (unless it has the focus) */
      wrap.removeAttribute("tabindex");
      if (!chart) {
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }

  function setOnce(element, name, value) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }

  /* The excerpt from the index holds text and <mark> around the search words; nothing else is kept. */
  function excerpt(html) {
    var template = document.createElement("template");
    var paragraph = document.createElement("p");
    template.innerHTML = html;
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function hit(data) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    item.appendChild(link);
    if (data.meta && data.meta.plats) {  /* where the hit is: period, report, unit */
      var place = document.createElement("p");
      place.className = "vb-traffplats";
      place.textContent = data.meta.plats;
      item.appendChild(place);
    }
    item.appendChild(excerpt(data.excerpt || ""));
    return item;
  }

  /* The search page's filters: one list per filter of the index, named in the address (?q=…&period=T1). */
  var FILTERS = [["slag", "Slag av sida", "Alla slag av sidor"], ["ar", "År", "Alla år"],
                 ["period", "Period", "Alla perioder"], ["enhet", "Enhet eller nämnd", "Alla enheter och nämnden"]];

  function chosenFilters(params) {
    var chosen = {};
    FILTERS.forEach(function (f) {
      var value = params.get(f[0]);
      if (value) chosen[f[1]] = value;
    });
    return chosen;
  }

  function filterFields(form, available, chosen) {
    var box = document.createElement("div");
    box.className = "vb-sokfilter";
    FILTERS.forEach(function (f) {
      var values = Object.keys(available[f[1]] || {}).sort(function (a, b) { return a.localeCompare(b, "sv"); });
      if (f[0] === "ar") values.reverse();
      if (!values.length) return;
      var label = document.createElement("label");
      label.textContent = f[1];
      var select = document.createElement("select");
      select.name = f[0];
      select.id = "vb-filter-" + f[0];
      label.htmlFor = select.id;
      [""].concat(values).forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value || f[2];
        option.selected = chosen[f[1]] === value && value !== "";
        select.appendChild(option);
      });
      var field = document.createElement("span");
      field.className = "vb-sokfilter__falt";
      field.appendChild(label);
      field.appendChild(select);
      box.appendChild(field);
    });
    var apply = document.createElement("button");
    apply.type = "submit";
    apply.textContent = "Filtrera";
    box.appendChild(apply);
    form.appendChild(box);
  }

  function summary(shown, total, query) {
    if (total === 0) return "Inga träffar för ”" + query + "”. Pröva ett annat ord eller färre ord.";
    var what = total === 1 ? "1 träff" : total + " träffar";
    return (shown < total ? "Visar " + shown + " av " + what : what) + " för ”" + query + "”.";
  }

  /* Hits are shown one at a time as their text arrives, so the first one appears after one small download. */
  async function show(results, from, list) {
    var page = results.slice(from, from + PAGE_SIZE);
    for (var i = 0; i < page.length; i++) {
      list.appendChild(hit(await page[i].data()));
    }
    return from + page.length;
  }

  async function loadIndex(form) {
    var pagefind = await import(new URL(form.dataset.vbSok, document.baseURI).href);
    await pagefind.options({ baseUrl: new URL(form.dataset.vbBas, document.baseURI).pathname });
    return pagefind;
  }

  async function searchPage(form) {
    var status = document.getElementById("vb-sokstatus");
    var list = document.getElementById("vb-sokresultat");
    var query = (new URLSearchParams(location.search).get("q") || "").trim();
    form.querySelector("input[name=q]").value = query;
    if (!query) {
      status.textContent = "Skriv ett eller flera ord och tryck på Sök.";
      return;
    }
    status.textContent = "Söker efter ”" + query + "” …";
    var pagefind;
    try {
      pagefind = await loadIndex(form);
    } catch (error) {
      status.textContent = "Sökningen kunde inte starta eftersom sökindexet saknas. Bygg webbplatsen med vb build.";
      return;
    }
    var chosen = chosenFilters(new URLSearchParams(location.search));
    filterFields(form, await pagefind.filters(), chosen);
    var found = await pagefind.search(query, { filters: chosen });
    var shown = await show(found.results, 0, list);
    status.textContent = summary(shown, found.results.length, query);
    if (shown < found.results.length) moreButton(found.results, shown, list, status, query);
  }

  function moreButton(results, shown, list, status, query) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "vb-fler";
    button.textContent = "Visa fler träffar";
    var busy = false;
    button.addEventListener("click", async function () {
      if (busy) return;
      busy = true;
      var first = list.children.length;
      shown = await show(results, shown, list);
      status.textContent = summary(shown, results.length, query);
      list.children[first].querySelector("a").focus();
      if (shown >= results.length) button.remove();
      busy = false;
    });
    list.after(button);
  }

  /* The menu's sections open and close with a checkbox and its label; the label can be focused, and Enter or the
     space bar opens it as a click does. */
  function keyboardToggles(event) {
    var label = event.target;
    if ((event.key === "Enter" || event.key === " ") && label.tagName === "LABEL" && label.htmlFor &&
        label.hasAttribute("tabindex")) {
      event.preventDefault();
      label.click();
    }
  }

  /* The widths are read when the browser has laid a box out anyway (a ResizeObserver's call for the boxes whose
     size it has just found, and again when a box changes size), so that reading them never makes the browser lay
     out early what it lays out only near the screen (vb.css, .vb-avsnitt). Until then a box can be reached with
     Tab, as the page has it. */
  function watchTables() {
    var wraps = Array.prototype.slice.call(document.querySelectorAll(WRAPS));
    var boxes = wraps.concat(Array.prototype.slice.call(document.querySelectorAll(CODES)));
    if (!("ResizeObserver" in window)) {
      var all = function () { markBoxes(boxes, wraps); };
      all();
      window.addEventListener("resize", all);
      return;
    }
    var observer = new ResizeObserver(function (entries) {
      markBoxes(entries.map(function (entry) { return entry.target; }), wraps);
    });
    for (var i = 0; i < boxes.length; i++) observer.observe(boxes[i]);
  }

  function start() {
    watchTables();
    document.addEventListener("keydown", keyboardToggles);
    var form = document.querySelector("form[data-vb-sok]");
    if (form) searchPage(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
