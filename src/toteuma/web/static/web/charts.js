// Draws every chart whose Vega-Lite definition the page carries; the figures are also in a table beside it.
document.querySelectorAll("div.vega").forEach(function (element) {
  var spec = JSON.parse(document.getElementById(element.dataset.spec).textContent);
  if (window.vegaEmbed) {
    // ast + vega-embed's own expression interpreter: no eval, as the Content-Security-Policy forbids;
    // defaultStyle and tooltip false: vega-embed and vega-tooltip would add an inline <style>, which the
    // policy forbids too (the figures are in the table beside the chart).
    var options = { actions: false, renderer: "svg", ast: true, defaultStyle: false, tooltip: false };
    window.vegaEmbed(element, spec, options).catch(function () {});
  }
});
