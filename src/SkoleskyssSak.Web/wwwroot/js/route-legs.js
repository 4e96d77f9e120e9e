// "Sjekk skolevegen": progressive enhancement. Without this script the form works by posting
// (add/remove leg round-trips to the server). With it, only the questions that fit the chosen kind of
// leg are shown, and legs are added and removed in the page.
(function () {
  "use strict";
  var form = document.querySelector("form.route-form");
  if (!form) { return; }
  var container = form.querySelector(".route-legs");
  var maxLegs = parseInt(form.getAttribute("data-max-legs") || "50", 10);

  function kindOf(leg) {
    var checked = leg.querySelector("input[type=radio][name$='.Kind']:checked");
    return checked ? checked.value : "";
  }

  function applyKind(leg) {
    var kind = kindOf(leg);
    leg.querySelectorAll("[data-show-for]").forEach(function (el) {
      var kinds = (el.getAttribute("data-show-for") || "").split(" ");
      if (kinds.length === 1 && kinds[0] === "") { return; }
      el.hidden = kind !== "" && kinds.indexOf(kind) < 0;
    });
  }

  // Field names carry the leg's index (Form.Legs[2].Kind); radios of one leg form one group by name.
  function renumberLeg(leg, index, count) {
    leg.setAttribute("data-leg-index", String(index));
    leg.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (el) {
      ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value) {
          el.setAttribute(attr, value.replace(/Legs\[\d+\]/g, "Legs[" + index + "]").replace(/Legs_\d+__/g, "Legs_" + index + "__"));
        }
      });
    });
    var legend = leg.querySelector("legend");
    if (legend) { legend.textContent = legend.textContent.replace(/\d+/, String(index + 1)); }
    var remove = leg.querySelector("[data-remove-leg]");
    if (remove) {
      remove.textContent = remove.textContent.replace(/\d+/, String(index + 1));
      remove.hidden = count < 2;
    }
  }

  function renumber() {
    var legs = container.querySelectorAll(".route-leg");
    legs.forEach(function (leg, index) { renumberLeg(leg, index, legs.length); });
  }

  function wire(leg) {
    leg.addEventListener("change", function (event) {
      if (event.target && /\.Kind$/.test(event.target.name || "")) { applyKind(leg); }
    });
    var remove = leg.querySelector("[data-remove-leg]");
    if (remove) {
      remove.addEventListener("click", function (event) {
        event.preventDefault();
        if (container.querySelectorAll(".route-leg").length < 2) { return; }
        leg.remove();
        renumber();
        var first = container.querySelector(".route-leg input, .route-leg select");
        if (first) { first.focus(); }
      });
    }
    applyKind(leg);
  }

  container.querySelectorAll(".route-leg").forEach(wire);

  var add = form.querySelector("[data-add-leg]");
  if (add) {
    add.addEventListener("click", function (event) {
      var legs = container.querySelectorAll(".route-leg");
      if (legs.length >= maxLegs) { return; }
      event.preventDefault();
      var copy = legs[legs.length - 1].cloneNode(true);
      copy.querySelectorAll(".ds-validation-message").forEach(function (el) { el.remove(); });
      copy.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
      copy.querySelectorAll("input[type=text]").forEach(function (el) { el.value = ""; });
      copy.querySelectorAll("select").forEach(function (el) { el.selectedIndex = 0; });
      copy.querySelectorAll("input[type=radio]").forEach(function (el) { el.checked = el.value === "along"; });
      if (!copy.querySelector("[data-remove-leg]")) {
        var template = add.cloneNode(true);
        template.removeAttribute("data-add-leg");
        template.setAttribute("data-remove-leg", "");
        template.setAttribute("data-variant", "tertiary");
        template.textContent = (form.getAttribute("data-remove-text") || "Fjern strekning") + " 1";
        copy.appendChild(template);
      }
      // Rename before inserting: with the old names its radios would join the previous leg's group.
      renumberLeg(copy, legs.length, legs.length + 1);
      container.appendChild(copy);
      wire(copy);
      renumber();
      var radio = copy.querySelector("input[type=radio]");
      if (radio) { radio.focus(); }
    });
  }

  renumber();
  var result = document.getElementById("result");
  if (result) { result.focus(); }
})();
