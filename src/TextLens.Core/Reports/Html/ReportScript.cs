using System.Security.Cryptography;
using System.Text;

namespace TextLens.Reports.Html;

/// <summary>
/// The report's only script, a convenience: open the KWIC block a link points to, sort tables by a header click,
/// open every block before printing. Everything renders without it. It is a constant, admitted by the page's
/// Content-Security-Policy through its SHA-256 hash (so no other script, injected or not, can run), and it holds
/// neither <c>&lt;</c> nor <c>&amp;</c>, so the page stays well-formed XML.
/// </summary>
internal static class ReportScript
{
    public const string Js = """

(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    while (el) {
      if (el.tagName === "DETAILS") { el.open = true; }
      el = el.parentElement;
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  document.querySelectorAll("table.sortable").forEach(function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      th.tabIndex = 0;
      function sort() {
        var body = table.tBodies[0];
        var dir = th.getAttribute("aria-sort") === "descending" ? 1 : -1;
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col];
          if (!x || !y) { return 0; }
          var nx = parseFloat(x.getAttribute("data-v")), ny = parseFloat(y.getAttribute("data-v"));
          var c = isNaN(nx) || isNaN(ny) ? x.textContent.localeCompare(y.textContent) : nx - ny;
          return c * dir;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
  });
})();

""";

    /// <summary>The CSP source admitting exactly this script: <c>'sha256-…'</c>.</summary>
    public static string CspSource { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Js))) + "'";
}
