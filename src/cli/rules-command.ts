// `phi-lint rules`: lists every loaded rule with its category, type, default severity and description.
import { setup } from '../setup.js';

interface Out {
  stdout: (s: string) => void;
}

/** Print the rule list as an aligned table or JSON. */
export async function listRules(opts: { cwd: string; configPath?: string; format: 'table' | 'json' }, io: Out): Promise<number> {
  const { env, all } = await setup({ cwd: opts.cwd, configPath: opts.configPath, overrides: [] });
  const active = new Map(env.rules.map((r) => [r.id, r.severity]));
  const rows = all.map((r) => ({
    id: r.id,
    category: r.category,
    type: r.type,
    kind: r.kind,
    severity: active.get(r.id) ?? 'off',
    defaultSeverity: r.defaultSeverity,
    description: r.description,
    link: r.link,
  }));
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const head = ['ID', 'CATEGORY', 'TYPE', 'KIND', 'SEVERITY', 'DESCRIPTION'];
  const cells = rows.map((r) => [r.id, r.category, r.type, r.kind, r.severity === r.defaultSeverity ? r.severity : `${r.severity} (default ${r.defaultSeverity})`, r.description.split('\n')[0]]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]))).join('  ');
  io.stdout(`${[line(head), ...cells.map(line)].join('\n')}\n${rows.length} rules\n`);
  return 0;
}
