// Draws the backtest report's three charts as SVG from the JSON embedded in the page; no library, no network.
// Each chart container gets data-rendered="true" and data-marks (points, bars or lines drawn) when it has drawn,
// or data-rendered="error" with a visible message when it could not.
(function () {
  'use strict';

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const WIDTH = 960;
  const HEIGHT = 340;
  const MARGIN = { top: 16, right: 24, bottom: 56, left: 92 };
  const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d',
    '#9333ea', '#ea580c', '#0d9488', '#4b5563'];
  const DASHES = [{ pattern: 'none', border: 'solid' }, { pattern: '6 3', border: 'dashed' },
    { pattern: '2 3', border: 'dotted' }];
  const MINUTE = 60 * 1000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  const FIXED_TIME_STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR,
    12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY];
  const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120];
  const CHART_IDS = ['chart-equity', 'chart-funding', 'chart-positions'];

  // ---- drawing helpers ----

  function svg(name, attributes, parent) {
    const element = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, String(value));
    }
    if (parent) {
      parent.appendChild(element);
    }
    return element;
  }

  function svgText(content, attributes, parent) {
    const element = svg('text', attributes, parent);
    element.textContent = content;
    return element;
  }

  function tooltip(element, content) {
    svg('title', {}, element).textContent = content;
  }

  // Money arrives as exact decimal strings; the charts only need screen precision, but never a silent NaN.
  function amount(value, what) {
    const number = typeof value === 'number' ? value : Number(value);
    if (value === null || value === undefined || value === '' || !Number.isFinite(number)) {
      throw new Error(what + ' is not a number: ' + JSON.stringify(value));
    }
    return number;
  }

  function round(value) {
    return Math.round(value * 10) / 10;
  }

  function extent(values) {
    let low = Infinity;
    let high = -Infinity;
    for (const value of values) {
      if (value < low) low = value;
      if (value > high) high = value;
    }
    return [low, high];
  }

  function linear(domainLow, domainHigh, rangeLow, rangeHigh) {
    const span = domainHigh - domainLow || 1;
    return (value) => rangeLow + (value - domainLow) / span * (rangeHigh - rangeLow);
  }

  function frame(box, title, xTitle, yTitle, bottomMargin) {
    const root = svg('svg', {
      viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', 'aria-label': title,
    }, box);
    const plot = {
      left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - (bottomMargin || MARGIN.bottom),
    };
    svgText(xTitle, { class: 'axis-title', x: (plot.left + plot.right) / 2, y: HEIGHT - 8, 'text-anchor': 'middle' },
      root);
    svgText(yTitle, {
      class: 'axis-title', 'text-anchor': 'middle',
      transform: 'translate(16 ' + (plot.top + plot.bottom) / 2 + ') rotate(-90)',
    }, root);
    return { root, plot };
  }

  function noData(box, message) {
    const note = document.createElement('p');
    note.className = 'no-data';
    note.textContent = message;
    box.appendChild(note);
    return 0;
  }

  function showError(box, error) {
    box.textContent = '';
    const message = document.createElement('p');
    message.className = 'chart-error';
    message.textContent = 'This chart could not be drawn: ' + (error && error.message ? error.message : String(error));
    box.appendChild(message);
    box.setAttribute('data-marks', '0');
    box.setAttribute('data-rendered', 'error');
  }

  // ---- value axis ----

  function niceStep(rawStep) {
    const magnitude = Math.pow(10, Math.floor(Math.log10(rawStep)));
    const scaled = rawStep / magnitude;
    const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  // The data's range widened to round numbers, with the ticks on them.
  function niceDomain(low, high, tickCount) {
    if (low === high) {
      const pad = Math.abs(low) * 0.01 || 1;
      low -= pad;
      high += pad;
    }
    const step = niceStep((high - low) / tickCount);
    const start = Math.floor(low / step) * step;
    const end = Math.ceil(high / step) * step;
    const ticks = [];
    for (let i = 0; start + i * step <= end + step / 2; i++) {
      ticks.push(start + i * step);
    }
    return { low: start, high: end, step, ticks };
  }

  function decimalsOf(step) {
    const text = String(Number(step.toPrecision(3)));
    return text.includes('e') ? 0 : (text.split('.')[1] || '').length;
  }

  function formatValue(value, step) {
    const decimals = Math.min(8, decimalsOf(step));
    const shown = Math.abs(value) < step / 1e6 ? 0 : value; // no "-0" from floating-point noise
    return shown.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }

  function formatMoney(value) {
    return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function valueAxis(root, plot, y, domain) {
    const axis = svg('g', { class: 'axis value-axis' }, root);
    for (const tick of domain.ticks) {
      const at = round(y(tick));
      svg('line', { class: 'grid', x1: plot.left, x2: plot.right, y1: at, y2: at }, axis);
      svgText(formatValue(tick, domain.step),
        { class: 'tick-label', x: plot.left - 8, y: at, dy: '0.32em', 'text-anchor': 'end' }, axis);
    }
  }

  // ---- time axis ----

  function pad2(number) {
    return String(number).padStart(2, '0');
  }

  function timeLabel(timeMs, withTime) {
    const date = new Date(timeMs);
    const day = pad2(date.getUTCMonth() + 1) + '-' + pad2(date.getUTCDate());
    return withTime
      ? day + ' ' + pad2(date.getUTCHours()) + ':' + pad2(date.getUTCMinutes())
      : date.getUTCFullYear() + '-' + day;
  }

  // Ticks on round UTC times: minutes to weeks at fixed steps, longer spans on the first of a month.
  function timeTicks(from, to, maxCount) {
    const span = to - from;
    const fixed = FIXED_TIME_STEPS.find((step) => span / step <= maxCount);
    const ticks = [];
    if (fixed) {
      for (let tick = Math.ceil(from / fixed) * fixed; tick <= to; tick += fixed) {
        ticks.push(tick);
      }
      return ticks;
    }
    const months = MONTH_STEPS.find((step) => span / (step * 30.44 * DAY) <= maxCount)
      || MONTH_STEPS[MONTH_STEPS.length - 1];
    const first = new Date(from);
    let index = first.getUTCFullYear() * 12 + first.getUTCMonth();
    const monthStart = (i) => Date.UTC(Math.floor(i / 12), i % 12, 1);
    while (monthStart(index) < from || index % months !== 0) {
      index++;
    }
    for (; monthStart(index) <= to; index += months) {
      ticks.push(monthStart(index));
    }
    return ticks;
  }

  function timeAxis(root, plot, x, from, to) {
    const axis = svg('g', { class: 'axis time-axis' }, root);
    svg('line', { class: 'axis-line', x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom }, axis);
    const withTime = to - from < 3 * DAY;
    for (const tick of timeTicks(from, to, 8)) {
      const at = round(x(tick));
      svg('line', { class: 'tick', x1: at, x2: at, y1: plot.bottom, y2: plot.bottom + 5 }, axis);
      svgText(timeLabel(tick, withTime), { class: 'tick-label', x: at, y: plot.bottom + 18, 'text-anchor': 'middle' },
        axis);
    }
  }

  function linePath(points) {
    return points.map((point, i) => (i === 0 ? 'M' : 'L') + round(point[0]) + ',' + round(point[1])).join('');
  }

  // ---- the charts ----

  function drawEquity(box, report) {
    const points = report.equity
      .map((point) => ({ time: point.timeMs, equity: amount(point.equity, 'equity') }))
      .sort((a, b) => a.time - b.time);
    if (points.length < 2) {
      return noData(box, 'No data: the equity curve needs at least two points.');
    }
    const startingCapital = amount(report.totals.startingCapital, 'starting capital');
    const [low, high] = extent(points.map((point) => point.equity).concat([startingCapital]));
    const domain = niceDomain(low, high, 6);
    const from = points[0].time;
    const to = points[points.length - 1].time;
    const { root, plot } = frame(box, 'Equity over time', 'Date (UTC)', 'Equity (USDT)');
    const x = linear(from, to, plot.left, plot.right);
    const y = linear(domain.low, domain.high, plot.bottom, plot.top);
    valueAxis(root, plot, y, domain);
    timeAxis(root, plot, x, from, to);

    const start = round(y(startingCapital));
    svg('line', { class: 'reference', x1: plot.left, x2: plot.right, y1: start, y2: start }, root);
    svgText('starting capital', { class: 'reference-label', x: plot.right - 4, y: start - 5, 'text-anchor': 'end' },
      root);

    const coordinates = points.map((point) => [x(point.time), y(point.equity)]);
    const area = linePath(coordinates) + 'L' + round(x(to)) + ',' + plot.bottom + 'L' + round(x(from)) + ','
      + plot.bottom + 'Z';
    svg('path', { class: 'equity-area', d: area }, root);
    const line = svg('path', { class: 'equity-line', d: linePath(coordinates) }, root);
    tooltip(line, 'Equity from ' + formatMoney(points[0].equity) + ' to '
      + formatMoney(points[points.length - 1].equity) + ' USDT');
    return points.length;
  }

  function drawFunding(box, report) {
    const bars = report.pairs
      .map((pair) => ({ symbol: String(pair.symbol), funding: amount(pair.fundingPnl, pair.symbol + ' funding') }))
      .sort((a, b) => b.funding - a.funding || (a.symbol < b.symbol ? -1 : 1));
    if (bars.length === 0) {
      return noData(box, 'No data: the run had no pairs.');
    }
    const [low, high] = extent(bars.map((bar) => bar.funding).concat([0]));
    const domain = niceDomain(low, high, 6);
    const slanted = bars.length > 10;
    const { root, plot } = frame(box, 'Funding captured by symbol', 'Symbol', 'Funding captured (USDT)',
      slanted ? 96 : MARGIN.bottom);
    const y = linear(domain.low, domain.high, plot.bottom, plot.top);
    valueAxis(root, plot, y, domain);

    const zero = round(y(0));
    const band = (plot.right - plot.left) / bars.length;
    const width = Math.max(1, Math.min(band * 0.7, 64));
    const labelEvery = Math.ceil(bars.length / 60);
    const labels = svg('g', { class: 'axis symbol-axis' }, root);
    bars.forEach((bar, i) => {
      const centre = plot.left + band * (i + 0.5);
      const end = y(bar.funding);
      const rect = svg('rect', {
        class: 'bar ' + (bar.funding < 0 ? 'negative' : 'positive'),
        'data-symbol': bar.symbol,
        x: round(centre - width / 2),
        y: round(Math.min(end, zero)),
        width: round(width),
        height: Math.max(1, round(Math.abs(end - zero))), // a zero still shows as a hairline
      }, root);
      tooltip(rect, bar.symbol + ': ' + formatMoney(bar.funding) + ' USDT');
      if (i % labelEvery === 0) {
        const labelY = plot.bottom + (slanted ? 10 : 18);
        svgText(bar.symbol, slanted
          ? { class: 'tick-label', x: 0, y: 0, 'text-anchor': 'end',
            transform: 'translate(' + round(centre) + ' ' + labelY + ') rotate(-40)' }
          : { class: 'tick-label', x: round(centre), y: labelY, 'text-anchor': 'middle' }, labels);
      }
    });
    svg('line', { class: 'zero-line', x1: plot.left, x2: plot.right, y1: zero, y2: zero }, root);
    return bars.length;
  }

  function drawPositions(box, report) {
    const notionalBySymbol = new Map();
    for (const point of report.positions) {
      if (!notionalBySymbol.has(point.symbol)) {
        notionalBySymbol.set(point.symbol, new Map());
      }
      notionalBySymbol.get(point.symbol).set(point.timeMs, amount(point.notional, point.symbol + ' notional'));
    }
    const times = Array.from(new Set(report.equity.map((point) => point.timeMs)
      .concat(report.positions.map((point) => point.timeMs)))).sort((a, b) => a - b);
    if (notionalBySymbol.size === 0) {
      return noData(box, 'No data: no position was held.');
    }
    if (times.length < 2) {
      return noData(box, 'No data: the positions need at least two sample times.');
    }
    // A symbol absent at a sample time was flat then.
    const series = Array.from(notionalBySymbol, ([symbol, byTime]) => {
      const values = times.map((time) => byTime.get(time) || 0);
      return { symbol: String(symbol), values, peak: extent(values.map(Math.abs))[1] };
    }).sort((a, b) => b.peak - a.peak || (a.symbol < b.symbol ? -1 : 1));
    const [low, high] = extent(series.flatMap((line) => line.values).concat([0]));
    const domain = niceDomain(low, high, 6);
    const from = times[0];
    const to = times[times.length - 1];
    const { root, plot } = frame(box, 'Positions over time', 'Date (UTC)', 'Notional held (USDT)');
    const x = linear(from, to, plot.left, plot.right);
    const y = linear(domain.low, domain.high, plot.bottom, plot.top);
    valueAxis(root, plot, y, domain);
    timeAxis(root, plot, x, from, to);

    const legend = document.createElement('ul');
    legend.className = 'legend';
    series.forEach((line, i) => {
      const colour = PALETTE[i % PALETTE.length];
      // Past the palette's colours the lines tell themselves apart by dashes.
      const dash = DASHES[Math.floor(i / PALETTE.length) % DASHES.length];
      const path = svg('path', {
        class: 'position-line', 'data-symbol': line.symbol, stroke: colour, 'stroke-dasharray': dash.pattern,
        d: linePath(line.values.map((value, t) => [x(times[t]), y(value)])),
      }, root);
      tooltip(path, line.symbol + ': at most ' + formatMoney(line.peak) + ' USDT');
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.borderTop = '3px ' + dash.border + ' ' + colour;
      item.append(swatch, line.symbol);
      legend.appendChild(item);
    });
    box.appendChild(legend);
    return series.length;
  }

  // ---- start ----

  function draw(id, chart, report) {
    const box = document.getElementById(id);
    try {
      box.textContent = '';
      const marks = chart(box, report);
      box.setAttribute('data-marks', String(marks));
      box.setAttribute('data-rendered', 'true');
    } catch (error) {
      showError(box, error);
    }
  }

  let report;
  try {
    report = JSON.parse(document.getElementById('report-data').textContent);
  } catch (error) {
    for (const id of CHART_IDS) {
      showError(document.getElementById(id), new Error('the report data could not be read (' + error.message + ')'));
    }
    return;
  }
  draw('chart-equity', drawEquity, report);
  draw('chart-funding', drawFunding, report);
  draw('chart-positions', drawPositions, report);
}());
