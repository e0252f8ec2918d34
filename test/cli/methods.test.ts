import { describe, expect, it } from 'vitest';
import { listAliases, listMethods } from '../../stdlib/catalog/index.js';
import { runCli } from './run-cli.js';

describe('augc methods', () => {
  it('lists every method and alias, marking label-unsafe ones', async () => {
    const r = await runCli(['methods']);
    expect(r.code).toBe(0);
    for (const m of listMethods()) expect(r.stdout).toMatch(new RegExp(`^  ${m.name} +\\S`, 'm'));
    for (const a of listAliases()) expect(r.stdout).toContain(`  ${a.alias} -> ${a.method}\n`);
    expect(r.stdout).toMatch(/^ {2}wordnet_antonym +.*\(text, label-unsafe\)$/m);
    expect(r.stdout).toMatch(/^ {2}wordnet_synonym +.*\(text\)$/m);
  });

  it("shows an alias's effective parameters, with the method's own default beside each it sets", async () => {
    const r = await runCli(['methods', 'ta_wordswap_qwerty']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ta_wordswap_qwerty: alias of keyboard_typo\n/);
    expect(r.stdout).not.toContain('{');
    expect(r.stdout).toContain(
      'count rule: textattack; label-safe: yes; reference: nlpaug KeyboardAug',
    );
    expect(r.stdout).toMatch(/^ {2}aug_word_p \(number, 0\.1 \(method default 0\.3\);/m);
    expect(r.stdout).toMatch(/^ {2}aug_char_p \(number, default 0\.3;/m);
  });

  it("names the augc method for a reference library's class name", async () => {
    const r = await runCli(['methods', 'SynonymAug']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("`SynonymAug` is nlpaug's name: augc calls it `wordnet_synonym`");
  });

  it('prints JSON', async () => {
    const all = JSON.parse((await runCli(['methods', '--json'])).stdout) as {
      methods: { name: string }[];
      aliases: { alias: string }[];
    };
    expect(all.methods.map((m) => m.name)).toEqual(listMethods().map((m) => m.name));
    expect(all.aliases).toHaveLength(listAliases().length);
    const one = JSON.parse((await runCli(['methods', 'nlp_wordnet_syn', '--json'])).stdout) as {
      name: string;
      alias: string;
    };
    expect([one.name, one.alias]).toEqual(['wordnet_synonym', 'nlp_wordnet_syn']);
  });

  it('names an unknown method with a suggestion and exits 64', async () => {
    const r = await runCli(['methods', 'keybord_typo']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('error[AUG5001]: no method or alias named `keybord_typo`');
    expect(r.stderr).toContain('did you mean `keyboard_typo`');
  });
});
