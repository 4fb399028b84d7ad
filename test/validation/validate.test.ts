import * as fs from 'fs';
import * as path from 'path';
import { Lazy } from 'aws-cdk-lib';
import { EXAMPLES, fixture, loopBody, nodeOf, rag } from './util';
import { FlowValidationSeverity, FlowValidator, validateFlowDefinition } from '../../src';
import { FlowConnectionJson } from '../../src/definition/schema';
import { RULES, SERVICE_VALIDATION_TYPES, ValidationContext } from '../../src/validation';
import { BLOCK, hashOf, NameTable, RepeatedNames } from '../../src/validation/context';

describe('validateFlowDefinition', () => {
  test.each(EXAMPLES)('reports nothing for the valid example %s (flows-spec §1.10)', (name) => {
    expect(validateFlowDefinition(fixture(name))).toEqual([]);
  });

  test('reports nothing for a console export when placeholders are allowed', () => {
    expect(validateFlowDefinition(fixture('console-export').definition, { allowPlaceholders: true })).toEqual([]);
  });

  test('FlowValidator.validate is the same check for other languages', () => {
    expect(FlowValidator.validate(fixture('invalid-rag'))).toEqual(validateFlowDefinition(fixture('invalid-rag')));
  });

  test('reports nothing for a definition that is a token', () => {
    expect(validateFlowDefinition(Lazy.any({ produce: () => ({}) }) as any)).toEqual([]);
  });

  test('checks a loop body as its own scope and names its Loop node', () => {
    const def = fixture('example-e-loop');
    nodeOf(loopBody(def), 'Improve').inputs[0].expression = 'draft';
    const [finding] = validateFlowDefinition(def);
    expect(finding).toEqual({
      type: 'MalformedNodeInputExpression',
      severity: FlowValidationSeverity.ERROR,
      node: 'Improve',
      port: 'draft',
      loopNode: 'RefineLoop',
      message: expect.stringMatching(/input 'draft' of node 'Improve' has the malformed expression 'draft'/),
    });
  });

  test('terminates on a definition object that contains itself', () => {
    const def: any = fixture('example-e-loop');
    nodeOf(def, 'RefineLoop').configuration.loop.definition = def;
    expect(() => validateFlowDefinition(def)).not.toThrow();
  });
});

describe('RULES', () => {
  test('every service validation type except Unspecified has a rule', () => {
    const types = new Set(RULES.map(r => r.type));
    expect(SERVICE_VALIDATION_TYPES).toHaveLength(32);
    for (const type of SERVICE_VALIDATION_TYPES) expect(types).toContain(type);
    expect(types).not.toContain('Unspecified');
  });

  test('each rule has its own type, lives in the file named after it, and has a test file', () => {
    const kebab = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    expect(new Set(RULES.map(r => r.type)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(fs.existsSync(path.join(__dirname, '..', '..', 'src', 'validation', 'rules', `${kebab(rule.type)}.ts`))).toBe(true);
      expect(fs.existsSync(path.join(__dirname, `${kebab(rule.type)}.test.ts`))).toBe(true);
    }
  });

  test('rules whose service behaviour is not documented are warnings', () => {
    const severity = (type: string) => RULES.find(r => r.type === type)!.severity;
    for (const type of ['IncompatibleConnectionDataType', 'DuplicateConnections', 'UnsatisfiedConnectionConditions', 'LoopPortMismatch', 'UnknownProperty']) {
      expect(severity(type)).toBe(FlowValidationSeverity.WARNING);
    }
  });
});

describe('nodes with long lists (no valid flow has them, but the checks stay exact and linear)', () => {
  /** Input → InlineCode with `n` inputs, each fed by one data connection except those in `skip`; plus `extra` connections. */
  function wide(n: number, skip: string[], extra: any[] = []): any {
    const inputs = Array.from({ length: n }, (_, i) => ({ name: `in${i}`, type: 'Object', expression: '$.data' }));
    const feed = (input: string, name = `Feed${input}`) => ({
      name, type: 'Data', source: 'Start', target: 'Code', configuration: { data: { sourceOutput: 'document', targetInput: input } },
    });
    return {
      nodes: [
        { name: 'Start', type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'Object' }] },
        { name: 'Code', type: 'InlineCode', configuration: { inlineCode: { code: 'x', language: 'Python_3' } }, inputs, outputs: [{ name: 'response', type: 'Object' }] },
        { name: 'End', type: 'Output', configuration: { output: {} }, inputs: [{ name: 'document', type: 'Object', expression: '$.data' }] },
      ],
      connections: [
        ...inputs.filter(i => !skip.includes(i.name)).map(i => feed(i.name)),
        { name: 'CodeEnd', type: 'Data', source: 'Code', target: 'End', configuration: { data: { sourceOutput: 'response', targetInput: 'document' } } },
        ...extra.map(([input, name]) => feed(input, name)),
      ],
    };
  }
  const typesOf = (def: any) => validateFlowDefinition(def, { checkLimits: false }).map(f => `${f.type} ${f.port ?? f.connection}`);

  test.each([20, 40, 100])('%d inputs: every input connected is valid', n => {
    expect(typesOf(wide(n, []))).toEqual([]);
  });

  test.each([20, 40])('%d inputs: an unconnected input, an unknown one and a repeated connection are found', n => {
    const last = `in${n - 1}`;
    expect(typesOf(wide(n, [last], [['in3', 'Again'], ['nope', 'Nowhere']]))).toEqual([
      'UnknownConnectionTargetInput nope',
      'DuplicateConnections Again',
      'MultipleNodeInputConnections in3',
      `UnfulfilledNodeInput ${last}`,
    ]);
  });

  test(`100 inputs: repeated connections are found once each, within a block of ${BLOCK} and across blocks`, () => {
    const def = wide(100, [], [['in70', 'AgainInSameBlock'], ['in3', 'AgainAcrossBlocks'], ['in70', 'ThirdTime']]);
    expect(validateFlowDefinition(def, { checkLimits: false }).filter(f => f.type === 'DuplicateConnections').map(f => f.message.match(/'(\w+)' repeats connection '(\w+)'/)!.slice(1).join(' repeats ')))
      .toEqual(['AgainInSameBlock repeats Feedin70', 'AgainAcrossBlocks repeats Feedin3', 'ThirdTime repeats Feedin70']);
  });
});

describe('ValidationContext', () => {
  test('resolves each connection to the nodes it joins, and lists them on both nodes', () => {
    const ctx = new ValidationContext(rag(), undefined, {});
    expect(ctx.nodeEntries().filter(n => n.isNamed).map(n => n.name)).toEqual(['FlowInput', 'FindChunks', 'Answer', 'FlowOutput']);
    expect(ctx.nodesOfType('Input').map(n => n.name)).toEqual(['FlowInput']);
    expect(ctx.nodesOfType('Output').map(n => n.name)).toEqual(['FlowOutput']);
    expect(ctx.nodesOfType('Loop')).toEqual([]);
    const input = ctx.node('FlowInput')!;
    const answer = ctx.node('Answer')!;
    expect(ctx.outgoing(input.index).map(c => c.connection.name)).toEqual(['InputToFindChunks', 'InputToAnswer']);
    expect(ctx.incoming(answer.index).map(c => c.connection.name)).toEqual(['InputToAnswer', 'ChunksToAnswer']);
    expect(ctx.incoming(answer.index).map(c => c.source?.name)).toEqual(['FlowInput', 'FindChunks']);
    expect(ctx.incoming(answer.index).filter(c => c.targetInput === 'context').map(c => c.name)).toEqual(['ChunksToAnswer']);
    expect(ctx.incoming(answer.index).map(c => c.input)).toEqual(answer.inputs);
    expect(ctx.unconnectedInputs(answer)).toEqual([]);
    expect(answer.inputs.map(i => i.name)).toEqual(['question', 'context']);
    expect(answer.node).toBe(nodeOf(ctx.definition, 'Answer'));
    expect(ctx.nodeEntries().map(n => n.index)).toEqual([0, 1, 2, 3]);
    expect(ctx.scopeLabel).toBe('the flow');
  });

  test('visits the nodes, then the connections, by blocks as they are indexed, in definition order', () => {
    const seen: string[] = [];
    new ValidationContext(rag(), undefined, {}, undefined, {
      nodes: (entries, from, to, ctx) => seen.push(`nodes ${entries.slice(from, to).map(n => n.name).join(' ')} (${ctx.nodeCount} indexed, ${ctx.connectionCount} connections)`),
      connections: (entries, from, to, ctx) => seen.push(`connections ${entries.slice(from, to).map(c => c.name).join(' ')} (${ctx.connectionCount} indexed)`),
    });
    expect(seen).toEqual([
      'nodes FlowInput FindChunks Answer FlowOutput (4 indexed, 0 connections)',
      'connections InputToFindChunks InputToAnswer ChunksToAnswer AnswerToOutput (4 indexed)',
    ]);
  });

  test(`gives a long list of nodes in blocks of ${BLOCK}, each once indexed, and reports findings in node order`, () => {
    // GIVEN more nodes than two blocks hold, every one with an invalid name
    const count = 2 * BLOCK + 2;
    const nodes: any[] = Array.from({ length: count }, (_, i) => ({ name: `bad name ${i}`, type: 'Output', configuration: { output: {} } }));
    const blocks: string[] = [];
    new ValidationContext({ nodes, connections: [] }, undefined, {}, undefined, {
      nodes: (entries, from, to, ctx) => blocks.push(`${entries[from].index}-${entries[to - 1].index + 1} (${ctx.nodeCount} indexed)`),
      connections: () => undefined,
    });
    expect(blocks).toEqual([`0-${BLOCK} (${BLOCK} indexed)`, `${BLOCK}-${2 * BLOCK} (${2 * BLOCK} indexed)`, `${2 * BLOCK}-${count} (${count} indexed)`]);

    // WHEN / THEN a rule's findings come in node order across the blocks
    const names = validateFlowDefinition({ nodes, connections: [] }).filter(f => f.type === 'InvalidName').map(f => f.message.match(/'bad name (\d+)'/)![1]);
    expect(names.map(Number)).toEqual(Array.from({ length: count }, (_, i) => i));
  });

  /** `count` Output nodes N0, N1, ... and the conditional connections given as [source, target] pairs, named K0, K1, ... */
  function chain(count: number, ends: [unknown, unknown][]): any {
    return {
      nodes: Array.from({ length: count }, (_, i) => ({ name: `N${i}`, type: 'Output', configuration: { output: {} } })),
      connections: ends.map(([source, target], i) => ({ name: `K${i}`, type: 'Conditional', source, target })),
    };
  }

  test('indexes each connection, in definition order, as soon as the nodes it joins are indexed (between blocks of nodes)', () => {
    // GIVEN a chain over three blocks of nodes, each connection joining a node to the next one
    const count = 3 * BLOCK;
    const seen: string[] = [];
    const strays: string[] = [];

    // WHEN it is indexed
    const ctx = new ValidationContext(chain(count, Array.from({ length: count - 1 }, (_, i) => [`N${i}`, `N${i + 1}`])), undefined, {}, undefined, {
      nodes: (entries, from, to, c) => seen.push(`nodes ${entries[from].index}-${entries[to - 1].index + 1} (${c.connectionCount} connections)`),
      connections: (entries, from, to, c) => {
        seen.push(`connections ${entries[from].index}-${entries[to - 1].index + 1} (${c.nodeCount} nodes)`);
        for (const e of entries.slice(from, to)) if (!(e.source!.index < c.nodeCount && e.target!.index < c.nodeCount)) strays.push(e.name!);
      },
    });

    // THEN a block of connections is checked as soon as its nodes are indexed, never before
    expect(seen).toEqual([
      'nodes 0-64 (0 connections)',
      'nodes 64-128 (63 connections)',
      'connections 0-64 (128 nodes)',
      'nodes 128-192 (127 connections)',
      'connections 64-128 (192 nodes)',
      'connections 128-191 (192 nodes)',
    ]);
    expect(strays).toEqual([]);
    expect(ctx.connectionEntries().map(c => c.index)).toEqual(Array.from({ length: count - 1 }, (_, i) => i));
  });

  test('a connection to a node defined later, or to no node, keeps the connections after it waiting: they stay in definition order', () => {
    const later = `N${BLOCK + 3}`;
    const counts: number[] = [];
    const ctx = new ValidationContext(
      chain(2 * BLOCK + 5, [['N0', 'N1'], ['N1', 'N2'], ['N5', later], ['N0', 'N2'], ['N0', 'Nowhere'], [7, 'N1'], ['N1', 'N3']]),
      undefined, {}, undefined,
      { nodes: (_e, _f, _t, c) => counts.push(c.connectionCount), connections: () => undefined },
    );
    // K2 waits for its target (second block), K4 and K5 for the end (their ends are no node)
    expect(counts).toEqual([0, 2, 4]);
    expect(ctx.connectionEntries().map(c => `${c.name} ${c.source?.name} ${c.target?.name}`)).toEqual([
      'K0 N0 N1', 'K1 N1 N2', `K2 N5 ${later}`, 'K3 N0 N2', 'K4 N0 undefined', 'K5 undefined N1', 'K6 N1 N3',
    ]);
    expect(ctx.incoming(ctx.node('N1')!.index).map(c => c.name)).toEqual(['K0', 'K5']);
    expect(ctx.outgoing(ctx.node('N0')!.index).map(c => c.name)).toEqual(['K0', 'K3', 'K4']);
  });

  test("a rule's node findings come before its connection findings, even when a connection was checked before the last nodes", () => {
    // GIVEN an unknown property on the first connection (checked after the second block of nodes) and on the last node
    const count = 3 * BLOCK;
    const def = chain(count, Array.from({ length: count - 1 }, (_, i) => [`N${i}`, `N${i + 1}`]));
    def.connections[0].colour = 'blue';
    def.nodes[count - 1].colour = 'red';

    // WHEN / THEN
    const found = validateFlowDefinition(def, { checkLimits: false }).filter(f => f.type === 'UnknownProperty');
    expect(found.map(f => f.node ?? f.connection)).toEqual([`N${count - 1}`, 'K0']);
  });

  test('connections to a missing node, and nodes named like an earlier node, take no part in the graph', () => {
    const def = rag();
    const ctx = new ValidationContext({
      nodes: [...def.nodes!, { ...nodeOf(def, 'Answer') }],
      connections: [...def.connections!, { name: 'ToNowhere', type: 'Data', source: 'Answer', target: 'Nowhere' } as any],
    }, undefined, {});
    const last = ctx.connection(ctx.connectionCount - 1);
    expect(last.source?.name).toBe('Answer');
    expect(last.target).toBeUndefined();
    expect(ctx.nodeAt(4).isNamed).toBe(false);
    expect(ctx.incoming(4)).toEqual([]);
    expect(ctx.node('Answer')!.index).toBe(2);
  });

  test('lists the conditional connections, in definition order', () => {
    const def = fixture('example-b-condition-routing');
    const conditional = def.connections!.filter((c: FlowConnectionJson) => c.type === 'Conditional').map((c: FlowConnectionJson) => c.name);
    expect(conditional.length).toBeGreaterThan(1);
    const ctx = new ValidationContext(def, undefined, {});
    expect(ctx.conditionalConnections.map(c => ctx.connectionJson(c).name)).toEqual(conditional);
    expect(new ValidationContext(rag(), undefined, {}).conditionalConnections).toEqual([]);
  });

  test('knows which names are nodes of a loop body or of the enclosing scope', () => {
    const def = fixture('example-e-loop');
    const outer = new ValidationContext(def, undefined, {});
    const loop = nodeOf(def, 'RefineLoop');
    const inner = new ValidationContext(loopBody(def), loop, {}, outer);
    expect(outer.otherScopeOf('Improve')).toEqual({ where: 'inside', loopNode: loop });
    expect(outer.otherScopeOf('Nowhere')).toBeUndefined();
    expect(inner.otherScopeOf('FlowOutput')).toEqual({ where: 'outside' });
    expect(inner.isLoopBody).toBe(true);
    expect(inner.scopeLabel).toBe("the body of Loop node 'RefineLoop'");
  });

  test('keeps the first of each name in a node\'s inputs, outputs and conditions', () => {
    const def = fixture('example-b-condition-routing');
    const ctx = new ValidationContext(def, undefined, {});
    const route = ctx.node('Route')!;
    expect(route.conditions.map(c => c.name)).toEqual(['Billing', 'Urgent', 'default']);
    expect(route.condition('Urgent')).toBe(route.node.configuration!.condition.conditions[1]);
    const node = { name: 'N', type: 'Prompt', inputs: [{ name: 'a', type: 'String', expression: '$.data' }, 'x', { name: 'a' }, { name: 'b' }] };
    const entries = new ValidationContext({ nodes: [node as any], connections: [] }, undefined, {}).nodeAt(0);
    expect(entries.inputs.map(i => i.name)).toEqual(['a', 'b']);
    expect(entries.input('a')).toBe(node.inputs[0]);
  });

  test('resolves connection ends to the first node of each name, whatever the order and repetition of the names', () => {
    // more names than the lookup keeps, repeated and interleaved, with a duplicate node name and ends that are not names
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const nodes: any[] = [...names, 'C'].map((name, i) => ({ name, type: 'Output', tag: i, configuration: { output: {} } }));
    const ends: any[] = ['A', 'B', 'A', 'C', 'D', 'E', 'F', 'B', 'C', 'C', 'Nowhere', 7, 'A', 'F', 'E', 'D'];
    const connections: any[] = ends.slice(1).map((target, i) => ({ name: `K${i}`, type: 'Conditional', source: ends[i], target }));
    const ctx = new ValidationContext({ nodes, connections }, undefined, {});
    const expected = (name: unknown) => (typeof name === 'string' ? nodes.find(n => n.name === name)?.tag : undefined);
    const tag = (node: object | undefined) => (node as { tag?: number } | undefined)?.tag;
    expect(ctx.connectionEntries().map(c => [tag(c.source?.node), tag(c.target?.node)]))
      .toEqual(connections.map(c => [expected(c.source), expected(c.target)]));
    expect(ctx.node('C')!.index).toBe(2);
    expect(ctx.node(7)).toBeUndefined();
  });
});

describe('NameTable', () => {
  /** Two names with the same hash (found by search). */
  const TWINS = ['N57707', 'N294430'];

  test('gives the position of each name added, and refuses a name it has', () => {
    const names = ['Alpha', 'Beta', 'Gamma'];
    const table = new NameTable(names.length, i => names[i]);
    expect(names.map((name, i) => table.add(name, i))).toEqual([true, true, true]);
    expect(table.add('Beta', 7)).toBe(false);
    expect(names.map(name => table.find(name))).toEqual([0, 1, 2]);
    expect(table.find('Delta')).toBe(-1);
  });

  test('tells apart different names with the same hash', () => {
    expect(hashOf(TWINS[0])).toBe(hashOf(TWINS[1]));
    const table = new NameTable(2, i => TWINS[i]);
    expect(TWINS.map((name, i) => table.add(name, i))).toEqual([true, true]);
    expect(TWINS.map(name => table.find(name))).toEqual([0, 1]);
  });

  test('goes on from the last slot of the table to the first', () => {
    // GIVEN eight names whose hashes all fall on the last of the table's 16 slots
    const names: string[] = [];
    for (let i = 0; names.length < 8; i++) if ((hashOf(`Q${i}`) & 15) === 15) names.push(`Q${i}`); // eslint-disable-line no-bitwise
    const table = new NameTable(names.length, i => names[i]);

    // WHEN / THEN each finds its own slot, and each is found
    expect(names.map((name, i) => table.add(name, i))).toEqual(names.map(() => true));
    expect(names.map(name => table.find(name))).toEqual(names.map((_, i) => i));
    expect(table.find('Q-absent')).toBe(-1);
  });

  test.each([0, 1, 2, 3, 6, 7, 14, 15, 16, 17, 254, 255, 1000])('a table for %i names holds each at its position (the position and hash bits share a slot)', (size) => {
    const names = Array.from({ length: size }, (_, i) => `Name${i}`);
    const table = new NameTable(size, i => names[i]);
    expect(names.every((name, i) => table.add(name, i))).toBe(true);
    expect(names.map(name => table.find(name))).toEqual(names.map((_, i) => i));
    expect(names.some(name => table.add(name, 0))).toBe(false);
    expect(table.find('Absent')).toBe(-1);
  });

  test('a definition with node and connection names of the same hash has no duplicate', () => {
    const [a, b] = TWINS;
    const def: any = {
      nodes: [
        { name: a, type: 'Input', configuration: { input: {} }, outputs: [{ name: 'document', type: 'String' }] },
        { name: b, type: 'Output', configuration: { output: {} }, inputs: [{ name: 'document', type: 'String', expression: '$.data' }] },
      ],
      connections: [{ name: a, type: 'Data', source: a, target: b, configuration: { data: { sourceOutput: 'document', targetInput: 'document' } } }],
    };
    expect(validateFlowDefinition(def)).toEqual([]);
    // a second connection (the same one again, named like the other twin) is not a repeated name; a third named like the first is
    def.connections.push({ ...def.connections[0], name: b }, { ...def.connections[0], name: a });
    const names = validateFlowDefinition(def).filter(f => f.type === 'InvalidConnectionName');
    expect(names.map(f => f.message)).toEqual([`connection name '${a}' is used more than once; give each connection its own name`]);
    const ctx = new ValidationContext(def, undefined, {});
    expect([ctx.node(a)?.index, ctx.node(b)?.index]).toEqual([0, 1]);
  });
});

describe('RepeatedNames', () => {
  test('finds each name that repeats an earlier one, and only those, whatever their hashes share', () => {
    // GIVEN many distinct names (some share bitmap bits or the whole hash), and repeats of a few of them
    const names = [...Array.from({ length: 5000 }, (_, i) => `K${i}`), 'N57707', 'N294430', 'K7', 'K4999', 'K7', 'N57707'];
    const repeated = new RepeatedNames(names.length);

    // WHEN every name is added
    names.forEach((name, i) => repeated.add(name, i));

    // THEN exactly the later copies are repeats, in order
    expect(repeated.repeats(i => names[i], names.length)).toEqual([5002, 5003, 5004, 5005]);
  });

  test('finds no repeat among distinct names, and none in an empty list', () => {
    const names = Array.from({ length: 300 }, (_, i) => `Connection${i}`);
    const repeated = new RepeatedNames(names.length);
    names.forEach((name, i) => repeated.add(name, i));
    expect(repeated.repeats(i => names[i], names.length)).toEqual([]);
    expect(new RepeatedNames(0).repeats(() => undefined, 0)).toEqual([]);
  });
});

describe('ValidationContext memory', () => {
  test('entries that are not objects leave no gap: indexes and positions count the objects, and the definition is not changed', () => {
    // GIVEN nodes and connections with malformed entries among them
    const def: any = {
      nodes: [{ name: 'A', type: 'Output' }, null, 'B', { name: 'C', type: 'Output' }, 7, { name: 'D', type: 'Output' }, null],
      connections: [{ name: 'K0', type: 'Conditional', source: 'A', target: 'C' }, [], { name: 'K1', type: 'Conditional', source: 'C', target: 'D' }, 'K2'],
    };
    const copy = JSON.parse(JSON.stringify(def));

    // WHEN it is indexed
    const ctx = new ValidationContext(def, undefined, {});

    // THEN the objects are numbered in order, connections join them by index, and the definition is as written
    expect(ctx.nodeEntries().map(n => `${n.index} ${n.name}`)).toEqual(['0 A', '1 C', '2 D']);
    expect(ctx.connectionEntries().map(c => `${c.index} ${c.name} ${c.source?.index}-${c.target?.index}`)).toEqual(['0 K0 0-1', '1 K1 1-2']);
    expect(ctx.outgoing(1).map(c => c.name)).toEqual(['K1']);
    expect(def).toEqual(copy);
    expect([ctx.nodeCount, ctx.connectionCount]).toEqual([3, 2]);

    // AND a definition whose malformed entries all come last is numbered the same way
    const trailing = new ValidationContext({ nodes: [{ name: 'A', type: 'Output' }, null], connections: [{ name: 'K0', type: 'Conditional', source: 'A', target: 'A' }, 7] } as any, undefined, {});
    expect([trailing.nodeEntries().map(n => n.name), trailing.connectionEntries().map(c => c.name)]).toEqual([['A'], ['K0']]);
  });

  test('a node looked up again after its block is an entry made again, with the same facts', () => {
    const nodes: any[] = Array.from({ length: 2 * BLOCK }, (_, i) => ({ name: `N${i}`, type: 'Output', inputs: [{ name: 'document', type: 'String' }] }));
    const ctx = new ValidationContext({ nodes, connections: [] }, undefined, {});
    const first = ctx.node('N0')!;
    ctx.node('N1'); ctx.node('N2'); ctx.node('N3'); ctx.node('N4'); // more names than the lookup keeps
    const again = ctx.node('N0')!;
    expect(again).not.toBe(first);
    expect([again.index, again.name, again.input('document')]).toEqual([first.index, first.name, first.input('document')]);
  });
});
