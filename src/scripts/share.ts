/**
 * Sharing and printing where the phone offers them: the phone's own share sheet (Zalo, Messenger, SMS…), copying the
 * address, printing a poster. The buttons stay hidden until this script finds what they need; without script the
 * page keeps its plain links. Loaded from the site under the strict Content Security Policy; kept under 1 KB gzip.
 */
const reveal = (button: HTMLButtonElement, when: unknown, act: () => unknown) => {
  if (!when) return;
  button.hidden = false;
  button.onclick = () => void Promise.resolve(act()).catch(() => undefined);
};

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-share]')) {
  const { title = '', text = '', url = location.href } = button.dataset;
  reveal(button, navigator.share, () => navigator.share({ title, text, url }));
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  const status = document.getElementById(button.dataset.status ?? '');
  reveal(button, navigator.clipboard, async () => {
    await navigator.clipboard.writeText(button.dataset.copy || location.href);
    if (status) status.textContent = button.dataset.done ?? '';
  });
}
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) reveal(button, window.print, () => window.print());
