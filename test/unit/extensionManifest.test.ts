// The extension's command table and settings schema (src/vscode/common) against package.json: what
// VS Code shows (contributes) and what the code registers and reads must be the same lists.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { COMMAND_CATEGORY, COMMANDS, type CommandId } from '../../src/vscode/common/commandTable';
import { SETTINGS, settingValue, type SettingKey } from '../../src/vscode/common/settings';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
  icon?: string;
}
interface MenuItem {
  command?: string;
  when?: string;
}
interface Manifest {
  capabilities?: Record<string, unknown>;
  contributes: {
    commands: ContributedCommand[];
    menus: Record<string, MenuItem[]>;
    keybindings: { command: string }[];
    configuration: { properties: Record<string, { default: unknown; type: string }> };
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const ids = Object.keys(COMMANDS) as CommandId[];

describe('command table and package.json', () => {
  it('contributes exactly the commands of the table, with their titles, category and icons', () => {
    const contributed = manifest.contributes.commands;
    assert.deepEqual(contributed.map(c => c.command).sort(), [...ids].sort());
    for (const c of contributed) {
      const spec = COMMANDS[c.command as CommandId];
      assert.equal(c.title, spec.title, c.command);
      assert.equal(c.category, COMMAND_CATEGORY, c.command);
      assert.equal(c.icon, 'icon' in spec ? `$(${spec.icon})` : undefined, c.command);
    }
  });

  it('shows each command in the palette as the table says (always, for articles, never)', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette.map(m => [m.command, m.when]));
    for (const id of ids) {
      const expected = { always: undefined, article: 'marginalia.isArticle', never: 'false' }[COMMANDS[id].palette];
      assert.equal(palette.get(id), expected, id);
    }
    assert.deepEqual(
      [...palette.keys()].filter(id => !(id! in COMMANDS)),
      [],
    );
  });

  it('menus and keybindings name only commands of the table', () => {
    const named = [
      ...Object.values(manifest.contributes.menus)
        .flat()
        .map(m => m.command),
      ...manifest.contributes.keybindings.map(k => k.command),
    ];
    assert.deepEqual(
      named.filter(id => id && !(id in COMMANDS)),
      [],
    );
  });

  it('every command the contract lists (docs/contracts.md) is scriptable: it takes one argument object', () => {
    const contract = [...readFileSync('docs/contracts.md', 'utf8').matchAll(/^\| `(marginalia\.[\w.]+)` \|/gm)].map(m => m[1]);
    assert.ok(contract.length >= 10, `only ${contract.length} commands found in docs/contracts.md`);
    for (const id of contract) {
      assert.ok(id in COMMANDS, `${id} is in the contract but not in the table`);
      assert.equal((COMMANDS[id as CommandId] as { scriptable?: boolean }).scriptable, true, id);
    }
  });
});

describe('settings schema and package.json', () => {
  const properties = manifest.contributes.configuration.properties;
  const keys = Object.keys(SETTINGS) as SettingKey[];

  it('declares exactly the settings of the schema, with the same defaults', () => {
    assert.deepEqual(Object.keys(properties).sort(), keys.map(k => `marginalia.${k}`).sort());
    for (const key of keys) assert.deepEqual(SETTINGS[key].default, properties[`marginalia.${key}`].default, key);
  });

  it('accepts every default and a value of the declared type', () => {
    for (const key of keys) assert.deepEqual(settingValue(key, properties[`marginalia.${key}`].default), SETTINGS[key].default, key);
    assert.deepEqual(settingValue('labels', ['claim', ' rumour ', '']), ['claim', 'rumour']);
    assert.equal(settingValue('hover.maxDocuments', 3), 3);
    assert.equal(settingValue('registryPath', 'review/entities.yaml'), 'review/entities.yaml');
  });

  it('falls back to the default on a value of the wrong type or out of range', () => {
    assert.deepEqual(settingValue('include', '**/*.txt'), SETTINGS.include.default);
    assert.equal(settingValue('hover.maxDocuments', 0), 8);
    assert.equal(settingValue('hover.maxDocuments', 2.5), 8);
    assert.equal(settingValue('highlight.place', 'no'), true);
    assert.equal(settingValue('registryPath', '  '), '.marginalia/entities.yaml');
    assert.deepEqual(settingValue('labels', 'claim'), ['claim', 'quote', 'source']);
  });

  it('gives each caller its own copy of a default', () => {
    settingValue('exclude', undefined).push('changed');
    assert.ok(!settingValue('exclude', undefined).includes('changed'));
  });

  it('restricts marginalia.registryPath and the recognizer in untrusted workspaces, and declares virtual workspaces', () => {
    const untrusted = manifest.capabilities?.untrustedWorkspaces as { supported: string; restrictedConfigurations: string[] };
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual(untrusted.restrictedConfigurations, ['marginalia.registryPath', 'marginalia.recognizer.command', 'marginalia.recognizer.timeoutSeconds']);
  });

  it('lets only user or machine settings name the external recognizer (a cloned workspace cannot start a process)', () => {
    const properties = (manifest.contributes as { configuration: { properties: Record<string, { scope?: string }> } }).configuration.properties;
    for (const key of ['marginalia.recognizer.command', 'marginalia.recognizer.timeoutSeconds']) assert.equal(properties[key].scope, 'machine', key);
    assert.ok(manifest.capabilities?.virtualWorkspaces !== undefined);
  });
});
