// The audit page's inline script (plain browser JavaScript, no dependencies): a click on a cell shows
// its source excerpt and diagnostics in the panel; a click on a diagnostic outlines its cells.
export const AUDIT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('audit-data').textContent);
  var panel = document.getElementById('detail');
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function cellsOf(paths) {
    return paths.split(' ').filter(Boolean).map(function (p) { return document.querySelector('td[data-path="' + p + '"]'); }).filter(Boolean);
  }
  function show(td) {
    var path = td.getAttribute('data-path');
    var cell = data.cells[path];
    document.querySelectorAll('td.selected').forEach(function (x) { x.classList.remove('selected'); });
    td.classList.add('selected');
    panel.textContent = '';
    panel.appendChild(el('h3', '', cell.label));
    panel.appendChild(el('p', 'path', path));
    panel.appendChild(el('p', 'value', 'value: ' + (cell.value === null ? 'null (blank or unreadable)' : cell.value) + (cell.derived ? ' — derived: a sum, not read from the report' : '')));
    if (cell.excerpt) {
      var pre = el('div', 'excerpt');
      pre.appendChild(document.createTextNode('…' + cell.excerpt.before));
      pre.appendChild(el('mark', '', cell.excerpt.raw));
      pre.appendChild(document.createTextNode(cell.excerpt.after + '…'));
      panel.appendChild(el('p', 'source', (cell.fromDiagnostic ? 'not read; the diagnostic points to characters ' : 'read from characters ') + cell.span[0] + '–' + cell.span[1] + ' of the input:'));
      panel.appendChild(pre);
      if (cell.page) panel.appendChild(el('p', 'place', 'printed on page ' + cell.page + ', in the box [' + cell.box.join(', ') + '] (PDF units, from the bottom left)'));
    } else if (!cell.derived) {
      panel.appendChild(el('p', 'source', 'no source text recorded for this cell'));
    }
    var list = el('ul', 'cell-diagnostics');
    cell.diagnostics.forEach(function (i) {
      var d = data.diagnostics[i];
      list.appendChild(el('li', 'diag sev-' + d.severity, d.severity + ' ' + d.code + (d.check ? ' ' + d.check : '') + ': ' + d.message));
    });
    panel.appendChild(cell.diagnostics.length ? list : el('p', 'ok', 'No diagnostic names this cell.'));
  }
  function light(li) {
    document.querySelectorAll('td.lit').forEach(function (x) { x.classList.remove('lit'); });
    document.querySelectorAll('li.diag.active').forEach(function (x) { x.classList.remove('active'); });
    li.classList.add('active');
    var tds = cellsOf(li.getAttribute('data-cells') || '');
    tds.forEach(function (td) { td.classList.add('lit'); });
    if (tds[0]) { tds[0].scrollIntoView({ block: 'center' }); show(tds[0]); }
  }
  document.querySelectorAll('td.cell').forEach(function (td) {
    td.addEventListener('click', function () { show(td); });
    td.addEventListener('keydown', function (e) { if (e.key === 'Enter') show(td); });
  });
  document.querySelectorAll('li.diag').forEach(function (li) {
    li.addEventListener('click', function () { light(li); });
    li.addEventListener('keydown', function (e) { if (e.key === 'Enter') light(li); });
  });
})();
`;
