import { mql5Sources } from '@tradeloom/mql5-templates'
import { describe, expect, it } from 'vitest'
import { loadMql5Library } from './load-mql5-library'

const PATH = 'Include/Tradeloom/Test.mqh'

/** Translates one snippet (with Values.mqh available) and returns its functions. */
async function load(source: string) {
  const lib = await loadMql5Library([PATH], {
    ...mql5Sources,
    [PATH]: `#include <Tradeloom\\Values.mqh>\n${source}`,
  })
  return lib
}

describe('the MQL5-subset translator', () => {
  it('keeps integer arithmetic: truncating division, int storage, int before double', async () => {
    const { functions } = await load(`
int Div(const int a, const int b) { return(a / b); }
int Mod(const int a, const int b) { return(a % b); }
int Store(const double x) { int k = 0; k = (int)x; return(k); }
int Implicit(const double x) { int k = 0; k += x; return(k); }
double Mixed(const int a) { return(a / 2 * 1.5); }
double Promoted(const int a) { return(a / 2.0); }`)
    expect(functions.Div!(7, 2)).toBe(3)
    expect(functions.Div!(-7, 2)).toBe(-3)
    expect(functions.Mod!(-7, 3)).toBe(-1)
    expect(functions.Store!(-2.9)).toBe(-2)
    expect(functions.Implicit!(2.9)).toBe(2)
    expect(functions.Mixed!(3)).toBe(1.5)
    expect(functions.Promoted!(3)).toBe(1.5)
    expect(() => functions.Div!(1, 0)).toThrow(/division by zero/)
  })

  it('passes structs and arrays by reference and keeps ++ and loops', async () => {
    const { functions, structs } = await load(`
struct Acc { int n; double xs[]; double total; };
void AccInit(Acc &a, const int size) { a.n = 0; ArrayResize(a.xs, size); ArrayInitialize(a.xs, 0.0); a.total = 0.0; }
double AccPush(Acc &a, const double x)
  {
   a.xs[a.n % ArraySize(a.xs)] = x;
   a.n++;
   double sum = 0.0;
   for(int i = 0; i < ArraySize(a.xs); i++)
      sum += a.xs[i];
   a.total = sum;
   return(a.n > 1 ? a.total : TL_NO_VALUE);
  }`)
    const acc = structs.Acc!()
    functions.AccInit!(acc, 2)
    expect(functions.AccPush!(acc, 1.5)).toBe(Number.MAX_VALUE)
    expect(functions.AccPush!(acc, 2)).toBe(3.5)
    expect(functions.AccPush!(acc, 4)).toBe(6)
    expect(acc.n).toBe(3)
  })

  it('stops where MQL5 would, or where the comparison would be meaningless', async () => {
    const { functions, structs } = await load(`
struct S { double v; double xs[]; };
double ReadUnset(S &s) { return(s.v); }
double ReadOutside(S &s) { ArrayResize(s.xs, 2); ArrayInitialize(s.xs, 0.0); return(s.xs[2]); }
double ReadUnwritten(S &s) { ArrayResize(s.xs, 3); return(s.xs[0]); }`)
    expect(() => functions.ReadUnset!(structs.S!())).toThrow(/S\.v read before it was set/)
    expect(() => functions.ReadOutside!(structs.S!())).toThrow(/index 2 out of range/)
    expect(() => functions.ReadUnwritten!(structs.S!())).toThrow(/read before it was written/)
  })

  it.each([
    [
      'a do-while loop',
      'int F(int x) { do { x = x - 1; } while(x > 0); return(x); }',
      /statement do_statement/,
    ],
    ['a float', 'float F() { return(1.0); }', /type float/],
    ['a scalar reference', 'void F(double &x) { x = 1.0; }', /scalar passed by reference/],
    [
      'a numeric condition',
      'int F(const double x) { if(x) return(1); return(0); }',
      /condition of type double/,
    ],
    ['a class', 'class C { };', /top-level class_specifier/],
    ['an unknown function', 'double F() { return(iMA(0)); }', /unknown function iMA/],
    ['a global variable', 'double g_x = 0.0;', /top-level declaration/],
  ])('refuses %s, naming it', async (_what, source, message) => {
    await expect(load(source)).rejects.toThrow(message)
  })
})
