// A static check that refuses regexes with catastrophic (exponential) backtracking before they run.
// General-purpose checkers either flag most real patterns (safe-regex2 counts any nested bounded repeat)
// or take seconds per regex (recheck), so this checks the shape that causes exponential time in
// backtracking engines: an unbounded repeat (*, +, {n,}) of a group that itself contains an unbounded
// repeat, or that offers the same alternative twice — (a+)+, (\w+\s?)*, ([a-z]+)*@, (a|a)*.

/** Why `source` is unsafe, or undefined when it has none of the exponential shapes. */
export function unsafeRegexReason(source: string): string | undefined {
  interface Group {
    start: number;
    unbounded: boolean;
    alternatives: string[];
    altStart: number;
  }
  const stack: Group[] = [{ start: 0, unbounded: false, alternatives: [], altStart: 0 }];
  let lastAtom: { start: number; end: number; group?: Group } | undefined;
  let i = 0;
  const quantifierAt = (j: number): { unbounded: boolean; length: number } | undefined => {
    const c = source[j];
    if (c === '*' || c === '+') return { unbounded: true, length: source[j + 1] === '?' || source[j + 1] === '+' ? 2 : 1 };
    if (c === '?') return { unbounded: false, length: 1 };
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(j));
    if (m) return { unbounded: m[2] !== undefined && m[3] === '', length: m[0].length };
    return undefined;
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      // An escape, including \p{…} and \u{…} and \k<name>.
      const m = /^\\(?:[pPu]\{[^}]*\}|k<[^>]*>|c[A-Za-z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\s\S])/.exec(source.slice(i));
      lastAtom = { start: i, end: i + (m ? m[0].length : 2) };
      i = lastAtom.end;
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      lastAtom = { start: i, end: j + 1 };
      i = j + 1;
    } else if (c === '(') {
      const prefix = /^\((?:\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i))![0];
      stack.push({ start: i, unbounded: false, alternatives: [], altStart: i + prefix.length });
      lastAtom = undefined;
      i += prefix.length;
    } else if (c === ')') {
      const g = stack.pop()!;
      g.alternatives.push(source.slice(g.altStart, i));
      lastAtom = { start: g.start, end: i + 1, group: g };
      i++;
      if (stack.length === 0) return undefined; // unbalanced; the RegExp constructor reports it
    } else if (c === '|') {
      const g = stack[stack.length - 1];
      g.alternatives.push(source.slice(g.altStart, i));
      g.altStart = i + 1;
      lastAtom = undefined;
      i++;
    } else {
      const q = quantifierAt(i);
      if (q && lastAtom) {
        const g = lastAtom.group;
        if (q.unbounded && g) {
          const text = source.slice(lastAtom.start, i + q.length);
          if (g.unbounded) return `the repeated group ${text} contains another unbounded repeat (*, + or {n,}), which can take exponential time; bound one of them, for example {1,20}`;
          if (new Set(g.alternatives).size < g.alternatives.length) return `the repeated group ${text} offers the same alternative twice, which can take exponential time; remove the duplicate`;
        }
        if (q.unbounded) stack[stack.length - 1].unbounded = true;
        if (g?.unbounded) stack[stack.length - 1].unbounded = true;
        lastAtom = undefined;
        i += q.length;
        continue;
      }
      if (lastAtom?.group?.unbounded) stack[stack.length - 1].unbounded = true;
      lastAtom = { start: i, end: i + 1 };
      i++;
    }
    // A group closed without a quantifier still passes its unbounded repeats to the enclosing group.
    if (lastAtom?.group?.unbounded) stack[stack.length - 1].unbounded = true;
  }
  return undefined;
}
