/**
 * The VS Code extension in editors/vscode: its manifest points at files that exist and agree
 * with each other, the command its client runs starts `augc lsp` (spoken to here as VS Code
 * would), and `@vscode/vsce package` builds a .vsix holding the client and the grammar (where
 * the folder's own dependencies are installed: `.ci/run` installs them; nothing is published).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
} from 'vscode-languageserver/node';

const DIR = 'editors/vscode';
const json = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(DIR, path), 'utf8')) as Record<string, unknown>;

interface Manifest {
  main: string;
  engines: { vscode: string };
  dependencies: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
  };
}
const manifest = json('package.json') as unknown as Manifest;
const { serverCommand } = createRequire(import.meta.url)(resolve(DIR, 'server-options.js')) as {
  serverCommand: (path?: string) => { command: string; args: string[] };
};

/** File names in a zip archive, read from its central directory. */
function zipEntries(file: string): string[] {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

describe('the VS Code extension', () => {
  it('contributes the aug language with its configuration and grammar', () => {
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({ id: 'aug', extensions: ['.aug'] });
    const config = json(language!.configuration) as { wordPattern: string; brackets: string[][] };
    const word = new RegExp(config.wordPattern, 'g');
    expect('target aws-batch { memory = 16GiB }'.match(word)).toEqual([
      'target',
      'aws-batch',
      'memory',
      '16GiB',
    ]);
    expect(config.brackets).toContainEqual(['{', '}']);
    const [grammar] = manifest.contributes.grammars;
    expect(grammar).toMatchObject({ language: 'aug', scopeName: 'source.aug' });
    expect(json(grammar!.path)['scopeName']).toBe('source.aug');
    expect(existsSync(join(DIR, manifest.main))).toBe(true);
  });

  it('asks for the VS Code version its language client needs', () => {
    const lock = json('package-lock.json') as {
      packages: Record<string, { version: string; engines?: { vscode?: string } }>;
    };
    const client = lock.packages['node_modules/vscode-languageclient'];
    expect(client?.version).toBe(manifest.dependencies['vscode-languageclient']);
    expect(manifest.engines.vscode).toBe(client?.engines?.vscode);
  });

  it('starts `augc lsp` from the augc.path setting', () => {
    expect(serverCommand()).toEqual({ command: 'augc', args: ['lsp'] });
    expect(serverCommand(' /opt/augc/bin/augc ')).toEqual({
      command: '/opt/augc/bin/augc',
      args: ['lsp'],
    });
    expect(serverCommand('/src/augc/bin/augc.js')).toEqual({
      command: 'node',
      args: ['/src/augc/bin/augc.js', 'lsp'],
    });
  });

  it('runs a server that answers initialize, started as the client starts it', async () => {
    const { command, args } = serverCommand(resolve('bin/augc.js'));
    // vscode-languageclient appends `--stdio` for the stdio transport.
    const child = spawn(command === 'node' ? process.execPath : command, [...args, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const exited = new Promise((r) => child.on('close', r));
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    const result: InitializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
    });
    expect(result.serverInfo?.name).toBe('augc');
    expect(result.capabilities).toMatchObject({
      hoverProvider: true,
      definitionProvider: true,
      documentFormattingProvider: true,
      completionProvider: expect.any(Object),
    });
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
    connection.dispose();
  });

  const vsce = join(DIR, 'node_modules/.bin/vsce');
  it.runIf(existsSync(vsce) || process.env['CI'])('packages into a .vsix with vsce', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'augc-vsix-')), 'augc.vsix');
    execFileSync(resolve(vsce), ['package', '--allow-missing-repository', '--out', out], {
      cwd: DIR,
      stdio: 'pipe',
    });
    const entries = zipEntries(out);
    for (const file of [
      'extension/package.json',
      'extension/extension.js',
      'extension/server-options.js',
      'extension/language-configuration.json',
      'extension/syntaxes/aug.tmLanguage.json',
      'extension/node_modules/vscode-languageclient/package.json',
    ])
      expect(entries).toContain(file);
    expect(entries.filter((e) => e.includes('@vscode/vsce'))).toEqual([]);
  });
});
