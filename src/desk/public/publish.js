// Follows a publish in progress on the publishing page (served as a file, under the desk's script-src 'self'). The
// page works without it: its link reloads the progress. With it, the progress is fetched every few seconds and put
// in place until the run has finished, and then the Publish button can be pressed again.
(() => {
  'use strict';
  const box = document.getElementById('publish-state');
  const url = box?.dataset.follow;
  if (!box || !url) return;
  const button = document.querySelector('form.publish-form button');
  const follow = async () => {
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (response.ok) box.innerHTML = await response.text();
    } catch {
      // The desk restarting or the network: try again at the next tick.
    }
    if (box.querySelector('[data-running]')) setTimeout(follow, 2000);
    else if (button) button.disabled = false;
  };
  setTimeout(follow, 2000);
})();
