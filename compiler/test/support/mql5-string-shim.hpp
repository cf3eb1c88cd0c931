// The MQL5 string built-ins Include/Tradeloom/Json.mqh calls, written in C++17 so that the
// .mqh itself compiles with g++ and its code runs unchanged (json-mqh.test.ts). MQL5 strings are
// UTF-16: `string` holds UTF-16 code units and every function counts in units, as MQL5 does.
// Narrow literals in the .mqh are ASCII, so they widen byte for byte.
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;   // 64 bits on x86-64 Linux, like MQL5's ulong
typedef unsigned char uchar;

#define EMPTY_VALUE DBL_MAX

struct string {
  std::u16string s;
  string() {}
  string(const char *text) {
    while (*text) s.push_back((unsigned char)*text++);
  }
  explicit string(const std::u16string &units) : s(units) {}
  string &operator+=(const string &other) {
    s += other.s;
    return *this;
  }
  friend string operator+(const string &a, const string &b) { return string(a.s + b.s); }
  friend bool operator==(const string &a, const string &b) { return a.s == b.s; }
  friend bool operator!=(const string &a, const string &b) { return a.s != b.s; }
};

static std::string narrow(const string &text) {
  std::string out;
  for (char16_t unit : text.s) out.push_back((char)unit);   // only ever called on ASCII
  return out;
}

int StringLen(const string &text) { return (int)text.s.size(); }

// MQL5 returns 0 for a position outside the string.
ushort StringGetCharacter(const string &text, int pos) {
  return (pos >= 0 && pos < (int)text.s.size()) ? (ushort)text.s[pos] : 0;
}

string ShortToString(ushort unit) { return string(std::u16string(1, (char16_t)unit)); }

string StringSubstr(const string &text, int start, int length = -1) {
  if (start < 0 || start >= (int)text.s.size()) return string();
  return string(text.s.substr(start, length < 0 ? std::u16string::npos : (size_t)length));
}

int StringFind(const string &text, const string &match, int start = 0) {
  size_t at = text.s.find(match.s, start);
  return at == std::u16string::npos ? -1 : (int)at;
}

bool MathIsValidNumber(double x) { return std::isfinite(x); }

string DoubleToString(double value, int digits = 8) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return string(buffer);
}

string IntegerToString(long value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld", value);
  return string(buffer);
}

double StringToDouble(const string &text) { return std::strtod(narrow(text).c_str(), nullptr); }

long StringToInteger(const string &text) { return std::strtol(narrow(text).c_str(), nullptr, 10); }

// MQL5's %I64d / %I64u are C's %ld / %lu here.
template <typename... Args>
string StringFormat(const string &format, Args... args) {
  std::string f = narrow(format);
  for (size_t at; (at = f.find("I64")) != std::string::npos;) f.replace(at, 3, "l");
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, f.c_str(), args...);
  return string(buffer);
}
