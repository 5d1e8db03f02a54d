import { expect, it } from 'vitest';
import { serializeJsonForHtml } from '../../src/lib/json-ld.ts';

it('keeps hostile names from closing the JSON-LD script element', () => {
  const name = '</script><script>alert(1)</script><!-- & \u2028';
  const out = serializeJsonForHtml({ name });
  expect(out).not.toMatch(/[<>&\u2028]/);
  expect(JSON.parse(out).name).toBe(name);
});
