import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mql5Sources } from '@tradeloom/mql5-templates'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Include/Tradeloom/Json.mqh runs here unchanged: g++ compiles the .mqh as C++ against a small
 * shim of the MQL5 string built-ins it calls (support/mql5-string-shim.hpp, UTF-16 like MQL5),
 * and a driver feeds it strings. The MQL5-subset translator of the parity tests has no strings,
 * so this is how the escaping and the reader are executed rather than only read. What stays
 * assumed is the shim's reading of the MQL5 reference (StringGetCharacter, DoubleToString, ...).
 */
const supportDir = join(dirname(fileURLToPath(import.meta.url)), 'support')
const hasCompiler = spawnSync('g++', ['--version']).status === 0
if (!hasCompiler) console.warn('json-mqh.test.ts skipped: g++ is not installed')

let workDir = ''
let binary = ''

/** A JS string as UTF-16 code units in hex, the driver's wire format. */
function hex(text: string): string {
  return Array.from({ length: text.length }, (_, i) =>
    text.charCodeAt(i).toString(16).padStart(4, '0'),
  ).join('')
}

function unhex(units: string): string {
  return String.fromCharCode(...(units.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)))
}

/** Runs driver commands (fields joined by tabs) and returns one answer per command. */
function run(commands: readonly (readonly string[])[]): string[] {
  const input = commands.map((c) => c.join('\t')).join('\n') + '\n'
  return execFileSync(binary, { input, encoding: 'utf8' }).trimEnd().split('\n')
}

const TRICKY = [
  '',
  'plain',
  'quote " and backslash \\ and slash /',
  'new\nline, carriage\rreturn, tab\t',
  '\u0001\u0008\u000c\u001f\u007f',
  'accents é ü ß, euro €, CJK 漢字',
  'emoji 😀 (a surrogate pair)',
  'line separators \u2028\u2029',
  '{"command":"halt"} [1,2] \\"',
]

describe.skipIf(!hasCompiler)('Json.mqh, executed', () => {
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'tradeloom-json-mqh-'))
    writeFileSync(join(workDir, 'Json.mqh'), mql5Sources['Include/Tradeloom/Json.mqh']!)
    binary = join(workDir, 'json-mqh')
    execFileSync('g++', [
      '-std=c++17',
      '-I',
      workDir,
      '-I',
      supportDir,
      '-o',
      binary,
      join(supportDir, 'json-mqh-driver.cpp'),
    ])
  }, 60_000)

  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true })
  })

  it('escapes every string into pure-ASCII JSON that parses back to the same string', () => {
    const quoted = run(TRICKY.map((s) => ['quote', hex(s)])).map(unhex)
    TRICKY.forEach((original, i) => {
      expect(quoted[i], JSON.stringify(original)).toMatch(/^"[\x20-\x7e]*"$/)
      expect(JSON.parse(quoted[i]!)).toBe(original)
    })
    expect(quoted[2]).toBe('"quote \\" and backslash \\\\ and slash /"')
    expect(quoted[3]).toBe('"new\\nline, carriage\\rreturn, tab\\t"')
    expect(quoted[6]).toBe('"emoji \\ud83d\\ude00 (a surrogate pair)"')
  })

  it('decodes what it wrote, and what JSON.stringify writes', () => {
    const literals = [
      ...run(TRICKY.map((s) => ['quote', hex(s)])).map(unhex),
      ...TRICKY.map((s) => JSON.stringify(s)),
    ]
    const decoded = run(literals.map((l) => ['unquote', hex(l)]))
    decoded.forEach((line, i) => {
      expect(line.startsWith('ok\t'), literals[i]).toBe(true)
      expect(unhex(line.slice(3))).toBe(TRICKY[i % TRICKY.length])
    })
  })

  it('decodes the other escapes and refuses malformed strings', () => {
    const cases: [string, string | null][] = [
      ['"a\\/b"', 'a/b'],
      ['"\\b\\f"', '\b\f'],
      ['"\\u00E9\\u00e9"', 'éé'],
      ['"abc', null],
      ['abc', null],
      ['"\\x"', null],
      ['"\\u12"', null],
      ['"\\u00zz"', null],
      ['"\\u0000"', null],
      ['"ends with a backslash\\"', null],
    ]
    const answers = run(cases.map(([literal]) => ['unquote', hex(literal)]))
    cases.forEach(([literal, expected], i) => {
      expect(answers[i], literal).toBe(expected === null ? 'fail' : `ok\t${hex(expected)}`)
    })
  })

  it('reads members of reply objects, at the top level only', () => {
    const heartbeat = '{ "commandId": 12, "command": "close_all", "heartbeatSeconds": 30 }'
    const error =
      '{"error":{"code":"rate_limited","message":"Too many \\"requests\\", wait {now}"}}'
    const cases: [string, string, string, string][] = [
      ['long', heartbeat, 'commandId', 'ok\t12'],
      ['string', heartbeat, 'command', `ok\t${hex('close_all')}`],
      ['long', heartbeat, 'heartbeatSeconds', 'ok\t30'],
      ['long', heartbeat, 'missing', 'fail'],
      ['long', '{"commandId":null,"command":"run"}', 'commandId', 'fail'],
      ['string', '{"commandId":null,"command":"run"}', 'command', `ok\t${hex('run')}`],
      [
        'object',
        error,
        'error',
        `ok\t${hex('{"code":"rate_limited","message":"Too many \\"requests\\", wait {now}"}')}`,
      ],
      ['string', error, 'code', 'fail'],
      ['string', '{"a":{"command":"halt"},"command":"run"}', 'command', `ok\t${hex('run')}`],
      [
        'string',
        '{"note":"\\"command\\":\\"halt\\"","command":"resume"}',
        'command',
        `ok\t${hex('resume')}`,
      ],
      [
        'string',
        '{"list":[{"command":"halt"},"]"],"command":"run"}',
        'command',
        `ok\t${hex('run')}`,
      ],
      ['long', '{\n  "heartbeatSeconds" : 15 ,\n "x": true }', 'heartbeatSeconds', 'ok\t15'],
      ['bool', '{\n  "heartbeatSeconds" : 15 ,\n "x": true }', 'x', 'ok\ttrue'],
      ['bool', '{"ok":false}', 'ok', 'ok\tfalse'],
      ['bool', '{"ok":"true"}', 'ok', 'fail'],
      ['number', '{"n": 1.5e3}', 'n', 'ok\t1500'],
      ['number', '{"n": -0.25}', 'n', 'ok\t-0.25'],
      ['long', '{"n": 1.5e3}', 'n', 'fail'],
      ['long', '{"commandId":"12"}', 'commandId', 'fail'],
      ['long', '{"commandId":9007199254740991}', 'commandId', 'ok\t9007199254740991'],
      ['string', '{"comm\\u0061nd":"halt"}', 'command', `ok\t${hex('halt')}`],
      ['string', '{"command":"halt","command":"run"}', 'command', `ok\t${hex('halt')}`],
      ['string', '{"a":1 "command":"halt"}', 'command', 'fail'],
      ['string', '{"command": }', 'command', 'fail'],
      ['string', '["command","halt"]', 'command', 'fail'],
      ['string', '{}', 'command', 'fail'],
      ['string', '', 'command', 'fail'],
    ]
    const answers = run(cases.map(([command, json, name]) => [command, hex(json), hex(name)]))
    cases.forEach(([command, json, name, expected], i) => {
      expect(answers[i], `${command} ${name} in ${json}`).toBe(expected)
    })
  })

  it('formats numbers as JSON, with null for what is not a number', () => {
    const cases: [string, number, string][] = [
      ['1.1', 5, '1.1'],
      ['2', 2, '2'],
      ['100', 0, '100'],
      ['-3.25', 3, '-3.25'],
      ['1234.5678', 2, '1234.57'],
      ['0.1', 8, '0.1'],
      ['-0.000001', 2, '0'],
      ['nan', 2, 'null'],
      ['inf', 2, 'null'],
      ['1.7976931348623157e308', 2, 'null'],
    ]
    const answers = run(cases.map(([value, digits]) => ['format', value, String(digits)]))
    cases.forEach(([value, digits, expected], i) => {
      expect(unhex(answers[i]!), `${value} with ${digits} digits`).toBe(expected)
      expect(() => JSON.parse(expected)).not.toThrow()
    })
  })

  it('writes objects that JSON.parse reads back exactly', () => {
    const answers = run(TRICKY.map((s) => ['writer', hex(s)])).map(unhex)
    TRICKY.forEach((text, i) => {
      expect(JSON.parse(answers[i]!)).toEqual({
        text,
        [text]: 'as a key',
        long: -9007199254740991,
        price: 1.23457,
        nan: null,
        yes: true,
        no: false,
        ticket: '18446744073709551615',
        inner: { message: text },
        empty: [],
      })
    })
  })
})
