#!/usr/bin/env python3
"""Puts handoff, agentshield and mcp-scan findings into common categories and prints them
side by side: a category x tool table (findings and files), then per category the files
a peer reports that handoff does not, and peer findings on loopback URLs, placeholders and
pinned packages (the false positives the issue names). Evidence is never printed."""
import collections, json, re, sys

name, root, handoff_file, shield_file, mcpscan_file = sys.argv[1:6]

def handoff_category(rule, family):
    if family == 'embedded-token': return 'secret'
    table = {
        'mcp-unpinned-package': 'unpinned', 'mcp-plaintext-http': 'plaintext-http', 'mcp-remote-no-auth': 'no-auth',
        'mcp-listens-on-all-interfaces': 'listen-all', 'agent-broad-allow-rule': 'permission',
        'agent-approval-bypass': 'approval', 'mcp-auto-approve': 'approval', 'mcp-host-access': 'host-access',
        'agent-network-helper': 'hook', 'agent-env-forwarding': 'env-forwarding', 'mcp-lethal-trifecta': 'toxic-flow',
        'agent-tool-arbitrary-exec': 'permission', 'mcp-undocumented-variable': 'missing-ref',
        'mcp-unexpanded-variable': 'missing-ref', 'mcp-placeholder-secret': 'missing-ref',
        'mcp-undeclared-input': 'missing-ref'}
    return table.get(rule, 'other')

def shield_category(f):
    i, cat, title = f.get('id', ''), f.get('category', ''), f.get('title', '').lower()
    if cat == 'secrets' or 'hardcoded secret' in title: return 'secret'
    if 'npx -y' in title or 'unversioned' in title or 'unpinned' in title or 'latest' in title: return 'unpinned'
    if 'plaintext' in i or 'http://' in title or 'unencrypted' in title: return 'plaintext-http'
    if '0.0.0.0' in title or 'all interfaces' in title: return 'listen-all'
    if 'auto-approve' in i or 'auto-approved' in title or 'bypass' in title or 'autoapprove' in title: return 'approval'
    if cat == 'permissions' and ('allow' in title): return 'permission'
    if cat == 'hooks': return 'hook'
    if 'environment' in title or 'forwards host secret' in title: return 'env-forwarding'
    if 'docker' in title or 'privileged' in title or 'filesystem' in title: return 'host-access'
    return 'other'

MCPSCAN = {'exposed-secret': 'secret', 'high-entropy-value': 'secret', 'http-transport-no-auth': 'no-auth',
           'missing-referenced-env-var': 'missing-ref', 'missing-env-var': 'missing-ref',
           'broad-filesystem-access': 'host-access', 'excessive-permissions': 'host-access',
           'unverified-source': 'unpinned', 'typosquat': 'unpinned', 'shell-injection-risk': 'permission',
           'exfiltration-vector': 'toxic-flow'}

found = collections.defaultdict(lambda: collections.defaultdict(set))   # tool -> category -> files
counts = collections.defaultdict(collections.Counter)                   # tool -> category -> findings
suspicious = []                                                          # peer findings on known look-alikes

try:
    h = json.load(open(handoff_file))
    for f in h.get('findings', []):
        c = handoff_category(f['rule'], f.get('family', ''))
        found['handoff'][c].add(f['location']['path']); counts['handoff'][c] += 1
except (OSError, ValueError):
    pass
try:
    s = json.load(open(shield_file))
    for f in s.get('findings', []):
        c = shield_category(f)
        found['agentshield'][c].add(f.get('file', '?')); counts['agentshield'][c] += 1
        ev = (f.get('title', '') + ' ' + f.get('description', '')).lower()
        if re.search(r'localhost|127\.0\.0\.1', ev): suspicious.append(('agentshield', f.get('file'), 'loopback', f.get('title', '')[:90]))
        if re.search(r'your[_-]|<[a-z_]+>|placeholder', ev) and c == 'secret': suspicious.append(('agentshield', f.get('file'), 'placeholder', f.get('title', '')[:90]))
except (OSError, ValueError):
    pass
try:
    for line in open(mcpscan_file):
        r = json.loads(line)
        for res in (r.get('report') or {}).get('results', []):
            conn = json.dumps(res.get('connection', {}))
            for f in res.get('findings', []):
                c = MCPSCAN.get(f['id'], 'other')
                found['mcp-scan'][c].add(r['file']); counts['mcp-scan'][c] += 1
                if c == 'no-auth' and re.search(r'localhost|127\.0\.0\.1|\[::1\]', conn):
                    suspicious.append(('mcp-scan', r['file'], 'loopback', f['id'] + ' ' + res.get('serverName', '')))
                if c == 'unpinned' and re.search(r'@\d+\.\d+', conn):
                    suspicious.append(('mcp-scan', r['file'], 'pinned?', f['id'] + ' ' + res.get('serverName', '')))
except (OSError, ValueError):
    pass

tools = ['handoff', 'agentshield', 'mcp-scan']
cats = sorted({c for t in tools for c in counts[t]})
print(f'\n=== {name} ({root})')
print(f"{'category':16}" + ''.join(f'{t:>22}' for t in tools))
for c in cats:
    print(f'{c:16}' + ''.join(f"{str(counts[t][c]) + ' in ' + str(len(found[t][c])) + ' files':>22}" for t in tools))
print(f"{'total':16}" + ''.join(f'{sum(counts[t].values()):>22}' for t in tools))
for peer in ['agentshield', 'mcp-scan']:
    for c in cats:
        if c in ('other',): continue
        missing = sorted(found[peer][c] - found['handoff'][c])
        if missing:
            print(f'  {peer} reports {c} in {len(missing)} file(s) handoff does not: ' + ', '.join(missing[:6]) + (' ...' if len(missing) > 6 else ''))
if suspicious:
    print('  peer findings on look-alikes (loopback URLs, placeholders, pinned packages):')
    for t, f, why, what in suspicious[:15]:
        print(f'    {t}: {f}: {why}: {what}')
    print(f'    ({len(suspicious)} in all)')
