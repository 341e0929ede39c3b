// Draws every chart whose Vega-Lite definition the page carries; the figures are also in a table beside it.
document.querySelectorAll("div.vega").forEach(function (element) {
  var spec = JSON.parse(document.getElementById(element.dataset.spec).textContent);
  if (window.vegaEmbed) {
    window.vegaEmbed(element, spec, { actions: false, renderer: "svg" }).catch(function () {});
  }
});
