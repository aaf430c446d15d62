import * as vscode from 'vscode';
import { settingValue, type SettingKey, type SettingValue } from './settings';

/** The typed value of a `marginalia.*` setting for a resource (settings.ts: defaults and checks). */
export function setting<K extends SettingKey>(key: K, scope?: vscode.Uri): SettingValue<K> {
  return settingValue(key, vscode.workspace.getConfiguration('marginalia', scope).get<unknown>(key));
}

/**
 * The typed value of a setting as the user set it (user or machine settings), never a workspace's
 * or a folder's: for settings that start a process, which a cloned repository must not set.
 */
export function userSetting<K extends SettingKey>(key: K): SettingValue<K> {
  return settingValue(key, vscode.workspace.getConfiguration('marginalia').inspect<unknown>(key)?.globalValue);
}

/** Calls `listener` when one of the settings (or, with none given, any `marginalia.*` setting) changes. */
export function onDidChangeSettings(keys: readonly SettingKey[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration(e => {
    const affected = keys.length === 0 ? e.affectsConfiguration('marginalia') : keys.some(k => e.affectsConfiguration(`marginalia.${k}`));
    if (affected) listener();
  });
}
