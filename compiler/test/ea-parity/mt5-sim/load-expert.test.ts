import { describe, expect, it } from 'vitest'
import { mql5Runtime } from '../../mql5-parity/mql5-runtime'
import type { InputValue } from './load-expert'
import { loadExpert } from './load-expert'
import { MT5_CONSTANTS } from './mt5-constants'

/** Translates an EA-shaped snippet and evaluates it without a terminal (pure functions only). */
async function load(source: string, inputs: Record<string, InputValue> = {}) {
  const expert = await loadExpert(source)
  return expert.instantiate({ ...mql5Runtime, ...MT5_CONSTANTS }, inputs)
}

describe('translating a whole Expert Advisor', () => {
  it('keeps globals in source order and makes inputs constants the tester may override', async () => {
    const source = `#property version "1.00"
input group "Trading"
input int    InpPeriod = 14;   // Period
sinput long  InpMagic  = 20240601;
input double InpLots   = 0.1;
int    g_count = InpPeriod * 2;
string g_name  = "EA " + "one";
int Count() { g_count++; return(g_count); }
long Magic() { return(InpMagic); }
double Lots() { return(InpLots); }
string Name() { return(g_name); }`
    const ea = await load(source)
    expect(ea.inputs).toEqual(['InpPeriod', 'InpMagic', 'InpLots'])
    expect(ea.functions.Count!()).toBe(29)
    expect(ea.functions.Name!()).toBe('EA one')
    const other = await load(source, { InpPeriod: 5, InpLots: 0.5 })
    expect(other.functions.Count!()).toBe(11)
    expect(other.functions.Lots!()).toBe(0.5)
    expect(other.functions.Magic!()).toBe(20240601)
    await expect(load(source, { InpPeriod: 1.5 })).rejects.toThrow(
      /InpPeriod \(int\) cannot be 1.5/,
    )
    await expect(load(source, { InpNope: 1 })).rejects.toThrow(/no input InpNope/)
  })

  it('copies structs by value, into the existing storage', async () => {
    const ea = await load(`
struct Inner { int kind; double value; };
struct Outer { Inner inner; double price; };
Outer g_a;
Outer g_slots[4];
void Set(Inner &d, const int kind) { d.kind = kind; d.value = kind * 1.5; }
void Replace(Inner &d, const Inner &s) { d = s; }
double Test()
  {
   Set(g_a.inner, 2);
   g_a.price = 1.25;
   Outer b;
   b = g_a;                 // a copy: changing b leaves g_a alone
   b.inner.kind = 7;
   g_slots[3] = b;
   Inner fresh;
   Set(fresh, 9);
   Replace(g_slots[3].inner, fresh);   // by reference: writes into the array slot
   return(g_a.inner.kind * 1000 + g_slots[3].inner.kind * 10 + g_slots[3].price);
  }`)
    expect(ea.functions.Test!()).toBe(2000 + 90 + 1.25)
  })

  it('keeps int, uint, long and ulong apart and stops where MQL5 would wrap around', async () => {
    const ea = await load(`
long Day(const long t) { return(t - (t % 86400)); }
long Twice(const long t) { return(t * 2); }
int IntTwice(const int x) { return(x * 2); }
ulong ToUnsigned(const long x) { return((ulong)x); }
bool Compare(const uint a, const int b) { return(a > b); }
int Div(const long a, const int b) { return((int)(a / b)); }`)
    expect(ea.functions.Day!(1_750_000_123)).toBe(1_749_945_600)
    expect(ea.functions.Twice!(1_750_000_000)).toBe(3_500_000_000)
    expect(() => ea.functions.IntTwice!(1_750_000_000)).toThrow(/int overflow/)
    expect(() => ea.functions.ToUnsigned!(-1)).toThrow(/ulong out of range/)
    expect(ea.functions.Compare!(3, 2)).toBe(true)
    expect(() => ea.functions.Compare!(3, -2)).toThrow(/negative value -2 converted to an unsigned/)
    expect(ea.functions.Div!(-7, 2)).toBe(-3)
  })

  it('runs switch with fall-through, strings and escapes', async () => {
    const ea = await load(`
int Pick(const int k)
  {
   int r = 0;
   switch(k)
     {
      case 1:
         r += 10;
      case 2:
         r += 1;
         break;
      default:
         r = -1;
     }
   return(r);
  }
string Quote(const string s) { return("\\"" + s + "\\"\\n" "end"); }
bool Same(const string a, const string b) { return(a == b); }`)
    expect([1, 2, 3].map((k) => ea.functions.Pick!(k))).toEqual([11, 1, -1])
    expect(ea.functions.Quote!('x')).toBe('"x"\nend')
    expect(ea.functions.Same!('EURUSD', 'EURUSD')).toBe(true)
  })

  it.each([
    ['a global without an initialiser', 'int g_x;', /global g_x without an initialiser/],
    [
      'an assignment to an input',
      'input int InpX = 1;\nvoid F() { InpX = 2; }',
      /assignment to input/,
    ],
    [
      'a global used before its declaration',
      'int F() { return(g_x); }\nint g_x = 1;',
      /unknown identifier g_x/,
    ],
    [
      'an include the simulator does not provide',
      '#include <Arrays\\ArrayInt.mqh>\n',
      /#include of Arrays/,
    ],
    [
      'an unknown CTrade method',
      'CTrade t;\nvoid F() { t.BuyLimit(0.1, 1.0); }',
      /unknown method CTrade::BuyLimit/,
    ],
    [
      'a terminal function the simulator lacks',
      'void F() { Sleep(10); }',
      /unknown function Sleep/,
    ],
    [
      'EnumToString of a plain int',
      'string F(const int x) { return(EnumToString(x)); }',
      /EnumToString of something not known/,
    ],
    [
      'a string compared with <',
      'bool F(const string a) { return(a < "b"); }',
      /< on string, string/,
    ],
    ['an unknown escape', 'string F() { return("a\\qb"); }', /escape \\q/],
  ])('refuses %s, naming it', async (_what, source, message) => {
    await expect(load(source)).rejects.toThrow(message)
  })
})
