import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { prepareRename, rename, type RenameOptions } from '../../../server/src/languages/common/navigation';
import { firewalldFacade as F } from '../../../server/src/languages/firewalld/index';
import { firewalldConfFacade } from '../../../server/src/languages/firewalldConf/index';
import { renameOptions } from '../../../server/src/navigationRequests';
import { applyEdits, workspace } from '../helpers/navigation';

const ETC = 'file:///srv/copy/etc/firewalld';
const CAN: RenameOptions = { fileRenames: true };

/** A small firewalld configuration (paths relative to its folder; one text may hold a `|` cursor). */
const CONFIG: Record<string, string> = {
  'zones/lab.xml': '<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>Lab</short>\n  <service name="backup"/>\n  <source ipset="blocked"/>\n</zone>\n',
  'services/backup.xml': '<?xml version="1.0" encoding="utf-8"?>\n<service>\n  <short>Backup</short>\n  <port protocol="tcp" port="873"/>\n</service>\n',
  'ipsets/blocked.xml': '<?xml version="1.0" encoding="utf-8"?>\n<ipset type="hash:ip">\n  <entry>192.0.2.1</entry>\n</ipset>\n',
  'policies/lab-out.xml': '<?xml version="1.0" encoding="utf-8"?>\n<policy target="CONTINUE">\n  <ingress-zone name="lab"/>\n  <egress-zone name="HOST"/>\n</policy>\n',
};

/** CONFIG under `base`, with the cursor marker put into `file` at `marker` (`ba|ckup`). */
function files(base: string, file: string, marker: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rel, text] of Object.entries(CONFIG)) {
    const plain = marker.replace('|', '');
    out[`${base}/${rel}`] = rel === file ? text.replace(plain, marker) : text;
  }
  return out;
}

const textEdits = (e: WorkspaceEdit) => (e.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'edits' in c);
const renames = (e: WorkspaceEdit) => (e.documentChanges ?? []).filter((c): c is RenameFile => 'kind' in c && c.kind === 'rename');
const short = (uri: string) => uri.replace(`${ETC}/`, '');

describe('firewalld rename: the file and every use', () => {
  it('renames a service from a zone: the service file is renamed and the zone edited', () => {
    const w = workspace(F, files(ETC, 'zones/lab.xml', 'name="ba|ckup"'));
    const edit = rename(F, w.doc, w.pos, 'rsync-backup', w.ctx, CAN)!;
    assert.deepEqual(renames(edit).map((r) => [short(r.oldUri), short(r.newUri)]), [['services/backup.xml', 'services/rsync-backup.xml']]);
    const edited = textEdits(edit);
    // The service file's root element is not touched: its name is its file name.
    assert.deepEqual(edited.map((t) => short(t.textDocument.uri)), ['zones/lab.xml']);
    assert.match(applyEdits(CONFIG['zones/lab.xml'], edited[0].edits), /<service name="rsync-backup"\/>/);
    // Text edits come before the file renames (the client applies them in order).
    assert.ok(edit.documentChanges!.findIndex((c) => 'kind' in c) > edit.documentChanges!.findIndex((c) => 'edits' in c));
  });

  it("renames a zone from its file: the policy's ingress-zone follows", () => {
    const w = workspace(F, files(ETC, 'zones/lab.xml', '<zo|ne>'));
    const edit = rename(F, w.doc, w.pos, 'office', w.ctx, CAN)!;
    assert.deepEqual(renames(edit).map((r) => short(r.newUri)), ['zones/office.xml']);
    const policy = textEdits(edit).find((t) => t.textDocument.uri.endsWith('lab-out.xml'));
    assert.ok(policy, JSON.stringify(edit));
    assert.match(applyEdits(CONFIG['policies/lab-out.xml'], policy.edits), /<ingress-zone name="office"\/>/);
  });

  it("edits firewalld.conf's DefaultZone when the default zone is renamed", () => {
    const w = workspace(F, files(ETC, 'zones/lab.xml', '<zo|ne>'));
    const conf = { uri: `${ETC}/firewalld.conf`, parsed: firewalldConfFacade.parse('# default\nDefaultZone=lab\nLogDenied=off\n') };
    const xml = w.ctx.workspace;
    w.ctx.workspace = { *documents(id: string) { yield* id === 'firewalld-conf' ? [conf] : xml.documents(id); } };
    const edit = rename(F, w.doc, w.pos, 'office', w.ctx, CAN)!;
    const t = textEdits(edit).find((x) => x.textDocument.uri === conf.uri);
    assert.ok(t, JSON.stringify(edit));
    assert.equal(applyEdits(conf.parsed.text, t.edits), '# default\nDefaultZone=office\nLogDenied=off\n');
  });

  it('renames an ipset from a zone source', () => {
    const w = workspace(F, files(ETC, 'zones/lab.xml', 'ipset="bl|ocked"'));
    const edit = rename(F, w.doc, w.pos, 'blocked.v4', w.ctx, CAN)!;
    assert.deepEqual(renames(edit).map((r) => short(r.newUri)), ['ipsets/blocked.v4.xml']);
    assert.match(applyEdits(CONFIG['zones/lab.xml'], textEdits(edit)[0].edits), /<source ipset="blocked\.v4"\/>/);
  });

  it('refuses when the editor cannot rename files, before a name is typed', () => {
    const w = workspace(F, files(ETC, 'zones/lab.xml', 'name="ba|ckup"'));
    assert.throws(() => prepareRename(F, w.doc, w.pos, w.ctx), /cannot rename files/);
    assert.throws(() => rename(F, w.doc, w.pos, 'rsync', w.ctx), /cannot rename files/);
    assert.deepEqual(prepareRename(F, w.doc, w.pos, w.ctx, CAN)?.placeholder, 'backup');
  });

  it('refuses names firewalld rejects: characters by kind, zone and policy lengths', () => {
    const at = (file: string, marker: string) => workspace(F, files(ETC, file, marker));
    const zone = at('zones/lab.xml', '<zo|ne>');
    assert.throws(() => rename(F, zone.doc, zone.pos, 'abcdefghijklmnopqr', zone.ctx, CAN), /at most 17 characters/);
    assert.ok(rename(F, zone.doc, zone.pos, 'abcdefghijklmnopq', zone.ctx, CAN));
    assert.throws(() => rename(F, zone.doc, zone.pos, 'dmz/a', zone.ctx, CAN), /'\/'/);
    const svc = at('zones/lab.xml', 'name="ba|ckup"');
    assert.throws(() => rename(F, svc.doc, svc.pos, 'my backup', svc.ctx, CAN), /does not allow ' '/);
    assert.throws(() => rename(F, svc.doc, svc.pos, 'backup.v2', svc.ctx, CAN), /does not allow '\.'/);
    assert.throws(() => rename(F, svc.doc, svc.pos, '', svc.ctx, CAN), /cannot be empty/);
    const policy = at('policies/lab-out.xml', '<pol|icy');
    assert.throws(() => rename(F, policy.doc, policy.pos, 'abcdefghijklmnopqrs', policy.ctx, CAN), /at most 18 characters/);
  });

  it('refuses a name another file of the workspace already defines', () => {
    const w = workspace(F, { ...files(ETC, 'zones/lab.xml', 'name="ba|ckup"'), [`${ETC}/services/rsync.xml`]: CONFIG['services/backup.xml'] });
    assert.throws(() => rename(F, w.doc, w.pos, 'rsync', w.ctx, CAN), /already defined/);
  });

  it("refuses the host's definitions: not in the workspace, or firewalld's shipped files", () => {
    const ssh = workspace(F, { [`${ETC}/zones/lab.xml`]: CONFIG['zones/lab.xml'].replace('"backup"', '"s|sh"') });
    assert.throws(() => prepareRename(F, ssh.doc, ssh.pos, ssh.ctx, CAN), /not defined by a file of the workspace/);
    const shipped = workspace(F, { 'file:///usr/lib/firewalld/services/backup.xml': CONFIG['services/backup.xml'].replace('<service>', '<ser|vice>') });
    assert.throws(() => rename(F, shipped.doc, shipped.pos, 'rsync', shipped.ctx, CAN), /shipped definitions/);
    const opts = renameOptions({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } } }, ['/home/admin/other']);
    const outside = workspace(F, files(ETC, 'zones/lab.xml', 'name="ba|ckup"'));
    assert.throws(() => rename(F, outside.doc, outside.pos, 'rsync', outside.ctx, opts), /not in the workspace/);
  });

  it('reads what the client can do from its capabilities', () => {
    assert.equal(renameOptions({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] } } }, []).fileRenames, true);
    assert.equal(renameOptions({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } }, []).fileRenames, false);
    assert.equal(renameOptions({ workspace: { workspaceEdit: { resourceOperations: ['rename'] } } }, []).fileRenames, false);
    assert.equal(renameOptions({}, ['/srv/copy']).inWorkspace!(`${ETC}/zones/lab.xml`), true);
  });
});

describe('firewalld rename: the result passes firewall-offline-cmd --check-config', () => {
  /** Exit status and output of the check, or undefined when firewalld is not installed. */
  const check = (dir: string) => {
    const r = spawnSync('firewall-offline-cmd', ['--system-config', dir, '--check-config'], { encoding: 'utf8', timeout: 60000 });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-fw-rename-'));
    for (const [rel, text] of Object.entries(CONFIG)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Applies a rename's edits and file renames to the files on disk. */
  function apply(edit: WorkspaceEdit): void {
    for (const change of edit.documentChanges ?? []) {
      if ('edits' in change) {
        const file = fileURLToPath(change.textDocument.uri);
        fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), change.edits));
      } else if (change.kind === 'rename') fs.renameSync(fileURLToPath(change.oldUri), fileURLToPath(change.newUri));
    }
  }

  for (const c of [
    // firewalld checks a zone's services and a policy's zones; a zone's source ipset only when it runs.
    { what: 'a service from a zone', file: 'zones/lab.xml', marker: 'name="ba|ckup"', to: 'rsync-backup', checked: true },
    { what: 'a zone from a policy', file: 'policies/lab-out.xml', marker: 'name="l|ab"', to: 'office_lan', checked: true },
    { what: 'an ipset from a zone', file: 'zones/lab.xml', marker: 'ipset="bl|ocked"', to: 'blocked:v4', checked: false },
  ]) {
    it(`renaming ${c.what} keeps the configuration valid${c.checked ? '; the file alone would not' : ''}`, function () {
      this.timeout(60000);
      const before = check(dir);
      if (!before) return this.skip();
      assert.equal(before.status, 0, before.output);
      const w = workspace(F, files(pathToFileURL(dir).href, c.file, c.marker));
      const edit = rename(F, w.doc, w.pos, c.to, w.ctx, CAN)!;
      // Only the file renamed: firewalld reports the dangling use.
      const [move] = renames(edit);
      fs.renameSync(fileURLToPath(move.oldUri), fileURLToPath(move.newUri));
      if (c.checked) assert.notEqual(check(dir)!.status, 0);
      fs.renameSync(fileURLToPath(move.newUri), fileURLToPath(move.oldUri));
      apply(edit);
      const after = check(dir)!;
      assert.equal(after.status, 0, after.output);
      assert.ok(fs.existsSync(fileURLToPath(move.newUri)));
    });
  }

  it('a zone name longer than 17 characters is refused, as firewalld refuses it', function () {
    this.timeout(60000);
    const long = 'abcdefghijklmnopqr';
    fs.copyFileSync(path.join(dir, 'zones/lab.xml'), path.join(dir, `zones/${long}.xml`));
    const tool = check(dir);
    if (!tool) return this.skip();
    assert.match(tool.output, /INVALID_NAME/);
    const w = workspace(F, files(pathToFileURL(dir).href, 'zones/lab.xml', '<zo|ne>'));
    assert.throws(() => rename(F, w.doc, w.pos, long, w.ctx, CAN), /at most 17/);
  });
});
