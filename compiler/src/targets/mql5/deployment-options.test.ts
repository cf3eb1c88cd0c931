import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../diagnostics'
import { deploymentMagic, validateDeployment } from './deployment-options'

const TOKEN = 'tok_0123456789abcdefghijklmnopqrstuv'
const VALID = { id: 'dep-42', serverUrl: 'https://app.example.com', token: TOKEN }

function problems(input: unknown): readonly Diagnostic[] {
  const result = validateDeployment(input)
  return result.ok ? [] : result.diagnostics
}

describe('validateDeployment', () => {
  it('accepts a minimal deployment and fills the defaults', () => {
    const result = validateDeployment(VALID)
    expect(result).toEqual({
      ok: true,
      deployment: {
        id: 'dep-42',
        serverUrl: 'https://app.example.com',
        whitelistUrl: 'https://app.example.com',
        token: TOKEN,
        heartbeatSeconds: 15,
        offlinePolicy: 'stop-entries',
        offlineMinutes: 15,
        magic: deploymentMagic('dep-42'),
      },
    })
  })

  it('normalises the URL and keeps a path, but whitelists the origin', () => {
    const result = validateDeployment({
      ...VALID,
      serverUrl: 'HTTPS://App.Example.com:8443/tradeloom/',
    })
    expect(result.ok && result.deployment.serverUrl).toBe('https://app.example.com:8443/tradeloom')
    expect(result.ok && result.deployment.whitelistUrl).toBe('https://app.example.com:8443')
  })

  it.each(['http://127.0.0.1:3000', 'http://localhost', 'https://10.0.0.5/api-root'])(
    'accepts %s',
    (serverUrl) => {
      expect(problems({ ...VALID, serverUrl })).toEqual([])
    },
  )

  it.each([
    ['http://app.example.com', /must use https/],
    ['ftp://app.example.com', /must use https/],
    ['https://user:pw@app.example.com', /must look like/],
    ['https://app.example.com/?x=1', /must look like/],
    ['https://app.example.com/a b', /must look like/],
    ['https://app.example.com:0', /port 0 is outside/],
    ['https://app.example.com:70000', /port 70000 is outside/],
    ['https://-bad-.example.com', /not a valid host name/],
    ['https://app.example.com/../x', /"\."/],
    ['https://app.example.com/"quote', /must look like/],
    [`https://app.example.com/${'a'.repeat(200)}`, /at most 200/],
    [42, /must be a string/],
  ])('refuses the server URL %s', (serverUrl, message) => {
    const [diagnostic, ...rest] = problems({ ...VALID, serverUrl })
    expect(rest).toEqual([])
    expect(diagnostic).toMatchObject({
      code: 'invalid-deployment',
      severity: 'error',
      path: ['deployment', 'serverUrl'],
    })
    expect(diagnostic!.message).toMatch(message)
  })

  it.each([
    ['id', ''],
    ['id', 'a'.repeat(37)],
    ['id', 'dep/42'],
    ['id', 'dep.42'],
    ['token', 'short'],
    ['token', `${TOKEN}"; Print("x`],
    ['token', 'x'.repeat(129)],
    ['heartbeatSeconds', 4],
    ['heartbeatSeconds', 301],
    ['heartbeatSeconds', 15.5],
    ['offlineMinutes', 0],
    ['offlineMinutes', '15'],
    ['offlinePolicy', 'close-everything'],
  ])('refuses %s = %j with a diagnostic on its path', (field, value) => {
    expect(problems({ ...VALID, [field]: value })).toEqual([
      expect.objectContaining({ code: 'invalid-deployment', path: ['deployment', field] }),
    ])
  })

  it('never repeats the token in a message', () => {
    const secret = 'S3cret_but_too_short'
    const found = problems({ ...VALID, token: secret })
    expect(found).toHaveLength(1)
    expect(JSON.stringify(found)).not.toContain(secret)
  })

  it('reports every problem at once, unknown settings included', () => {
    const found = problems({ id: '', serverUrl: 'http://x.com', token: '', heartbeat: 10 })
    expect(found.map((d) => d.path)).toEqual([
      ['deployment', 'heartbeat'],
      ['deployment', 'id'],
      ['deployment', 'serverUrl'],
      ['deployment', 'token'],
    ])
  })

  it('refuses something that is not an object', () => {
    expect(problems(null)).toEqual([
      expect.objectContaining({ code: 'invalid-deployment', path: ['deployment'] }),
    ])
    expect(problems('dep-42')).toHaveLength(1)
  })
})

describe('deploymentMagic', () => {
  it('is a stable nine-digit number that differs between deployments', () => {
    const magic = deploymentMagic('dep-42')
    expect(magic).toBe(deploymentMagic('dep-42'))
    expect(magic).toBeGreaterThanOrEqual(100_000_000)
    expect(magic).toBeLessThan(1_000_000_000)
    const others = new Set(['a', 'b', 'c', 'd', 'e'].map(deploymentMagic))
    expect(others.size).toBe(5)
  })
})
