// The desk's only script, served as a file (the desk's policy allows no inline script). Every form works without
// it; it adds the story toolbar and its two dialogs, the preview without reloading, a filter for long lists of
// places, a warning before leaving unsaved changes, and a copy of unsaved text kept in this browser.
(() => {
  'use strict';
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const form = document.querySelector('form.entry-form');

  // Errors: move to the summary so that a keyboard or screen-reader user hears it first.
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  // Long lists of choices (places): a text box above the list narrows it, with or without diacritics.
  for (const select of document.querySelectorAll('select[data-filter]')) {
    const box = document.createElement('input');
    box.type = 'search';
    box.id = `${select.id}-filter`;
    box.setAttribute('aria-label', 'Gõ tên để lọc danh sách (có dấu hay không dấu)');
    box.setAttribute('aria-controls', select.id);
    box.className = 'filter';
    select.before(box);
    box.addEventListener('input', () => {
      const words = fold(box.value).split(/\s+/).filter(Boolean);
      let first;
      for (const option of select.options) {
        const text = option.dataset.search ?? fold(option.textContent);
        const show = option.value === '' || words.every((w) => text.includes(w));
        option.hidden = !show;
        if (show && option.value && !first) first = option;
      }
      if (first && words.length) select.value = first.value;
      // The list holds the places in use; any other unit of the country is looked up in the register by name.
      if (select.dataset.register && words.join('').length >= 2) findInRegister(select, box.value, !first);
    });
  }

  // Dates are typed dd/mm/yyyy; a calendar beside each box fills it for those who prefer to pick a day.
  for (const text of document.querySelectorAll('input.date')) {
    const calendar = document.createElement('input');
    calendar.type = 'date';
    calendar.className = 'calendar';
    calendar.tabIndex = 0;
    const label = document.querySelector(`label[for="${text.id}"]`);
    calendar.setAttribute('aria-label', `Chọn trên lịch: ${label ? label.textContent.trim() : ''}`);
    const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.value.trim()) || /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.value.trim());
    if (match) calendar.value = match[1].length === 4 ? text.value.trim() : `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
    calendar.addEventListener('change', () => {
      if (!calendar.value) return;
      const [y, m, d] = calendar.value.split('-');
      text.value = `${d}/${m}/${y}`;
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    text.after(calendar);
  }

  // A photo copied from another program or a phone's gallery can be pasted into the upload form.
  const upload = document.querySelector('form[data-pasted]');
  const fileBox = upload && upload.querySelector('input[type=file]');
  if (upload && fileBox && typeof DataTransfer === 'function') {
    document.addEventListener('paste', (event) => {
      const file = [...(event.clipboardData ? event.clipboardData.files : [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      event.preventDefault();
      const transfer = new DataTransfer();
      transfer.items.add(file);
      fileBox.files = transfer.files;
      const status = upload.querySelector('[role=status]');
      if (status) status.textContent = upload.dataset.pasted.replace('{name}', file.name || 'ảnh');
    });
  }

  let lookup;
  function findInRegister(select, query, choose) {
    clearTimeout(lookup);
    lookup = setTimeout(async () => {
      let found = [];
      try {
        const response = await fetch(`/_dia-danh?q=${encodeURIComponent(query)}`, { credentials: 'same-origin' });
        if (response.ok) found = await response.json();
      } catch {
        return;
      }
      const have = new Set([...select.options].map((o) => o.value));
      let first;
      for (const place of found) {
        if (have.has(place.value)) continue;
        const option = new Option(`${place.label} (${place.value})`, place.value);
        option.dataset.search = place.search;
        option.dataset.fromRegister = 'true';
        select.add(option);
        first ??= option;
      }
      if (choose && first) select.value = first.value;
    }, 250);
  }

  if (!form) return;
  const body = form.querySelector('textarea[name=body]');
  let dirty = false;
  const key = `desk:${form.dataset.entry}`;
  form.addEventListener('input', () => {
    dirty = true;
    try {
      localStorage.setItem(key, JSON.stringify({ body: body ? body.value : '', at: Date.now() }));
    } catch {
      // Private windows may refuse storage: the warning before leaving still works.
    }
  });
  form.addEventListener('submit', () => {
    dirty = false;
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
  if (new URLSearchParams(location.search).has('luu')) localStorage.removeItem(key);
  try {
    const kept = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (kept && body && kept.body && kept.body !== body.value) {
      const offer = document.createElement('div');
      offer.className = 'notice';
      offer.setAttribute('role', 'status');
      const text = document.createElement('p');
      text.textContent = `Có bản chưa lưu của nội dung bài từ lúc ${new Date(kept.at).toLocaleString('vi-VN')}. Khôi phục bản chưa lưu?`;
      const yes = document.createElement('button');
      yes.type = 'button';
      yes.textContent = 'Khôi phục';
      const no = document.createElement('button');
      no.type = 'button';
      no.className = 'secondary';
      no.textContent = 'Bỏ bản đó';
      yes.addEventListener('click', () => {
        body.value = kept.body;
        dirty = true;
        offer.remove();
        body.focus();
      });
      no.addEventListener('click', () => {
        localStorage.removeItem(key);
        offer.remove();
      });
      offer.append(text, yes, ' ', no);
      form.before(offer);
    }
  } catch {
    localStorage.removeItem(key);
  }

  if (!body) return;

  // Counters that matter for radio: words (syllables, in Vietnamese) and the reading time at the site's speed.
  const counter = document.getElementById('f-body-count');
  const perMinute = Number(body.dataset.perMinute) || 220;
  const count = () => {
    const words = body.value
      .replace(/<[^>]*>/g, ' ')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const seconds = Math.round((words / perMinute) * 60);
    if (counter) counter.textContent = `${words} chữ, đọc trên đài khoảng ${seconds < 60 ? `${seconds} giây` : `${Math.floor(seconds / 60)} phút ${seconds % 60} giây`}.`;
  };
  body.addEventListener('input', count);
  count();

  const wrap = (before, after, placeholder) => {
    const { selectionStart: start, selectionEnd: end, value } = body;
    const chosen = value.slice(start, end) || placeholder;
    body.setRangeText(before + chosen + after, start, end, 'end');
    body.focus();
    body.setSelectionRange(start + before.length, start + before.length + chosen.length);
    body.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const linePrefix = (prefix) => {
    const { selectionStart: start, value } = body;
    const lineStart = value.lastIndexOf('\n', start - 1) + 1;
    body.setRangeText(prefix, lineStart, lineStart, 'end');
    body.focus();
    body.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const insert = (text) => {
    body.setRangeText(text, body.selectionStart, body.selectionEnd, 'end');
    body.focus();
    body.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const attr = (s) => s.replace(/"/g, '”').replace(/[{}<>]/g, '');

  // Text pasted from Word, a web page or an e-mail keeps its headings, bold, italic, lists and links as Markdown;
  // everything else of it (styles, fonts, Word's own markup) is left behind. The parsed copy is never shown or run.
  const toMarkdown = (node, list) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent.replace(/\s+/g, ' ');
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const tag = node.tagName.toLowerCase();
    if (['script', 'style', 'head', 'title', 'meta', 'xml', 'template'].includes(tag)) return '';
    const inner = (l = list) => [...node.childNodes].map((child) => toMarkdown(child, l)).join('');
    const style = (node.getAttribute('style') || '').toLowerCase();
    switch (tag) {
      case 'h1':
      case 'h2':
        return `\n\n## ${inner().trim()}\n\n`;
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        return `\n\n### ${inner().trim()}\n\n`;
      case 'p':
      case 'div':
        return `\n\n${inner().trim()}\n\n`;
      case 'br':
        return '\n';
      case 'b':
      case 'strong': {
        const text = inner();
        return text.trim() ? `**${text.trim()}**` : text;
      }
      case 'i':
      case 'em': {
        const text = inner();
        return text.trim() ? `*${text.trim()}*` : text;
      }
      case 'span': {
        const text = inner();
        if (!text.trim()) return text;
        if (/font-weight:\s*(bold|[6-9]00)/.test(style)) return `**${text.trim()}**`;
        if (/font-style:\s*italic/.test(style)) return `*${text.trim()}*`;
        return text;
      }
      case 'a': {
        const text = inner().trim();
        const href = node.getAttribute('href') || '';
        return /^https?:\/\//.test(href) && text ? `[${text}](${href})` : text;
      }
      case 'ul':
      case 'ol':
        return `\n\n${inner(tag)}\n`;
      case 'li':
        return `${list === 'ol' ? '1.' : '-'} ${inner().trim()}\n`;
      default:
        return inner();
    }
  };
  body.addEventListener('paste', (event) => {
    const markup = event.clipboardData && event.clipboardData.getData('text/html');
    if (!markup) return;
    const parsed = new DOMParser().parseFromString(markup, 'text/html');
    const text = toMarkdown(parsed.body)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (!text) return;
    event.preventDefault();
    insert(text);
  });

  function dialog(title, fields, onOk) {
    const d = document.createElement('dialog');
    d.setAttribute('aria-labelledby', 'dialog-title');
    const h = document.createElement('h2');
    h.id = 'dialog-title';
    h.textContent = title;
    const f = document.createElement('form');
    f.method = 'dialog';
    f.noValidate = true;
    const inputs = fields.map(([name, label, kind, options]) => {
      const wrapper = document.createElement('div');
      wrapper.className = 'field';
      const l = document.createElement('label');
      l.htmlFor = `dialog-${name}`;
      l.textContent = label;
      let input;
      if (kind === 'select') {
        input = document.createElement('select');
        for (const [value, text] of options) input.add(new Option(text, value));
      } else {
        input = document.createElement(kind === 'textarea' ? 'textarea' : 'input');
        if (kind !== 'textarea') input.type = 'text';
      }
      input.id = `dialog-${name}`;
      wrapper.append(l, input);
      f.append(wrapper);
      return input;
    });
    const ok = document.createElement('button');
    ok.textContent = 'Chèn';
    ok.value = 'ok';
    const cancel = document.createElement('button');
    cancel.textContent = 'Huỷ';
    cancel.value = 'cancel';
    cancel.className = 'secondary';
    f.append(ok, ' ', cancel);
    d.append(h, f);
    document.body.append(d);
    d.addEventListener('close', () => {
      if (d.returnValue === 'ok') onOk(inputs.map((i) => i.value.trim()));
      d.remove();
      body.focus();
    });
    d.showModal();
  }

  const photos = () =>
    [...form.querySelectorAll('[data-list="f.photos"] > ol > li')].map((li, i) => {
      const alt = li.querySelector('[name$=".alt"]');
      return [String(i + 1), `Ảnh ${i + 1}: ${alt ? alt.value : ''}`];
    });

  const tools = [
    ['Tiêu đề mục', () => linePrefix('## ')],
    ['Đậm', () => wrap('**', '**', 'chữ đậm'), 'b'],
    ['Nghiêng', () => wrap('*', '*', 'chữ nghiêng'), 'i'],
    ['Danh sách', () => linePrefix('- ')],
    ['Danh sách số', () => linePrefix('1. ')],
    [
      'Liên kết',
      () => dialog('Chèn liên kết', [['text', 'Chữ hiện ra', 'input'], ['url', 'Địa chỉ (bắt đầu bằng https:// hoặc /)', 'input']], ([text, url]) => {
        if (/^(https?:\/\/|\/)/.test(url)) insert(`[${text || url}](${url})`);
      }),
      'k',
    ],
    [
      'Chèn ảnh',
      () => {
        const list = photos();
        if (list.length === 0) return dialog('Bài chưa có ảnh: tải ảnh lên ở cuối trang trước.', [], () => {});
        dialog('Chèn ảnh của bài', [['photo', 'Ảnh', 'select', list]], ([n]) => insert(`\n<Figure photo="${n}" />\n`));
      },
    ],
    [
      'Trích lời',
      () =>
        dialog('Chèn lời trích dẫn', [['by', 'Người nói', 'input'], ['role', 'Vai trò (không bắt buộc)', 'input'], ['text', 'Lời nói', 'textarea']], ([by, role, text]) => {
          if (by && text) insert(`\n<Quote by="${attr(by)}"${role ? ` role="${attr(role)}"` : ''}>\n${text.replace(/[{}<>]/g, '')}\n</Quote>\n`);
        }),
    ],
  ];
  const bar = document.createElement('div');
  bar.className = 'toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Định dạng');
  bar.setAttribute('aria-controls', body.id);
  for (const [label, run, shortcut] of tools) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = label;
    if (shortcut) b.setAttribute('aria-keyshortcuts', `Control+${shortcut.toUpperCase()}`);
    b.addEventListener('click', run);
    bar.append(b);
  }
  body.before(bar);
  body.addEventListener('keydown', (event) => {
    if (!event.ctrlKey || event.altKey) return;
    const tool = tools.find((t) => t[2] === event.key.toLowerCase());
    if (tool) {
      event.preventDefault();
      tool[1]();
    }
  });

  // Preview without leaving the page: the same request as the button, answered with the preview alone.
  const previewButton = form.querySelector('button[data-preview]');
  const preview = document.getElementById('preview');
  previewButton?.addEventListener('click', async (event) => {
    event.preventDefault();
    const data = new URLSearchParams(new FormData(form));
    data.set('action', 'preview');
    data.set('fragment', '1');
    const response = await fetch(form.getAttribute('action'), { method: 'POST', body: data, credentials: 'same-origin' });
    // The server rendered this fragment with the safe story compiler and escaped every value.
    preview.innerHTML = await response.text();
  });
})();
