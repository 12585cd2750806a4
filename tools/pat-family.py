#!/usr/bin/env python3
"""Writes the PAT family's part of the API description from the JWT family's.

Every skill route under /v2/handles/{handle}/skills has a twin under /v2/public/handles/... with
the same parameters, body and answers, taking personal access tokens only: tag `automation`,
security `pat`, the token's own 401 and 403, and the scope it needs (`x-token-scope`, kept from
the twin already written; `skills.read` for a new one). Run it after changing a skill route of
the description, from the repository's root:

  python3 tools/pat-family.py

ApiDocsTest.thePatFamilyIsDescribedAsItsJwtTwin fails when the two have drifted apart.
"""
import copy
import os
import yaml

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
p = 'src/main/resources/openapi/skills-api.yaml'
text = open(p).read()
doc = yaml.safe_load(text)
paths = doc['paths']
lines = text.split('\n')
# Where the public block starts and ends in the text.
start = next(i for i, l in enumerate(lines) if l.startswith('  /v2/public/handles/'))
while lines[start - 1].startswith('  # '):
    start -= 1
end = next(i for i, l in enumerate(lines) if i > start and l.startswith('  /v2/') and not l.startswith('  /v2/public/'))
scopes = {}
for path, item in paths.items():
    if path.startswith('/v2/public/'):
        for method, op in item.items():
            if isinstance(op, dict) and 'operationId' in op:
                scopes[(path, method)] = (op.get('x-token-scope'), op['operationId'])
generated = {}
for path, item in paths.items():
    if not path.startswith('/v2/handles/{handle}/skills'):
        continue
    public = '/v2/public' + path[len('/v2'):]
    out = copy.deepcopy(item)
    for method, op in out.items():
        if not isinstance(op, dict) or 'operationId' not in op:
            continue
        scope, op_id = scopes.get((public, method), ('skills.read', 'pat' + op['operationId'][0].upper() + op['operationId'][1:]))
        rebuilt = {'tags': ['automation'], 'operationId': op_id, 'security': [{'pat': []}]}
        for key, value in op.items():
            if key in ('tags', 'operationId', 'security'):
                continue
            rebuilt[key] = value
            if key == 'summary':
                rebuilt['x-token-scope'] = scope
        responses = rebuilt['responses']
        if '401' in responses:
            responses['401'] = {'$ref': '#/components/responses/TokenUnauthorized'}
        if '403' in responses:
            locked = 'FeatureLocked' in responses['403'].get('$ref', '')
            responses['403'] = {'$ref': '#/components/responses/TokenForbidden' + ('OrFeatureLocked' if locked else '')}
        out[method] = rebuilt
    generated[public] = out
missing = set(scopes) - {(pp, m) for pp, it in generated.items() for m in it}
assert not missing, missing
block = yaml.safe_dump(generated, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
block = '\n'.join('  ' + l if l else l for l in block.rstrip('\n').split('\n'))
header = ("  # The PAT family mirrors every skill route above, written from it by tools/pat-family.py: same\n"
          "  # parameters, bodies and answers; personal access tokens only (401/403 as for tokens).")
new = lines[:start] + [header] + block.split('\n') + [''] + lines[end:]
open(p, 'w').write('\n'.join(new))
print(f'{len(generated)} PAT family paths written from their JWT twins into {p}')
