// Partnermatrix: SVG matrix with draggable, keyboard-movable dots (Streamlit Custom
// Component v2). Python sends `data`; a drop or a keyboard move sends one trigger
// `moved = {id, x, y}` (x = dependency, y = influence, both 0..1).
//
// Streamlit re-runs this default export on every data change while the DOM persists,
// so one controller per parentElement lives in a WeakMap: a drag or keyboard move in
// progress survives re-renders, and a dot in the user's hand is never moved by data.
// All text goes in with textContent; user text is never parsed as HTML. Every word comes
// from Python in the viewer's language (`data.texts`, the lens's words, the legend).

const NS = "http://www.w3.org/2000/svg";
const X0 = 52, Y0 = 10, P = 500, R = 11;
const STEP = 0.05, FINE = 0.01;
const KEY_DEBOUNCE_MS = 350;   // a burst of arrow presses becomes one write
const PENDING_MS = 5000;       // how long a sent position wins over older data
const LABEL_MAX = 28;
const controllers = new WeakMap();
const CHAR_W = 6.8, LINE_H = 15;  // rough text box of a 13px label
// Label spots tried in order: [dx, dy (baseline), anchor], for labels k times 13px
const spotsFor = (k) => {
  const a = 13 * k, line = 15 * k;
  return [[0, -R - 6, "middle"], [0, R + 3 + a, "middle"], [R + 5, 4 * k, "start"],
          [-R - 5, 4 * k, "end"], [R + 3, -R - 2, "start"], [-R - 3, -R - 2, "end"],
          [R + 3, R + a - 1, "start"], [-R - 3, R + a - 1, "end"], [0, -R - 6 - line, "middle"],
          [0, R + 3 + a + line, "middle"]];
};

const clamp01 = (v) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0.5));
const round2 = (v) => Math.round(v * 100) / 100;
const pct = (v) => `${Math.round(v * 100)}%`;
const toX = (dep) => X0 + clamp01(dep) * P;
const toY = (inf) => Y0 + (1 - clamp01(inf)) * P;

function el(tag, attrs = {}) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function short(label) {
  const s = String(label ?? "");
  if (s.length <= LABEL_MAX) return s;
  // Cut between words, so the shortened label is still part of the accessible name
  // (WCAG 2.5.3, label in name).
  const cut = s.slice(0, LABEL_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return (space > LABEL_MAX / 3 ? cut.slice(0, space) : cut) + "…";
}

function makeController(root) {
  const svg = root.querySelector("svg.matrix");
  const ctl = {
    root, svg,
    layers: {
      quadrants: root.querySelector('[data-role="quadrants"]'),
      marks: root.querySelector('[data-role="marks"]'),
      arrows: root.querySelector('[data-role="arrows"]'),
      agreed: root.querySelector('[data-role="agreed"]'),
      dots: root.querySelector('[data-role="dots"]'),
    },
    live: root.querySelector('[data-role="live"]'),
    drag: null,          // {id, g, pointerId, last}
    keys: new Map(),     // id -> {x, y, timer}: keyboard moves not yet sent
    sent: new Map(),     // id -> {x, y, t}: sent, not yet confirmed by data
    api: null,
    data: {},
  };

  function toPlot(evt) {
    const pt = svg.createSVGPoint();
    pt.x = evt.clientX; pt.y = evt.clientY;
    const p = pt.matrixTransform(svg.getScreenCTM().inverse());
    return { x: clamp01((p.x - X0) / P), y: clamp01(1 - (p.y - Y0) / P) };
  }

  svg.addEventListener("pointerdown", (evt) => {
    // hit circles may overlap when dots are close: the dot nearest the finger wins
    const g = evt.target.closest("g.dot") && nearestDot(ctl, evt);
    if (!g || evt.button > 0) return;
    ctl.drag = { id: g.dataset.id, g, pointerId: evt.pointerId, last: null };
    g.classList.add("dragging");
    g.focus({ preventScroll: true });
    svg.setPointerCapture(evt.pointerId);
    evt.preventDefault();
  });
  svg.addEventListener("pointermove", (evt) => {
    if (!ctl.drag || evt.pointerId !== ctl.drag.pointerId) return;
    const pos = toPlot(evt);
    place(ctl.drag.g, pos.x, pos.y);
    ctl.drag.last = pos;
  });
  const end = (evt) => {
    if (!ctl.drag || evt.pointerId !== ctl.drag.pointerId) return;
    const { id, g, last } = ctl.drag;
    g.classList.remove("dragging");
    ctl.drag = null;
    if (last && evt.type === "pointerup") send(ctl, id, last.x, last.y);
    else if (last) render(ctl);  // cancelled: back to where the data says
  };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);

  svg.addEventListener("keydown", (evt) => {
    const g = evt.target.closest && evt.target.closest("g.dot");
    if (!g) return;
    const step = evt.shiftKey ? FINE : STEP;
    const delta = { ArrowUp: [0, step], ArrowDown: [0, -step],
                    ArrowRight: [step, 0], ArrowLeft: [-step, 0] }[evt.key];
    if (!delta) return;
    evt.preventDefault();
    const id = g.dataset.id;
    const cur = ctl.keys.get(id) || currentPos(ctl, id);
    const x = round2(clamp01(cur.x + delta[0])), y = round2(clamp01(cur.y + delta[1]));
    if (cur.timer) clearTimeout(cur.timer);
    const entry = { x, y, timer: null };
    entry.timer = setTimeout(() => {
      ctl.keys.delete(id);
      send(ctl, id, entry.x, entry.y);
    }, KEY_DEBOUNCE_MS);
    ctl.keys.set(id, entry);
    place(g, x, y);
    g.classList.remove("unplaced");
    const dot = dotData(ctl, id);
    describe(ctl, g, dot, x, y, true);
    announce(ctl, `${dot ? dot.label : ""}: ${positionText(ctl, x, y)}`);
  });

  svg.addEventListener("focusin", (evt) => highlight(ctl, evt.target.closest && evt.target.closest("g.dot")));
  svg.addEventListener("pointerover", (evt) => highlight(ctl, evt.target.closest && evt.target.closest("g.dot")));
  svg.addEventListener("focusout", () => highlight(ctl, null));
  return ctl;
}

function positionText(ctl, x, y) {
  const d = ctl.data || {};
  return `${d.y_word || ""} ${pct(y)}, ${d.x_word || ""} ${pct(x)}`;
}

function texts(ctl) {
  return (ctl.data && ctl.data.texts) || {};
}

function centre(g) {
  const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform") || "");
  return m ? { x: Number(m[1]), y: Number(m[2]) } : { x: 0, y: 0 };
}

function nearestDot(ctl, evt) {
  const pt = ctl.svg.createSVGPoint();
  pt.x = evt.clientX; pt.y = evt.clientY;
  const p = pt.matrixTransform(ctl.svg.getScreenCTM().inverse());
  let best = null, bestD = Infinity;
  for (const g of ctl.layers.dots.querySelectorAll("g.dot")) {
    const c = centre(g);
    const hit = Number(g.querySelector("circle.hit").getAttribute("r")) || R + 4;
    const d = Math.hypot(c.x - p.x, c.y - p.y);
    if (d <= hit && d < bestD) { best = g; bestD = d; }
  }
  return best;
}

function dotData(ctl, id) {
  return (ctl.data.dots || []).find((d) => String(d.id) === id);
}

function currentPos(ctl, id) {
  const g = ctl.layers.dots.querySelector(`g.dot[data-id="${CSS.escape(id)}"]`);
  return { x: Number(g.dataset.x), y: Number(g.dataset.y) };
}

function place(g, x, y) {
  g.dataset.x = String(x); g.dataset.y = String(y);
  g.setAttribute("transform", `translate(${toX(x)},${toY(y)})`);
}

function describe(ctl, g, dot, x, y, placed) {
  const label = dot ? String(dot.label ?? "") : "";
  const state = placed ? positionText(ctl, x, y) : ((dot && dot.unplaced_text) || texts(ctl).unplaced || "");
  g.setAttribute("aria-label", `${label}: ${state}`);
  g.querySelector("title").textContent = `${label} (${state})`;
}

function announce(ctl, message) {
  ctl.live.textContent = message;
}

function send(ctl, id, x, y) {
  const now = Date.now();
  ctl.sent.set(id, { x, y, t: now });
  const g = ctl.layers.dots.querySelector(`g.dot[data-id="${CSS.escape(id)}"]`);
  if (g) {
    g.classList.remove("unplaced");
    if (ctl.data.role === "facilitator") g.classList.add("agreed");
    describe(ctl, g, dotData(ctl, id), x, y, true);
  }
  announce(ctl, `${(dotData(ctl, id) || {}).label || ""}: ${positionText(ctl, x, y)}`);
  if (ctl.api) ctl.api.setTriggerValue("moved", { id: Number(id), x: round2(x), y: round2(y) });
}

function highlight(ctl, g) {
  const id = g ? g.dataset.id : null;
  for (const m of ctl.layers.marks.querySelectorAll("g.mark")) {
    m.classList.toggle("hl", id !== null && m.dataset.partner === id);
  }
}

function renderQuadrants(ctl) {
  const layer = ctl.layers.quadrants;
  const labels = ctl.data.quadrants || ["", "", "", ""];
  if (!layer.childElementCount) {
    const spots = [[0, 0], [1, 0], [0, 1], [1, 1]];
    spots.forEach(([cx, cy], i) => {
      layer.appendChild(el("rect", { class: `q q${i}`, x: X0 + cx * P / 2, y: Y0 + cy * P / 2,
                                     width: P / 2, height: P / 2 }));
      const t = el("text", { class: "quadrant", "data-quadrant": i,
                             x: cx ? X0 + P - 10 : X0 + 10, y: cy ? Y0 + P - 12 : Y0 + 24,
                             "text-anchor": cx ? "end" : "start" });
      layer.appendChild(t);
    });
  }
  layer.querySelectorAll("text.quadrant").forEach((t, i) => { t.textContent = String(labels[i] ?? ""); });
}

function renderMarks(ctl) {
  const layer = ctl.layers.marks;
  layer.replaceChildren();
  for (const m of ctl.data.marks || []) {
    const g = el("g", { class: "mark", "data-partner": String(m.partner),
                        transform: `translate(${toX(m.x)},${toY(m.y)})` });
    g.appendChild(el("circle", { r: 4.5 }));
    layer.appendChild(g);
  }
}

const ARROW = { omhoog: [0, 1], omlaag: [0, -1], rechts: [1, 0], links: [-1, 0] };

function renderArrows(ctl) {
  const layer = ctl.layers.arrows;
  layer.replaceChildren();
  for (const a of ctl.data.arrows || []) {
    const g = el("g", { class: "arrow", "data-partner": String(a.id), "data-direction": a.direction });
    const x = toX(a.x), y = toY(a.y);
    const d = ARROW[a.direction];
    if (d) {
      const len = 0.12 * P;
      const ex = Math.min(X0 + P, Math.max(X0, x + d[0] * len));
      const ey = Math.min(Y0 + P, Math.max(Y0, y - d[1] * len));
      g.appendChild(el("line", { x1: x + d[0] * (R + 2), y1: y - d[1] * (R + 2), x2: ex, y2: ey,
                                 "marker-end": "url(#kompas-arrowhead)" }));
    } else {
      g.appendChild(el("circle", { cx: x, cy: y, r: R + 7 }));  // blijven: a ring
    }
    layer.appendChild(g);
  }
}

function renderAgreed(ctl) {
  // Participants see agreed positions as separate, fixed squares; the facilitator's
  // agreed positions are the draggable dots themselves.
  const layer = ctl.layers.agreed;
  layer.replaceChildren();
  for (const a of ctl.data.agreed || []) {
    const g = el("g", { class: "agreed", "data-id": String(a.id),
                        transform: `translate(${toX(a.x)},${toY(a.y)})` });
    g.appendChild(el("rect", { x: -8, y: -8, width: 16, height: 16, transform: "rotate(45)" }));
    const title = el("title");
    title.textContent = `${a.label ?? ""}: ${texts(ctl).agreed || ""}, ${positionText(ctl, a.x, a.y)}`;
    g.appendChild(title);
    const t = el("text", { x: 0, y: 24, "text-anchor": "middle" });
    t.textContent = short(a.label);
    g.appendChild(t);
    layer.appendChild(g);
  }
}

function unitsPerPixel(ctl) {
  // plot units per CSS pixel: 1.6 on a 390px phone, below 1 on a laptop; null before layout
  const width = ctl.svg.getBoundingClientRect().width;
  const units = ctl.svg.viewBox.baseVal && ctl.svg.viewBox.baseVal.width;
  return width && units ? units / width : null;
}

function hitRadius(ctl) {
  // 22 CSS pixels: on a phone the plot is drawn small, so the hit circle grows beyond the
  // visible dot; on a laptop it is the ring.
  const k = unitsPerPixel(ctl);
  return k ? Math.max(R + 4, Math.ceil(22 * k)) : R + 4;
}

function renderDots(ctl) {
  const layer = ctl.layers.dots;
  const readonly = Boolean(ctl.data.readonly);
  const hitR = hitRadius(ctl);
  const dots = ctl.data.dots || [];
  const unplacedCount = dots.filter((d) => !d.placed).length;
  let unplacedIndex = 0;
  const seen = new Set();
  const now = Date.now();
  for (const dot of dots) {
    const id = String(dot.id);
    seen.add(id);
    let g = layer.querySelector(`g[data-id="${CSS.escape(id)}"]`);
    if (!g) {
      g = el("g", { "data-id": id });
      // the hit circle: invisible, at least 44 CSS pixels across (WCAG 2.5.5, phones)
      g.appendChild(el("circle", { class: "hit", r: hitR }));
      g.appendChild(el("circle", { class: "ring", r: R + 4 }));
      g.appendChild(el("circle", { class: "body", r: R }));
      g.appendChild(el("title"));
      g.appendChild(el("text", { x: 0, y: -R - 6, "text-anchor": "middle" }));
      layer.appendChild(g);
    }
    // A point the viewer may not move (phase over, tool locked) is not a g.dot: no grab
    // cursor, no keyboard stop, no "draggable" for a screen reader.
    g.classList.toggle("dot", !readonly);
    g.classList.toggle("fixed", readonly);
    g.classList.toggle("agreed", Boolean(dot.agreed));
    g.querySelector("circle.hit").setAttribute("r", readonly ? 0 : hitR);
    if (readonly) {
      g.removeAttribute("tabindex");
      g.setAttribute("role", "img");
      g.removeAttribute("aria-roledescription");
    } else {
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-roledescription", texts(ctl).draggable || "");
    }
    g.querySelector("text").textContent = short(dot.label);

    // A dot in the user's hand (mouse or keys) stays where the user has it.
    if ((ctl.drag && ctl.drag.id === id) || ctl.keys.has(id)) continue;
    let x = clamp01(dot.x), y = clamp01(dot.y), placed = Boolean(dot.placed);
    const sent = ctl.sent.get(id);
    if (sent) {
      const confirmed = placed && Math.abs(sent.x - x) < 0.006 && Math.abs(sent.y - y) < 0.006;
      if (confirmed || now - sent.t > PENDING_MS) ctl.sent.delete(id);
      else {
        x = sent.x; y = sent.y; placed = true;
        if (ctl.data.role === "facilitator") g.classList.add("agreed");
      }
    }
    g.classList.toggle("unplaced", !placed);
    describe(ctl, g, dot, x, y, placed);
    place(g, x, y);
    if (!placed && unplacedCount > 1) {
      // Unplaced dots all sit at the centre; fan them out a little so each can be grabbed.
      const angle = (2 * Math.PI * unplacedIndex++) / unplacedCount - Math.PI / 2;
      const rx = Math.cos(angle) * Math.min(85, 10 * unplacedCount);
      const ry = Math.sin(angle) * Math.min(85, 10 * unplacedCount);
      g.setAttribute("transform", `translate(${toX(x) + rx},${toY(y) + ry})`);
      g.dataset.side = rx >= 0 ? "right" : "left";
    } else {
      delete g.dataset.side;
    }
  }
  for (const g of Array.from(layer.querySelectorAll("g[data-id]"))) {
    if (!seen.has(g.dataset.id)) g.remove();
  }
}

function renderTicks(ctl) {
  // The words at the ends of the axes come with the lens; long words on the vertical
  // axis are turned, so that they fit beside it.
  const d = ctl.data;
  const words = { "y-high": d.y_high, "y-low": d.y_low, "x-low": d.x_low, "x-high": d.x_high };
  const turn = String(d.y_high ?? "").length > 5 || String(d.y_low ?? "").length > 5;
  for (const [role, word] of Object.entries(words)) {
    const t = ctl.root.querySelector(`[data-role="${role}"]`);
    if (!t) continue;
    t.textContent = String(word ?? "");
    if (role.startsWith("y")) {
      const y = role === "y-high" ? 12 : 508;
      if (turn) {
        t.setAttribute("transform", `translate(44 ${y}) rotate(-90)`);
        t.setAttribute("x", "0"); t.setAttribute("y", "0");
        t.setAttribute("text-anchor", role === "y-high" ? "end" : "start");
      } else {
        t.removeAttribute("transform");
        t.setAttribute("x", "44"); t.setAttribute("y", role === "y-high" ? "22" : "508");
        t.setAttribute("text-anchor", "end");
      }
    }
  }
}

function render(ctl) {
  const data = ctl.data;
  ctl.root.querySelector('[data-role="x-label"]').textContent = String(data.x_label ?? "");
  ctl.root.querySelector('[data-role="y-label"]').textContent = String(data.y_label ?? "");
  ctl.root.querySelector('[data-role="x-hint"]').textContent = String(data.x_hint ?? "");
  renderTicks(ctl);
  ctl.root.querySelector('[data-role="legend"]').textContent = String(data.legend ?? "");
  ctl.svg.setAttribute("aria-label", String(data.title ?? ""));
  renderQuadrants(ctl);
  renderMarks(ctl);
  renderArrows(ctl);
  renderAgreed(ctl);
  renderDots(ctl);
  placeLabels(ctl);
}

function labelBox(cx, cy, spot, width, k) {
  const [dx, dy, anchor] = spot;
  const left = anchor === "start" ? cx + dx : anchor === "end" ? cx + dx - width : cx + dx - width / 2;
  return { l: left, r: left + width, t: cy + dy - LINE_H * k + 3, b: cy + dy + 3 };
}

function labelScale(ctl) {
  // a partner's name stays at least 12 CSS pixels high when the plot is drawn small (a
  // phone); on a laptop it is 13px in plot units
  const k = unitsPerPixel(ctl);
  return k ? Math.max(1, (12 * k) / 13) : 1;
}

function overlap(a, b) {
  const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
  return w > 0 && h > 0 ? w * h : 0;
}

function placeLabels(ctl) {
  // Greedy: each label takes the first spot around its point that collides least with
  // labels and points already placed. Dots first (they matter most to the viewer).
  const items = [...ctl.layers.dots.querySelectorAll("g[data-id]"), ...ctl.layers.agreed.querySelectorAll("g.agreed")];
  const points = items.map(centre);
  const k = labelScale(ctl);
  const SPOTS = spotsFor(k);
  const taken = points.map((p) => ({ l: p.x - R, r: p.x + R, t: p.y - R, b: p.y + R }));
  items.forEach((g, i) => {
    const t = g.querySelector("text");
    if (!t) return;
    const width = (t.textContent || "").length * CHAR_W * k;
    const p = points[i];
    let spots = SPOTS;
    if (g.dataset.side === "right") spots = [SPOTS[2], ...SPOTS];
    if (g.dataset.side === "left") spots = [SPOTS[3], ...SPOTS];
    t.style.fontSize = `${13 * k}px`;
    let best = null;
    for (const spot of spots) {
      const box = labelBox(p.x, p.y, spot, width, k);
      const outside = box.l < 0 || box.r > 560 || box.t < 0 || box.b > 515 ? 1e6 : 0;
      let cost = outside;
      for (let j = 0; j < taken.length; j++) {
        if (j === i) continue;
        cost += overlap(box, taken[j]);
      }
      if (!best || cost < best.cost) best = { spot, box, cost };
      if (cost === 0) break;
    }
    t.setAttribute("x", best.spot[0]);
    t.setAttribute("y", best.spot[1]);
    t.setAttribute("text-anchor", best.spot[2]);
    taken.push(best.box);
  });
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let ctl = controllers.get(parentElement);
  if (!ctl) {
    ctl = makeController(parentElement);
    controllers.set(parentElement, ctl);
  }
  ctl.api = { setTriggerValue };
  ctl.data = data || {};
  render(ctl);
  if (!ctl.resize && window.ResizeObserver) {
    // the page changed width (a phone turned, the sidebar opened): hit circles follow
    let last = 0;
    ctl.resize = new ResizeObserver(() => {
      const w = Math.round(ctl.svg.getBoundingClientRect().width);
      if (w && w !== last) { last = w; renderDots(ctl); placeLabels(ctl); }
    });
    ctl.resize.observe(ctl.svg);
  }
  // Listeners live on elements inside parentElement and die with it.
  return () => {};
}
