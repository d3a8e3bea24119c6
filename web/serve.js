// The check page of `phi-lint serve`: lints the draft as the user types, highlights findings, applies suggestions.
// Every text from the draft or the server goes into the page as text nodes, never as HTML.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const draft = $('draft');
  const view = $('highlighted');
  const list = $('findings');
  const status = $('status');
  const tip = $('tip');
  const fileName = $('file-name');
  const copyStatus = $('copy-status');
  const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  const DEBOUNCE_MS = 300;
  const LETTER = { error: 'E', warning: 'W', info: 'I' };
  const WORD = { error: 'Error', warning: 'Warning', info: 'Info' };

  /** The last answer the page shows: the text it was for and its findings. */
  let shown = { text: '', findings: [] };
  let name = 'draft.md';
  let timer = 0;
  let seq = 0;
  let controller = null;
  let lastAnnounced = '';
  /** After a suggestion is applied: focus the highlight with this index once the new findings arrive. */
  let focusAfter = -1;

  const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  };

  function say(message) {
    // Only a change is announced: a screen reader should not repeat the same count on every keystroke.
    if (message === lastAnnounced) return;
    lastAnnounced = message;
    status.textContent = message;
  }

  async function post(path, body, headers) {
    if (controller) controller.abort();
    controller = new AbortController();
    const res = await fetch(path, { method: 'POST', body, headers: { 'X-Phi-Lint-Token': token, ...headers }, signal: controller.signal });
    let data;
    try {
      data = await res.json();
    } catch {
      data = { error: `The server answered ${res.status} without an explanation.` };
    }
    if (!res.ok) throw Object.assign(new Error(data.error || `The server answered ${res.status}.`), { shown: true });
    return data;
  }

  async function check() {
    clearTimeout(timer);
    const text = draft.value;
    const mine = ++seq;
    if (!token) {
      say('This page needs its key: open the address that "phi-lint serve" printed (it ends with #token=…).');
      return;
    }
    try {
      const data = await post('/api/lint', JSON.stringify({ text, name }), { 'Content-Type': 'application/json' });
      if (mine !== seq) return;
      render(data);
    } catch (e) {
      if (e.name === 'AbortError' || mine !== seq) return;
      fail(e);
    }
  }

  function fail(e) {
    shown = { text: draft.value, findings: [] };
    view.replaceChildren();
    list.replaceChildren();
    say(e.shown ? e.message : 'phi-lint serve is not answering: is it still running? Start it again and reload this page.');
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  };

  /** Findings sorted, with the runs of text each covers (findings may overlap). */
  function runs(text, findings) {
    const cuts = new Set([0, text.length]);
    for (const f of findings) if (f.length > 0) cuts.add(f.offset).add(f.offset + f.length);
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      const covering = [];
      findings.forEach((f, n) => {
        if (f.length > 0 && f.offset <= from && f.offset + f.length >= to) covering.push(n);
      });
      out.push({ from, to, covering });
    }
    return out;
  }

  const rank = { error: 2, warning: 1, info: 0 };
  const firstReplacement = (f) => f.suggestions.find((s) => typeof s.replacement === 'string');

  function render(data) {
    shown = { text: data.text, findings: data.findings };
    if (data.name && data.name !== name) name = data.name;
    const { findings } = data;
    view.replaceChildren();
    list.replaceChildren();
    const seen = new Set();
    for (const run of runs(data.text, findings)) {
      const text = data.text.slice(run.from, run.to);
      if (!run.covering.length) {
        view.append(text);
        continue;
      }
      const sev = run.covering.map((n) => findings[n].severity).sort((a, b) => rank[b] - rank[a])[0];
      const n = run.covering.find((i) => !seen.has(i)) ?? run.covering[0];
      const f = findings[n];
      const fresh = !seen.has(n);
      run.covering.forEach((i) => seen.add(i));
      const repl = firstReplacement(f);
      const button = el('button', {
        type: 'button',
        class: `hl ${sev}`,
        'data-index': String(n),
        'aria-describedby': `msg-${n}`,
        text,
        onclick: () => apply(n, repl),
        onmouseenter: (ev) => showTip(ev.currentTarget, f, n, repl),
        onmouseleave: hideTip,
        onfocus: (ev) => showTip(ev.currentTarget, f, n, repl),
        onblur: hideTip,
      });
      if (!fresh) button.setAttribute('tabindex', '-1');
      view.append(button);
      for (const i of run.covering.filter((i) => findings[i].offset + findings[i].length === run.to)) {
        view.append(el('span', { class: `marker ${findings[i].severity}`, 'aria-hidden': 'true', text: `${LETTER[findings[i].severity]}${i + 1}` }));
      }
    }
    findings.forEach((f, n) => list.append(card(f, n)));
    if (!findings.length && data.text.trim()) list.append(el('li', { class: 'none', text: 'Nothing to fix.' }));
    const { errors, warnings } = data.summary;
    let message = errors + warnings === 0 ? (data.text.trim() ? 'No problems found.' : 'Type or paste a draft to check it.') : `${plural(errors, 'error')} and ${plural(warnings, 'warning')} found.`;
    if (data.note) message += ` ${data.note}`;
    if (focusAfter >= 0) {
      const buttons = view.querySelectorAll('button.hl:not([tabindex="-1"])');
      const target = buttons[Math.min(focusAfter, buttons.length - 1)];
      focusAfter = -1;
      if (target) target.focus();
      else draft.focus();
    }
    say(message);
  }

  function card(f, n) {
    const items = [
      el('p', {}, el('span', { class: `badge ${f.severity}`, text: `${LETTER[f.severity]}${n + 1} ${WORD[f.severity]}` }), ' ', el('span', { class: 'where', text: `line ${f.line}, column ${f.column}` }), ' ', el('span', { class: 'rule', text: f.ruleId })),
      el('p', { class: 'message', id: `msg-${n}`, text: f.message }),
    ];
    if (f.text) items.push(el('p', {}, 'Found: ', el('span', { class: 'quote', text: f.text })));
    if (Array.isArray(f.evidence) && f.evidence.length) {
      items.push(el('p', { class: 'label', text: 'Why' }));
      items.push(el('ul', { class: 'evidence' }, ...f.evidence.map((e) => el('li', {}, ...(e.text ? [el('span', { class: 'quote', text: e.text }), ': '] : []), String(e.why ?? '')))));
    }
    if (f.suggestions.length) {
      items.push(el('p', { class: 'label', text: 'What to write instead' }));
      items.push(
        el('ul', { class: 'suggestions' }, ...f.suggestions.map((s) => {
          if (typeof s.replacement !== 'string') return el('li', { text: s.message });
          const label = s.replacement === '' ? 'Delete it' : `Use “${s.replacement}”`;
          return el('li', {}, `${s.message}: `, el('button', { type: 'button', class: 'suggest', onclick: () => apply(n, s) }, label));
        })),
      );
    }
    return el('li', { class: `finding ${f.severity}`, id: `card-${n}` }, ...items);
  }

  function showTip(target, f, n, repl) {
    tip.replaceChildren(
      el('strong', { text: `${LETTER[f.severity]}${n + 1} ${WORD[f.severity]}: ` }),
      f.message,
      el('br'),
      el('em', { text: repl ? (repl.replacement === '' ? 'Enter or click: delete it.' : `Enter or click: replace with “${repl.replacement}”.`) : 'No automatic rewrite: see “What to fix” below.' }),
    );
    tip.hidden = false;
    const r = target.getBoundingClientRect();
    const width = Math.min(420, window.innerWidth - 16);
    tip.style.width = `${width}px`;
    tip.style.left = `${Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
    tip.style.top = `${r.bottom + window.scrollY + 6}px`;
  }
  function hideTip() {
    tip.hidden = true;
  }

  /** Replace finding `n`'s span with the suggestion, if the draft still has that text there. */
  function apply(n, suggestion) {
    const f = shown.findings[n];
    if (!f) return;
    if (!suggestion) {
      $(`card-${n}`)?.scrollIntoView({ block: 'nearest' });
      say(`No automatic rewrite for “${f.text}”: ${f.message}`);
      return;
    }
    if (draft.value !== shown.text || draft.value.slice(f.offset, f.offset + f.length) !== f.text) {
      // The draft changed since it was checked: check again rather than rewrite the wrong place.
      check();
      return;
    }
    draft.value = draft.value.slice(0, f.offset) + suggestion.replacement + draft.value.slice(f.offset + f.length);
    hideTip();
    focusAfter = n;
    lastAnnounced = '';
    status.textContent = suggestion.replacement === '' ? `Deleted “${f.text}”.` : `Replaced “${f.text}” with “${suggestion.replacement}”.`;
    check();
  }

  async function openFile(file) {
    if (!file) return;
    try {
      const data = await post('/api/file', await file.arrayBuffer(), { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) });
      draft.value = data.text;
      name = data.name;
      fileName.textContent = `(${data.name})`;
      ++seq;
      render(data);
    } catch (e) {
      if (e.name !== 'AbortError') fail(e);
    }
  }

  draft.addEventListener('input', schedule);
  // A file dropped anywhere on the page is opened here; the browser must not navigate away from the draft.
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    draft.classList.add('dropping');
  });
  document.addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) draft.classList.remove('dropping');
  });
  document.addEventListener('drop', (e) => {
    draft.classList.remove('dropping');
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    openFile(e.dataTransfer.files[0]);
  });
  $('file').addEventListener('change', (e) => openFile(e.target.files[0]));
  $('copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(draft.value);
    } catch {
      draft.select();
      document.execCommand('copy');
    }
    copyStatus.textContent = 'Copied.';
    setTimeout(() => (copyStatus.textContent = ''), 4000);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideTip();
  });
  if (!token) say('This page needs its key: open the address that "phi-lint serve" printed (it ends with #token=…).');
})();
