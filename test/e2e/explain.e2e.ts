// "Explain this log line" in a real VS Code: the hover on a log line (language syslog-log) and
// the command, which opens the explanation as a Markdown preview beside the editor.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, useSession } from './harness';
import { goTo, hoverText, openFile, poll, runCommand, waitForLanguageMode, webviewFrame } from './vscode';

const FILE = 'var/log/firewall.log';
const NETFILTER =
  'Jul 19 19:21:07 vbox kernel: filter_IN_public_REJECT: IN=enp0s8 OUT= MAC=08:00:27:40:b7:96:d0:11:e5:1a:ce:3b:08:00 SRC=192.168.11.115 DST=192.168.11.108 LEN=64 TOS=0x00 PREC=0x00 TTL=64 ID=0 DF PROTO=TCP SPT=62290 DPT=80 WINDOW=65535 RES=0x00 CWR ECE SYN URGP=0';

describe('Explain this log line in VS Code (e2e)', () => {
  const session = useSession({
    prepare(workspace) {
      mkdirSync(join(workspace, 'var/log'), { recursive: true });
      writeFileSync(join(workspace, FILE), `Jul 19 19:20:55 vbox systemd[1]: Started firewalld.service - firewalld - dynamic firewall daemon.\n${NETFILTER}\n`);
    },
  });

  it('a file under var/log gets the log language, and the hover on a netfilter line explains it', async () => {
    const { page } = session();
    await openFile(page, FILE);
    await waitForLanguageMode(page, 'Log file (syslog, journal, web, mail)');
    await goTo(page, 2, 40);
    const text = await hoverText(page, 'DPT_service');
    assert.match(text, /refused a new connection attempt/, text);
    assert.match(text, /DPT_service\s+http\b/, text);
    await screenshot(page, 'explain-hover', 'editor');
    await page.keyboard.press('Escape');
  });

  it('the command opens a Markdown preview that explains DPT=80 as http', async () => {
    const { page } = session();
    await openFile(page, FILE);
    await goTo(page, 2, 1);
    await runCommand(page, 'Linux Admin Configs: Explain This Log Line');
    const frame = await webviewFrame(page, 'text=DPT_service');
    const row = await poll('the DPT_service row', () => frame.locator('tr', { hasText: 'DPT_service' }).first().innerText(), (t) => /http/.test(t));
    assert.match(row, /^DPT_service\s+http\s+Well-known service name/, row);
    const dpt = await frame.locator('tr', { has: frame.locator('td', { hasText: /^DPT$/ }) }).first().innerText();
    assert.match(dpt, /^DPT\s+80\s+Destination port/, dpt);
    assert.match(await frame.locator('body').innerText(), /The firewall refused a new connection attempt \(SYN\) from 192\.168\.11\.115 to port 80/);
    await screenshot(page, 'explain-preview');
  });
});
